import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../src/ci/classify.js';
import { builtinPatterns } from '../../src/ci/patterns.js';
import { ResultCodes, classOfResultCode } from '../../src/ci/result-codes.js';
import { labelVotes } from '../../src/ci/sources/gerrit-comment.js';
import { CLI, ROOT } from './helpers.js';

describe('built-in result codes of Zuul and Jenkins', () => {
  it.each([
    ['MERGER_FAILURE', 'novote'],
    ['NO_JOBS', 'skipped'],
    ['EXCEPTION', 'infra'],
    ['DISCONNECT', 'infra'],
    ['NO_HANDLE', 'infra'],
    ['RETRY', 'skipped'],
    ['UNSTABLE', 'test'],
    ['NOT_BUILT', 'skipped'],
    ['NOT_REGISTERED', 'infra'],
    ['not_registered', 'infra'],
  ])('%s is %s', (code, cls) => {
    expect(classOfResultCode(code)).toBe(cls);
  });
});

describe('ci.resultCodes', () => {
  it('adds codes and overrides built-in ones, and the reason says the policy decided', () => {
    const codes = new ResultCodes({ quota_exceeded: 'infra', UNSTABLE: 'infra' });
    expect(codes.classOf('QUOTA_EXCEEDED')).toBe('infra');
    expect(codes.classOf('UNSTABLE')).toBe('infra');
    expect(codes.classOf('FAILURE')).toBe('test');
    expect(classifyRun('UNSTABLE', undefined, builtinPatterns(), codes)).toMatchObject({ class: 'infra', reason: 'result UNSTABLE (ci.resultCodes)' });
    // a code the policy calls a test failure is still looked at through the log patterns
    const failing = new ResultCodes({ BROKEN: 'test' });
    expect(classifyRun('BROKEN', 'E: Failed to fetch http://mirror/x.deb  Hash Sum mismatch', builtinPatterns(), failing).class).toBe('infra');
    expect(classOfResultCode('QUOTA_EXCEEDED')).toBe('unknown'); // the built-in table is untouched
  });
});

describe('posted votes in Gerrit comments', () => {
  it('reads every label of the Patch Set prefix, and none from a comment without votes', () => {
    expect(labelVotes('Patch Set 3: Verified-1 Code-Review+2\n\nBuild failed.')).toEqual({ Verified: -1, 'Code-Review': 2 });
    expect(labelVotes('Patch Set 3: Verified+2\n\nBuild succeeded.')).toEqual({ Verified: 2 });
    expect(labelVotes('Patch Set 3:\n\nBuild failed (check pipeline).')).toEqual({});
    expect(labelVotes('Build failed.')).toEqual({});
  });
});

describe('ci vote with votes from the policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ci-votes-'));
  writeFileSync(
    join(dir, 'lifecycle.yaml'),
    [
      'version: 1',
      'ci:',
      '  resultCodes: { QUOTA_EXCEEDED: infra, HARD_FAIL: test }',
      '  systems:',
      '    - name: smoke',
      '      vote: { label: Verified, pass: 2, fail: -2 }',
      '      unexplainedFailure: 0',
      '    - name: plain',
      '',
    ].join('\n'),
  );
  const vote = (...args: string[]) => spawnSync(process.execPath, [CLI, 'ci', 'vote', '--cwd', dir, '--policy', 'lifecycle.yaml', ...args], { encoding: 'utf8' });

  it('takes a system\'s label values with --system, and result codes from ci.resultCodes', () => {
    expect(vote('--system', 'smoke', '--result', 'SUCCESS').stdout.split('\n')[0]).toBe('+2');
    expect(vote('--system', 'smoke', '--result', 'FAILURE').stdout.split('\n')[0]).toBe('0');
    expect(vote('--system', 'plain', '--result', 'FAILURE').stdout).toContain('-1\nclass: test\n');
    expect(vote('--system', 'plain', '--result', 'FAILURE').stdout).toContain('rule: result code FAILURE (built-in); ci.unexplainedFailure: fail');
    const quota = vote('--result', 'quota_exceeded');
    expect(quota.stdout).toBe('0\nclass: infra\nreason: an infrastructure failure, not the change’s fault (result quota_exceeded (ci.resultCodes))\nrule: result code quota_exceeded (ci.resultCodes)\n');
  });

  it('rejects an unknown system and an impossible vote scheme with exit 2 and one line', () => {
    const unknown = vote('--system', 'nope', '--result', 'SUCCESS');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('lifecycle: --system "nope": not in ci.systems (smoke, plain)\n');
    const bad = mkdtempSync(join(tmpdir(), 'ci-votes-bad-'));
    writeFileSync(join(bad, 'lifecycle.yaml'), 'version: 1\nci:\n  vote: { pass: 1, fail: 1 }\n');
    const r = spawnSync(process.execPath, [CLI, 'ci', 'vote', '--cwd', bad, '--policy', 'lifecycle.yaml', '--result', 'SUCCESS'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`lifecycle: invalid policy: ${join(bad, 'lifecycle.yaml')}:3:9: ci.vote: expected fail < neutral < pass, got fail 1, neutral 0, pass 1\n`);
  });
});

describe('docs/ci-readiness.md', () => {
  it('prints what its SmokeStack `ci vote` console example shows', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ci-readiness.md'), 'utf8');
    const block = /```\n\$ lifecycle ci vote --policy lifecycle\.yaml --result FAILURE\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'ci-votes-doc-'));
    writeFileSync(join(dir, 'lifecycle.yaml'), 'version: 1\nextends: [smokestack]\n');
    const r = spawnSync(process.execPath, [CLI, 'ci', 'vote', '--cwd', dir, '--policy', 'lifecycle.yaml', '--result', 'FAILURE'], { encoding: 'utf8' });
    expect(r.stdout).toBe(block?.[1]);
  });
});

describe('docs/ci-readiness.md, the opening example', () => {
  it('prints what the first ci-readiness console block shows, on test/fixtures/ci/gerrit.json', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ci-readiness.md'), 'utf8');
    const block = /```\n\$ lifecycle ci-readiness --history gerrit\.json --source-format gerrit --system "Acme CI" \\\n {4}--contact alice@example\.org --contact bob@example\.org\n([\s\S]*?)```/.exec(doc);
    expect(block).not.toBeNull();
    const args = ['ci-readiness', '--history', join(ROOT, 'test', 'fixtures', 'ci', 'gerrit.json'), '--source-format', 'gerrit', '--system', 'Acme CI', '--contact', 'alice@example.org', '--contact', 'bob@example.org'];
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    expect(r.status).toBe(1); // not-yet: may not vote
    expect(r.stdout).toBe(block?.[1]);
  });
});
