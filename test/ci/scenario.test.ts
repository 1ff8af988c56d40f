import { describe, expect, it } from 'vitest';
import { criterion, evaluateAdHoc, fixture } from './helpers.js';

/**
 * The "acme" scenario (test/fixtures/ci/README.md), the same history written in each source
 * format. Window: 2026-03-01 … 2026-03-07 (7 days), as of 2026-03-07. Hand-computed:
 * - upstream: 10 uploads; 105/1 is pending (uploaded 03-07 20:00, < 24 h before the end),
 *   106/1 was superseded by 106/2 after 30 min without a report: 8 due, 7 reported
 *   (108/1 missed)                                                   coverage 7/8 = 0.875
 * - silence: 107/1 uploaded 03-06 08:00, next report 03-07 10:00     26.0 h (next: 108/1, 21 h)
 * - reports counted: 101/1 +, 101/2 -, 101/2 + (recheck), 102/1 infra, 103/1 -, 104/1 + (no log),
 *   104/1 + (again, no recheck), 106/2 +, 107/1 +                    9 reports
 * - infra: 102/1 NODE_FAILURE                                        1/9 = 0.1111
 * - false negatives: 101/2 failed where Zuul passed (103/1 failed in Zuul too)   1/9 = 0.1111
 * - agreement: Zuul failed (and never passed) only 103/1; Acme's report on it was -1
 *   (its merge failure there is no vote)                             passed 0 of 1 = 0
 * - infra-votes: Acme's -1s (101/2, 103/1) were on test failures; 102/1 NODE_FAILURE was
 *   posted without a vote                                            0
 * - failure streak: never two failed changes in a row                1
 * - duplicates: 104/1 reported twice without recheck (101/2 had one)  1
 * - rechecks: 101/2 answered after 40 min; 103/1 never answered       1/2 = 0.5
 * - log links: the first 104/1 report has none                        1
 * - the non-voting acme-arm64 failure on 101/1 is ignored; 103/1's merge failure is no vote.
 */
const EXPECTED = {
  coverage: 0.875,
  silence: 26,
  'infra-rate': 0.1111,
  'false-negative-rate': 0.1111,
  agreement: 0,
  'infra-votes': 0,
  'failure-streak': 1,
  'duplicate-reports': 1,
  'rechecks-answered': 0.5,
  'log-links': 1,
  contacts: 2,
  matrix: 0,
  probation: 2,
};

function values(system: Awaited<ReturnType<typeof evaluateAdHoc>>['system']): Record<string, number | null> {
  return Object.fromEntries(system.criteria.map((c) => [c.id, c.value]));
}

