import type { Evidence } from '../result.js';
import { HOUR_MS, formatTime } from '../time.js';
import type { Report } from '../types.js';
import {
  COUNTED_CLASSES,
  DayCounts,
  asOfEnd,
  capEvidence,
  evidenceOf,
  inWindow,
  lowerBound,
  percent,
  rollingIncidents,
  round,
  type CriterionResult,
  type EvaluationInput,
} from './types.js';

const SEP = '\u0000';

/**
 * One report per patchset and pipeline unless rechecked: the k-th report on a patchset is a
 * duplicate unless at least k recheck requests were made on that patchset before it (with the
 * clock-skew tolerance). Needs the comment stream to know about rechecks.
 */
export function duplicateReportsCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'duplicate-reports' as const, threshold: settings.maxDuplicateReports, op: '<=' as const };
  if (!input.commentStream) {
    return notMeasuredWithoutComments(base);
  }
  const skew = settings.clockSkewMinutes * 60_000;
  const rechecks = new Map<string, number[]>();
  for (const event of input.rechecks) {
    if (!input.system.recheck.test(event.text)) continue;
    const key = event.change + SEP + event.patchset;
    const list = rechecks.get(key) ?? [];
    list.push(event.time);
    rechecks.set(key, list);
  }
  for (const list of rechecks.values()) list.sort((a, b) => a - b);
  const seen = new Map<string, { count: number; first: Report }>();
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  const items: Evidence[] = [];
  let duplicates = 0;
  for (const report of input.reports) {
    if (!COUNTED_CLASSES.has(report.class)) continue;
    const key = report.key + SEP + report.pipeline;
    const known = seen.get(key);
    if (!known) {
      seen.set(key, { count: 1, first: report });
      continue;
    }
    known.count++;
    const times = rechecks.get(report.key) ?? [];
    const allowed = 1 + lowerBound(times, report.time + skew + 1);
    if (known.count <= allowed) continue;
    known.count--; // a duplicate does not use up a later recheck
    counts.add(report.time, true);
    if (!inWindow(input, report.time)) continue;
    duplicates++;
    items.push(evidenceOf(report, `another report on patchset ${report.patchset} (${report.pipeline || 'no pipeline'}) without a recheck; first at ${formatTime(known.first.time)}`));
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (bad) => bad > settings.maxDuplicateReports);
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: duplicates,
    pass: duplicates <= settings.maxDuplicateReports,
    detail: duplicates === 0 ? 'one report per patchset, plus one per recheck' : `${duplicates} reports repeated without a recheck${more}`,
    evidence,
    incidents,
  };
}

/**
 * Rechecks answered: each recheck request (matching this system's recheck pattern) on a
 * change the CI had reported on must be followed by a report on that change within the limit.
 */
export function rechecksAnsweredCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'rechecks-answered' as const, threshold: settings.minRecheckAnswerRate, op: '>=' as const };
  if (!input.commentStream && input.rechecks.length === 0) {
    return notMeasuredWithoutComments(base);
  }
  const skew = settings.clockSkewMinutes * 60_000;
  const limit = settings.recheckAnswerHours * HOUR_MS;
  const end = asOfEnd(input);
  const reportTimes = new Map<string, number[]>();
  for (const report of input.reports) {
    const list = reportTimes.get(report.change) ?? [];
    list.push(report.time);
    reportTimes.set(report.change, list);
  }
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let total = 0;
  let answered = 0;
  let pending = 0;
  const items: Evidence[] = [];
  for (const event of input.rechecks) {
    if (!input.system.recheck.test(event.text)) continue;
    const times = reportTimes.get(event.change);
    if (!times || (times[0] as number) >= event.time) continue; // the CI never reported on this change before
    const i = lowerBound(times, event.time - skew);
    const next = times[i];
    const ok = next !== undefined && next <= event.time + limit;
    if (!ok && event.time + limit > end) {
      if (inWindow(input, event.time)) pending++;
      continue;
    }
    counts.add(event.time, !ok);
    if (!inWindow(input, event.time)) continue;
    total++;
    if (ok) answered++;
    else items.push({ at: formatTime(event.time), change: event.change, patchset: event.patchset, note: `"${event.text}" not answered within ${settings.recheckAnswerHours} h` });
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (bad, all) => all > 0 && (all - bad) / all < settings.minRecheckAnswerRate);
  if (total === 0) {
    return { ...base, value: null, pass: true, detail: `no recheck requested in the window${pending ? ` (${pending} pending)` : ''}`, evidence: [], incidents };
  }
  const rate = answered / total;
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: round(rate, 4),
    pass: rate >= settings.minRecheckAnswerRate,
    detail: `${answered} of ${total} rechecks answered within ${settings.recheckAnswerHours} h (${percent(rate)})${pending ? `, ${pending} pending` : ''}${more}`,
    evidence,
    incidents,
  };
}

/** Every report carries a log link, and every failed voting job its own. */
export function logLinksCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'log-links' as const, threshold: settings.maxReportsWithoutLog, op: '<=' as const };
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let missing = 0;
  let total = 0;
  const items: Evidence[] = [];
  for (const report of input.reports) {
    if (!COUNTED_CLASSES.has(report.class)) continue;
    counts.add(report.time, !report.linked);
    if (!inWindow(input, report.time)) continue;
    total++;
    if (!report.linked) {
      missing++;
      items.push(evidenceOf(report, `${report.class} report without a log link`));
    }
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (bad) => bad > settings.maxReportsWithoutLog);
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: missing,
    pass: missing <= settings.maxReportsWithoutLog,
    detail: missing === 0 ? `all ${total} reports carry a log link` : `${missing} of ${total} reports without a log link (${percent(missing / Math.max(total, 1))})${more}`,
    evidence,
    incidents,
  };
}

/** A criterion that needs the comment stream (Gerrit history), when the inputs have none. */
function notMeasuredWithoutComments<T extends object>(base: T) {
  return {
    ...base,
    value: null,
    pass: true,
    detail: 'not measured: the inputs carry no comment stream, so rechecks are unknown (add the Gerrit history)',
    evidence: [],
    incidents: [],
  };
}
