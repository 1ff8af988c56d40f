import type { Evidence } from '../result.js';
import { HOUR_MS, dayOf, formatDay, formatTime } from '../time.js';
import type { PatchsetEvent } from '../types.js';
import {
  DayCounts,
  asOfEnd,
  capEvidence,
  notMeasurable,
  inWindow,
  lowerBound,
  percent,
  rollingIncidents,
  round,
  windowStart,
  type CriterionResult,
  type DayRange,
  type EvaluationInput,
} from './types.js';

const SEP = '\u0000';

const NO_UPSTREAM =
  'not measurable: no upstream activity in the inputs (give the upstream Gerrit history, stream events, or the reference gate\'s history)';

/**
 * Reporting coverage: the share of upstream patchsets the CI reported on. The denominator is
 * upstream activity only. Patchsets still within the report deadline are pending (left out);
 * unreported patchsets superseded by a newer patchset within the deadline are left out too.
 */
export function coverageCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'coverage' as const, threshold: settings.minCoverage, op: '>=' as const };
  if (!input.hasUpstreamData) {
    return notMeasurable(base, NO_UPSTREAM);
  }
  const reported = new Set<string>();
  for (const report of input.reports) reported.add(report.key);
  const deadline = settings.reportDeadlineHours * HOUR_MS;
  const end = asOfEnd(input);
  const nextUpload = supersededAt(input.upstream);
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let total = 0;
  let covered = 0;
  let pending = 0;
  let superseded = 0;
  const missed: Evidence[] = [];
  input.upstream.forEach((event, index) => {
    const isCovered = reported.has(event.change + SEP + event.patchset);
    if (!isCovered) {
      const next = nextUpload[index];
      if (next !== undefined && next - event.time <= deadline) {
        if (inWindow(input, event.time)) superseded++;
        return;
      }
      if (event.time > end - deadline) {
        if (inWindow(input, event.time)) pending++;
        return;
      }
    }
    counts.add(event.time, !isCovered);
    if (!inWindow(input, event.time)) return;
    total++;
    if (isCovered) covered++;
    else missed.push({ at: formatTime(event.time), change: event.change, patchset: event.patchset, note: 'no report' });
  });
  const incidents = rollingIncidents(counts, settings.probationDays, (bad, all) => all > 0 && (all - bad) / all < settings.minCoverage);
  const extra = `${pending ? `, ${pending} pending` : ''}${superseded ? `, ${superseded} superseded before a report was due` : ''}`;
  if (total === 0) {
    // Nothing to measure (all upstream activity predates the window, or none was due yet): not a pass.
    return notMeasurable(base, `not measurable: no upstream patchset was due in the window${extra}`, incidents);
  }
  const value = round(covered / total, 4);
  const { evidence, more } = capEvidence(missed);
  return {
    ...base,
    value,
    pass: value >= settings.minCoverage,
    detail: `reported on ${covered} of ${total} upstream patchsets (${percent(covered / total)})${extra}${missed.length ? `; ${missed.length} missed${more}` : ''}`,
    evidence,
    incidents,
  };
}

/** For each upstream event, when the next patchset of the same change was uploaded. */
function supersededAt(events: readonly PatchsetEvent[]): Array<number | undefined> {
  const out: Array<number | undefined> = new Array(events.length);
  const byChange = new Map<string, number[]>();
  events.forEach((event, index) => {
    const list = byChange.get(event.change) ?? [];
    list.push(index);
    byChange.set(event.change, list);
  });
  for (const sorted of byChange.values()) {
    if (sorted.length < 2) continue; // a change with one patchset: superseded by nothing
    const order = (a: number, b: number): number =>
      Number((events[a] as PatchsetEvent).patchset) - Number((events[b] as PatchsetEvent).patchset) || (events[a] as PatchsetEvent).time - (events[b] as PatchsetEvent).time;
    // Most changes have a few patchsets: sorted in place (Array.prototype.sort allocates a work
    // array per call, 100,000 calls on a large history).
    if (sorted.length <= 16) insertionSort(sorted, order);
    else sorted.sort(order);
    for (let k = 0; k < sorted.length - 1; k++) {
      const current = events[sorted[k] as number] as PatchsetEvent;
      // The earliest upload of a later patchset that is not before this one.
      let next: number | undefined;
      for (let j = k + 1; j < sorted.length; j++) {
        const time = (events[sorted[j] as number] as PatchsetEvent).time;
        if (time >= current.time && (next === undefined || time < next)) next = time;
      }
      out[sorted[k] as number] = next;
    }
  }
  return out;
}

