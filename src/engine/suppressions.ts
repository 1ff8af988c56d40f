import { CHECK_IDS } from '../checks/catalogue.js';
import type { Finding } from '../findings.js';
import { lineStartsOf } from '../line-positions.js';
import { nearestKey } from '../policy/suggest.js';

/** `// lifecycle-disable-next-line <id>[, <id>…] -- <reason>` as written in a file. */
export interface SuppressionComment {
  line: number;
  column: number;
  rules: string[];
  reason: string | undefined;
  /** The last line it covers: the next line, or the end of the statement that starts there. */
  coversUntilLine: number;
}

/** The directive opens a comment on its own line (like ESLint's), so prose that mentions it does not count. */
const DIRECTIVE = /^\s*(\/\/|\/\*)\s*lifecycle-disable-next-line\b(.*)$/;
export const SUPPRESSION_RULE = 'suppression-comment';

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
