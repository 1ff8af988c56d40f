import { RunClassifier } from './classify.js';
import type { CompiledPattern } from './patterns.js';
import type { ResultCodes } from './result-codes.js';
import { RunColumns, hashPair } from './run-columns.js';
import type { HistorySink, IgnoredCounts, PatchsetEvent, RecheckEvent, Run } from './types.js';

/** The runs of one report-to-be: one buildset, or one (change, patchset, pipeline) to be split by time. */
export interface RunGroup {
  system: string;
  project: string | undefined;
  change: string;
  patchset: string;
  /** `change` NUL `patchset`. */
  key: string;
  pipeline: string;
  /** Owner of the change, when a run said. */
  owner?: string | undefined;
  /** False when the source gave no buildset: the group is split where runs are > 1 h apart. */
  buildset: boolean;
  /** Index of the group's last run in the columns (runs chain backwards through `next`); -1 if none. */
  head: number;
  count: number;
}

/** Everything read from the inputs, deduplicated and classified, ready for evaluation. */
export interface CollectedHistory {
  groups: RunGroup[];
  columns: RunColumns;
  patchsets: PatchsetEvent[];
  rechecks: RecheckEvent[];
  ignored: IgnoredCounts;
  runCount: number;
  duplicateRuns: number;
  /** Full runs, kept only when exporting. */
  runs?: Run[];
  /** Latest time seen in any record (the default as-of). */
  latest: number | undefined;
}

interface CollectorOptions {
  patterns: readonly CompiledPattern[];
  /** Result codes and their classes (built-ins plus ci.resultCodes); default the built-ins. */
  resultCodes?: ResultCodes | undefined;
  /** Keep full runs (for --export-ndjson). */
  keepRuns?: boolean;
  /** Ignore records before this time (epoch ms). */
  since?: number | undefined;
}

const SEP = '\u0000';

/** The one set of strings per patchset, shared by its groups and its upload event; the earliest upload seen. */
interface PatchsetIds {
  change: string;
  patchset: string;
  /** `change` NUL `patchset`. */
  key: string;
  upload?: PatchsetEvent | undefined;
}

/**
 * Receives what sources emit: classifies runs, drops duplicates (the same id, or the same job,
 * cell, end and result, within one group), groups runs into reports-to-be, dedupes events.
 */
export class HistoryCollector implements HistorySink {
  private readonly columns = new RunColumns();
  /** Groups by system, then by buildset id or change/patchset/pipeline key. */
  private readonly groups = new Map<string, Map<string, RunGroup>>();
  private readonly recheckEvents = new Map<string, RecheckEvent>();
  private readonly ignoredCounts: IgnoredCounts = {};
  private readonly fullRuns: Run[] | undefined;
  private runCount = 0;
  private duplicateRuns = 0;
  private latest: number | undefined;
  private readonly names = new Map<string, string>();
  /** One string per patchset key (change NUL patchset), shared by both systems' groups. */
  private readonly patchsetKeys = new Map<string, PatchsetIds>();
  private readonly classifier: RunClassifier;
  /** Patchsets with an upload event (`PatchsetIds.upload`). */
  private uploads = 0;
  /** hashPair's output, reused for every run (no array per run). */
  private readonly hash = new Int32Array(2);

  constructor(private readonly options: CollectorOptions) {
    this.fullRuns = options.keepRuns ? [] : undefined;
    this.classifier = new RunClassifier(options.patterns, options.resultCodes);
  }

  private name(value: string): string {
    const found = this.names.get(value);
    if (found !== undefined) return found;
    this.names.set(value, value);
    return value;
  }

  private note(time: number): boolean {
    if (this.options.since !== undefined && time < this.options.since) {
      this.ignore('before --since');
      return false;
    }
    if (this.latest === undefined || time > this.latest) this.latest = time;
    return true;
  }