/** Sorts a short array in place, stably (as Array.prototype.sort; a NaN comparison keeps the order). */
function insertionSort(items: number[], order: (a: number, b: number) => number): void {
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as number;
    let j = i - 1;
    while (j >= 0 && order(items[j] as number, item) > 0) {
      items[j + 1] = items[j] as number;
      j--;
    }
    items[j + 1] = item;
  }
}

/**
 * Longest silence while upstream was active: for each upstream patchset, the time until the
 * CI's next report (any change; reports up to the clock-skew tolerance early count). Gaps are
 * clipped to the window; a gap still open at the as-of time runs to the end of that day.
 */
export function silenceCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'silence' as const, threshold: settings.maxSilenceHours, op: '<=' as const };
  if (!input.hasUpstreamData) {
    return notMeasurable(base, NO_UPSTREAM);
  }
  const times = input.reports.map((r) => r.time);
  const skew = settings.clockSkewMinutes * 60_000;
  const limit = settings.maxSilenceHours * HOUR_MS;
  const end = asOfEnd(input);
  const ws = windowStart(input);
  const gaps: Array<{ from: number; to: number; open: boolean }> = [];
  let lastReportIndex = -1;
  for (const event of input.upstream) {
    const i = lowerBound(times, event.time - skew);
    if (i === lastReportIndex) continue; // the same gap, started earlier
    lastReportIndex = i;
    const next = times[i];
    gaps.push({ from: event.time, to: next === undefined ? end : Math.max(next, event.time), open: next === undefined });
  }
  const incidents: DayRange[] = [];
  let longest = 0;
  let longestGap: { from: number; to: number; open: boolean } | undefined;
  const over: Evidence[] = [];
  for (const gap of gaps) {
    if (gap.to - gap.from > limit) {
      incidents.push([dayOf(gap.from + limit), dayOf(Math.min(gap.to, end))]);
    }
    const from = Math.max(gap.from, ws);
    const to = Math.min(gap.to, end);
    if (to <= from) continue;
    const length = to - from;
    if (length > longest) {
      longest = length;
      longestGap = gap;
    }
    if (length > limit) {
      over.push({
        at: formatTime(from),
        note: `silent ${round(length / HOUR_MS, 1)} h from ${formatTime(from)} to ${gap.open ? 'now (still silent)' : formatTime(to)} while upstream was active`,
      });
    }
  }
  if (!longestGap && !input.upstream.some((event) => inWindow(input, event.time))) {
    return notMeasurable(base, 'not measurable: no upstream activity in the window (all of it predates the window)', incidents);
  }
  const value = round(longest / HOUR_MS, 1);
  const { evidence, more } = capEvidence(over);
  // The value and the endpoints shown are the same clipped span.
  const span = longestGap ? { from: Math.max(longestGap.from, ws), to: Math.min(longestGap.to, end), open: longestGap.open } : undefined;
  const detail = span
    ? `longest silence ${value} h, from ${formatTime(span.from)} to ${span.open ? `${formatDay(input.asOfDay)} (still silent)` : formatTime(span.to)}${over.length ? `; ${over.length} silences over ${settings.maxSilenceHours} h${more}` : ''}`
    : 'the CI answered all upstream activity in the window';
  return { ...base, value, pass: longest <= limit, detail, evidence, incidents, span };
}
