/**
 * The result model of CI readiness: what `lifecycle ci-readiness` (and `report`) evaluate to and
 * what `lifecycle ci vote` decides, and the formats a readiness result is printed in. The
 * reporters (src/formats/ci/) import this module and nothing else of src/ci (layering rule
 * `reporters-import-result-models-only`). Types only, plus the list of formats: the CLI offers
 * the formats as choices without loading the evaluation or the reporters.
 */
import type { FailureClass, IgnoredCounts } from './types.js';

/** What a system may do: a non-voting CI is granted its vote or not yet; a voting one keeps or loses it. */
export type Verdict = 'grant' | 'keep' | 'revoke' | 'not-yet';

export type CriterionId =
  | 'probation'
  | 'coverage'
  | 'silence'
  | 'infra-rate'
  | 'false-negative-rate'
  | 'agreement'
  | 'infra-votes'
  | 'failure-streak'
  | 'duplicate-reports'
  | 'rechecks-answered'
  | 'log-links'
  | 'contacts'
  | 'matrix';

/** One event a criterion names as evidence. */
export interface Evidence {
  /** Day (YYYY-MM-DD) or time (ISO) of the event. */
  at: string;
  change?: string | undefined;
  patchset?: string | undefined;
  log?: string | undefined;
  note: string;
}

/** A criterion as the result shows it: measured value, threshold, pass, evidence. */
export interface PublicCriterion {
  id: CriterionId;
  /** The measured value over the window (null: not measurable). */
  value: number | null;
  threshold: number;
  op: '>=' | '<=' | '<';
  pass: boolean;
  detail: string;
  evidence: Evidence[];
}

/** A report named in the account: when, on which patchset, what it said. */
export interface AccountReport {
  at: string;
  change: string;
  patchset: string;
  class: FailureClass;
}

/**
 * The short account a verdict leads with (what a core team asks first): the last good report,
 * the first failure of the current failure streak, the longest silence (the same clipped span the
 * silence criterion measured), and when the CI was last seen.
 */
export interface SystemAccount {
  lastSeen: AccountReport | null;
  lastGood: AccountReport | null;
  /** The first failure of the failures the CI has reported since its last good report; null when its latest report passed. */
  failingSince: AccountReport | null;
  /** Failed reports since the last good one. */
  failuresSinceGood: number;
  longestSilence: { hours: number; from: string; to: string; open: boolean } | null;
  /**
   * Failing votes the CI posted in the window (`Verified-1`, or the scheme's own label and values),
   * how many of them on infra or unknown failures, and the latest; null when no report in the window
   * shows what was posted (Zuul builds and GitHub runs carry no votes).
   */
  failingVotes: { label: string; vote: string; count: number; onInfra: number; latest: AccountReport | null } | null;
}

/** Reports per window day by class (the HTML history chart). */
export type DailyCounts = Array<{ day: string } & Record<Exclude<FailureClass, 'skipped'>, number>>;

/** Runs of one job (and matrix cell) by class, over the window; `missing`: reports it never ran in (required cells). */
export interface CellCount {
  job: string;
  cell: string;
  pass: number;
  test: number;
  infra: number;
  unknown: number;
  novote: number;
  skipped: number;
  missing: number;
}

/** The evaluation of one system. */
export interface SystemResult {
  name: string;
  voting: boolean;
  verdict: Verdict;
  mayVote: boolean;
  cleanSince: string | null;
  eligibleOn: string | null;
  window: { from: string; to: string };
  /** One character per day of the window: what the CI did (see dayStrip). */
  strip: string;
  /** The strip's second row: `!` on the days a criterion was broken (see brokenStrip). */
  broken: string;
  /** The short account the verdict leads with. */
  account: SystemAccount;
  /** Reports per window day by class. */
  daily: DailyCounts;
  /** Reports in the window by class. */
  reports: Record<FailureClass, number>;
  /** Runs in the window per job and matrix cell, by class; `missing`: reports a required cell never ran in. */
  cells: CellCount[];
  criteria: PublicCriterion[];
}

/** What `lifecycle ci-readiness` evaluates to (the JSON format is this, in a stable key order). */
export interface ReadinessResult {
  version: 1;
  asOf: string;
  /** How the as-of day was chosen. */
  asOfSource: 'flag' | 'latest-record' | 'today';
  systems: SystemResult[];
  input: { runs: number; duplicateRuns: number; patchsets: number; rechecks: number; ignored: IgnoredCounts };
}

/** The vote `lifecycle ci vote` decides for one run, and why. */
export interface VoteResult {
  /** The vote as Gerrit writes it (+1, -1, 0; +2/-2 for a SmokeStack-style label). */
  vote: string;
  /** The label it is posted on (default Verified). */
  label: string;
  /** What the CI should post: a vote, or nothing (a change it could not test, a skipped run). */
  post: boolean;
  class: FailureClass;
  result: string;
  reason: string;
  /** The rule that decided the vote: a result code, a pattern, or ci.unexplainedFailure. */
  rule: string;
  match?: { pattern: string; kind: 'infra' | 'test'; line: number; text: string } | undefined;
}

const FORMATS = ['text', 'json', 'markdown', 'html'] as const;

/** An output format of `lifecycle ci-readiness`; `READINESS_REPORTERS` (reporters/index.ts) has exactly these keys. */
export type ReadinessFormat = (typeof FORMATS)[number];

/** The output formats of `lifecycle ci-readiness`, in the order `--help` lists them. */
export const READINESS_FORMATS: ReadinessFormat[] = [...FORMATS];
