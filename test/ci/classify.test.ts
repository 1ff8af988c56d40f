import { describe, expect, it } from 'vitest';
import safeRegex from 'safe-regex2';
import { classifyRun } from '../../src/ci/classify.js';
import { buildPatterns } from '../../src/ci/config.js';
import { BUILTIN_PATTERNS, builtinPatterns, checkPattern } from '../../src/ci/patterns.js';
import { classOfResultCode } from '../../src/ci/result-codes.js';
import { voteFor } from '../../src/ci/vote.js';
import { scanText } from '../../src/ci/patterns.js';

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

describe('ReDoS checks', () => {
  it('rejects nested quantifiers with a clear message', () => {
    expect(checkPattern('(a+)+$')).toMatch(/^ReDoS-prone regular expression/);
    expect(checkPattern('(x*)*y')).toMatch(/ReDoS-prone/);
    expect(() => buildPatterns({ infra: ['quota exceeded', '([a-z]+)*!'] })).toThrow('pattern /([a-z]+)*!/: ReDoS-prone');
  });

  it('rejects invalid, empty and overlong patterns', () => {
    expect(checkPattern('(unclosed')).toMatch(/^not a valid regular expression/);
    expect(checkPattern('')).toBe('empty pattern');
    expect(checkPattern('a'.repeat(501))).toMatch(/longer than 500/);
  });

  it('accepts every built-in pattern (the same check users get)', () => {
    for (const spec of BUILTIN_PATTERNS) {
      expect(checkPattern(spec.pattern), spec.pattern).toBeUndefined();
      expect(safeRegex(spec.pattern)).toBe(true);
    }
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
