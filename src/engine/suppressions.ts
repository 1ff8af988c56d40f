import { suppressionFindings } from '../checks/suppression-comment.js';
import type { SuppressionComment, SuppressionUse } from '../facts/suppressions.js';
import type { Finding } from '../findings.js';
import { lineStartsOf } from '../line-positions.js';

/** The directive opens a comment on its own line (like ESLint's), so prose that mentions it does not count. */
const DIRECTIVE = /^\s*(\/\/|\/\*)\s*lifecycle-disable-next-line\b(.*)$/;

/**
 * Finds suppression comments; `statementEnds` maps a statement's first line to its last line,
 * `literalRanges` are the offsets of string literals (a directive inside one is not a comment).
 */
export function findSuppressions(
  text: string,
  statementEnds: ReadonlyMap<number, number>,
  literalRanges: readonly (readonly [number, number])[] = [],
): SuppressionComment[] {
  if (!text.includes('lifecycle-disable-next-line')) return [];
  const found: SuppressionComment[] = [];
  // Lines as TypeScript and ESLint count them: \r\n, \n, a lone \r, U+2028 and U+2029 end one.
  const starts = lineStartsOf(text, 'ecmascript');
  starts.forEach((offset, index) => {
    const lineText = text.slice(offset, starts[index + 1] ?? text.length).replace(/(?:\r\n|[\n\r\u2028\u2029])$/, '');
    const match = DIRECTIVE.exec(lineText);
    if (!match) return;
    const at = offset + lineText.indexOf(match[1]!);
    if (literalRanges.some(([start, end]) => at >= start && at < end)) return;
    let body = match[2] ?? '';
    if (match[1] === '/*') body = body.replace(/\*\/.*$/, '');
    const separator = body.indexOf('--');
    const ruleText = separator >= 0 ? body.slice(0, separator) : body;
    const reason = separator >= 0 ? body.slice(separator + 2).trim() : '';
    const line = index + 1;
    found.push({
      line,
      column: lineText.indexOf(match[1]!) + 1,
      rules: ruleText.split(/[\s,]+/).filter(Boolean),
      reason: reason === '' ? undefined : reason,
      coversUntilLine: Math.max(line + 1, statementEnds.get(line + 1) ?? line + 1),
    });
  });
  return found;
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
