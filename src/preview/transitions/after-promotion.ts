import { openWorkspace } from '../../workspace/open-workspace.js';
import { runCheck } from '../../engine/run-check.js';
import type { TransitionPlan } from './plan.js';
import type { ExpectedImport } from './rewrite-imports.js';

/**
 * Checks the moved tree before the journal goes: every rewritten reference, and every reference
 * that led to a moved file, resolves (the TypeScript way, with a fresh resolver) to the file it
 * must. Throws with the first few that do not, which rolls the promotion back.
 */
export function verifyImports(cwd: string, policyPath: string | undefined, expected: readonly ExpectedImport[]): void {
  const workspace = openWorkspace({ cwd, ...(policyPath ? { policyPath } : {}) });
  const wrong: string[] = [];
  for (const item of expected) {
    const resolution = workspace.resolver.resolve(item.specifier, item.importer, item.format);
    const got = resolution.kind === 'file' ? resolution.file : resolution.kind;
    if (got !== item.target) wrong.push(`${item.importer}: "${item.specifier}" leads to ${got}, not ${item.target}`);
  }
  if (wrong.length > 0) throw new Error(`${wrong.length} reference${wrong.length === 1 ? '' : 's'} would not resolve after the move: ${wrong.slice(0, 5).join('; ')}`);
}

/** `lifecycle check` on the result: the findings about the feature, or about no feature in a file the promotion touched (other features' findings are theirs). */
export async function leftAfterPromotion(cwd: string, policyPath: string | undefined, feature: string, plan: TransitionPlan): Promise<string[]> {
  const touched = new Set(plan.operations.map((operation) => (operation.kind === 'move' ? operation.to : operation.path)));
  const run = await runCheck({ cwd, ...(policyPath ? { policyPath } : {}) });
  return run.result.findings
    .filter((finding) => finding.feature === feature || (finding.feature === undefined && touched.has(finding.file)))
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule}: ${finding.message}`);
}
