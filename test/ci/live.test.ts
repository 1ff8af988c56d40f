import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture } from './helpers.js';

const run = promisify(execFile);

/**
 * A real HTTP server on 127.0.0.1 replaying recorded pages of the three live APIs (cut from the
 * fixtures), with a 429 and a 503 before the first Zuul page to exercise retries.
 */
const builds = JSON.parse(readFileSync(fixture('zuul-flat.json'), 'utf8')) as unknown[];
const gerritText = readFileSync(fixture('gerrit.json'), 'utf8');
const changes = [
  ...(JSON.parse(gerritText.split(")]}'")[1] as string) as Array<Record<string, unknown>>),
  ...(JSON.parse(gerritText.split(")]}'")[2] as string) as Array<Record<string, unknown>>).slice(1),
];
const githubPages = readFileSync(fixture('github-runs.json'), 'utf8').trim().split(/\n(?=\{)/);

const ZUUL_TOKEN = 'zuul-secret-token-123';
const GITHUB_TOKEN = 'ghp_secret_456';
const GERRIT_PASSWORD = 'gerrit-http-password-789';

let server: Server;
let base = '';
const seen: Array<{ path: string; auth: string | undefined }> = [];
let zuulFailures = 0;

function reply(req: IncomingMessage): { status: number; body: string; headers?: Record<string, string> } {
  const url = new URL(req.url ?? '/', base);
  if (url.pathname === '/api/tenant/acme/builds') {
    const skip = Number(url.searchParams.get('skip'));
    const limit = Number(url.searchParams.get('limit'));
    if (skip === 0 && zuulFailures === 0) {
      zuulFailures++;
      return { status: 429, body: 'slow down', headers: { 'retry-after': '0' } };
    }
    if (skip === 0 && zuulFailures === 1) {
      zuulFailures++;
      return { status: 503, body: 'unavailable' };
    }
    return { status: 200, body: JSON.stringify(builds.slice(skip, skip + limit)) };
  }
  if (url.pathname === '/a/changes/') {
    if (!url.searchParams.getAll('o').includes('MESSAGES')) return { status: 400, body: 'o=MESSAGES missing' };
    const start = Number(url.searchParams.get('S'));
    const n = Number(url.searchParams.get('n'));
    const page = changes.slice(start, start + n).map((c) => ({ ...c }));
    if (start + n < changes.length) (page[page.length - 1] as Record<string, unknown>)._more_changes = true;
    else delete (page[page.length - 1] as Record<string, unknown>)._more_changes;
    return { status: 200, body: `)]}'\n${JSON.stringify(page)}` };
  }
  if (url.pathname === '/repos/acme/netsvc/actions/runs') {
    const page = Number(url.searchParams.get('page') ?? '1');
    const next = page < githubPages.length ? { link: `<${base}/repos/acme/netsvc/actions/runs?per_page=100&page=${page + 1}>; rel="next"` } : undefined;
    return { status: 200, body: githubPages[page - 1] as string, headers: next };
  }
  return { status: 404, body: 'not found' };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    const { status, body, headers } = reply(req);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function lifecycle(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, 'ci-readiness', ...args], {
      cwd: ROOT,
      env: { ...process.env, LIFECYCLE_HTTP_RETRY_BASE_MS: '1', ...env },
      timeout: 30_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const COMMON = ['--contact', 'a@x', '--contact', 'b@y', '--policy', fixture('policy-7d.yaml'), '--as-of', '2026-03-07', '--format', 'json'];

describe('live sources against a replaying HTTP server', () => {
  it('pages through the Zuul builds API, retrying 429 and 503, with the token from the environment', async () => {
    const ref = ['--reference', fixture('gerrit.json'), '--reference-format', 'gerrit'];
    const live = await lifecycle(['--from', `zuul:${base}/api/tenant/acme/builds?project=netsvc&limit=5`, '--system', 'acme-zuul', ...ref, ...COMMON, '--debug'], { ZUUL_TOKEN });
    const file = await lifecycle(['--history', fixture('zuul-flat.json'), '--source-format', 'zuul', '--system', 'acme-zuul', ...ref, ...COMMON]);
    expect(live.code).toBe(1);
    expect(JSON.parse(live.stdout).systems).toEqual(JSON.parse(file.stdout).systems);
    expect(live.stderr).toContain('HTTP 429 Too Many Requests; retry 1 of 4 in 0 ms');
    expect(live.stderr).toContain('HTTP 503 Service Unavailable; retry 2 of 4 in 2 ms');
    const zuul = seen.filter((s) => s.path.startsWith('/api/'));
    expect(zuul.map((s) => new URL(s.path, base).searchParams.get('skip'))).toEqual(['0', '0', '0', '5', '10']);
    expect(zuul.every((s) => s.auth === `Bearer ${ZUUL_TOKEN}`)).toBe(true);
    expect(live.stdout + live.stderr).not.toContain(ZUUL_TOKEN);
  });

  it('pages through a Gerrit query (S/n, _more_changes) with HTTP basic auth', async () => {
    const live = await lifecycle(['--from', `gerrit:${base}/a/changes/?q=project:netsvc&n=3`, '--system', 'Acme CI', ...COMMON], {
      GERRIT_USER: 'ci-bot',
      GERRIT_HTTP_PASSWORD: GERRIT_PASSWORD,
    });
    const file = await lifecycle(['--history', fixture('gerrit.json'), '--source-format', 'gerrit', '--system', 'Acme CI', ...COMMON]);
    expect(JSON.parse(live.stdout).systems).toEqual(JSON.parse(file.stdout).systems);
    const gerrit = seen.filter((s) => s.path.startsWith('/a/changes/'));
    expect(gerrit.map((s) => new URL(s.path, base).searchParams.get('S'))).toEqual(['0', '3', '6']);
    expect(gerrit[0]?.auth).toBe(`Basic ${Buffer.from(`ci-bot:${GERRIT_PASSWORD}`).toString('base64')}`);
    expect(live.stdout + live.stderr).not.toContain(GERRIT_PASSWORD);
  });

  it('follows GitHub Link headers with the token, and limits by --since', async () => {
    const args = ['--workflow', 'Acme Third Party', '--system', 'acme-gh', '--reference', fixture('github-runs.json'), '--reference-format', 'github', '--reference-workflow', 'CI', '--reference-system', 'CI', ...COMMON];
    const live = await lifecycle(['--from', 'github:acme/netsvc', '--since', '2026-02-01', ...args], { GITHUB_API_URL: base, GITHUB_TOKEN });
    const file = await lifecycle(['--history', fixture('github-runs.json'), '--source-format', 'github', '--since', '2026-02-01', ...args]);
    expect(live.stderr).toBe('');
    expect(JSON.parse(live.stdout).systems).toEqual(JSON.parse(file.stdout).systems);
    const gh = seen.filter((s) => s.path.startsWith('/repos/'));
    expect(gh).toHaveLength(2);
    expect(new URL(gh[0]!.path, base).searchParams.get('created')).toBe('>=2026-02-01');
    expect(gh.every((s) => s.auth === `Bearer ${GITHUB_TOKEN}`)).toBe(true);
    expect(live.stdout).not.toContain(GITHUB_TOKEN);
  });

  it('fails with one clear line (exit 2, no token) when the server refuses', async () => {
    const r = await lifecycle(['--from', `zuul:${base}/nowhere?token=abc`, '--system', 'x'], { ZUUL_TOKEN });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lifecycle: GET ${base}/nowhere?token=REDACTED&limit=100&skip=0 failed: HTTP 404 Not Found\n`);
    const bad = await lifecycle(['--from', 'svn:whatever', '--system', 'x']);
    expect(bad.stderr).toBe('lifecycle: --from "svn:whatever": expected zuul:URL, gerrit:URL or github:OWNER/REPO\n');
  });
});
