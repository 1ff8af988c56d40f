import { describe, expect, it } from 'vitest';
import { collateGroups, type MatrixRule } from '../../src/ci/collate.js';
import { HistoryCollector } from '../../src/ci/collect.js';
import { DEFAULT_CRITERIA, mergeCriteria } from '../../src/ci/defaults.js';
import { evaluateReadiness, type SystemSpec } from '../../src/ci/evaluate.js';
import { reclassifyMassFailures } from '../../src/ci/mass-failure.js';
import { builtinPatterns } from '../../src/ci/patterns.js';
import { DAY_MS, HOUR_MS, parseDay, parseTimestamp } from '../../src/ci/time.js';
import { DEFAULT_VOTE_SCHEME, type Run } from '../../src/ci/types.js';
import { criterion } from './helpers.js';

const T = (iso: string): number => parseTimestamp(iso) as number;

/** A run; its report posted Verified+1 on SUCCESS, Verified-1 on FAILURE, no vote otherwise. */
function run(change: string, end: string, result: string, extra: Partial<Run> = {}): Run {
  const votes: Record<string, number> = result === 'SUCCESS' ? { Verified: 1 } : result === 'FAILURE' ? { Verified: -1 } : {};
  return { system: 'ci', change, patchset: '1', pipeline: 'check', job: 'tempest', cell: '', end: T(end), result, voting: true, log: `https://logs/${change}/${end}`, votes, ...extra };
}

function system(overrides: Partial<SystemSpec> = {}, settings: Partial<typeof DEFAULT_CRITERIA> = {}): SystemSpec {
  return {
    name: 'ci',
    voting: false,
    contacts: ['a', 'b'],
    projects: [],
    recheck: /^\s*recheck\b/i,
    matrix: [],
    vote: DEFAULT_VOTE_SCHEME,
    settings: mergeCriteria(DEFAULT_CRITERIA, { probationDays: 7, ...settings }),
    ...overrides,
  };
}

function evaluate(
  runs: Run[],
  uploads: Array<[string, string, string]>,
  spec: SystemSpec,
  asOf: string,
  rechecks: Array<[string, string, string]> = [],
) {
  const collector = new HistoryCollector({ patterns: builtinPatterns() });
  for (const r of runs) collector.run(r);
  for (const [change, patchset, time] of uploads) collector.patchset({ change, patchset, time: T(time) });
  for (const [change, patchset, time] of rechecks) collector.recheck({ change, patchset, time: T(time), text: 'recheck' });
  const result = evaluateReadiness(collector.finish(), {
    systems: [spec],
    reference: 'zuul',
    asOfDay: parseDay(asOf),
    today: 0,
    commentStream: true,
  });
  return result.systems[0]!;
}

/**
 * A healthy week: one upload a day, the CI reports an hour later, Zuul passes too; on the first
 * day a broken change (99) that Zuul and the CI both fail, so agreement is measured (0 of 1 passed).
 */
function healthyWeek(days = 7, start = '2026-03-01'): { runs: Run[]; uploads: Array<[string, string, string]> } {
  const runs: Run[] = [];
  const uploads: Array<[string, string, string]> = [];
  const first = T(`${start}T09:00:00Z`);
  uploads.push(['99', '1', new Date(first - 2 * HOUR_MS).toISOString()]);
  runs.push(run('99', new Date(first - HOUR_MS).toISOString(), 'FAILURE', { message: 'FAILED tests/test_api.py::test_create' }));
  runs.push(run('99', new Date(first - 1.5 * HOUR_MS).toISOString(), 'FAILURE', { system: 'zuul', log: 'z' }));
  for (let d = 0; d < days; d++) {
    const t = first + d * DAY_MS;
    const change = String(100 + d);
    uploads.push([change, '1', new Date(t).toISOString()]);
    runs.push(run(change, new Date(t + HOUR_MS).toISOString(), 'SUCCESS'));
    runs.push(run(change, new Date(t + HOUR_MS / 2).toISOString(), 'SUCCESS', { system: 'zuul', log: 'z' }));
  }
  return { runs, uploads };
}

