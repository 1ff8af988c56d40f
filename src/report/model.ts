import type { DeadlineState } from '../policy/deadlines.js';
import type { PublicCriterion, ReadinessResult, SystemResult } from '../ci/result.js';
import type { CheckCounts, CheckResult } from '../findings.js';
import type { CheckInput } from '../checks/check.js';
import type { FanIn } from './fan-in.js';
import type { Feature } from '../policy/model.js';

/**
 * The release-review report model: what \`buildReport\` (build-report.ts) produces and the
 * reporters (src/formats/report/) print. Types only, plus one pure label helper, so the reporters
 * import nothing else of src/report.
 */

/** What the report is built from: `lifecycle check`'s result and facts, the train, the CI verdicts. */
export interface ReportInput {
  /** Project name (package.json `name`, else the folder name). */
  project: string;
  result: CheckResult;
  /** The facts of the check run; `facts.policy` is the policy as of the release under review. */
  facts: CheckInput;
  /** Release dates of the train (YYYY-MM-DD), where the policy gives them. */
  dates: Readonly<Record<string, string>>;
  /** Whether the release under review came from --release or from releases.current. */
  releaseSource: 'flag' | 'current';
  /** CI readiness of `ci.systems`; undefined when the policy has none. */
  readiness: ReadinessResult | undefined;
}

export interface ReportRelease {
  name: string;
  source: 'flag' | 'current';
  /** The train, in order, with dates where known. */
  train: { name: string; date: string | null }[];
}

export interface FeatureDeadlineReport {
  state: DeadlineState;
  /** Why the state is unknown. */
  note: string | null;
  /** The release the clock runs from (introduced, or the last renewal that counts). */
  since: string | null;
  sinceKind: 'introduced' | 'renewal' | null;
  /** The release by which it must leave preview; null when that lies past the end of the train. */
  release: string | null;
  /** For a deadline past the end of the train: how many releases after the last one. */
  afterTrain: number;
  /** Releases since the clock started. */
  ageCycles: number | null;
  /** Releases left before the deadline (0 or less: overdue). */
  cyclesLeft: number | null;
}

export interface Place {
  file: string;
  line: number;
  message: string;
}

export interface FeatureReport {
  id: string;
  status: Feature['status'];
  title: string | null;
  owners: string[];
  tracking: string | null;
  introduced: string | null;
  renewals: { release: string; tracking: string | null; reason: string | null; counted: boolean; problems: string[] }[];
  /** Only meaningful for preview features; `unknown` state for the others. */
  deadline: FeatureDeadlineReport;
  labels: FeatureLabels;
  /** For stable, deprecated and removed features: labelled places (config keys and docs) that should not be. */
  staleLabels: number;
  fanIn: FanIn;
  /**
   * `inPreviewTree`: in its `preview.tests` tree or matched by `features.<id>.tests`; `coLocated`:
   * test files (preview.testFiles) in its code tree when the policy has no `preview.tests`.
   */
  tests: { inPreviewTree: number; coLocated: number; misplaced: Place[] };
  /** Source files (code and tests) classified as the feature's. */
  codeFiles: number;
  findings: { errors: number; warnings: number; byCheck: Record<string, number> };
  recommendation: Recommendation;
}

export interface ReportSummary {
  features: Record<Feature['status'], number> & { total: number };
  deadlines: Record<DeadlineState, number>;
  recommendations: Record<Action, number>;
  ci: { systems: number; mayVote: number } | null;
}

export interface ReportModel {
  version: 1;
  project: string;
  policy: string;
  release: ReportRelease;
  settings: { label: string; maxCycles: number; maxRenewals: number | null; routes: boolean };
  summary: ReportSummary;
  check: CheckCounts & { unattributed: number };
  features: FeatureReport[];
  ci: CiReport | null;
}


interface FailingCriterion {
  id: PublicCriterion['id'];
  value: number | null;
  threshold: number;
  op: PublicCriterion['op'];
  /** Value and threshold with their units, as `lifecycle ci-readiness` prints them. */
  shown: string;
  detail: string;
}

/** A system's readiness as `lifecycle ci-readiness` computes it, with only its failing criteria. */
export interface CiSystemReport extends Omit<SystemResult, 'criteria' | 'cells' | 'account' | 'daily'> {
  failing: FailingCriterion[];
}

export interface CiReport {
  asOf: string;
  asOfSource: ReadinessResult['asOfSource'];
  systems: CiSystemReport[];
}

/** A place that needs the label (preview features) or still carries it (the others). */
export interface LabelPlace {
  file: string;
  line: number;
  /** The key, doc title or text. */
  what: string;
}

/**
 * How many of a feature's user-facing places carry the label. For a preview feature `problems`
 * lists the places without it; for a stable, deprecated or removed feature `labelled` counts
 * stale labels and `problems` lists them.
 */
export interface LabelCoverage {
  labelled: number;
  total: number;
  problems: LabelPlace[];
}

export interface FeatureLabels {
  config: LabelCoverage;
  docs: LabelCoverage;
  /** CLI help texts (command, option and argument descriptions); null when not collected (stable code is not scanned). */
  cli: LabelCoverage | null;
  /** HTTP route paths; null unless preview-route-label is enabled and the feature is in preview. */
  routes: LabelCoverage | null;
}

export type Action = 'promote' | 'renew' | 'remove' | 'keep';

/**
 * What the release manager should do with a feature, and why. `rule` names the rule that decided
 * (docs/report.md lists them in order); `blockers` are what keeps a preview feature from being
 * ready to promote.
 */
export interface Recommendation {
  action: Action;
  rule: RecommendationRule;
  reason: string;
  blockers: string[];
}

export type RecommendationRule =
  | 'removed-code-left'
  | 'removed-clean'
  | 'not-in-preview'
  | 'deadline-unknown'
  | 'not-yet-introduced'
  | 'overdue-ready'
  | 'overdue-untested'
  | 'overdue-stale'
  | 'overdue-renewable'
  | 'due-next-ready'
  | 'due-next-renewable'
  | 'due-next-last-chance'
  | 'on-track';

/** "2027.1", or "2 releases after 2027.1" for a deadline past the end of the train. */
export function deadlineLabel(deadline: Pick<FeatureDeadlineReport, 'release' | 'afterTrain' | 'state'>, lastRelease?: string): string {
  if (deadline.release !== null) return deadline.release;
  if (deadline.afterTrain > 0) return `${deadline.afterTrain} release${deadline.afterTrain === 1 ? '' : 's'} after ${lastRelease ?? 'the train'}`;
  return '-';
}
