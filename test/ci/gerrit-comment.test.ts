import { describe, expect, it } from 'vitest';
import { parseCiComment, recheckLine, uploadedPatchset } from '../../src/ci/sources/gerrit-comment.js';

describe('Gerrit CI comments', () => {
  it('parses Zuul per-job lines with durations and non-voting markers', () => {
    const parsed = parseCiComment(
      'Patch Set 3: Verified-1\n\nBuild failed (check pipeline).  For information on how to proceed, see\nhttps://docs.example/recheck\n\n' +
        '- tempest-full https://logs.example/3/tempest-full/abc : FAILURE in 1h 02m 03s\n' +
        '- py312 https://logs.example/3/py312/def : SUCCESS in 5m 10s (non-voting)\n' +
        '- docs : SKIPPED\n',
    );
    expect(parsed).toMatchObject({ patchset: '3', verified: -1, pipeline: 'check', overall: 'FAILURE' });
    expect(parsed?.jobs).toEqual([
      { job: 'tempest-full', url: 'https://logs.example/3/tempest-full/abc', result: 'FAILURE', durationMs: 3_723_000, voting: true },
      { job: 'py312', url: 'https://logs.example/3/py312/def', result: 'SUCCESS', durationMs: 310_000, voting: false },
      { job: 'docs', url: undefined, result: 'SKIPPED', durationMs: undefined, voting: true },
    ]);
    expect(parsed?.text).not.toMatch(/tempest-full/);
  });

  it('parses the older "* job url : RESULT" form and a vote-only comment', () => {
    expect(parseCiComment('Patch Set 1: Verified+1\n\nBuild succeeded.\n\n* gate-tempest http://logs/1 : SUCCESS in 52m 10s')?.jobs).toEqual([
      { job: 'gate-tempest', url: 'http://logs/1', result: 'SUCCESS', durationMs: 3_130_000, voting: true },
    ]);
    expect(parseCiComment('Patch Set 2: Verified-1')).toMatchObject({ overall: 'FAILURE', jobs: [] });
  });

  it('recognises merge failures, uploads and plain human comments', () => {
    expect(parseCiComment('Patch Set 1:\n\nMerge Failed.\n\nThis change was unable to be automatically merged')?.overall).toBe('MERGE_CONFLICT');
    expect(uploadedPatchset('Uploaded patch set 4: Patch Set 3 was rebased.')).toBe('4');
    expect(uploadedPatchset('Patch Set 4: Code-Review+2')).toBeUndefined();
    expect(parseCiComment('Patch Set 2:\n\nrecheck')).toBeUndefined();
    expect(recheckLine('Patch Set 2:\n\nrecheck acme\nplease', /^recheck\b/i)).toBe('recheck acme');
  });
});

describe('what real CI comments carry', () => {
  it('keeps (non-voting) and the error detail on a Zuul job line with error detail', () => {
    const parsed = parseCiComment(
      'Patch Set 4: Verified-1\n\nBuild failed (check pipeline).\n\nhttps://zuul.example.org/t/acme/buildset/0a1b2c\n\n' +
        '- acme-tempest https://zuul.example.org/t/acme/build/11aa : NODE_FAILURE Node request 300-0001 failed in 0s (non-voting)\n' +
        '- acme-unit build/22bb : FAILURE in 3m 05s\n' +
        '- acme-docs acme-docs : SKIPPED\n',
    );
    expect(parsed?.jobs).toEqual([
      { job: 'acme-tempest', url: 'https://zuul.example.org/t/acme/build/11aa', result: 'NODE_FAILURE', durationMs: 0, voting: false, detail: 'Node request 300-0001 failed' },
      { job: 'acme-unit', url: 'https://zuul.example.org/t/acme/build/22bb', result: 'FAILURE', durationMs: 185_000, voting: true },
      { job: 'acme-docs', url: undefined, result: 'SKIPPED', durationMs: undefined, voting: true },
    ]);
    expect(parsed?.log).toBe('https://zuul.example.org/t/acme/buildset/0a1b2c');
  });

  it('takes a log link written in prose, not a documentation link', () => {
    expect(parseCiComment('Patch Set 2: Verified+1\n\nBuild succeeded.\nLogs: http://ci.example.net/42/7/ .\n')?.log).toBe('http://ci.example.net/42/7/');
    expect(parseCiComment('Patch Set 2: Verified-1\n\nTests failed, see http://logs.example.net/42/7/console.html')?.log).toBe('http://logs.example.net/42/7/console.html');
    expect(parseCiComment('Patch Set 2: Verified-1\n\nBuild failed. For help see https://docs.example.org/recheck')?.log).toBeUndefined();
  });

  it('finds the recheck keyword on any line after the Patch Set and (N comments) preamble', () => {
    const pattern = /^\s*(recheck|reverify)\b/i;
    expect(recheckLine('Patch Set 3:\n\n(2 comments)\n\nrecheck', pattern)).toBe('recheck');
    expect(recheckLine('Patch Set 3: Code-Review+1\n\nLooks fine.\n\nrecheck acme', pattern)).toBe('recheck acme');
    expect(recheckLine('Patch Set 3:\n\n(1 comment)\n\nI will not recheck this', pattern)).toBeUndefined();
  });
});
