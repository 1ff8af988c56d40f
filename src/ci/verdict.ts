import { formatDay, dayOf } from './time.js';
import type { CriterionResult, DayRange, EvaluationInput } from './criteria/types.js';
import { inWindow } from './criteria/types.js';
import type { Verdict } from './result.js';

/** Criteria whose breaks are events in time (they reset the probation clock). */
const STATIC_CRITERIA = new Set(['contacts']);

interface Probation {
  criterion: CriterionResult;
  cleanSinceDay: number | null;
  eligibleOnDay: number | null;
  /** Every day (UTC day number) on which some criterion was broken. */
  incidentDays: Set<number>;
}

/**
 * The probation clock: the CI has been clean since the day after the last day any criterion
 * was broken (and not before its first report); it becomes eligible once that clean record is
 * `probationDays` long. A criterion failing over the window without a dated break (e.g. not
 * measurable) counts as broken on the as-of day.
 */
export function probationOf(input: EvaluationInput, criteria: readonly CriterionResult[]): Probation {
  const days = input.settings.probationDays;
  const incidents: Array<{ range: DayRange; id: string }> = [];
  for (const criterion of criteria) {
    if (STATIC_CRITERIA.has(criterion.id)) continue;
    const ranges = criterion.incidents.map((r) => [r[0], Math.min(r[1], input.asOfDay)] as const).filter((r) => r[0] <= r[1]);
    for (const range of ranges) incidents.push({ range, id: criterion.id });
    const hasWindowIncident = ranges.some((r) => r[1] >= input.windowStartDay);
    if (!criterion.pass && !hasWindowIncident && !(criterion.id === 'matrix' && criterion.evidence.length === 0)) {
      incidents.push({ range: [input.asOfDay, input.asOfDay], id: criterion.id });
    }
  }
  const incidentDays = new Set<number>();
  for (const { range } of incidents) {
    for (let d = Math.max(range[0], input.windowStartDay); d <= range[1]; d++) incidentDays.add(d);
  }
  const base = { id: 'probation' as const, threshold: days, op: '>=' as const, evidence: [], incidents: [] };
  const first = input.reports[0];
  if (!first) {
    return {
      criterion: { ...base, value: 0, pass: false, detail: 'the CI has not reported yet' },
      cleanSinceDay: null,
      eligibleOnDay: null,
      incidentDays,
    };
  }
  let lastIncident = -Infinity;
  const lastIds = new Set<string>();
  for (const { range, id } of incidents) {
    if (range[1] > lastIncident) {
      lastIncident = range[1];
      lastIds.clear();
    }
    if (range[1] === lastIncident) lastIds.add(id);
  }
  const start = Math.max(dayOf(first.time), lastIncident + 1);
  const cleanSinceDay = start <= input.asOfDay ? start : null;
  const eligibleOnDay = (cleanSinceDay ?? input.asOfDay + 1) + days - 1;
  const cleanDays = cleanSinceDay === null ? 0 : input.asOfDay - cleanSinceDay + 1;
  const why = Number.isFinite(lastIncident) ? `; last broken on ${formatDay(lastIncident)} (${[...lastIds].sort().join(', ')})` : '';
  const detail =
    cleanSinceDay === null
      ? `not clean on ${formatDay(input.asOfDay)}${why}; eligible on ${formatDay(eligibleOnDay)} at the earliest`
      : `clean for ${cleanDays} days since ${formatDay(cleanSinceDay)}${why}; ${cleanDays >= days ? 'eligible since' : 'eligible on'} ${formatDay(eligibleOnDay)}${cleanDays >= days ? '' : ' if it stays clean'}`;
  return {
    criterion: { ...base, value: cleanDays, pass: cleanDays >= days, detail },
    cleanSinceDay,
    eligibleOnDay,
    incidentDays,
  };
}

/**
 * The verdict: a voting CI keeps its vote while every criterion other than the probation
 * clock holds, and loses it (`revoke`) when one breaks; a non-voting CI gets `grant` once every
 * criterion holds, including a full probation window, and `not-yet` before.
 */
export function decideVerdict(voting: boolean, criteria: readonly CriterionResult[]): Verdict {
  const others = criteria.filter((c) => c.id !== 'probation').every((c) => c.pass);
  if (voting) return others ? 'keep' : 'revoke';
  const probation = criteria.find((c) => c.id === 'probation');
  return others && (probation?.pass ?? false) ? 'grant' : 'not-yet';
}

/** Whether a verdict lets the CI vote. */
export function mayVote(verdict: Verdict): boolean {
  return verdict === 'grant' || verdict === 'keep';
}

/**
 * One character per day of the window, what the CI did (the broken days are a second row, see
 * brokenStrip, so the data stays visible on them): `f` test failures
 * reported, `i` infra/unknown failures reported, `+` reported without failures, `s` upstream was
 * active but the CI did not report, `.` quiet (no upstream activity, no report).
 */
export function dayStrip(input: EvaluationInput): string {
  const n = input.asOfDay - input.windowStartDay + 1;
  const marks: string[] = new Array<string>(n).fill('.');
  const rank: Record<string, number> = { '.': 0, s: 1, '+': 2, i: 3, f: 4, '!': 5 };
  const put = (day: number, mark: string): void => {
    const i = day - input.windowStartDay;
    if (i < 0 || i >= n) return;
    if ((rank[mark] ?? 0) > (rank[marks[i] as string] ?? 0)) marks[i] = mark;
  };
  for (const event of input.upstream) if (inWindow(input, event.time)) put(dayOf(event.time), 's');
  for (const report of input.reports) {
    if (!inWindow(input, report.time)) continue;
    put(dayOf(report.time), report.class === 'test' ? 'f' : report.class === 'infra' || report.class === 'unknown' ? 'i' : '+');
  }
  return marks.join('');
}

/** The strip's second row: `!` on each window day a criterion was broken, `.` elsewhere. */
export function brokenStrip(input: EvaluationInput, incidentDays: ReadonlySet<number>): string {
  const n = input.asOfDay - input.windowStartDay + 1;
  const marks: string[] = new Array<string>(n).fill('.');
  for (const d of incidentDays) {
    const i = d - input.windowStartDay;
    if (i >= 0 && i < n) marks[i] = '!';
  }
  return marks.join('');
}
