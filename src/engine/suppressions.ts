import { CHECK_IDS } from '../checks/ids.js';
import type { Finding } from '../findings.js';
import { nearestKey } from '../policy/suggest.js';
import type { SuppressionComment } from '../extract/shared/suppression-directive.js';

export const SUPPRESSION_RULE = 'suppression-comment';

/**
 * Removes the findings that a valid suppression covers, and reports suppressions that lack a
 * reason (they suppress nothing), name an unknown check, or suppress nothing.
 */
export function applySuppressions(
  findings: readonly Finding[],
  suppressionsByFile: ReadonlyMap<string, readonly SuppressionComment[]>,
): Finding[] {
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
  const problems: Finding[] = [];
  for (const [file, suppressions] of suppressionsByFile) {
    for (const suppression of suppressions) {
      const base = { rule: SUPPRESSION_RULE, severity: 'error' as const, file, line: suppression.line, column: suppression.column };
      const unknown = suppression.rules.filter((rule) => !CHECK_IDS.includes(rule));
      const hints = unknown.map((rule) => nearestKey(rule, CHECK_IDS)).filter((hint): hint is string => hint !== undefined);
      if (suppression.rules.length === 0) {
        problems.push({ ...base, message: 'lifecycle-disable-next-line names no check id; write `lifecycle-disable-next-line <id> -- <reason>`' });
      } else if (unknown.length > 0) {
        const hint = hints.length > 0 ? ` (did you mean ${hints.map((item) => `"${item}"`).join(', ')}?)` : '';
        problems.push({ ...base, message: `lifecycle-disable-next-line names unknown check id(s): ${unknown.join(', ')}${hint}` });
      } else if (suppression.reason === undefined) {
        problems.push({
          ...base,
          message: `lifecycle-disable-next-line ${suppression.rules.join(', ')} has no reason, so it suppresses nothing; add \` -- <why this is allowed>\``,
        });
      } else if (!used.has(suppression)) {
        problems.push({
          ...base,
          message: `unused lifecycle-disable-next-line ${suppression.rules.join(', ')}: nothing to suppress on the next line; remove it`,
        });
      }
    }
  }
  return [...kept, ...problems];
}
