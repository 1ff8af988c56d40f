import type { SuppressionComment } from '../../facts/suppressions.js';
import { lineStartsOf } from '../../line-positions.js';

/** The directive both `lifecycle check` and the ESLint rules read from comments. */
export const SUPPRESSION_DIRECTIVE = 'lifecycle-disable-next-line';

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
  if (!text.includes(SUPPRESSION_DIRECTIVE)) return [];
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

/** First line → last line of each statement holding an import, so a suppression covers all of it. */
export function statementEnds(sites: readonly { statementStartLine: number; statementEndLine: number }[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const site of sites) {
    ends.set(site.statementStartLine, Math.max(site.statementEndLine, ends.get(site.statementStartLine) ?? 0));
  }
  return ends;
}
