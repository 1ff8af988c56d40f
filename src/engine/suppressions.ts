import { suppressionFindings } from '../checks/suppression-comment.js';
import type { SuppressionComment, SuppressionUse } from '../facts/suppressions.js';
import type { Finding } from '../findings.js';

/**
 * Removes the findings that a valid suppression (one with a reason) covers, and says of every
 * directive whether it suppressed something: the facts the `suppression-comment` check judges.
 */
export function suppressFindings(
  findings: readonly Finding[],
  suppressionsByFile: ReadonlyMap<string, readonly SuppressionComment[]>,
): { kept: Finding[]; uses: SuppressionUse[] } {
  const used = new Set<SuppressionComment>();
  const kept = findings.filter((finding) => {
    const candidates = suppressionsByFile.get(finding.file) ?? [];
    const suppression = candidates.find(
      (candidate) =>
        candidate.reason !== undefined &&
        candidate.rules.includes(finding.rule) &&
        finding.line > candidate.line &&
        finding.line <= candidate.coversUntilLine,
    );
    if (suppression) used.add(suppression);
    return !suppression;
  });
  const uses = [...suppressionsByFile].flatMap(([file, directives]) => directives.map((directive) => ({ file, directive, used: used.has(directive) })));
  return { kept, uses };
}

/** The findings left after suppression, followed by the `suppression-comment` findings about the directives. */
export function applySuppressions(
  findings: readonly Finding[],
  suppressionsByFile: ReadonlyMap<string, readonly SuppressionComment[]>,
): Finding[] {
  const { kept, uses } = suppressFindings(findings, suppressionsByFile);
  return [...kept, ...suppressionFindings(uses)];
}