describe('verdicts and the probation clock', () => {
  it('grants a non-voting CI with a clean full window', () => {
    const { runs, uploads } = healthyWeek();
    const s = evaluate(runs, uploads, system(), '2026-03-07');
    expect(s.verdict).toBe('grant');
    expect(s.mayVote).toBe(true);
    expect(s.cleanSince).toBe('2026-03-01');
    expect(s.eligibleOn).toBe('2026-03-07');
    expect(s.strip).toBe('f++++++'); // change 99's true negative on the first day
    expect(criterion(s, 'probation')).toMatchObject({ value: 7, threshold: 7, pass: true });
  });

  it('says not-yet and when it becomes eligible when the clean record is too short', () => {
    const { runs, uploads } = healthyWeek(5, '2026-03-03');
    const s = evaluate(runs, uploads, system(), '2026-03-07');
    expect(s.verdict).toBe('not-yet');
    expect(s.cleanSince).toBe('2026-03-03');
    expect(s.eligibleOn).toBe('2026-03-09');
    expect(criterion(s, 'probation').value).toBe(5);
  });

  it('keeps a voting CI despite a short record, and revokes it with evidence when it breaks', () => {
    const { runs, uploads } = healthyWeek(5, '2026-03-03');
    expect(evaluate(runs, uploads, system({ voting: true }), '2026-03-07').verdict).toBe('keep');
    const broken = runs.map((r) => (r.system === 'ci' && r.change === '104' ? { ...r, result: 'FAILURE' } : r));
    const s = evaluate(broken, uploads, system({ voting: true }), '2026-03-07');
    expect(s.verdict).toBe('revoke');
    expect(s.mayVote).toBe(false);
    const fn = criterion(s, 'false-negative-rate');
    // 1 false negative (104) in 6 patchsets both judged (99 and 100-104)
    expect(fn).toMatchObject({ value: 0.1667, pass: false });
    expect(fn.evidence).toEqual([
      { at: '2026-03-07T10:00:00Z', change: '104', patchset: '1', log: 'https://logs/104/2026-03-07T10:00:00.000Z', note: '-1 (tempest: result FAILURE) where the reference gate passed' },
    ]);
  });

  it('fails a criterion that cannot be measured and starts no clean record (no upstream, no reference)', () => {
    const s = evaluate([run('1', '2026-03-07T10:00:00Z', 'SUCCESS')], [], system(), '2026-03-07');
    expect(criterion(s, 'coverage')).toMatchObject({ value: null, pass: false });
    expect(criterion(s, 'false-negative-rate')).toMatchObject({ value: null, pass: false });
    expect(s.cleanSince).toBeNull();
    expect(s.eligibleOn).toBe('2026-03-14');
  });

  it('needs at least the minimum of contacts', () => {
    const { runs, uploads } = healthyWeek();
    const s = evaluate(runs, uploads, system({ contacts: ['solo@example.org'] }), '2026-03-07');
    expect(criterion(s, 'contacts')).toMatchObject({ value: 1, threshold: 2, pass: false, detail: 'contacts: solo@example.org' });
    expect(s.verdict).toBe('not-yet');
    expect(s.cleanSince).toBe('2026-03-01'); // a config problem does not reset the clock
  });
});

describe('silence', () => {
  it('measures a silence still open at the as-of day to the end of that day', () => {
    const { runs, uploads } = healthyWeek(4);
    uploads.push(['200', '1', '2026-03-05T12:00:00Z']);
    const s = evaluate(runs, uploads, system(), '2026-03-07');
    // 2026-03-05T12:00Z to 2026-03-07T23:59:59.999Z = 60 h
    expect(criterion(s, 'silence')).toMatchObject({ value: 60, pass: false });
    expect(s.cleanSince).toBeNull();
    // 03-05: the upload nobody reported on breaks coverage (4 of 5 in the rolling window);
    // 03-06: nothing happened; 03-07: the silence passed 48 h.
    // The data stays in the strip (03-05 the upload went unanswered, 03-06 quiet, 03-07 silent);
    // the broken days are the second row.
    expect(s.strip).toBe('f+++s..');
    expect(s.broken).toBe('....!.!');
    expect(s.account.longestSilence).toEqual({ hours: 60, from: '2026-03-05T12:00:00Z', to: '2026-03-07', open: true });
  });

  it('tolerates clock skew: a report stamped minutes before the upload still answers it', () => {
    const runs = [run('1', '2026-03-07T09:55:00Z', 'SUCCESS'), run('1', '2026-03-07T09:30:00Z', 'SUCCESS', { system: 'zuul' })];
    const s = evaluate(runs, [['1', '1', '2026-03-07T10:00:00Z']], system(), '2026-03-07');
    expect(criterion(s, 'silence').value).toBe(0);
    expect(criterion(s, 'coverage').value).toBe(1);
  });
});

