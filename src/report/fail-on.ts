import { InputError } from '../errors.js';
import type { ReportModel } from './model.js';

/**
 * `--fail-on` conditions of `lifecycle report` (exit 1 when one holds):
 * - `overdue`: a preview feature is overdue as of the release under review;
 * - `violations`: `lifecycle check` has error-level findings (as of that release);
 * - `ci`: a system of `ci.systems` may not vote (the policy must have `ci.systems`).
 */
export const FAIL_ON_CONDITIONS = ['overdue', 'violations', 'ci'] as const;
export type FailOnCondition = (typeof FAIL_ON_CONDITIONS)[number];

/** Parses repeated and comma-separated values (`--fail-on overdue,ci --fail-on violations`). */
export function parseFailOn(values: readonly string[]): FailOnCondition[] {
  const out = new Set<FailOnCondition>();
  for (const value of values.flatMap((entry) => entry.split(','))) {
    const condition = value.trim();
    if (condition === '') continue;
    if (!(FAIL_ON_CONDITIONS as readonly string[]).includes(condition)) {
      throw new InputError(`--fail-on ${JSON.stringify(condition)}: expected ${FAIL_ON_CONDITIONS.join(', ')} (repeat the flag or separate with commas)`);
    }
    out.add(condition as FailOnCondition);
  }
  return FAIL_ON_CONDITIONS.filter((condition) => out.has(condition));
}

/** The conditions that hold, each with one line saying why (empty: exit 0). */
export function failingConditions(model: ReportModel, conditions: readonly FailOnCondition[]): string[] {
  const reasons: string[] = [];
  for (const condition of conditions) {
    if (condition === 'overdue') {
      const overdue = model.features.filter((feature) => feature.status === 'preview' && feature.deadline.state === 'overdue').map((feature) => feature.id);
      if (overdue.length > 0) reasons.push(`--fail-on overdue: ${overdue.length} overdue preview feature${overdue.length === 1 ? '' : 's'} as of ${model.release.name} (${overdue.join(', ')})`);
    } else if (condition === 'violations') {
      const { errors } = model.check;
      if (errors > 0) reasons.push(`--fail-on violations: lifecycle check has ${errors} error${errors === 1 ? '' : 's'} as of ${model.release.name}`);
    } else {
      if (!model.ci) throw new InputError('--fail-on ci: the policy has no ci.systems to judge');
      const barred = model.ci.systems.filter((system) => !system.mayVote).map((system) => `${system.name}: ${system.verdict}`);
      if (barred.length > 0) reasons.push(`--fail-on ci: ${barred.length} CI system${barred.length === 1 ? '' : 's'} may not vote (${barred.join(', ')})`);
    }
  }
  return reasons;
}
