import type { CriteriaSettings } from './criteria/types.js';

/**
 * Default thresholds of the CI-readiness criteria (the same numbers as the `ci:` block of
 * policies/recommended.yaml; a test keeps them equal).
 */
export const DEFAULT_CRITERIA: CriteriaSettings = {
  probationDays: 30,
  minCoverage: 0.95,
  maxSilenceHours: 48,
  maxInfraRate: 0.05,
  maxFalseNegativeRate: 0.03,
  failureStreakLimit: 5,
  maxDuplicateReports: 0,
  recheckAnswerHours: 24,
  minRecheckAnswerRate: 1,
  maxReportsWithoutLog: 0,
  minContacts: 2,
  reportDeadlineHours: 24,
  clockSkewMinutes: 15,
  maxPassWhereReferenceFailed: 0.8,
  maxInfraVotes: 0,
  massFailure: { windowMinutes: 120, minChanges: 3, ratio: 0.8 },
};

/** Which human comments ask the CIs to run again (Gerrit "recheck", GitHub re-runs). */
export const DEFAULT_RECHECK = '^\\s*(recheck|reverify|re-run)\\b';

const DEFAULT_MASS_FAILURE = { windowMinutes: 120, minChanges: 3, ratio: 0.8 };

type MassFailureOverride = Partial<Exclude<CriteriaSettings['massFailure'], false>> | false | undefined;

/**
 * Merges partial criteria over a base (nested massFailure merged key by key; `massFailure:
 * false` turns the detection off, an object after that turns it on again over the defaults).
 */
export function mergeCriteria(
  base: CriteriaSettings,
  override: (Partial<Omit<CriteriaSettings, 'massFailure'>> & { massFailure?: MassFailureOverride }) | undefined,
): CriteriaSettings {
  if (!override) return base;
  const merged: CriteriaSettings = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === undefined) continue;
    if (key === 'massFailure') {
      const from = merged.massFailure === false ? DEFAULT_MASS_FAILURE : merged.massFailure;
      merged.massFailure =
        value === false ? false : { ...from, ...Object.fromEntries(Object.entries(value as object).filter(([, v]) => v !== undefined)) };
    } else {
      (merged as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return merged;
}
