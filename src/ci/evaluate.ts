import { dailyCounts, systemAccount } from './account.js';
import { collateGroups, type MatrixRule } from './collate.js';
import type { CollectedHistory, RunGroup } from './collect.js';
import { coverageCriterion, silenceCriterion } from './criteria/activity.js';
import { failureStreakCriterion, falseNegativeCriterion, infraRateCriterion } from './criteria/quality.js';
import { duplicateReportsCriterion, logLinksCriterion, rechecksAnsweredCriterion } from './criteria/reporting.js';
import { contactsCriterion, matrixCriterion } from './criteria/setup.js';
import { agreementCriterion, infraVotesCriterion } from './criteria/votes.js';
import { cellCountsInWindow, countCells, type CellDays } from './cell-counts.js';
import type { CriteriaSettings, EvaluationInput } from './criteria/types.js';
import { reclassifyMassFailures } from './mass-failure.js';
import type { TextMatcher } from './patterns.js';
import { DAY_MS, dayOf, formatDay } from './time.js';
import { FAILURE_CLASSES, type FailureClass, type PatchsetEvent, type RecheckEvent, type Report, type VoteScheme } from './types.js';
import type { ReadinessResult, SystemResult } from './result.js';
import { brokenStrip, dayStrip, decideVerdict, mayVote, probationOf } from './verdict.js';

/** One CI system to evaluate, as the policy or the ad-hoc flags describe it. */
export interface SystemSpec {
  name: string;
  voting: boolean;
  contacts: readonly string[];
  /** Only upstream patchsets of these projects count (empty: all). */
  projects: readonly string[];
  recheck: TextMatcher;
  matrix: readonly MatrixRule[];
  settings: CriteriaSettings;
  /** Its vote label and values (default Verified +1/-1/0). */
  vote: VoteScheme;
}

export interface ReadinessSpec {
  systems: readonly SystemSpec[];
  /** Name of the reference gate's system in the history, if any. */
  reference?: string | undefined;
  /** UTC day to evaluate as of; default: the day of the latest record, else `today`. */
  asOfDay?: number | undefined;
  /** The day to use when there is no data at all and no --as-of (the caller's "today"). */
  today: number;
  /** Whether the inputs include a comment stream (Gerrit, GitHub re-runs) to judge rechecks. */
  commentStream: boolean;
}

const SEP = '\u0000';

function groupsBySystem(groups: readonly RunGroup[]): Map<string, RunGroup[]> {
  const out = new Map<string, RunGroup[]>();
  for (const group of groups) {
    const list = out.get(group.system) ?? [];
    list.push(group);
    out.set(group.system, list);
  }
  return out;
}

/** Upstream patchsets: uploads, plus patchsets the reference gate reported on (earliest time wins). */
function upstreamEvents(patchsets: readonly PatchsetEvent[], reference: readonly Report[], end: number): PatchsetEvent[] {
  // `patchsets` (one per key) come sorted this way from the collector: sorted again only when
  // they are not, or when the reference added patchsets nobody saw uploaded.
  const keys = new Set<string>();
  const out: PatchsetEvent[] = [];
  let sorted = true;
  for (const event of patchsets) {
    if (event.time > end) continue;
    keys.add(event.change + SEP + event.patchset);
    if (sorted && out.length > 0 && byTimeChangePatchset(out[out.length - 1] as PatchsetEvent, event) > 0) sorted = false;
    out.push(event);
  }
  for (const report of reference) {
    if (keys.has(report.key)) continue;
    keys.add(report.key);
    out.push({ project: report.project, change: report.change, patchset: report.patchset, time: report.time });
    sorted = false;
  }
  return sorted ? out : out.sort(byTimeChangePatchset);
}

function byTimeChangePatchset(a: PatchsetEvent, b: PatchsetEvent): number {
  return a.time - b.time || (a.change < b.change ? -1 : a.change > b.change ? 1 : 0) || (a.patchset < b.patchset ? -1 : a.patchset > b.patchset ? 1 : 0);
}

/** The reports (sorted by time) up to `end`, without copying when all are. */
function upTo(reports: Report[], end: number): Report[] {
  const last = reports[reports.length - 1];
  if (!last || last.time <= end) return reports;
  return reports.filter((r) => r.time <= end);
}

/** The history reduced to reports: what the criteria need (runs and groups can be freed after). */
export interface CollatedHistory {
  asOfDay: number;
  asOfSource: ReadinessResult['asOfSource'];
  /** Reports per evaluated system (mass failures reclassified), up to the end of the as-of day. */
  reports: Map<string, readonly Report[]>;
  /** Runs per job, cell and day, per evaluated system. */
  cells: Map<string, CellDays>;
  reference: readonly Report[];
  upstream: readonly PatchsetEvent[];
  rechecks: readonly RecheckEvent[];
  commentStream: boolean;
  input: ReadinessResult['input'];
}

