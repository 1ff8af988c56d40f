import type { Evidence } from '../result.js';
import { dayOf } from '../time.js';
import { postedVote, type FailureClass, type Report, type VoteScheme } from '../types.js';
import {
  COUNTED_CLASSES,
  DayCounts,
  capEvidence,
  NO_REFERENCE,
  notMeasurable,
  evidenceOf,
  inWindow,
  percent,
  referenceOutcomes,
  rollingIncidents,
  round,
  type CriterionResult,
  type DayRange,
  type EvaluationInput,
} from './types.js';

const BAD_FOR_INFRA = new Set<FailureClass>(['infra', 'unknown']);
const FAILED = new Set<FailureClass>(['test', 'infra', 'unknown']);

/** Share of the CI's reports that failed for infra or unknown reasons (never -1, but a CI problem). */
export function infraRateCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'infra-rate' as const, threshold: settings.maxInfraRate, op: '<=' as const };
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let total = 0;
  let infra = 0;
  let unknown = 0;
  let excused = 0;
  const items: Evidence[] = [];
  for (const report of input.reports) {
    if (!COUNTED_CLASSES.has(report.class)) continue;
    // A corroborated mass failure was an outage of the CI's world (the gate failed too), not of the CI.
    if (report.massFailureOf !== undefined) {
      if (inWindow(input, report.time)) excused++;
      continue;
    }
    const bad = BAD_FOR_INFRA.has(report.class);
    counts.add(report.time, bad);
    if (!inWindow(input, report.time)) continue;
    total++;
    if (report.class === 'infra') infra++;
    if (report.class === 'unknown') unknown++;
    if (bad) items.push(evidenceOf(report, `${report.class}: ${report.reason}`));
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (bad, all) => all > 0 && bad / all > settings.maxInfraRate);
  if (total === 0) {
    return notMeasurable(base, 'not measurable: no report in the window', incidents);
  }
  const rate = (infra + unknown) / total;
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: round(rate, 4),
    pass: rate <= settings.maxInfraRate,
    detail: `${infra} infra${unknown ? ` and ${unknown} unknown-result` : ''} failures in ${total} reports (${percent(rate)})${excused ? `; ${excused} corroborated mass-failure reports not counted` : ''}${more}`,
    evidence,
    incidents,
  };
}

/**
 * False negatives: the CI said -1 (a test failure) on a patchset the reference gate passed
 * (every reference report on it passed; a patchset the reference ever failed, e.g. before a
 * recheck, is not held against the CI). The rate is over the CI's reports on patchsets the
 * reference gate also judged.
 */
export function falseNegativeCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'false-negative-rate' as const, threshold: settings.maxFalseNegativeRate, op: '<=' as const };
  if (input.reference.length === 0) {
    return notMeasurable(base, NO_REFERENCE);
  }
  // The reference outcome of a patchset: 'test' if any of its reference reports failed, else 'pass'.
  const outcomes = referenceOutcomes(input.reference);
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let compared = 0;
  let falseNegatives = 0;
  let falsePositives = 0;
  const items: Evidence[] = [];
  for (const report of input.reports) {
    if (!COUNTED_CLASSES.has(report.class)) continue;
    const outcome = outcomes.get(report.key);
    if (!outcome) continue;
    const reference = outcome.firstFailure ? 'test' : 'pass';
    const isFalseNegative = votedFail(report, input.system.vote) && reference === 'pass';
    counts.add(report.time, isFalseNegative);
    if (!inWindow(input, report.time)) continue;
    compared++;
    if (isFalseNegative) {
      falseNegatives++;
      items.push(evidenceOf(report, `-1 (${report.reason}) where the reference gate passed`));
    }
    if (report.class === 'pass' && reference === 'test') falsePositives++;
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (bad, all) => all > 0 && bad / all > settings.maxFalseNegativeRate);
  if (compared === 0) {
    return notMeasurable(base, 'not measurable: no patchset in the window was judged by both the CI and the reference gate', incidents);
  }
  const rate = falseNegatives / compared;
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: round(rate, 4),
    pass: rate <= settings.maxFalseNegativeRate,
    detail: `${falseNegatives} false negatives in ${compared} patchsets also judged by the reference gate (${percent(rate)}); ${falsePositives} passed where the reference failed at least once${more}`,
    evidence,
    incidents,
  };
}

/**
 * Whether the report said -1: a test failure, or a report relabelled by a corroborated mass
 * failure on which the CI posted its failing vote (or, votes unknown, that was a test failure).
 */
function votedFail(report: Report, scheme: VoteScheme): boolean {
  if (report.class === 'test') return true;
  if (report.massFailureOf === undefined) return false;
  const vote = postedVote(report, scheme);
  return vote === undefined ? report.massFailureOf === 'test' : vote !== null && vote < scheme.neutral;
}

/**
 * Longest failure streak: consecutive failed reports (test, infra or unknown) counted in
 * distinct changes; a passing report ends a streak. Must stay below the limit. Test failures
 * on patchsets the reference gate failed too are left out (an upstream breakage, a broken
 * series of changes: the CI was right).
 */
export function failureStreakCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const limit = settings.failureStreakLimit;
  const base = { id: 'failure-streak' as const, threshold: limit, op: '<' as const };
  const incidents: DayRange[] = [];
  let longest = 0;
  let longestStreak: Report[] = [];
  let streak: Report[] = [];
  let changes = new Set<string>();
  let windowStreak: Report[] = [];
  let windowChanges = new Set<string>();
  let incidentFrom: number | undefined;
  const closeStreak = (): void => {
    if (incidentFrom !== undefined && streak.length > 0) {
      incidents.push([incidentFrom, dayOf((streak[streak.length - 1] as Report).time)]);
    }
    // New containers only when the old ones hold something (a pass after a pass closes nothing):
    // a longest streak found earlier may still refer to the old ones.
    if (streak.length > 0) streak = [];
    if (changes.size > 0) changes = new Set();
    if (windowStreak.length > 0) windowStreak = [];
    if (windowChanges.size > 0) windowChanges = new Set();
    incidentFrom = undefined;
  };
  // A failure the reference gate shared (it failed the same patchset), and a corroborated mass
  // failure, neither extend nor end a streak: they show the CI agreeing, not the CI broken.
  const reference = referenceOutcomes(input.reference);
  for (const report of input.reports) {
    if (!COUNTED_CLASSES.has(report.class) || report.massFailureOf !== undefined) continue;
    if (report.class === 'test' && reference.get(report.key)?.firstFailure !== undefined) continue;
    if (!FAILED.has(report.class)) {
      closeStreak();
      continue;
    }
    streak.push(report);
    changes.add(report.change);
    if (changes.size >= limit && incidentFrom === undefined) incidentFrom = dayOf(report.time);
    if (inWindow(input, report.time)) {
      windowStreak.push(report);
      windowChanges.add(report.change);
      if (windowChanges.size > longest) {
        longest = windowChanges.size;
        longestStreak = windowStreak.slice();
      }
    }
  }
  closeStreak();
  const items = longestStreak.map((r) => evidenceOf(r, `${r.class}: ${r.reason}`));
  const { evidence, more } = capEvidence(items);
  const first = longestStreak[0];
  const last = longestStreak[longestStreak.length - 1];
  const detail =
    first && last
      ? `longest streak: ${longest} distinct changes failed in a row (${longestStreak.length} reports, ${new Date(first.time).toISOString().slice(0, 10)} to ${new Date(last.time).toISOString().slice(0, 10)})${more}`
      : 'no failed report in the window';
  return { ...base, value: longest, pass: longest < limit, detail, evidence: longest >= limit ? evidence : [], incidents };
}
