import { describe, expect, it } from 'vitest';
import { HistoryCollector } from '../../src/ci/collect.js';
import { DEFAULT_CRITERIA, mergeCriteria } from '../../src/ci/defaults.js';
import { evaluateReadiness, type SystemSpec } from '../../src/ci/evaluate.js';
import { builtinPatterns } from '../../src/ci/patterns.js';
import { renderReadinessMarkdown } from '../../src/formats/ci/markdown.js';
import { renderReadinessText } from '../../src/formats/ci/text.js';
import { parseDay, parseTimestamp } from '../../src/ci/time.js';
import { DEFAULT_VOTE_SCHEME, type Run } from '../../src/ci/types.js';
import { criterion } from './helpers.js';

/** The short account a verdict leads with, on a hand-made week (values computed by hand below). */
const T = (iso: string): number => parseTimestamp(iso) as number;

const spec: SystemSpec = {
  name: 'acme',
  voting: true,
  contacts: ['a', 'b'],
  projects: [],
  recheck: /^recheck\b/i,
  matrix: [],
  settings: mergeCriteria(DEFAULT_CRITERIA, { probationDays: 7 }),
  vote: DEFAULT_VOTE_SCHEME,
};

function evaluate(runs: Array<[string, string, string, Record<string, number>?]>, uploads: Array<[string, string]>) {
  const collector = new HistoryCollector({ patterns: builtinPatterns() });
  for (const [change, end, result, votes] of runs) {
    const run: Run = { system: 'acme', change, patchset: '1', pipeline: 'check', job: 'tempest', cell: '', end: T(end), result, voting: true, log: `https://logs/${change}`, ...(votes ? { votes } : {}) };
    collector.run(run);
  }
  for (const [change, time] of uploads) collector.patchset({ change, patchset: '1', time: T(time) });
  return evaluateReadiness(collector.finish(), { systems: [spec], reference: 'zuul', asOfDay: parseDay('2026-03-07'), today: 0, commentStream: true });
}

// Window 2026-03-01..07. An upload on 02-26 (before the window) is answered only on 03-03T12:00:
// the silence is clipped to the window, 2026-03-01T00:00Z to 2026-03-03T12:00Z = 60 h (> 48 h).
// Reports: 101 pass on 03-03, 102 fails (test) 03-04, 103 fails (NODE_FAILURE) 03-05, 104 fails 03-06.
const WEEK = evaluate(
  [
    ['101', '2026-03-03T12:00:00Z', 'SUCCESS'],
    ['102', '2026-03-04T10:00:00Z', 'FAILURE'],
    ['103', '2026-03-05T10:00:00Z', 'NODE_FAILURE'],
    ['104', '2026-03-06T10:00:00Z', 'FAILURE'],
  ],
  [
    ['101', '2026-02-26T09:00:00Z'],
    ['102', '2026-03-04T09:00:00Z'],
    ['103', '2026-03-05T09:00:00Z'],
    ['104', '2026-03-06T09:00:00Z'],
  ],
);

