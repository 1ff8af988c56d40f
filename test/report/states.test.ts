import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/report/model.js';
import { fixture, runLifecycle } from '../helpers/cli.js';

const STATES = fixture('report-states');

function report(args: string[] = []): ReportModel {
  const run = runLifecycle(['report', '--cwd', STATES, '--format', 'json', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ReportModel;
}

function byId(model: ReportModel): Map<string, ReportModel['features'][number]> {
  return new Map(model.features.map((feature) => [feature.id, feature]));
}

describe('lifecycle report on test/fixtures/report-states (every state and recommendation)', () => {
  const model = report();
  const features = byId(model);

  it('derives the state and the recommendation rule of every feature, as the fixture comments say', () => {
    const seen = model.features.map((feature) => [feature.id, feature.status, feature.deadline.state, feature.recommendation.action, feature.recommendation.rule]);
    expect(seen).toEqual([
      ['abandoned', 'preview', 'overdue', 'remove', 'overdue-stale'],
      ['fresh', 'preview', 'ok', 'keep', 'on-track'],
      ['gone', 'removed', 'unknown', 'remove', 'removed-code-left'],
      ['lastchance', 'preview', 'due-next', 'promote', 'due-next-last-chance'],
      ['late', 'preview', 'overdue', 'renew', 'overdue-renewable'],
      ['ready', 'preview', 'overdue', 'promote', 'overdue-ready'],
      ['renewed', 'preview', 'ok', 'keep', 'on-track'],
      ['retired', 'removed', 'unknown', 'keep', 'removed-clean'],
      ['ripe', 'preview', 'due-next', 'promote', 'due-next-ready'],
      ['settled', 'stable', 'unknown', 'keep', 'not-in-preview'],
      ['undated', 'preview', 'unknown', 'keep', 'deadline-unknown'],
      ['unready', 'preview', 'due-next', 'renew', 'due-next-renewable'],
    ]);
    expect(model.summary).toEqual({
      features: { total: 12, preview: 9, stable: 1, deprecated: 0, removed: 2 },
      deadlines: { ok: 2, 'due-next': 3, overdue: 3, unknown: 1 },
      recommendations: { promote: 3, renew: 2, remove: 2, keep: 5 },
      ci: null,
    });
  });

  it('reports the deadline, age and renewals from the train', () => {
    expect(model.release).toMatchObject({ name: '2026.2', source: 'current' });
    expect(model.release.train[0]).toEqual({ name: '2025.1', date: '2025-04-01' });
    expect(features.get('abandoned')!.deadline).toEqual({
      state: 'overdue', note: null, since: '2025.1', sinceKind: 'introduced', release: '2026.1', afterTrain: 0, ageCycles: 3, cyclesLeft: -1,
    });
    expect(features.get('renewed')!.deadline).toMatchObject({ state: 'ok', since: '2026.2', sinceKind: 'renewal', release: null, afterTrain: 1, ageCycles: 0 });
    expect(features.get('renewed')!.renewals).toEqual([
      { release: '2026.2', tracking: 'https://tracker.example/renewed-2', reason: 'the driver API changes again', counted: true, problems: [] },
    ]);
    expect(features.get('undated')!.deadline).toMatchObject({ state: 'unknown', note: 'the feature has no introduced release' });
  });

  it('counts label coverage of config keys, docs, CLI help and routes', () => {
    expect(model.settings.routes).toBe(true);
    expect(features.get('ripe')!.labels).toEqual({
      config: { labelled: 1, total: 1, problems: [] },
      docs: { labelled: 1, total: 1, problems: [] },
      cli: { labelled: 2, total: 2, problems: [] },
      routes: { labelled: 1, total: 1, problems: [] },
    });
    expect(features.get('unready')!.labels.config).toEqual({ labelled: 0, total: 1, problems: [{ file: 'etc/app.yaml', line: 6, what: 'unready.mode' }] });
    expect(features.get('late')!.labels.docs).toEqual({ labelled: 0, total: 1, problems: [{ file: 'docs/late.md', line: 1, what: 'Late things' }] });
    // Stable features: labelled places are stale labels; CLI help of stable code is not collected.
    const settled = features.get('settled')!;
    expect(settled.staleLabels).toBe(2);
    expect(settled.labels.config.problems).toEqual([{ file: 'etc/app.yaml', line: 13, what: 'settled.enabled' }]);
    expect(settled.labels.docs.problems).toEqual([{ file: 'docs/settled.md', line: 1, what: 'Settled things (preview)' }]);
    expect(settled.labels.cli).toBeNull();
  });

  it('derives stable→preview fan-in from the import facts, exceptions listed separately', () => {
    expect(features.get('abandoned')!.fanIn).toEqual({
      files: 1, imports: 1, violations: 1, suppressed: 0,
      top: [{ file: 'src/core/app.ts', imports: 1, kind: 'violation' }],
      viaExceptions: [], exceptionsUsed: [],
    });
    expect(features.get('ripe')!.fanIn).toEqual({
      files: 1, imports: 1, violations: 0, suppressed: 0, top: [],
      viaExceptions: [{ file: 'src/db/migrations/0001_ripe.ts', imports: 1, kind: 'exception', exception: 'src/db/migrations/**' }],
      exceptionsUsed: [{ path: 'src/db/migrations/**', reason: 'migrations form one ordered list', files: 1 }],
    });
  });

  it('reports test location, code left and finding counts by check', () => {
    expect(features.get('ripe')!.tests).toEqual({ inPreviewTree: 1, coLocated: 0, misplaced: [] });
    expect(features.get('unready')!.tests.misplaced).toEqual([
      expect.objectContaining({ file: 'test/core/unready.test.ts', line: 1 }),
    ]);
    expect(features.get('gone')!.codeFiles).toBe(1);
    expect(features.get('retired')!.codeFiles).toBe(0);
    expect(features.get('unready')!.findings).toEqual({
      errors: 2, warnings: 1, byCheck: { 'preview-config-label': 1, 'preview-deadline': 1, 'preview-test-location': 1 },
    });
    expect(model.check).toEqual({ errors: 10, warnings: 5, files: 18, unresolved: 0, unattributed: 0 }); // + the tests of ready and abandoned (issue #20: no promotion without tests)
  });

  it('gives the blockers a recommendation was derived from', () => {
    expect(features.get('unready')!.recommendation.blockers).toEqual(['1 of 1 config keys unlabelled', 'no docs', 'no tests', '1 test outside the preview test tree']);
    expect(features.get('abandoned')!.recommendation.reason).toBe(
      'stale: 1 release past its deadline 2026.1, and not ready: 1 stable file imports it outside the exceptions; no docs',
    );
    expect(features.get('ready')!.recommendation.blockers).toEqual([]);
  });

  it('--release evaluates as of another release of the train (a policy copy; checks agree)', () => {
    const earlier = byId(report(['--release', '2026.1']));
    expect(earlier.get('fresh')!.recommendation.rule).toBe('not-yet-introduced');
    expect(earlier.get('ripe')!.deadline.state).toBe('ok');
    expect(earlier.get('ready')!.deadline.state).toBe('due-next');
    // A renewal later than the release under review does not count yet.
    expect(earlier.get('renewed')!.renewals[0]!.counted).toBe(false);
    expect(earlier.get('renewed')!.deadline.state).toBe('overdue');
    const later = report(['--release', '2027.1']);
    expect(later.release).toMatchObject({ name: '2027.1', source: 'flag' });
    expect(later.summary.deadlines).toEqual({ ok: 0, 'due-next': 2, overdue: 6, unknown: 1 });
    expect(byId(later).get('fresh')!.deadline.state).toBe('due-next');
    // lifecycle check's own deadline findings follow the release too.
    expect(later.check.errors).toBeGreaterThan(model.check.errors);
    // The default is still releases.current afterwards (the cached policy was not changed).
    expect(report().release.name).toBe('2026.2');
  });
});
