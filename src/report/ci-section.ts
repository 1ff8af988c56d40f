import type { PublicCriterion, ReadinessResult, SystemResult } from '../ci/result.js';
import { formatThreshold, formatValue } from '../ci/reporters/format-values.js';

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

/** The CI part of the report: each system's verdict and failing criteria, from the readiness result (pure). */
export function ciSection(readiness: ReadinessResult): CiReport {
  return {
    asOf: readiness.asOf,
    asOfSource: readiness.asOfSource,
    systems: readiness.systems.map((system) => ({
      name: system.name,
      voting: system.voting,
      verdict: system.verdict,
      mayVote: system.mayVote,
      cleanSince: system.cleanSince,
      eligibleOn: system.eligibleOn,
      window: system.window,
      strip: system.strip,
      broken: system.broken,
      reports: system.reports,
      failing: system.criteria
        .filter((criterion) => !criterion.pass)
        .map((criterion) => ({
          id: criterion.id,
          value: criterion.value,
          threshold: criterion.threshold,
          op: criterion.op,
          shown: `${formatValue(criterion.id, criterion.value)} (${formatThreshold(criterion)})`,
          detail: criterion.detail,
        })),
    })),
  };
}

/** What each strip character means (the same legend as `lifecycle ci-readiness`). */
export const STRIP_MEANINGS: Record<string, string> = {
  '+': 'reported, no failures',
  f: 'test failure reported (-1)',
  i: 'infra/unknown failure reported (0)',
  s: 'silent while upstream was active',
  '.': 'quiet: no upstream activity, no report',
  '!': 'a criterion broken that day (second row)',
};
