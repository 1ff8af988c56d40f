import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, fixture } from './helpers.js';

function lifecycle(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const GERRIT = ['ci-readiness', '--history', fixture('gerrit.json'), '--source-format', 'gerrit', '--system', 'Acme CI', '--contact', 'a@x', '--contact', 'b@y'];
const WEEK = ['--policy', fixture('policy-7d.yaml'), '--as-of', '2026-03-07'];
const EXAMPLE = join(ROOT, 'examples', 'netsvc', 'ci');
const UPSTREAM = ['--reference', join(EXAMPLE, 'upstream.gerrit-events.ndjson'), '--reference-format', 'gerrit-events'];

describe('lifecycle ci-readiness (built CLI)', () => {
  it('prints the JSON contract and exits 1 when the system may not vote', () => {
    const { code, stdout, stderr } = lifecycle([...GERRIT, ...WEEK, '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ version: 1, asOf: '2026-03-07' });
    expect(Object.keys(json.systems[0])).toEqual(
      expect.arrayContaining(['name', 'verdict', 'cleanSince', 'eligibleOn', 'criteria']),
    );
    expect(json.systems[0]).toMatchObject({ name: 'Acme CI', verdict: 'not-yet', cleanSince: '2026-03-06', eligibleOn: '2026-03-12' });
    for (const c of json.systems[0].criteria) {
      expect(Object.keys(c)).toEqual(['id', 'value', 'threshold', 'op', 'pass', 'detail', 'evidence']);
    }
    expect(json.systems[0].criteria.map((c: { id: string }) => c.id)).toEqual([
      'probation', 'coverage', 'silence', 'infra-rate', 'false-negative-rate', 'agreement', 'infra-votes', 'failure-streak',
      'duplicate-reports', 'rechecks-answered', 'log-links', 'contacts', 'matrix',
    ]);
  });

  it('gives byte-identical output for the same input, whatever the time zone', () => {
    const a = lifecycle([...GERRIT, ...WEEK, '--format', 'json'], { TZ: 'Asia/Kolkata' });
    const b = lifecycle([...GERRIT, ...WEEK, '--format', 'json'], { TZ: 'America/Los_Angeles' });
    const c = lifecycle([...GERRIT, '--policy', fixture('policy-7d.yaml'), '--format', 'json'], { TZ: 'Pacific/Chatham' });
    expect(a.stdout).toBe(b.stdout);
    // without --as-of: the day of the latest record (105/1 uploaded 2026-03-07 20:00 UTC)
    expect(c.stdout).toBe(a.stdout.replace('"asOfSource": "flag"', '"asOfSource": "latest-record"'));
  });

  it('shows a per-day strip of the window in text, and a table in Markdown', () => {
    const text = lifecycle([...GERRIT, ...WEEK]);
    expect(text.stdout).toContain('Acme CI: NOT-YET (non-voting; may not vote)');
    expect(text.stdout).toContain('  window  2026-03-01 +f+f+s+ 2026-03-07\n  broken             .!.!!..\n');
    expect(text.stdout).toMatch(/ {2}FAIL coverage +87\.5% +>= 95% +reported on 7 of 8 upstream patchsets/);
    expect(text.stdout).toContain('         2026-03-04T14:00:00Z change 108/1: no report');
    const md = lifecycle([...GERRIT, ...WEEK, '--format', 'markdown']);
    expect(md.stdout).toContain('## Acme CI: `not-yet`');
    expect(md.stdout).toContain('| coverage | 87.5% | >= 95% | **no** | reported on 7 of 8 upstream patchsets');
  });

  it('grants the healthy example CI (exit 0) and not the broken one (exit 1), revoking it if it votes', () => {
    const healthy = lifecycle(['ci-readiness', '--history', join(EXAMPLE, 'healthy-ci.builds.json'), '--source-format', 'zuul', '--system', 'healthy-ci', ...UPSTREAM, '--contact', 'a', '--contact', 'b']);
    expect(healthy.code).toBe(0);
    expect(healthy.stdout).toContain('healthy-ci: GRANT (non-voting; may vote)');
    const broken = lifecycle(['ci-readiness', '--history', join(EXAMPLE, 'broken-ci.ndjson'), '--system', 'broken-ci', ...UPSTREAM, '--contact', 'solo']);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('broken-ci: NOT-YET');
    expect(broken.stdout).toMatch(/FAIL infra-rate +100%/);
    expect(broken.stdout).toContain('package mirror out of sync (pattern mirror, line 1)');
    const voting = lifecycle(['ci-readiness', '--history', join(EXAMPLE, 'broken-ci.ndjson'), '--system', 'broken-ci', ...UPSTREAM, '--voting', '--format', 'json']);
    expect(JSON.parse(voting.stdout).systems[0].verdict).toBe('revoke');
  });

  it('exports normalized NDJSON that re-evaluates to the same result', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-'));
    const out = join(dir, 'acme.ndjson');
    const exported = lifecycle([...GERRIT, ...WEEK, '--export-ndjson', out, '--format', 'json']);
    expect(exported.stderr).toBe(`lifecycle: wrote 19 runs, 10 upstream patchsets and 2 recheck requests to ${out}\n`);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.type === 'run')).toHaveLength(19);
    const again = lifecycle(['ci-readiness', '--history', out, '--source-format', 'ndjson', '--system', 'Acme CI', '--contact', 'a@x', '--contact', 'b@y', ...WEEK, '--format', 'json']);
    expect(JSON.parse(again.stdout).systems).toEqual(JSON.parse(exported.stdout).systems);
    // converting only (no --system) is allowed and exits 0
    const only = lifecycle(['ci-readiness', '--history', fixture('gerrit.json'), '--export-ndjson', join(dir, 'all.ndjson')]);
    expect(only.code).toBe(0);
    expect(readFileSync(join(dir, 'all.ndjson'), 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it.each([
    [['--history', fixture('bad-truncated.json'), '--source-format', 'zuul', '--system', 'x'], 'truncated JSON'],
    [['--history', fixture('github-runs.json'), '--source-format', 'zuul', '--system', 'x'], 'use --source-format github'],
    [['--history', fixture('bad-xssi-zuul.json'), '--source-format', 'zuul', '--system', 'x'], "Gerrit's \")]}'\" prefix"],
    [['--history', fixture('gerrit.json'), '--source-format', 'svn', '--system', 'x'], '--source-format "svn": expected one of'],
    [['--history', fixture('gerrit.json'), '--system', 'x', '--as-of', '31/03/2026'], '--as-of "31/03/2026": expected a date'],
    [['--history', fixture('gerrit.json')], '--history needs --system NAME'],
    [['--system', 'x'], '--system needs a history'],
    [['--history', fixture('gerrit.json'), '--system', 'x', '--infra-pattern', 'a(?<=b)'], 'not a valid regular expression'],
    [['--history', fixture('gerrit.json'), '--system', 'x', '--format', 'yaml'], "argument 'yaml' is invalid"],
  ])('exits 2 with one clear line on bad input: %j', (args, message) => {
    const { code, stdout, stderr } = lifecycle(['ci-readiness', ...(args as string[])]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('teaches with examples in --help', () => {
    const help = lifecycle(['ci-readiness', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('lifecycle ci-readiness --history gerrit.json --source-format gerrit');
    const vote = lifecycle(['ci', 'vote', '--help']);
    expect(vote.stdout).toContain('Examples:');
    expect(vote.stdout).toContain(
      'infra    ABORTED, DISCONNECT, DISK_FULL, ERROR, EXCEPTION, LOST, NODE_FAILURE, NOT_REGISTERED, NO_HANDLE, POST_FAILURE, RETRY_LIMIT, STARTUP_FAILURE',
    );
    expect(vote.stdout).toContain('ci.unexplainedFailure: 0');
  });
});

describe('lifecycle ci-readiness with ci.systems in the policy', () => {
  function project(ci: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'ci-policy-'));
    writeFileSync(join(dir, 'lifecycle.yaml'), `version: 1\n${ci}`);
    return dir;
  }
  const CI = `ci:
  criteria: { probationDays: 7 }
  reference:
    name: Zuul
    history: [{ format: gerrit, path: ${fixture('gerrit.json')} }]
  systems:
    - name: acme
      aliases: [Acme CI, ci@acme.example]
      contacts: [a@x, b@y]
      history: [{ path: ${fixture('gerrit.json')} }]
    - name: acme-zuul
      voting: true
      contacts: [a@x, b@y]
      history: [{ format: zuul, paths: [${fixture('zuul-flat.json')}, ${fixture('zuul-nested.json')}] }]
`;

  it('evaluates every configured system, or those named', () => {
    const dir = project(CI);
    const all = lifecycle(['ci-readiness', '--cwd', dir, '--as-of', '2026-03-07', '--format', 'json']);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(1);
    const json = JSON.parse(all.stdout);
    expect(json.systems.map((s: { name: string; verdict: string }) => [s.name, s.verdict])).toEqual([
      ['acme', 'not-yet'],
      ['acme-zuul', 'revoke'],
    ]);
    const one = lifecycle(['ci-readiness', 'acme-zuul', '--cwd', dir, '--as-of', '2026-03-07', '--format', 'json']);
    expect(JSON.parse(one.stdout).systems).toEqual([json.systems[1]]);
    const unknown = lifecycle(['ci-readiness', 'nope', '--cwd', dir]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown CI system "nope"; ci.systems has acme, acme-zuul');
  });

  it('rejects a pattern RE2 cannot run in the policy with its position', () => {
    const dir = project(`ci:\n  patterns:\n    infra:\n      - "(x)\\\\1y"\n`);
    const r = lifecycle(['ci-readiness', '--cwd', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/lifecycle\.yaml:5:\d+: ci\.patterns\.infra\[0\]: pattern \/\(x\)\\1y\/: not a valid regular expression: invalid escape sequence/);
  });
});

describe('lifecycle ci vote (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ci-vote-'));
  const mirrorLog = join(dir, 'mirror.log');
  writeFileSync(mirrorLog, 'Setting up\nE: Failed to fetch http://mirror/x.deb  Hash Sum mismatch\nE: Unable to fetch some archives\n');
  const testLog = join(dir, 'test.log');
  writeFileSync(testLog, 'Connection reset by peer\n...\nFAILED tests/test_api.py::test_create - AssertionError\n');

  it.each([
    [['--result', 'SUCCESS'], '+1\nclass: pass\nreason: the run passed (result SUCCESS)\n'],
    [['--result', 'FAILURE'], '-1\nclass: test\nreason: a real test failure (result FAILURE)\n'],
    [['--result', 'NODE_FAILURE'], '0\nclass: infra\n'],
    [['--result', 'FAILURE', '--log', mirrorLog], '0\nclass: infra\nreason: an infrastructure failure, not the change’s fault (package mirror out of sync (pattern mirror, line 2))\nmatched infra pattern /Hash Sum mismatch/ at line 2: E: Failed to fetch http://mirror/x.deb  Hash Sum mismatch\n'],
    [['--result', 'FAILURE', '--log', testLog], '-1\nclass: test\n'],
    [['--result', 'BRAND_NEW_CODE'], '0\nclass: unknown\n'],
    [['--result', 'MERGE_CONFLICT'], '0 (post no vote)\nclass: novote\n'],
  ])('votes for %j', (args, expected) => {
    const { code, stdout } = lifecycle(['ci', 'vote', ...(args as string[])]);
    expect(code).toBe(0);
    expect(stdout.startsWith(expected as string)).toBe(true);
  });

  it('prints JSON, and rejects bad input with exit 2', () => {
    const json = JSON.parse(execFileSync(process.execPath, [CLI, 'ci', 'vote', '--result', 'startup_failure', '--format', 'json'], { encoding: 'utf8' }));
    expect(json).toEqual({
      version: 1,
      vote: '0',
      label: 'Verified',
      post: true,
      class: 'infra',
      result: 'startup_failure',
      reason: 'an infrastructure failure, not the change’s fault (result startup_failure)',
      rule: 'result code startup_failure (built-in)',
      match: null,
    });
    expect(lifecycle(['ci', 'vote']).code).toBe(2);
    expect(lifecycle(['ci', 'vote', '--result', 'FAILURE', '--log', join(dir, 'missing.log')]).stderr).toContain('--log');
    const invalid = lifecycle(['ci', 'vote', '--result', 'FAILURE', '--test-pattern', '(?=x)']);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toBe('lifecycle: pattern /(?=x)/: not a valid regular expression: invalid or unsupported Perl syntax: `(?=` (RE2 syntax: no lookahead, lookbehind or backreferences; see docs/ci-readiness.md#pattern-syntax)\n');
  });
});
