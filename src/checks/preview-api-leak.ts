import type { ApiDeclaration, ApiSurfaceFacts } from '../facts/api-surface.js';
import type { Finding } from '../findings.js';
import { previewDeclaration, type DeclarationPolicy, type PreviewDeclarationVerdict } from '../policy/preview-declarations.js';
import type { Check, CheckInput } from './check.js';

const ID = 'preview-api-leak';

/**
 * Every exported declaration of a stable public entry point exposes no preview declaration in its
 * public shape. From each exported declaration that is not preview itself, a breadth-first walk
 * over what the shapes refer to finds the shortest path to each preview declaration it reaches
 * (the walk stops there: a preview declaration may use preview types) and each type that did not
 * resolve (fail closed: it could hide one). Findings sit at the exported declaration.
 */
export const previewApiLeak: Check = {
  id: ID,
  run(input: CheckInput): Finding[] {
    const surface = input.apiSurface;
    if (!surface) return [];
    const policy = input.policy.preview.declarations;
    const verdicts = new Map<number, PreviewDeclarationVerdict | undefined>();
    const verdictOf = (index: number) => {
      if (!verdicts.has(index)) verdicts.set(index, verdictFor(surface.declarations[index]!, policy));
      return verdicts.get(index);
    };
    const findings: Finding[] = surface.problems.map((problem) => ({ rule: ID, severity: 'error', file: problem.file, line: problem.line, column: problem.column, message: problem.message }));
    const checked = new Set<number>();
    for (const exported of surface.exports) {
      if (checked.has(exported.declaration)) continue;
      checked.add(exported.declaration);
      const start = surface.declarations[exported.declaration]!;
      // Preview itself (by its own name, or the name the entry point gives it): it may use preview types.
      if (verdictOf(exported.declaration) || previewDeclaration({ name: exported.name, tags: start.tags, file: start.fileClass }, policy)) continue;
      findings.push(...leaksFrom(surface, exported.declaration, verdictOf));
    }
    return findings;
  },
};

function verdictFor(declaration: ApiDeclaration, policy: DeclarationPolicy): PreviewDeclarationVerdict | undefined {
  return previewDeclaration({ name: declaration.name, tags: declaration.tags, file: declaration.fileClass }, policy);
}

function leaksFrom(surface: ApiSurfaceFacts, startIndex: number, verdictOf: (index: number) => PreviewDeclarationVerdict | undefined): Finding[] {
  const { declarations } = surface;
  const start = declarations[startIndex]!;
  const cameFrom = new Map<number, { from: number; via: string } | undefined>([[startIndex, undefined]]);
  const findings: Finding[] = [];
  const at = { rule: ID, severity: 'error' as const, file: start.file, line: start.line, column: start.column };
  /** `createClient → ClientOptions.transport` up to the declaration `index` (its own `via` appended). */
  const pathTo = (index: number, via: string): string => {
    const steps: string[] = [];
    let step = cameFrom.get(index);
    let current = index;
    let suffix = via;
    for (;;) {
      steps.unshift(`${declarations[current]!.name}${suffix}`);
      if (!step) break;
      suffix = step.via;
      current = step.from;
      step = cameFrom.get(current);
    }
    return steps.join(' → ');
  };
  const queue = [startIndex];
  for (let head = 0; head < queue.length; head += 1) {
    const index = queue[head]!;
    const declaration = declarations[index]!;
    for (const unresolved of declaration.unresolved) {
      findings.push({
        ...at,
        message: `cannot check ${pathTo(index, unresolved.via)}: its type does not resolve (${unresolved.file}:${unresolved.line}:${unresolved.column}: a missing module or name), so a preview type behind it would go unnoticed`,
      });
    }
    for (const { to, via } of declaration.references) {
      if (cameFrom.has(to)) continue;
      cameFrom.set(to, { from: index, via });
      const verdict = verdictOf(to);
      if (!verdict) {
        queue.push(to);
        continue;
      }
      const target = declarations[to]!;
      findings.push({
        ...at,
        message: `exposes a preview declaration in its public API: ${pathTo(to, '')} (${featureWords(verdict)}; ${verdict.reason}, ${target.file}:${target.line}:${target.column})`,
        ...(verdict.feature !== undefined ? { feature: verdict.feature } : {}),
      });
    }
  }
  return findings;
}

function featureWords(verdict: PreviewDeclarationVerdict): string {
  if (verdict.feature === undefined) return 'a preview declaration of no known feature';
  return verdict.registered ? `preview feature "${verdict.feature}"` : `preview feature "${verdict.feature}", not in the registry`;
}
