import { describe, expect, it } from 'vitest';
import { commentFirstLine, parseCiComment, uploadedPatchset } from '../../src/ci/sources/gerrit-comment.js';

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
    expect(commentFirstLine('Patch Set 2:\n\nrecheck acme\nplease')).toBe('recheck acme');
  });
});
