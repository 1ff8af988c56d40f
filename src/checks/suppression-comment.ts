import type { SuppressionComment, SuppressionUse } from '../facts/suppressions.js';
import type { Finding } from '../findings.js';
import { nearestKey } from '../policy/suggest.js';
import { CHECK_IDS } from './catalogue.js';
import type { Check } from './check.js';

const RULE = 'suppression-comment';

/**
 * `lifecycle-disable-next-line` comments name a known check, give a reason, and suppress
 * something. Runs after the other checks: whether a directive was used is known only once their
 * findings have been matched against it (suppressFindings below, which both runners call), so it
 * reads `suppressions`.
 */
export const suppressionComment: Check = {
  id: RULE,
  run: (input) => suppressionFindings(input.suppressions ?? []),
};

/** The findings about directives that name nothing, an unknown id, no reason, or suppress nothing. */
export function suppressionFindings(uses: readonly SuppressionUse[]): Finding[] {
  return uses.flatMap(({ file, directive, used }): Finding[] => {
    const at = { rule: RULE, severity: 'error' as const, file, line: directive.line, column: directive.column };
    const message = problemOf(directive.rules, directive.reason, used);
    return message === undefined ? [] : [{ ...at, message }];
  });
}

function problemOf(rules: readonly string[], reason: string | undefined, used: boolean): string | undefined {
  if (rules.length === 0) return 'lifecycle-disable-next-line names no check id; write `lifecycle-disable-next-line <id> -- <reason>`';
  const unknown = rules.filter((rule) => !CHECK_IDS.includes(rule));
  if (unknown.length > 0) {
    const hints = unknown.map((rule) => nearestKey(rule, CHECK_IDS)).filter((hint): hint is string => hint !== undefined);
    const hint = hints.length > 0 ? ` (did you mean ${hints.map((item) => `"${item}"`).join(', ')}?)` : '';
    return `lifecycle-disable-next-line names unknown check id(s): ${unknown.join(', ')}${hint}`;
  }
  if (reason === undefined) {
    return `lifecycle-disable-next-line ${rules.join(', ')} has no reason, so it suppresses nothing; add \` -- <why this is allowed>\``;
  }
  return used ? undefined : `unused lifecycle-disable-next-line ${rules.join(', ')}: nothing to suppress on the next line; remove it`;
}

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
