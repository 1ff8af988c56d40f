import type { PublicCriterion } from '../../ci/result.js';

const RATIOS = new Set(['coverage', 'infra-rate', 'false-negative-rate', 'agreement', 'rechecks-answered']);

/** A criterion value or threshold with its unit, for humans. */
export function formatValue(id: PublicCriterion['id'], value: number | null): string {
  if (value === null) return 'n/a';
  if (RATIOS.has(id)) return `${Math.round(value * 10000) / 100}%`;
  if (id === 'silence') return `${value} h`;
  if (id === 'probation') return `${value} days`;
  if (id === 'failure-streak') return `${value} changes`;
  return String(value);
}

export function formatThreshold(criterion: PublicCriterion): string {
  return `${criterion.op} ${formatValue(criterion.id, criterion.threshold)}`;
}

export const STRIP_LEGEND =
  '+ reported, f test failure (-1), i infra/unknown failure (0), s silent while upstream was active, . quiet; second row: ! a criterion broken that day';
