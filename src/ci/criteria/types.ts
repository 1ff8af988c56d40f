import type { MatrixRule } from '../collate.js';
import type { MassFailureSettings } from '../mass-failure.js';
import type { Evidence, PublicCriterion } from '../result.js';
import { DAY_MS, dayOf, formatTime } from '../time.js';
import type { PatchsetEvent, RecheckEvent, Report, VoteScheme } from '../types.js';
import type { TextMatcher } from '../patterns.js';

/** The thresholds of the criteria (policy `ci.criteria`, defaults in defaults.ts). */
export interface CriteriaSettings {
  probationDays: number;
  minCoverage: number;
  maxSilenceHours: number;
  maxInfraRate: number;
  maxFalseNegativeRate: number;
  failureStreakLimit: number;
  maxDuplicateReports: number;
  recheckAnswerHours: number;
  minRecheckAnswerRate: number;
  maxReportsWithoutLog: number;
  minContacts: number;
  reportDeadlineHours: number;
  clockSkewMinutes: number;
  /** `agreement`: the CI's +1s may be at most this share of its reports on patchsets the reference gate failed. */
  maxPassWhereReferenceFailed: number;
  /** `infra-votes`: failing votes posted on infra or unknown failures (default 0). */
  maxInfraVotes: number;
  /** Corroborated mass failures (false: never relabel). */
  massFailure: MassFailureSettings | false;
}

/** Days [from, to] (UTC day numbers, inclusive) on which a criterion was broken. */
export type DayRange = readonly [number, number];

/** A criterion as evaluated: what the result shows, plus what the verdict needs internally. */
export interface CriterionResult extends PublicCriterion {
  /** Internal: when the criterion was broken over the whole history (resets the probation clock). */
  incidents: DayRange[];
  /** Internal (silence): the measured span, clipped to the window like the value (epoch ms). */
  span?: { from: number; to: number; open: boolean } | undefined;
}

interface SystemUnderTest {
  name: string;
  voting: boolean;
  contacts: readonly string[];
  matrix: readonly MatrixRule[];
  /** Recheck requests this system answers. */
  recheck: TextMatcher;
  /** Its vote label and values. */
  vote: VoteScheme;
}

/** Everything one system's criteria are computed from (already read, classified, collated). */
export interface EvaluationInput {
  system: SystemUnderTest;
  settings: CriteriaSettings;
  /** This system's reports up to the end of the as-of day, sorted by time. */
  reports: readonly Report[];
  /** The reference gate's reports, sorted by time. */
  reference: readonly Report[];
  /** Upstream patchsets (uploads, or first reference report), sorted by time, in scope. */
  upstream: readonly PatchsetEvent[];
  /** Whether any upstream activity data was given at all. */
  hasUpstreamData: boolean;
  rechecks: readonly RecheckEvent[];
  /** Whether the inputs carry human comments (so rechecks and duplicates can be judged). */
  commentStream: boolean;
  /** First day of data, first day of the window, the as-of day (UTC day numbers). */
  firstDay: number;
  windowStartDay: number;
  asOfDay: number;
}

const MAX_EVIDENCE = 10;

export function windowStart(input: EvaluationInput): number {
  return input.windowStartDay * DAY_MS;
}

export function asOfEnd(input: EvaluationInput): number {
  return (input.asOfDay + 1) * DAY_MS - 1;
}

export function inWindow(input: EvaluationInput, time: number): boolean {
  return time >= windowStart(input) && time <= asOfEnd(input);
}

export function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function percent(value: number): string {
  return `${round(value * 100, 2)}%`;
}

export function evidenceOf(report: Report, note: string): Evidence {
  return { at: formatTime(report.time), change: report.change, patchset: report.patchset, log: report.log, note };
}

/** The detail of a comparison with the reference gate when there is no gate history at all. */
export const NO_REFERENCE = 'not measurable: no reference gate results (give --reference FILE or ci.reference in the policy)';

