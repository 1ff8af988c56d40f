import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture } from './helpers.js';

const run = promisify(execFile);

/**
 * Hostile live APIs, served from 127.0.0.1: pagination that leaves the origin, loops, repeats
 * itself or never ends. A second server on another port is "another origin": it records what
 * reaches it, so the tests can prove that no credential ever does.
 */
const TOKEN = 'ghp_hostile_secret_1';
const ZUUL_TOKEN = 'zuul_hostile_secret_2';
const GERRIT_PASSWORD = 'gerrit_hostile_secret_3';
const githubRun = (JSON.parse(readFileSync(fixture('github-runs.json'), 'utf8').split(/\n(?=\{)/)[0] as string) as { workflow_runs: Array<Record<string, unknown>> })
  .workflow_runs[0] as Record<string, unknown>;
const zuulBuild = (JSON.parse(readFileSync(fixture('zuul-flat.json'), 'utf8')) as Array<Record<string, unknown>>)[0] as Record<string, unknown>;
const gerritChange = (JSON.parse(readFileSync(fixture('gerrit.json'), 'utf8').split(")]}'")[1] as string) as Array<Record<string, unknown>>)[0] as Record<string, unknown>;

let api: Server;
let other: Server;
let apiBase = '';
let otherBase = '';
const reachedOther: Array<{ path: string; auth: string | undefined }> = [];
const reachedApi: string[] = [];

function githubPage(id: number): string {
  return JSON.stringify({ total_count: 1000, workflow_runs: [{ ...githubRun, id }] });
}

function reply(req: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } {
  const url = new URL(req.url ?? '/', apiBase);
  const page = Number(url.searchParams.get('page') ?? '1');
  const runs = (repo: string) => `${apiBase}/repos/${repo}/actions/runs`;
  switch (url.pathname) {
    case '/repos/acme/off-origin/actions/runs':
      return { status: 200, body: githubPage(1), headers: { link: `<${otherBase}/steal?page=2>; rel="next"` } };
    case '/repos/acme/redirect/actions/runs':
      return { status: 302, body: '', headers: { location: `${otherBase}/repos/acme/redirect/actions/runs` } };
    case '/repos/acme/loop/actions/runs':
      return { status: 200, body: githubPage(page), headers: { link: `<${runs('acme/loop')}?${page === 2 ? 'per_page=100' : 'page=2'}>; rel="next"` } };
    case '/repos/acme/same/actions/runs':
      return { status: 200, body: githubPage(1), headers: { link: `<${runs('acme/same')}?page=${page + 1}>; rel="next"` } };
    case '/repos/acme/endless/actions/runs':
      return { status: 200, body: githubPage(page), headers: { link: `<${runs('acme/endless')}?page=${page + 1}>; rel="next", <${runs('acme/endless')}?page=1>; rel="first"` } };
    case '/zuul/ignores-skip/builds':
      return { status: 200, body: JSON.stringify([zuulBuild, { ...zuulBuild, uuid: 'u-other' }]) };
    case '/zuul/endless/builds': {
      const skip = Number(url.searchParams.get('skip'));
      return { status: 200, body: JSON.stringify([{ ...zuulBuild, uuid: `a${skip}` }, { ...zuulBuild, uuid: `b${skip}` }]) };
    }
    case '/a/more-forever/': {
      const start = Number(url.searchParams.get('S'));
      return { status: 200, body: `)]}'\n${JSON.stringify([{ ...gerritChange, _number: 500 + start, _more_changes: true }])}` };
    }
    case '/a/more-same/':
      return { status: 200, body: `)]}'\n${JSON.stringify([{ ...gerritChange, _more_changes: true }])}` };
    default:
      return { status: 404, body: 'not found' };
  }
}

beforeAll(async () => {
  api = createServer((req, res) => {
    reachedApi.push(req.url ?? '');
    const { status, body, headers } = reply(req);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  });
  other = createServer((req, res) => {
    reachedOther.push({ path: req.url ?? '', auth: req.headers.authorization });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(githubPage(99));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => api.close(() => resolve()));
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

async function lifecycle(args: string[]) {
  const env = { ...process.env, LIFECYCLE_HTTP_RETRY_BASE_MS: '1', GITHUB_API_URL: apiBase, GITHUB_TOKEN: TOKEN, ZUUL_TOKEN, GERRIT_USER: 'bot', GERRIT_HTTP_PASSWORD: GERRIT_PASSWORD };
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'ci-readiness', '--system', 'x', ...args], { cwd: ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOneLine(r: { code: number; stdout: string; stderr: string }, message: string): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toContain(TOKEN);
}

describe('credentials stay with their origin', () => {
  it('refuses a GitHub next page on another origin, and sends it nothing', async () => {
    const r = await lifecycle(['--from', 'github:acme/off-origin']);
    expectOneLine(r, `github:acme/off-origin: the next page is on another origin (${otherBase}, not ${apiBase}); not following it`);
    expect(reachedOther).toEqual([]);
  });

  it('drops the token when a redirect leaves the origin', async () => {
    await lifecycle(['--from', 'github:acme/redirect']);
    expect(reachedOther).toEqual([{ path: '/repos/acme/redirect/actions/runs', auth: undefined }]);
    reachedOther.length = 0;
  });
});

describe('pagination that never ends is an error, never a truncated history', () => {
  it('stops when GitHub links back to a page it already gave', async () => {
    expectOneLine(await lifecycle(['--from', 'github:acme/loop']), 'github:acme/loop: the next page');
    expect((await lifecycle(['--from', 'github:acme/loop'])).stderr).toContain('was fetched before (endless pagination); the history would be incomplete');
  });

  it('stops when GitHub serves the same page under new URLs', async () => {
    expectOneLine(await lifecycle(['--from', 'github:acme/same']), 'github:acme/same: page 2 repeats page 1 (the server ignores the paging parameters)');
  });

  it('stops at the page cap, saying so, and the cap is configurable', async () => {
    const before = reachedApi.length;
    expectOneLine(await lifecycle(['--from', 'github:acme/endless', '--max-pages', '5']), 'github:acme/endless: still more pages after 5 (the page cap); the history would be incomplete');
    expect(reachedApi.length - before).toBe(5);
    expect((await lifecycle(['--from', 'github:acme/endless', '--max-pages', '0'])).stderr).toBe('lifecycle: --max-pages "0": expected a whole number of pages, at least 1\n');
  });

  it('stops when Zuul ignores skip, or never shrinks its pages', async () => {
    expectOneLine(await lifecycle(['--from', `zuul:${apiBase}/zuul/ignores-skip/builds?limit=2`]), 'page 2 repeats page 1');
    expectOneLine(await lifecycle(['--from', `zuul:${apiBase}/zuul/endless/builds?limit=2`, '--max-pages', '4']), `zuul:${apiBase}/zuul/endless/builds: still more pages after 4 (the page cap)`);
  });

  it('stops when Gerrit says _more_changes forever', async () => {
    expectOneLine(await lifecycle(['--from', `gerrit:${apiBase}/a/more-same/?q=x`]), 'page 2 repeats page 1');
    const r = await lifecycle(['--from', `gerrit:${apiBase}/a/more-forever/?q=x&n=1`, '--max-pages', '3']);
    expectOneLine(r, `gerrit:${apiBase}/a/more-forever/: still more pages after 3 (the page cap)`);
    expect(r.stderr).not.toContain(GERRIT_PASSWORD);
  });
});