  run(run: Run): void {
    if (!this.note(run.end)) return;
    const groupKey = run.buildset !== undefined ? run.buildset : SEP + run.change + SEP + run.patchset + SEP + run.pipeline;
    let systemGroups = this.groups.get(run.system);
    if (!systemGroups) {
      systemGroups = new Map();
      this.groups.set(run.system, systemGroups);
    }
    let group = systemGroups.get(groupKey);
    if (!group) {
      const ids = this.patchsetIds(run.change, run.patchset);
      group = {
        system: this.name(run.system),
        project: run.project === undefined ? undefined : this.name(run.project),
        change: ids.change,
        patchset: ids.patchset,
        key: ids.key,
        pipeline: this.name(run.pipeline),
        buildset: run.buildset !== undefined,
        head: -1,
        count: 0,
      };
      systemGroups.set(groupKey, group);
    }
    if (run.owner !== undefined && group.owner === undefined) group.owner = this.name(run.owner);
    const identity = run.id ?? run.job + SEP + run.cell + SEP + run.end + SEP + run.result;
    hashPair(identity, this.hash);
    const hashA = this.hash[0] as number;
    const hashB = this.hash[1] as number;
    const { columns } = this;
    for (let i = group.head; i !== -1; i = columns.next[i] as number) {
      if (columns.hashA[i] === hashA && columns.hashB[i] === hashB) {
        this.duplicateRuns++;
        return;
      }
    }
    this.runCount++;
    let { class: cls, reason, testEvidence } = run;
    if (cls === undefined) {
      const classified = this.classifier.classify(run.result, run.message);
      cls = classified.class;
      reason = classified.reason;
      testEvidence = classified.testEvidence;
    }
    if (this.fullRuns) {
      const full: Run = { ...run, class: cls, reason, testEvidence: testEvidence || undefined };
      delete full.message;
      this.fullRuns.push(full);
    }
    group.head = columns.push({
      end: run.end,
      class: cls,
      voting: run.voting,
      hasLog: run.log !== undefined,
      testEvidence: testEvidence === true,
      job: run.job,
      cell: run.cell,
      reason: reason ?? `result ${run.result}`,
      next: group.head,
      hashA,
      hashB,
      log: cls === 'pass' || cls === 'skipped' ? undefined : run.log,
      votes: run.votes,
    });
    group.count++;
  }

  patchset(event: PatchsetEvent): void {
    if (!this.note(event.time)) return;
    const ids = this.patchsetIds(event.change, event.patchset);
    const known = ids.upload;
    if (!known || event.time < known.time || (event.project && !known.project)) {
      const project = event.project === undefined ? undefined : this.name(event.project);
      if (!known) this.uploads++;
      ids.upload = { project, change: ids.change, patchset: ids.patchset, time: Math.min(event.time, known?.time ?? event.time) };
    }
  }

  /** The one set of strings per patchset (change, patchset, change NUL patchset), shared by groups and events. */
  private patchsetIds(change: string, patchset: string): PatchsetIds {
    const joined = change + SEP + patchset;
    let ids = this.patchsetKeys.get(joined);
    if (!ids) {
      ids = { change, patchset, key: joined, upload: undefined };
      this.patchsetKeys.set(joined, ids);
    }
    return ids;
  }

  recheck(event: RecheckEvent): void {
    if (!this.note(event.time)) return;
    const key = [event.change, event.patchset, event.time, event.text].join(SEP);
    if (!this.recheckEvents.has(key)) this.recheckEvents.set(key, event);
  }

  ignore(reason: string): void {
    this.ignoredCounts[reason] = (this.ignoredCounts[reason] ?? 0) + 1;
  }

  private uploadEvents(): PatchsetEvent[] {
    const out: PatchsetEvent[] = new Array(this.uploads);
    let n = 0;
    for (const ids of this.patchsetKeys.values()) if (ids.upload) out[n++] = ids.upload;
    return out;
  }

  /** The collected history (events sorted by time, then change and patchset). */
  finish(): CollectedHistory {
    const byTime = <T extends { time: number; change: string; patchset: string }>(a: T, b: T): number =>
      a.time - b.time || cmp(a.change, b.change) || cmp(a.patchset, b.patchset);
    const result: CollectedHistory = {
      groups: [...this.groups.values()].flatMap((byKey) => [...byKey.values()]),
      columns: this.columns,
      patchsets: this.uploadEvents().sort(byTime),
      rechecks: [...this.recheckEvents.values()].sort((a, b) => byTime(a, b) || cmp(a.text, b.text)),
      ignored: this.ignoredCounts,
      runCount: this.runCount,
      duplicateRuns: this.duplicateRuns,
      latest: this.latest,
    };
    if (this.fullRuns) result.runs = this.fullRuns;
    return result;
  }
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