describe('the acme scenario in every source format', () => {
  it('Gerrit REST (two )]}\'-prefixed pages with an overlapping change)', async () => {
    const { system, result } = await evaluateAdHoc({ history: [fixture('gerrit.json')], sourceFormat: 'gerrit', system: 'Acme CI', asOf: '2026-03-07' });
    expect(values(system)).toEqual(EXPECTED);
    expect(system.reports).toEqual({ pass: 6, test: 2, infra: 1, unknown: 0, novote: 1, skipped: 0 });
    expect(system.verdict).toBe('not-yet');
    expect(system.cleanSince).toBe('2026-03-06');
    expect(system.eligibleOn).toBe('2026-03-12');
    expect(system.strip).toBe('+f+f+s+');
    expect(system.broken).toBe('.!.!!..');
    expect(result.input).toEqual({ runs: 19, duplicateRuns: 0, patchsets: 10, rechecks: 2, ignored: { 'CI comment that reports no result': 1 } });
  });

  it('Gerrit stream-events (string and int numbers, out of order, a duplicate, missing fields)', async () => {
    const { system, result } = await evaluateAdHoc({ history: [fixture('gerrit-events.ndjson')], sourceFormat: 'gerrit-events', system: 'acme-ci', aliases: ['Acme CI'], asOf: '2026-03-07' });
    expect(values(system)).toEqual(EXPECTED);
    expect(system.strip).toBe('+f+f+s+');
    expect(system.broken).toBe('.!.!!..');
    expect(result.input.duplicateRuns).toBe(2);
    expect(result.input.ignored).toEqual({
      'CI comment that reports no result': 1,
      'event type ref-updated': 1,
      'event without change number': 1,
    });
  });

  it('normalized NDJSON (time zones, shuffled lines, a duplicate, records with missing fields)', async () => {
    const { system, result } = await evaluateAdHoc({ history: [fixture('runs.ndjson')], sourceFormat: 'ndjson', system: 'Acme CI', asOf: '2026-03-07' });
    expect(values(system)).toEqual(EXPECTED);
    expect(result.input.duplicateRuns).toBe(1);
    expect(result.input.ignored).toEqual({
      'run record without change or patchset': 1,
      'run without end time': 1,
      'unknown record type "comment"': 1,
    });
  });

  for (const shape of ['flat', 'nested'] as const) {
    it(`Zuul builds API, ${shape} shape, with the Gerrit history as reference`, async () => {
      const { system, result } = await evaluateAdHoc({
        history: [fixture(`zuul-${shape}.json`)],
        sourceFormat: 'zuul',
        system: 'acme-zuul',
        reference: [fixture('gerrit.json')],
        referenceFormat: 'gerrit',
        asOf: '2026-03-07',
      });
      // Same numbers, except: the builds API has no merge-failure report (novote 0), and shows no
      // posted vote, so infra-votes is not measured (null; it passes for this non-voting CI).
      expect(values(system)).toEqual({ ...EXPECTED, 'infra-votes': null });
      expect(criterion(system, 'infra-votes').pass).toBe(true);
      expect(system.reports).toEqual({ pass: 6, test: 2, infra: 1, unknown: 0, novote: 0, skipped: 0 });
      expect(result.input.duplicateRuns).toBe(1);
      expect(result.input.ignored).toMatchObject({
        'build in progress (no result)': 1,
        'build retried (final: false)': 1,
        'build without change or patchset (periodic or post pipeline)': 1,
      });
    });
  }
});

describe('GitHub Actions', () => {
  /**
   * Reference workflow "CI" judged 11/a1 +, 11/a2 +, 12/b1 -, 13/c1 + (4 upstream patchsets).
   * "Acme Third Party": 11/a1 +, 11/a2 - then + on re-run attempt 2 (a recheck, answered in
   * 30 min), 12/b1 startup_failure (infra), 13/c1 + (jobs: ubuntu +, windows skipped, lint +),
   * a fork PR +; a run in progress and a push run are ignored.
   * agreement: the reference failed only 12/b1, where the CI's report was infra, so it was
   * never compared: not measurable (null, fails on the as-of day: probation 0). infra-votes:
   * GitHub runs show no posted vote: not measured (null; passes for this non-voting CI).
   */
  it('joins jobs to runs, treats re-runs as rechecks and startup_failure as infra', async () => {
    const { system, result } = await evaluateAdHoc({
      history: [fixture('github-runs.json'), fixture('github-jobs.json')],
      sourceFormat: 'github',
      workflow: 'Acme Third Party',
      system: 'acme-gh',
      reference: [fixture('github-runs.json')],
      referenceWorkflow: 'CI',
      referenceSystem: 'CI',
      asOf: '2026-03-07',
    });
    expect(values(system)).toEqual({
      probation: 0,
      agreement: null,
      'infra-votes': null,
      coverage: 1,
      silence: 0.8,
      'infra-rate': 0.1667,
      'false-negative-rate': 0.2,
      'failure-streak': 1,
      'duplicate-reports': 0,
      'rechecks-answered': 1,
      'log-links': 0,
      contacts: 2,
      matrix: 0,
    });
    expect(system.reports).toEqual({ pass: 4, test: 1, infra: 1, unknown: 0, novote: 0, skipped: 0 });
    expect(criterion(system, 'infra-rate').evidence[0]).toMatchObject({ change: '12', patchset: 'b1', log: 'https://github.com/acme/netsvc/actions/runs/503' });
    expect(result.input.ignored).toEqual({
      'job without its workflow run': 1,
      'run of another workflow': 12,
      'workflow run in progress': 1,
      'workflow run not for a pull request (event push)': 1,
    });
    expect(result.input.runs).toBe(12);
  });
});
