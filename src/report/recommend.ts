import type { FeatureDeadline } from '../policy/deadlines.js';
import type { Feature } from '../policy/model.js';
import type { FanIn } from './fan-in.js';
import type { Action, FeatureLabels, LabelCoverage, Recommendation, RecommendationRule } from './model.js';

export interface RecommendationInput {
  feature: Pick<Feature, 'id' | 'status'>;
  deadline: FeatureDeadline;
  labels: FeatureLabels;
  staleLabels: number;
  fanIn: Pick<FanIn, 'violations'>;
  misplacedTests: number;
  /** Test files of the feature where the policy says tests are (its test subtree, or next to its code). */
  tests: number;
  codeFiles: number;
  maxRenewals: number | undefined;
  /** Name of the release under review. */
  release: string;
  /** The deadline release for people (a train name, or "2 releases after 2027.1"). */
  deadlineLabel: string;
}

/** What keeps a preview feature from promotion: unlabelled places, no docs, no tests, stable dependents, misplaced tests, no code. */
export function promotionBlockers(input: RecommendationInput): string[] {
  const blockers: string[] = [];
  const missing = (coverage: LabelCoverage | null, what: string): void => {
    const count = coverage ? coverage.total - coverage.labelled : 0;
    if (count > 0) blockers.push(`${count} of ${coverage!.total} ${what} unlabelled`);
  };
  missing(input.labels.config, 'config keys');
  missing(input.labels.docs, 'docs');
  missing(input.labels.cli, 'CLI help texts');
  missing(input.labels.routes, 'route paths');
  if (input.fanIn.violations > 0) {
    blockers.push(`${input.fanIn.violations} stable file${input.fanIn.violations === 1 ? '' : 's'} import${input.fanIn.violations === 1 ? 's' : ''} it outside the exceptions`);
  }
  if (input.labels.docs.total === 0) blockers.push('no docs');
  if (input.tests === 0) blockers.push('no tests');
  if (input.misplacedTests > 0) blockers.push(`${input.misplacedTests} test${input.misplacedTests === 1 ? '' : 's'} outside the preview test tree`);
  if (input.codeFiles === 0) blockers.push('no code in the tree');
  return blockers;
}

/**
 * The recommendation rules, first match wins (documented in docs/report.md):
 *
 * 1. removed, code or tests left → remove; removed and gone → keep.
 * 2. stable or deprecated → keep (stale labels are listed as the work left).
 * 3. preview with an unknown deadline, or introduced after the release under review → keep.
 * 4. overdue: ready → promote; no tests and no docs → remove (renew when it was renewed and can be
 *    again); stale (past its deadline before this release, or no renewal can count any more) →
 *    remove; else → renew.
 * 5. due next release: ready → promote; a renewal can still count → renew; else → promote
 *    (last chance: fix the blockers, or it is removed next release).
 * 6. otherwise (on track) → keep.
 *
 * Ready means no blockers (promotionBlockers): labelled everywhere, with docs and tests, no
 * forbidden fan-in, no misplaced tests.
 */
export function recommend(input: RecommendationInput): Recommendation {
  const { feature, deadline } = input;
  const decide = (action: Action, rule: RecommendationRule, reason: string, blockers: string[] = []): Recommendation => ({ action, rule, reason, blockers });
  if (feature.status === 'removed') {
    return input.codeFiles > 0
      ? decide('remove', 'removed-code-left', `removed in the registry, but ${plural(input.codeFiles, 'file')} of its code or tests ${input.codeFiles === 1 ? 'is' : 'are'} still in the tree: delete them`)
      : decide('keep', 'removed-clean', 'removed, and no code is left');
  }
  if (feature.status !== 'preview') {
    return decide(
      'keep',
      'not-in-preview',
      input.staleLabels > 0 ? `${feature.status}; ${plural(input.staleLabels, 'stale preview label')} left to remove` : `${feature.status}; no preview labels left`,
    );
  }
  if (deadline.state === 'unknown') return decide('keep', 'deadline-unknown', `deadline unknown: ${deadline.unknownBecause ?? 'no release data'}`);
  if ((deadline.ageCycles ?? 0) < 0) {
    return decide('keep', 'not-yet-introduced', `introduced in ${deadline.since}, after ${input.release}`);
  }
  const blockers = promotionBlockers(input);
  const ready = blockers.length === 0;
  const readyText = 'has tests and docs, labelled everywhere, no stable code imports it outside the exceptions, no misplaced tests';
  const notReady = `not ready: ${blockers.join('; ')}`;
  const deadlineName = input.deadlineLabel;
  const countedRenewals = deadline.renewals.filter((renewal) => renewal.counted).length;
  const canRenew = input.maxRenewals === undefined || countedRenewals < input.maxRenewals;
  if (deadline.state === 'overdue') {
    const late = -(deadline.cyclesLeft ?? 0);
    if (ready) return decide('promote', 'overdue-ready', `overdue (deadline ${deadlineName}) and ready: ${readyText}`);
    if (input.tests === 0 && input.labels.docs.total === 0) {
      // Nothing shows it works or that anyone can use it: promotion is not an option.
      if (countedRenewals > 0 && canRenew) return decide('renew', 'overdue-untested', `overdue (deadline ${deadlineName}), renewed before, and still no tests and no docs: renew only with a plan that adds them, else remove`, blockers);
      return decide('remove', 'overdue-untested', `overdue (deadline ${deadlineName}) with no tests and no docs: nothing shows it works or that anyone can use it`, blockers);
    }
    if (late > 0 || !canRenew) {
      const why = late > 0 ? `${plural(late, 'release')} past its deadline ${deadlineName}` : `overdue and cannot be renewed again (preview.maxRenewals: ${input.maxRenewals})`;
      return decide('remove', 'overdue-stale', `stale: ${why}, and ${notReady}`, blockers);
    }
    return decide('renew', 'overdue-renewable', `overdue this release (deadline ${deadlineName}) and ${notReady}: renew with an approved plan, or fix and promote`, blockers);
  }
  if (deadline.state === 'due-next') {
    if (ready) return decide('promote', 'due-next-ready', `due next release (${deadlineName}) and ready: ${readyText}`);
    if (canRenew) return decide('renew', 'due-next-renewable', `due next release (${deadlineName}) and ${notReady}`, blockers);
    return decide(
      'promote',
      'due-next-last-chance',
      `due next release (${deadlineName}), cannot be renewed again (preview.maxRenewals: ${input.maxRenewals}) and ${notReady}: fix and promote, or it is removed`,
      blockers,
    );
  }
  const left = deadline.cyclesLeft ?? 0;
  const todo = ready ? 'already ready to promote' : `before promotion: ${blockers.join('; ')}`;
  return decide('keep', 'on-track', `on track: ${plural(left, 'release')} left (deadline ${deadlineName}); ${todo}`, blockers);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
