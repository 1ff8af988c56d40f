import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../src/ci/classify.js';
import { buildPatterns, planAdHoc, type AdHocFlags } from '../../src/ci/config.js';
import { BUILTIN_PATTERNS, builtinPatterns } from '../../src/ci/patterns.js';
import { checkPattern } from '../../src/policy/re2-patterns.js';
import { classOfResultCode } from '../../src/ci/result-codes.js';
import { voteFor } from '../../src/ci/vote.js';
import { scanText } from '../../src/ci/patterns.js';

const AD_HOC: AdHocFlags = {
  history: [],
  from: [],
  aliases: [],
  reference: [],
  referenceSystem: 'Zuul',
  system: 'x',
  voting: false,
  contacts: [],
  projects: [],
  infraPatterns: [],
  testPatterns: [],
};

describe('result codes', () => {
  it.each([
    ['SUCCESS', 'pass'],
    ['success', 'pass'],
    ['FAILURE', 'test'],
    ['TIMED_OUT', 'test'],
    ['NODE_FAILURE', 'infra'],
    ['RETRY_LIMIT', 'infra'],
    ['DISK_FULL', 'infra'],
    ['LOST', 'infra'],
    ['ERROR', 'infra'],
    ['POST_FAILURE', 'infra'],
    ['startup_failure', 'infra'],
    ['MERGE_CONFLICT', 'novote'],
    ['MERGE_FAILURE', 'novote'],
    ['CONFIG_ERROR', 'novote'],
    ['SKIPPED', 'skipped'],
    ['CANCELED', 'skipped'],
    ['DEQUEUED', 'skipped'],
    ['cancelled', 'skipped'],
    ['neutral', 'skipped'],
    ['stale', 'skipped'],
    ['WEIRD_STATE', 'unknown'],
  ])('%s is %s', (code, cls) => {
    expect(classOfResultCode(code)).toBe(cls);
  });
});

describe('classification with patterns', () => {
  const patterns = builtinPatterns();

  it('turns a failure with a package-mirror error into infra', () => {
    const c = classifyRun('FAILURE', 'setup\nE: Failed to fetch http://mirror.example/pool/x.deb  Hash Sum mismatch\n', patterns);
    expect(c.class).toBe('infra');
    expect(c.reason).toBe('package mirror out of sync (pattern mirror, line 2)');
  });

  it('lets a real test failure win over an infra pattern, wherever it is', () => {
    const c = classifyRun('FAILURE', 'Connection reset by peer\n...\nFAILED tests/test_router.py::test_create - AssertionError', patterns);
    expect(c.class).toBe('test');
    expect(c.testEvidence).toBe(true);
  });

  it('never reads patterns into a passing or infra result code', () => {
    expect(classifyRun('SUCCESS', 'Hash Sum mismatch', patterns).class).toBe('pass');
    expect(classifyRun('NODE_FAILURE', 'FAILED a::b', patterns).class).toBe('infra');
  });

  it('classifies an unknown code as unknown unless a pattern explains it', () => {
    expect(classifyRun('WEIRD_STATE', undefined, patterns)).toMatchObject({ class: 'unknown', reason: 'unknown result code "WEIRD_STATE"' });
    expect(classifyRun('WEIRD_STATE', 'invoked oom-killer', patterns).class).toBe('infra');
  });

  it('puts custom patterns before the built-ins', () => {
    const custom = buildPatterns({ infra: [{ pattern: 'quota exceeded', id: 'cloud-quota', reason: 'cloud quota exhausted' }] });
    expect(classifyRun('FAILURE', 'Error: quota exceeded for instances', custom)).toMatchObject({
      class: 'infra',
      reason: 'cloud quota exhausted (pattern cloud-quota, line 1)',
    });
  });
});

describe('user patterns run in linear time (RE2)', () => {
  // Each of these takes longer than the age of the universe on a backtracking engine.
  const hostile: Array<[string, string]> = [
    ['(x|x)*y', 'x'.repeat(40)],
    ['.*.*.*.*.*.*.*=$', 'a'.repeat(4000)],
    ['(a+)+$', `${'a'.repeat(4000)}!`],
    ['^(\\w+\\s?)*$', `${'word '.repeat(800)}!`],
  ];

  it.each(hostile)('matches /%s/ against a hostile line at once, in a log and as a recheck pattern', (pattern, line) => {
    const started = performance.now();
    const patterns = buildPatterns({ infra: [pattern] });
    expect(scanText(`${line}\n${line}`, patterns).infra).toBeUndefined();
    const recheck = planAdHoc({ ...AD_HOC, recheck: pattern }, { cwd: '/' }).recheck;
    expect(recheck.test(line)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('still finds what such patterns match', () => {
    expect(scanText(`${'x'.repeat(40)}y`, buildPatterns({ infra: ['(x|x)*y'] })).infra?.pattern.pattern).toBe('(x|x)*y');
    expect(scanText('QUOTA Exceeded', buildPatterns({ infra: ['quota exceeded'] })).infra?.line).toBe(1);
  });

  it('accepts JavaScript escapes that RE2 spells differently', () => {
    expect(scanText('A', buildPatterns({ test: ['^\\u0041$'] })).test).toBeDefined();
    expect(scanText('ab', buildPatterns({ test: ['(?<first>a)b'] })).test).toBeDefined();
  });

  it('rejects what RE2 cannot run, naming the pattern and the syntax', () => {
    expect(checkPattern('a(?=b)')).toMatch(/^not a valid regular expression: invalid or unsupported Perl syntax: `\(\?=`.*RE2 syntax: no lookahead/);
    expect(checkPattern('(a)\\1')).toMatch(/invalid escape sequence/);
    expect(() => buildPatterns({ infra: ['quota exceeded', '(unclosed'] })).toThrow('pattern /(unclosed/: not a valid regular expression');
  });

  it('rejects empty and overlong patterns', () => {
    expect(checkPattern('')).toBe('empty pattern');
    expect(checkPattern('a'.repeat(501))).toMatch(/longer than 500/);
  });

  it('accepts every built-in pattern (written in the same RE2 syntax users get)', () => {
    for (const spec of BUILTIN_PATTERNS) expect(checkPattern(spec.pattern), spec.pattern).toBeUndefined();
  });
});

describe('votes', () => {
  it('maps SmokeStack style: +1 pass, -1 test failure, 0 infra and unknown, no vote for merge conflicts', () => {
    expect(voteFor('SUCCESS', {})).toMatchObject({ vote: '+1', post: true });
    expect(voteFor('FAILURE', {})).toMatchObject({ vote: '-1', class: 'test' });
    expect(voteFor('NODE_FAILURE', {})).toMatchObject({ vote: '0', class: 'infra' });
    expect(voteFor('SOMETHING_NEW', {})).toMatchObject({ vote: '0', class: 'unknown' });
    expect(voteFor('MERGE_CONFLICT', {})).toMatchObject({ vote: '0', post: false, class: 'novote' });
    expect(voteFor('skipped', {})).toMatchObject({ vote: '0', post: false });
  });

  it('never gives -1 for an infra-explained failure', () => {
    const found = scanText('npm ERR! code ECONNRESET', builtinPatterns());
    const vote = voteFor('failure', found);
    expect(vote.vote).toBe('0');
    expect(vote.match).toEqual({ pattern: 'npm ERR! code (ECONNRESET|ETIMEDOUT|E50[234])', kind: 'infra', line: 1, text: 'npm ERR! code ECONNRESET' });
  });
});
