import type { RunGroup } from './collect.js';
import { cmp } from './collect.js';
import { FLAG_HAS_LOG, FLAG_TEST_EVIDENCE, FLAG_VOTING, type RunColumns } from './run-columns.js';
import { HOUR_MS } from './time.js';
import type { FailureClass, Report } from './types.js';

/** How a matrix cell (a job, or a job's matrix combination) counts. */
export interface MatrixRule {
  cell: string;
  /** false: non-voting, ignored when collating. */
  voting: boolean;
  /** A required cell must run in every report: a report where it never ran fails (infra). */
  required?: boolean | undefined;
  /** Disabled cells are ignored until `until` (epoch ms, end of that day) and need a reason. */
  disabled?: { reason?: string | undefined; until?: number | undefined } | undefined;
}

/** Runs of a group without buildset id more than this far apart are separate reports. */
const CLUSTER_GAP_MS = HOUR_MS;

/** The name a matrix rule matches: the cell when the run has one, else the job. */
function cellName(run: { job: string; cell: string }): string {
  return run.cell !== '' ? run.cell : run.job;
}

function ignoredByMatrix(columns: RunColumns, i: number, rules: ReadonlyMap<string, MatrixRule>, time: number): boolean {
  if (((columns.flags[i] as number) & FLAG_VOTING) === 0) return true;
  if (rules.size === 0) return false;
  const job = columns.string(columns.job[i] as number);
  const cell = columns.string(columns.cell[i] as number);
  const rule = rules.get(cellName({ job, cell })) ?? (cell !== '' ? rules.get(job) : undefined);
  if (!rule) return false;
  if (!rule.voting) return true;
  if (rule.disabled) return rule.disabled.until === undefined || time <= rule.disabled.until;
  return false;
}

/** Order of runs for picking the one that explains a report: job, then cell, then end. */
function before(columns: RunColumns, a: number, b: number): boolean {
  const ja = columns.string(columns.job[a] as number);
  const jb = columns.string(columns.job[b] as number);
  if (ja !== jb) return ja < jb;
  const ca = columns.string(columns.cell[a] as number);
  const cb = columns.string(columns.cell[b] as number);
  if (ca !== cb) return ca < cb;
  return (columns.end[a] as number) < (columns.end[b] as number);
}

/**
 * Collates the runs of one report the Zuul way: non-voting and disabled cells are ignored;
 * a merge conflict means no vote; any real test failure fails the report, else any infra
 * failure, else any unknown result; all voting cells skipped is an infra failure of the matrix.
 */
