import type { ReadinessResult } from '../ci/result.js';
import type { CiReport } from './model.js';
import { formatThreshold, formatValue } from '../formats/ci/format-values.js';

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