/** Step 1: collates the runs of the evaluated systems and the reference into reports. Pure. */
export function collateHistory(history: CollectedHistory, spec: ReadinessSpec): CollatedHistory {
  const asOfSource = spec.asOfDay !== undefined ? 'flag' : history.latest !== undefined ? 'latest-record' : 'today';
  const asOfDay = spec.asOfDay ?? (history.latest !== undefined ? dayOf(history.latest) : spec.today);
  const end = (asOfDay + 1) * DAY_MS - 1;
  const bySystem = groupsBySystem(history.groups);
  const collate = (name: string, rules: ReadonlyMap<string, MatrixRule>): Report[] =>
    upTo(collateGroups({ groups: bySystem.get(name) ?? [], columns: history.columns }, rules), end);
  const reference = spec.reference ? collate(spec.reference, new Map()) : [];
  const reports = new Map<string, readonly Report[]>();
  const cells = new Map<string, CellDays>();
  const collated = new Map<string, Report[]>();
  for (const system of spec.systems) {
    const rules = new Map(system.matrix.map((rule) => [rule.cell, rule]));
    collated.set(system.name, collate(system.name, rules));
    cells.set(system.name, countCells(bySystem.get(system.name) ?? [], history.columns));
  }
  // What corroborates a mass failure: the reference gate and every other system in the history.
  const others = (name: string): Report[] => {
    const out = [...reference];
    for (const other of bySystem.keys()) {
      if (other === name || other === spec.reference) continue;
      let list = collated.get(other);
      if (!list) {
        list = collate(other, new Map());
        collated.set(other, list);
      }
      out.push(...list);
    }
    return out;
  };
  for (const system of spec.systems) {
    const own = collated.get(system.name) ?? [];
    const mass = system.settings.massFailure;
    reports.set(system.name, mass === false || own.length === 0 ? own : reclassifyMassFailures(own, mass, others(system.name)));
  }
  return {
    asOfDay,
    asOfSource,
    reports,
    cells,
    reference,
    upstream: upstreamEvents(history.patchsets, reference, end),
    rechecks: history.rechecks.filter((r) => r.time <= end),
    commentStream: spec.commentStream || history.rechecks.length > 0,
    input: {
      runs: history.runCount,
      duplicateRuns: history.duplicateRuns,
      patchsets: history.patchsets.length,
      rechecks: history.rechecks.length,
      ignored: Object.fromEntries(Object.entries(history.ignored).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    },
  };
}

/** Step 2: evaluates every system of the spec on the collated history. Pure. */
export function evaluateCollated(collated: CollatedHistory, spec: ReadinessSpec): ReadinessResult {
  const { asOfDay } = collated;
  const systems = [...spec.systems]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((system) => {
      const reports = collated.reports.get(system.name) ?? [];
      const projects = new Set(system.projects);
      const upstream = projects.size
        ? collated.upstream.filter((e) => e.project === undefined || projects.has(e.project))
        : collated.upstream;
      const windowStartDay = asOfDay - system.settings.probationDays + 1;
      const firstTimes = [reports[0]?.time, upstream[0]?.time].filter((t): t is number => t !== undefined);
      const firstDay = Math.min(windowStartDay, ...firstTimes.map(dayOf));
      const input: EvaluationInput = {
        system: { name: system.name, voting: system.voting, contacts: system.contacts, matrix: system.matrix, recheck: system.recheck, vote: system.vote },
        settings: system.settings,
        reports,
        reference: collated.reference,
        upstream,
        hasUpstreamData: upstream.length > 0,
        rechecks: collated.rechecks,
        commentStream: collated.commentStream,
        firstDay,
        windowStartDay,
        asOfDay,
      };
      const result = evaluateSystem(input);
      result.cells = cellCountsInWindow(collated.cells.get(system.name) ?? new Map(), reports, windowStartDay, asOfDay);
      return result;
    });
  return { version: 1, asOf: formatDay(asOfDay), asOfSource: collated.asOfSource, systems, input: collated.input };
}

/** Evaluates every system of the spec against the collected history. Pure. */
export function evaluateReadiness(history: CollectedHistory, spec: ReadinessSpec): ReadinessResult {
  return evaluateCollated(collateHistory(history, spec), spec);
}

/** Evaluates one system: every criterion, the probation clock, the verdict and the strip. Pure. */
function evaluateSystem(input: EvaluationInput): SystemResult {
  const measured = [
    coverageCriterion(input),
    silenceCriterion(input),
    infraRateCriterion(input),
    falseNegativeCriterion(input),
    agreementCriterion(input),
    infraVotesCriterion(input),
    failureStreakCriterion(input),
    duplicateReportsCriterion(input),
    rechecksAnsweredCriterion(input),
    logLinksCriterion(input),
    contactsCriterion(input),
    matrixCriterion(input),
  ];
  const probation = probationOf(input, measured);
  const criteria = [probation.criterion, ...measured];
  const verdict = decideVerdict(input.system.voting, criteria);
  const counts = Object.fromEntries(FAILURE_CLASSES.map((c) => [c, 0])) as Record<FailureClass, number>;
  const ws = input.windowStartDay * DAY_MS;
  for (const report of input.reports) if (report.time >= ws) counts[report.class]++;
  return {
    name: input.system.name,
    voting: input.system.voting,
    verdict,
    mayVote: mayVote(verdict),
    cleanSince: probation.cleanSinceDay === null ? null : formatDay(probation.cleanSinceDay),
    eligibleOn: probation.eligibleOnDay === null ? null : formatDay(probation.eligibleOnDay),
    window: { from: formatDay(input.windowStartDay), to: formatDay(input.asOfDay) },
    strip: dayStrip(input),
    broken: brokenStrip(input, probation.incidentDays),
    account: systemAccount(input, measured.find((c) => c.id === 'silence')),
    daily: dailyCounts(input),
    reports: counts,
    cells: [],
    criteria: criteria.map(({ id, value, threshold, op, pass, detail, evidence }) => ({ id, value, threshold, op, pass, detail, evidence })),
  };
}