function collateRuns(
  group: RunGroup,
  columns: RunColumns,
  runs: readonly number[],
  rules: ReadonlyMap<string, MatrixRule>,
): Report {
  let time = 0;
  for (const i of runs) if ((columns.end[i] as number) > time) time = columns.end[i] as number;
  let considered = 0;
  let live = 0;
  let anyLog = false;
  let unlinkedTest = false;
  let testEvidence = false;
  let everyRunSkipped = true;
  // The run that explains the report, per failing class (first by job, cell, end).
  let novote = -1;
  let test = -1;
  let infra = -1;
  let unknown = -1;
  let failedLogRun = -1;
  let votes: Readonly<Record<string, number>> | undefined;
  const ran = rules.size > 0 ? new Set<string>() : undefined;
  for (const i of runs) {
    const flags = columns.flags[i] as number;
    votes ??= columns.votesOf(i);
    if (flags & FLAG_HAS_LOG) anyLog = true;
    const cls = columns.classOf(i);
    if (cls !== 'skipped') everyRunSkipped = false;
    if (ignoredByMatrix(columns, i, rules, time)) continue;
    considered++;
    if (cls === 'skipped') continue;
    live++;
    if (ran) {
      const job = columns.string(columns.job[i] as number);
      ran.add(cellName({ job, cell: columns.string(columns.cell[i] as number) }));
      ran.add(job);
    }
    if (cls === 'pass') continue;
    if (cls === 'test') {
      if (!(flags & FLAG_HAS_LOG)) unlinkedTest = true;
      if (flags & FLAG_TEST_EVIDENCE) testEvidence = true;
      if (test === -1 || before(columns, i, test)) test = i;
    } else if (cls === 'infra') {
      if (infra === -1 || before(columns, i, infra)) infra = i;
    } else if (cls === 'unknown') {
      if (unknown === -1 || before(columns, i, unknown)) unknown = i;
    } else if (novote === -1 || before(columns, i, novote)) {
      novote = i;
    }
    if (cls !== 'novote' && columns.logs.has(i) && (failedLogRun === -1 || before(columns, i, failedLogRun))) failedLogRun = i;
  }
  let cls: FailureClass = 'pass';
  let reason = 'all voting cells passed';
  let allSkipped = false;
  let missingCells: string[] | undefined;
  if (considered > 0 && live === 0) {
    cls = 'infra';
    reason = 'all voting cells skipped';
    allSkipped = true;
  } else if (considered === 0) {
    cls = everyRunSkipped ? 'skipped' : 'pass';
    reason = everyRunSkipped ? 'every run skipped or cancelled' : 'only non-voting or disabled cells';
  } else {
    const explaining = novote !== -1 ? novote : test !== -1 ? test : infra !== -1 ? infra : unknown;
    if (explaining !== -1) {
      cls = columns.classOf(explaining);
      const job = columns.string(columns.job[explaining] as number);
      const cell = columns.string(columns.cell[explaining] as number);
      const where = job !== '' ? `${job}${cell ? ` (${cell})` : ''}: ` : '';
      reason = `${where}${columns.string(columns.reason[explaining] as number)}`;
    }
  }
  const missing = cls === 'skipped' || !ran ? [] : missingRequired(rules, ran, time);
  if (missing.length > 0) {
    missingCells = missing;
    // A required cell that never ran: the CI did not test what it must (its failure, never -1).
    if (cls === 'pass' || cls === 'unknown') {
      cls = 'infra';
      reason = `required cell${missing.length > 1 ? 's' : ''} ${missing.join(', ')} never ran`;
    }
  }
  const report: Report = {
    system: group.system,
    change: group.change,
    patchset: group.patchset,
    key: group.key,
    pipeline: group.pipeline,
    project: group.project,
    time,
    class: cls,
    reason,
    linked: anyLog && !unlinkedTest,
    log: failedLogRun !== -1 ? columns.logs.get(failedLogRun) : undefined,
    allSkipped,
    testEvidence,
    runs: runs.length,
    votes,
    owner: group.owner,
  };
  // Set only when there are some (no object spread: one literal per report, 400,000 on a large history).
  if (missingCells) report.missingCells = missingCells;
  return report;
}

/** Required cells (still counted on the report's day) that did not run in it. */
function missingRequired(rules: ReadonlyMap<string, MatrixRule>, ran: ReadonlySet<string>, time: number): string[] {
  const out: string[] = [];
  for (const rule of rules.values()) {
    if (!rule.required || !rule.voting || ran.has(rule.cell)) continue;
    if (rule.disabled && (rule.disabled.until === undefined || time <= rule.disabled.until)) continue;
    out.push(rule.cell);
  }
  return out.sort();
}

function runsOf(group: RunGroup, columns: RunColumns, out: number[]): number[] {
  out.length = 0;
  for (let i = group.head; i !== -1; i = columns.next[i] as number) out.push(i);
  return out;
}

/** Turns run groups into reports (groups without buildset split where runs are > 1 h apart), sorted. */
export function collateGroups(
  source: { groups: readonly RunGroup[]; columns: RunColumns },
  rules: ReadonlyMap<string, MatrixRule>,
): Report[] {
  const { columns } = source;
  const reports: Report[] = [];
  const scratch: number[] = [];
  for (const group of source.groups) {
    const runs = runsOf(group, columns, scratch);
    if (group.buildset || runs.length === 1) {
      reports.push(collateRuns(group, columns, runs, rules));
      continue;
    }
    const byEnd = [...runs].sort((a, b) => (columns.end[a] as number) - (columns.end[b] as number) || a - b);
    let cluster: number[] = [];
    for (const i of byEnd) {
      const last = cluster[cluster.length - 1];
      if (last !== undefined && (columns.end[i] as number) - (columns.end[last] as number) > CLUSTER_GAP_MS) {
        reports.push(collateRuns(group, columns, cluster, rules));
        cluster = [];
      }
      cluster.push(i);
    }
    if (cluster.length > 0) reports.push(collateRuns(group, columns, cluster, rules));
  }
  return reports.sort(compareReports);
}

function compareReports(a: Report, b: Report): number {
  return (
    a.time - b.time ||
    cmp(a.system, b.system) ||
    cmp(a.change, b.change) ||
    cmp(a.patchset, b.patchset) ||
    cmp(a.pipeline, b.pipeline) ||
    cmp(a.class, b.class)
  );
}