/**
 * A criterion that could not be measured: it fails ("evidence, not trust") with value null and no
 * evidence, keeping the incidents measured over the whole history.
 */
export function notMeasurable(base: Pick<CriterionResult, 'id' | 'threshold' | 'op'>, detail: string, incidents: DayRange[] = []): CriterionResult {
  return { ...base, value: null, pass: false, detail, evidence: [], incidents };
}

/** Keeps the first MAX_EVIDENCE items and says how many were left out. */
export function capEvidence(items: Evidence[]): { evidence: Evidence[]; more: string } {
  if (items.length <= MAX_EVIDENCE) return { evidence: items, more: '' };
  return { evidence: items.slice(0, MAX_EVIDENCE), more: ` (first ${MAX_EVIDENCE} of ${items.length} shown)` };
}

/** Per-day counts over [firstDay, asOfDay]. */
export class DayCounts {
  readonly bad: Float64Array;
  readonly total: Float64Array;
  constructor(
    readonly firstDay: number,
    readonly lastDay: number,
  ) {
    const n = Math.max(0, lastDay - firstDay + 1);
    this.bad = new Float64Array(n);
    this.total = new Float64Array(n);
  }
  add(time: number, bad: boolean): void {
    const i = dayOf(time) - this.firstDay;
    if (i < 0 || i >= this.total.length) return;
    this.total[i] = (this.total[i] ?? 0) + 1;
    if (bad) this.bad[i] = (this.bad[i] ?? 0) + 1;
  }
}

/**
 * Days with a bad event on which the criterion, measured over the window of `windowDays`
 * ending that day, fails: `fails(bad, total)` gets the window's sums.
 */
export function rollingIncidents(
  counts: DayCounts,
  windowDays: number,
  fails: (bad: number, total: number) => boolean,
): DayRange[] {
  const n = counts.total.length;
  const badSum = new Float64Array(n + 1);
  const totalSum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    badSum[i + 1] = (badSum[i] ?? 0) + (counts.bad[i] ?? 0);
    totalSum[i + 1] = (totalSum[i] ?? 0) + (counts.total[i] ?? 0);
  }
  const out: DayRange[] = [];
  for (let i = 0; i < n; i++) {
    if ((counts.bad[i] ?? 0) === 0) continue;
    const lo = Math.max(0, i - windowDays + 1);
    const bad = (badSum[i + 1] ?? 0) - (badSum[lo] ?? 0);
    const total = (totalSum[i + 1] ?? 0) - (totalSum[lo] ?? 0);
    if (fails(bad, total)) out.push([counts.firstDay + i, counts.firstDay + i]);
  }
  return out;
}

/** Index of the first element of sorted `times` that is >= `time`. */
export function lowerBound(times: ArrayLike<number>, time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const COUNTED_CLASSES = new Set(['pass', 'test', 'infra', 'unknown']);

/** What the reference gate said on one patchset (report key): its first real test failure, and whether a report passed. */
interface ReferenceOutcome {
  firstFailure: Report | undefined;
  passed: boolean;
}

const REFERENCE_OUTCOMES = new WeakMap<readonly Report[], ReadonlyMap<string, ReferenceOutcome>>();

/**
 * The reference gate's outcome per patchset (pass and test reports only), computed once per
 * reference history and shared by the criteria (and the systems) that compare against it.
 */
export function referenceOutcomes(reference: readonly Report[]): ReadonlyMap<string, ReferenceOutcome> {
  const known = REFERENCE_OUTCOMES.get(reference);
  if (known) return known;
  const outcomes = new Map<string, ReferenceOutcome>();
  for (const report of reference) {
    if (report.class !== 'pass' && report.class !== 'test') continue;
    let outcome = outcomes.get(report.key);
    if (!outcome) {
      outcome = { firstFailure: undefined, passed: false };
      outcomes.set(report.key, outcome);
    }
    if (report.class === 'pass') outcome.passed = true;
    else outcome.firstFailure ??= report;
  }
  REFERENCE_OUTCOMES.set(reference, outcomes);
  return outcomes;
}
