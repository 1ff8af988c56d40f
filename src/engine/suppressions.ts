import { CHECK_IDS } from '../checks/ids.js';
import type { Finding } from '../findings.js';

/** `// lifecycle-disable-next-line <id>[, <id>…] -- <reason>` as written in a file. */
export interface SuppressionComment {
  line: number;
  column: number;
  rules: string[];
  reason: string | undefined;
  /** The last line it covers: the next line, or the end of the statement that starts there. */
  coversUntilLine: number;
}

const DIRECTIVE = /(\/\/|\/\*)\s*lifecycle-disable-next-line\b(.*)$/;
export const SUPPRESSION_RULE = 'suppression-comment';

/** Finds suppression comments; `statementEnds` maps a statement's first line to its last line. */
export function findSuppressions(text: string, statementEnds: ReadonlyMap<number, number>): SuppressionComment[] {
  if (!text.includes('lifecycle-disable-next-line')) return [];
  const found: SuppressionComment[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const match = DIRECTIVE.exec(lineText);
    if (!match) return;
    let body = match[2] ?? '';
    if (match[1] === '/*') body = body.replace(/\*\/.*$/, '');
    const separator = body.indexOf('--');
    const ruleText = separator >= 0 ? body.slice(0, separator) : body;
    const reason = separator >= 0 ? body.slice(separator + 2).trim() : '';
    const line = index + 1;
    found.push({
      line,
      column: match.index + 1,
      rules: ruleText.split(/[\s,]+/).filter(Boolean),
      reason: reason === '' ? undefined : reason,
      coversUntilLine: Math.max(line + 1, statementEnds.get(line + 1) ?? line + 1),
    });
  });
  return found;
}

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
      if (suppression.rules.length === 0) {
        problems.push({ ...base, message: 'lifecycle-disable-next-line names no check id; write `lifecycle-disable-next-line <id> -- <reason>`' });
      } else if (unknown.length > 0) {
        problems.push({ ...base, message: `lifecycle-disable-next-line names unknown check id(s): ${unknown.join(', ')}` });
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
