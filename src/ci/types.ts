/**
 * The data model of CI readiness: what every source is normalized to, and what the evaluation
 * produces. Times are epoch milliseconds (UTC) inside the engine and ISO strings at the edges.
 */

/**
 * What a run's result means for a vote:
 * - `pass`: the change passed (+1)
 * - `test`: a real test failure (-1)
 * - `infra`: the CI's own infrastructure failed (0, never -1)
 * - `unknown`: a result code we do not know (0, never -1; counted with infra failures)
 * - `novote`: the CI could not test the change (merge conflict, config error): no vote
 * - `skipped`: the run did not happen (skipped, cancelled, dequeued): ignored
 */
export type FailureClass = 'pass' | 'test' | 'infra' | 'unknown' | 'novote' | 'skipped';

export const FAILURE_CLASSES: readonly FailureClass[] = ['pass', 'test', 'infra', 'unknown', 'novote', 'skipped'];

export type SourceFormat = 'zuul' | 'gerrit' | 'gerrit-events' | 'github' | 'ndjson';

export const SOURCE_FORMATS: readonly SourceFormat[] = ['zuul', 'gerrit', 'gerrit-events', 'github', 'ndjson'];

/** One job run of one CI system on one patchset: the normalized run record. */
export interface Run {
  /** The CI system (canonical name once resolved against the configured names and aliases). */
  system: string;
  /** Unique id within the system when the source has one (Zuul build uuid, Gerrit message id…). */
  id?: string | undefined;
  /** Runs of one report (one Zuul buildset, one Gerrit comment, one GitHub run attempt) share it. */
  buildset?: string | undefined;
  project?: string | undefined;
  /** Change number (Gerrit, Zuul) or pull request number (GitHub), as a string. */
  change: string;
  /** Patchset number (Gerrit, Zuul) or head commit (GitHub), as a string. */
  patchset: string;
  pipeline: string;
  job: string;
  /** Matrix cell (e.g. "py312", "ubuntu-latest, 3.12"); empty when the job has no matrix. */
  cell: string;
  /** Epoch ms; undefined when the source does not say. */
  start?: number | undefined;
  /** Epoch ms: when the result was reported. */
  end: number;
  /** Raw result code as the source gave it (SUCCESS, NODE_FAILURE, startup_failure…). */
  result: string;
  /** Set by classification (or taken from a normalized NDJSON record). */
  class?: FailureClass | undefined;
  /** Why the class was chosen (result code, pattern id). */
  reason?: string | undefined;
  /** True when a real test-failure pattern matched (mass-failure detection leaves it alone). */
  testEvidence?: boolean | undefined;
  log?: string | undefined;
  voting: boolean;
  /** Comment text or log excerpt that classification patterns are matched against. */
  message?: string | undefined;
}

/** Upstream activity: a patchset was created (uploaded) at `time`. */
export interface PatchsetEvent {
  project?: string | undefined;
  change: string;
  patchset: string;
  time: number;
}

/** A human asked the CIs to run again on a patchset (a "recheck" comment, a GitHub re-run). */
export interface RecheckEvent {
  change: string;
  patchset: string;
  time: number;
  /** The comment's first line (what recheck patterns are matched against). */
  text: string;
}

/** A record a source could not use, by reason (in progress, no change number…). */
export type IgnoredCounts = Record<string, number>;

/** What sources emit while they read: runs, upstream activity and recheck requests. */
export interface HistorySink {
  run(run: Run): void;
  patchset(event: PatchsetEvent): void;
  recheck(event: RecheckEvent): void;
  ignore(reason: string): void;
}

/** One report of a CI on one patchset: its runs collated the Zuul way. */
export interface Report {
  system: string;
  change: string;
  patchset: string;
  /** `change` NUL `patchset`: the patchset's key in maps. */
  key: string;
  pipeline: string;
  project?: string | undefined;
  /** When the report was posted (latest end of its runs). */
  time: number;
  class: FailureClass;
  reason: string;
  /** Carries a log link (and every failed voting job has one). */
  linked: boolean;
  /** The log of the run that failed the report (kept for failures only, as evidence). */
  log?: string | undefined;
  /** All voting cells were skipped (a failure of the matrix). */
  allSkipped: boolean;
  /** True when a real test-failure pattern matched in one of its failed runs. */
  testEvidence: boolean;
  runs: number;
}