describe('mass failures', () => {
  function massFailures(runs: Run[], reference: Run[] = []) {
    const collector = new HistoryCollector({ patterns: builtinPatterns() });
    [...runs, ...reference].forEach((r) => collector.run(r));
    const history = collector.finish();
    const ci = collateGroups({ groups: history.groups.filter((g) => g.system === 'ci'), columns: history.columns }, new Map());
    const others = collateGroups({ groups: history.groups.filter((g) => g.system !== 'ci'), columns: history.columns }, new Map());
    return reclassifyMassFailures(ci, DEFAULT_CRITERIA.massFailure, others);
  }
  const burst = (): Run[] => {
    const runs = ['1', '2', '3', '4'].map((c, i) => run(c, `2026-03-07T10:${10 + i * 10}:00Z`, 'FAILURE'));
    runs.push(run('5', '2026-03-07T18:00:00Z', 'FAILURE'));
    return runs;
  };
  const zuulFails = (changes: string[]): Run[] => changes.map((c) => run(c, '2026-03-07T11:30:00Z', 'FAILURE', { system: 'zuul' }));

  it('turns test failures of a burst into infra only where other systems failed the same changes', () => {
    // At 10:30 three changes have failed within 2 h (3 of 3 reports), and Zuul failed 1, 2 and 3
    // too: those become infra. Zuul never failed 4, so 4 stays the CI's own test failure; the lone
    // failure at 18:00 is no burst.
    const reports = massFailures(burst(), zuulFails(['1', '2', '3']));
    expect(reports.map((r) => r.class)).toEqual(['infra', 'infra', 'infra', 'test', 'test']);
    expect(reports[0]?.massFailureOf).toBe('test');
    expect(reports[0]?.reason).toBe(
      'mass failure: 3 of 3 reports on 3 changes failed within 120 min (from 2026-03-07T10:10Z); other systems failed 3 of these changes too',
    );
  });

  it('is no mass failure when nobody else failed those changes (the failures stay the CI\'s own)', () => {
    expect(massFailures(burst()).map((r) => r.class)).toEqual(['test', 'test', 'test', 'test', 'test']);
    // Zuul failed only two of them: fewer than minChanges (3) corroborated.
    expect(massFailures(burst(), zuulFails(['1', '2'])).map((r) => r.class)).toEqual(['test', 'test', 'test', 'test', 'test']);
  });

  it('is never a mass failure within one owner\'s series of changes', () => {
    const stack = burst().map((r) => ({ ...r, owner: 'alice' }));
    expect(massFailures(stack, zuulFails(['1', '2', '3', '4'])).map((r) => r.class)).toEqual(['test', 'test', 'test', 'test', 'test']);
  });

  it('is off with massFailure: false', () => {
    const collector = new HistoryCollector({ patterns: builtinPatterns() });
    [...burst(), ...zuulFails(['1', '2', '3'])].forEach((r) => collector.run(r));
    const history = collector.finish();
    const ci = collateGroups({ groups: history.groups.filter((g) => g.system === 'ci'), columns: history.columns }, new Map());
    const others = collateGroups({ groups: history.groups.filter((g) => g.system !== 'ci'), columns: history.columns }, new Map());
    expect(reclassifyMassFailures(ci, false, others).map((r) => r.class)).toEqual(['test', 'test', 'test', 'test', 'test']);
  });

  it('still counts a relabelled report as a false negative where the CI voted -1 and the gate passed', () => {
    // Another third-party CI failed 1, 2 and 3 with it (a shared outage): corroborated, relabelled
    // infra. Zuul passed them (and 4), and the CI posted Verified-1 on each: the three relabelled
    // reports plus 4's plain test failure are 4 false negatives in the 4 patchsets judged by both
    // (5 has no Zuul report).
    const others = ['1', '2', '3'].map((c) => run(c, '2026-03-07T11:00:00Z', 'FAILURE', { system: 'other-ci' }));
    const zuul = ['1', '2', '3', '4'].map((c) => run(c, '2026-03-07T09:30:00Z', 'SUCCESS', { system: 'zuul' }));
    const s = evaluate([...burst(), ...others, ...zuul], [], system(), '2026-03-07');
    expect(s.reports).toMatchObject({ infra: 3, test: 2 });
    expect(criterion(s, 'false-negative-rate')).toMatchObject({ value: 1, pass: false });
    expect(criterion(s, 'false-negative-rate').evidence.map((e) => e.change)).toEqual(['1', '2', '3', '4']);
    expect(criterion(s, 'infra-rate').detail).toBe('0 infra failures in 2 reports (0%); 3 corroborated mass-failure reports not counted');
  });

  it('leaves failures with real test evidence alone', () => {
    const runs = ['1', '2', '3'].map((c, i) => run(c, `2026-03-07T10:${10 + i * 10}:00Z`, 'FAILURE', { message: 'FAILED tests/test_x.py::test_y' }));
    expect(massFailures(runs, zuulFails(['1', '2', '3'])).map((r) => r.class)).toEqual(['test', 'test', 'test']);
  });

  it('counts a failure streak across distinct changes', () => {
    const { runs, uploads } = healthyWeek();
    const failing = runs.map((r) => (r.system === 'ci' && Number(r.change) >= 101 && Number(r.change) <= 105 ? { ...r, result: 'NODE_FAILURE' } : r));
    const s = evaluate(failing, uploads, system(), '2026-03-07');
    expect(criterion(s, 'failure-streak')).toMatchObject({ value: 5, threshold: 5, op: '<', pass: false });
    // 5 infra failures (101-105) in 8 reports (99-106)
    expect(criterion(s, 'infra-rate').value).toBe(0.625);
  });
});