describe('the account a verdict leads with', () => {
  const system = WEEK.systems[0]!;

  it('names the last good report, the first failure of the current streak and the last report seen', () => {
    expect(system.account).toMatchObject({
      lastGood: { at: '2026-03-03T12:00:00Z', change: '101', patchset: '1', class: 'pass' },
      failingSince: { at: '2026-03-04T10:00:00Z', change: '102', patchset: '1', class: 'test' },
      failuresSinceGood: 3,
      lastSeen: { at: '2026-03-06T10:00:00Z', change: '104', patchset: '1', class: 'test' },
    });
  });

  it('gives the longest silence clipped to the window, with the same endpoints the criterion shows', () => {
    const silence = criterion(system, 'silence');
    expect(silence.value).toBe(60);
    expect(system.account.longestSilence).toEqual({ hours: 60, from: '2026-03-01T00:00:00Z', to: '2026-03-03T12:00:00Z', open: false });
    expect(silence.detail).toContain('longest silence 60 h, from 2026-03-01T00:00:00Z to 2026-03-03T12:00:00Z');
    // The evidence note names the clipped start as well (60 h from the window start, not from 02-26).
    expect(silence.evidence.map((e) => e.at)).toEqual(['2026-03-01T00:00:00Z']);
    expect(silence.evidence.map((e) => e.note)).toEqual(['silent 60 h from 2026-03-01T00:00:00Z to 2026-03-03T12:00:00Z while upstream was active']);
  });

  it('keeps the data in the strip on broken days and marks them in a second row', () => {
    expect(system.strip).toBe('..+fif.');
    expect(system.broken.length).toBe(7);
    expect(system.broken).toMatch(/!/);
    for (let i = 0; i < 7; i++) if (system.broken[i] === '!') expect(system.strip[i]).not.toBe('!');
  });

  it('leads the text and Markdown verdicts with the account, change numbers linked by ci.changeUrl', () => {
    const changeUrl = 'https://review.example.org/c/{project}/+/{change}/{patchset}';
    const text = renderReadinessText(WEEK, { changeUrl });
    const head = text.split('\n').slice(2, 10).join('\n');
    expect(head).toBe(
      [
        'acme: REVOKE (voting; may not vote)',
        '  not clean now, eligible on 2026-03-14',
        '  last good report  2026-03-03T12:00:00Z, change 101/1 <https://review.example.org/c//+/101/1>',
        '  failing since     2026-03-04T10:00:00Z, change 102/1 <https://review.example.org/c//+/102/1> (test); 3 failed reports since the last good one',
        '  failing votes     not shown by this history (Zuul builds and GitHub runs carry no votes)',
        '  longest silence   60 h, from 2026-03-01T00:00:00Z to 2026-03-03T12:00:00Z',
        '  last seen         2026-03-06T10:00:00Z, change 104/1 <https://review.example.org/c//+/104/1> (test)',
        `  window  2026-03-01 ..+fif. 2026-03-07`,
      ].join('\n'),
    );
    const md = renderReadinessMarkdown(WEEK, { changeUrl: 'https://review.example.org/{change}' });
    expect(md).toContain('- **failing since**: 2026-03-04T10:00:00Z, change [102/1](https://review.example.org/102) (test); 3 failed reports since the last good one');
    expect(md).toContain('- **last good report**: 2026-03-03T12:00:00Z, change [101/1](https://review.example.org/101)');
    expect(md).toContain('- `infra-rate` 2026-03-05T10:00:00Z change [103/1](https://review.example.org/103): infra'); // evidence lines link too
  });

  it('says so plainly when the latest report passed, and when there is no report at all', () => {
    const good = evaluate([['101', '2026-03-02T12:00:00Z', 'FAILURE'], ['102', '2026-03-03T12:00:00Z', 'SUCCESS']], []);
    expect(good.systems[0]!.account).toMatchObject({ failingSince: null, failuresSinceGood: 0, lastGood: { change: '102' } });
    const none = evaluate([], []);
    expect(none.systems[0]!.account).toEqual({ lastSeen: null, lastGood: null, failingSince: null, failuresSinceGood: 0, longestSilence: null, failingVotes: null });
    expect(renderReadinessText(none)).toContain('  last good report  none in the history\n  failing since     none in the history\n');
  });

  it('counts the failing votes the CI posted in the window, and how many fell on infra or unknown failures', () => {
    // 101 +1 (pass, 03-03); 102 Verified-1 on a test failure (03-04); 103 Verified-1 on NODE_FAILURE (infra,
    // 03-05); 104 failed but its comment posted no Verified vote (03-06): 2 failing votes, 1 on infra,
    // the latest 103. A vote before the window (02-27) does not count.
    const voted = evaluate(
      [
        ['100', '2026-02-27T10:00:00Z', 'FAILURE', { Verified: -1 }],
        ['101', '2026-03-03T12:00:00Z', 'SUCCESS', { Verified: 1 }],
        ['102', '2026-03-04T10:00:00Z', 'FAILURE', { Verified: -1 }],
        ['103', '2026-03-05T10:00:00Z', 'NODE_FAILURE', { Verified: -1, 'Code-Review': 0 }],
        ['104', '2026-03-06T10:00:00Z', 'FAILURE', {}],
      ],
      [],
    );
    expect(voted.systems[0]!.account.failingVotes).toEqual({
      label: 'Verified',
      vote: '-1',
      count: 2,
      onInfra: 1,
      latest: { at: '2026-03-05T10:00:00Z', change: '103', patchset: '1', class: 'infra' },
    });
    expect(renderReadinessText(voted)).toContain(
      '  failing votes     2 Verified-1 in the window, 1 of them on infra or unknown failures; latest 2026-03-05T10:00:00Z, change 103/1 (infra)\n',
    );
    const clean = evaluate([['101', '2026-03-03T12:00:00Z', 'SUCCESS', { Verified: 1 }]], []);
    expect(renderReadinessText(clean)).toContain('  failing votes     none: no Verified-1 in the window\n');
  });
});
