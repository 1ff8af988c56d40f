import type { Feature } from './model.js';
import type { ReleaseTrain } from './releases.js';

/**
 * When a preview feature must leave preview, counted in releases of the train (never by the
 * wall clock, so a date passing never breaks an unrelated change). Pure; shared by the
 * `preview-deadline` check, the ESLint plugin and `lifecycle report`.
 *
 * The clock starts at `introduced`, or at the latest renewal that counts. The deadline is
 * `maxCycles` releases later. With `current` at the deadline or later the feature is overdue;
 * one release before, it is due next.
 */
export type DeadlineState = 'ok' | 'due-next' | 'overdue' | 'unknown';

interface RenewalReview {
  /** Index in `features.<id>.renewals`. */
  index: number;
  release: string;
  /** False when a problem keeps the renewal from extending the deadline. */
  counted: boolean;
  problems: string[];
}

export interface FeatureDeadline {
  state: DeadlineState;
  /** Why the state is unknown. */
  unknownBecause?: string;
  /** The release the clock runs from. */
  since: string | undefined;
  sinceKind: 'introduced' | 'renewal' | undefined;
  /** The release by which the feature must leave preview; undefined when it lies past the end of the train. */
  deadline: string | undefined;
  /** Index of the deadline in the train (may be past its end). */
  deadlineIndex: number | undefined;
  /** Releases since the clock started (current − since). */
  ageCycles: number | undefined;
  /** Releases left before the deadline (0 or less: overdue). */
  cyclesLeft: number | undefined;
  renewals: RenewalReview[];
}

export interface DeadlineOptions {
  releases: ReleaseTrain & { current: string | undefined };
  maxCycles: number;
  maxRenewals: number | undefined;
}

export function featureDeadline(feature: Pick<Feature, 'introduced' | 'renewals'>, options: DeadlineOptions): FeatureDeadline {
  const { releases } = options;
  const indexOf = (name: string | undefined): number => (name === undefined ? -1 : releases.names.indexOf(name));
  const introducedIndex = indexOf(feature.introduced);
  const currentIndex = releases.current === undefined ? -1 : indexOf(releases.current);
  const renewals = reviewRenewals(feature, options, introducedIndex, currentIndex);
  const unknown = (because: string): FeatureDeadline => ({
    state: 'unknown',
    unknownBecause: because,
    since: undefined,
    sinceKind: undefined,
    deadline: undefined,
    deadlineIndex: undefined,
    ageCycles: undefined,
    cyclesLeft: undefined,
    renewals,
  });
  if (releases.names.length === 0) return unknown('releases.train is empty');
  if (currentIndex < 0) return unknown('releases.current is not set');
  if (feature.introduced === undefined) return unknown('the feature has no introduced release');
  if (introducedIndex < 0) return unknown(`release ${feature.introduced} is not in the train`);

  const lastRenewal = renewals.filter((renewal) => renewal.counted).sort((a, b) => indexOf(b.release) - indexOf(a.release))[0];
  const since = lastRenewal?.release ?? feature.introduced;
  const sinceIndex = indexOf(since);
  const deadlineIndex = sinceIndex + options.maxCycles;
  const cyclesLeft = deadlineIndex - currentIndex;
  return {
    state: cyclesLeft <= 0 ? 'overdue' : cyclesLeft === 1 ? 'due-next' : 'ok',
    since,
    sinceKind: lastRenewal ? 'renewal' : 'introduced',
    deadline: releases.names[deadlineIndex],
    deadlineIndex,
    ageCycles: currentIndex - sinceIndex,
    cyclesLeft,
    renewals,
  };
}

/** Each renewal with what keeps it from counting: a missing link or reason, a release out of place, the cap. */
function reviewRenewals(
  feature: Pick<Feature, 'introduced' | 'renewals'>,
  options: DeadlineOptions,
  introducedIndex: number,
  currentIndex: number,
): RenewalReview[] {
  const names = options.releases.names;
  const reviews = feature.renewals.map((renewal, index): RenewalReview => {
    const problems: string[] = [];
    const releaseIndex = names.indexOf(renewal.release);
    if (names.length > 0 && releaseIndex < 0) problems.push(`release ${renewal.release} is not in the train`);
    if (releaseIndex >= 0 && introducedIndex >= 0 && releaseIndex <= introducedIndex) {
      problems.push(`release ${renewal.release} is not after the introduction (${feature.introduced})`);
    }
    if (releaseIndex >= 0 && currentIndex >= 0 && releaseIndex > currentIndex) {
      problems.push(`release ${renewal.release} is later than the current release (${options.releases.current})`);
    }
    if (!renewal.tracking?.trim()) problems.push('no tracking link to the approved plan');
    else if (!/^https?:\/\//.test(renewal.tracking)) problems.push(`tracking link is not an http(s) URL: ${renewal.tracking}`);
    if (!renewal.reason?.trim()) problems.push('no reason');
    return { index, release: renewal.release, counted: problems.length === 0, problems };
  });
  const limit = options.maxRenewals;
  if (limit !== undefined) {
    const counted = reviews.filter((review) => review.counted).sort((a, b) => names.indexOf(a.release) - names.indexOf(b.release));
    for (const review of counted.slice(limit)) {
      review.counted = false;
      review.problems.push(`preview.maxRenewals allows ${limit} renewal${limit === 1 ? '' : 's'}`);
    }
  }
  return reviews;
}