describe('matrix collation', () => {
  const cells = (results: Array<[string, string, boolean?]>): Run[] =>
    results.map(([job, result, voting]) => run('1', '2026-03-07T10:00:00Z', result, { job, buildset: 'b1', voting: voting ?? true }));

  function collate(runs: Run[], rules: MatrixRule[] = []) {
    const collector = new HistoryCollector({ patterns: builtinPatterns() });
    runs.forEach((r) => collector.run(r));
    return collateGroups(collector.finish(), new Map(rules.map((r) => [r.cell, r])))[0]!;
  }

  it('ignores non-voting jobs and cells marked non-voting in the policy', () => {
    expect(collate(cells([['a', 'SUCCESS'], ['b', 'FAILURE', false]])).class).toBe('pass');
    expect(collate(cells([['a', 'SUCCESS'], ['b', 'FAILURE']]), [{ cell: 'b', voting: false }]).class).toBe('pass');
  });

  it('ignores a disabled cell until its expiry, then counts it again', () => {
    const until = T('2026-03-06T00:00:00Z') + DAY_MS - 1;
    expect(collate(cells([['a', 'SUCCESS'], ['b', 'FAILURE']]), [{ cell: 'b', voting: true, disabled: { reason: 'r', until: until + DAY_MS } }]).class).toBe('pass');
    expect(collate(cells([['a', 'SUCCESS'], ['b', 'FAILURE']]), [{ cell: 'b', voting: true, disabled: { reason: 'r', until } }]).class).toBe('test');
  });

  it('treats all voting cells skipped as an infra failure of the matrix', () => {
    const report = collate(cells([['a', 'SKIPPED'], ['b', 'SKIPPED'], ['c', 'FAILURE', false]]));
    expect(report).toMatchObject({ class: 'infra', allSkipped: true, reason: 'all voting cells skipped' });
  });

  it('lets a real test failure win over an infra failure in another job, and a merge conflict mean no vote', () => {
    expect(collate(cells([['a', 'NODE_FAILURE'], ['b', 'FAILURE']])).class).toBe('test');
    expect(collate(cells([['a', 'MERGE_CONFLICT']])).class).toBe('novote');
  });

  it('reports disabled cells without reason or expiry, and expired ones, in the matrix criterion', () => {
    const { runs, uploads } = healthyWeek();
    const matrix: MatrixRule[] = [
      { cell: 'arm64', voting: false },
      { cell: 'centos', voting: true, disabled: { reason: undefined, until: T('2026-12-31T00:00:00Z') } },
      { cell: 'fedora', voting: true, disabled: { reason: 'mirror move', until: undefined } },
      { cell: 'suse', voting: true, disabled: { reason: 'broken', until: T('2026-03-01T23:59:59Z') } },
    ];
    const s = evaluate(runs, uploads, system({ matrix }), '2026-03-07');
    expect(criterion(s, 'matrix')).toMatchObject({
      value: 3,
      pass: false,
      detail:
        'disabled cell centos has no reason; disabled cell fedora has no expiry date; disabled cell suse expired on 2026-03-01 (it counts again); ignored: arm64 non-voting, centos disabled until 2026-12-31',
    });
  });
});

describe('reporting discipline', () => {
  it('allows one extra report per recheck and counts the rest as duplicates', () => {
    const { runs, uploads } = healthyWeek();
    runs.push(run('103', '2026-03-04T12:00:00Z', 'SUCCESS'));
    runs.push(run('103', '2026-03-04T15:00:00Z', 'SUCCESS'));
    const s = evaluate(runs, uploads, system(), '2026-03-07', [['103', '1', '2026-03-04T11:00:00Z']]);
    expect(criterion(s, 'duplicate-reports')).toMatchObject({ value: 1, pass: false });
    expect(criterion(s, 'rechecks-answered')).toMatchObject({ value: 1, pass: true });
  });

  it('leaves a recheck younger than the answer limit pending', () => {
    const { runs, uploads } = healthyWeek();
    const s = evaluate(runs, uploads, system(), '2026-03-07', [['106', '1', '2026-03-07T20:00:00Z']]);
    expect(criterion(s, 'rechecks-answered')).toMatchObject({ value: null, pass: true, detail: 'no recheck requested in the window (1 pending)' });
  });
});
