import type { ParsedConfig, RawComment, RawKey } from './source-text.js';

const ASSIGNMENT = /^(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=/;

/**
 * `.env` files as dotenv reads them: `KEY=value` (optionally `export KEY=value`), `#` comment
 * lines, `# comment` after an unquoted value (after whitespace) or after a closing quote, and
 * quoted values that span lines. The key path is the name lower-cased and split into words at
 * `_` (so `VPNAAS_IPSEC_DRIVER` is `vpnaas.ipsec.driver`); see src/policy/config-key-owners.ts for how patterns
 * match such paths. A line that is not an assignment, a comment or blank is a parse error.
 */
export function parseEnvConfig(text: string): ParsedConfig {
  const keys: RawKey[] = [];
  const comments: RawComment[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const lineNumber = index + 1;
    const indent = /^[ \t]*/.exec(line)![0].length;
    const content = line.slice(indent);
    if (content === '') continue;
    if (content.startsWith('#')) {
      comments.push({ text: content.slice(1), line: lineNumber, column: indent + 1, endLine: lineNumber, ownLine: true });
      continue;
    }
    const assignment = ASSIGNMENT.exec(content);
    if (!assignment) {
      return { problem: { line: lineNumber, column: indent + 1, message: `invalid .env line: expected KEY=value or a # comment, found: ${content}` } };
    }
    const name = assignment[2]!;
    const keyColumn = indent + (assignment[1]?.length ?? 0) + 1;
    keys.push({ path: name.toLowerCase().split(/[_.]+/).filter(Boolean), name, line: lineNumber, column: keyColumn, sections: [] });
    const valueStart = indent + assignment[0].length;
    const rest = line.slice(valueStart).replace(/^[ \t]+/, '');
    const restColumn = line.length - rest.length;
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // Find the closing quote, possibly on a later line.
      let closingLine = index;
      let searchFrom = restColumn + 1;
      let closing = findClosingQuote(lines[closingLine]!, searchFrom, quote);
      while (closing < 0 && closingLine + 1 < lines.length) {
        closingLine++;
        searchFrom = 0;
        closing = findClosingQuote(lines[closingLine]!, searchFrom, quote);
      }
      if (closing < 0) {
        return { problem: { line: lineNumber, column: restColumn + 1, message: `invalid .env value: the ${quote} quote is never closed` } };
      }
      const after = lines[closingLine]!.slice(closing + 1);
      const hash = after.indexOf('#');
      if (hash >= 0) {
        comments.push({ text: after.slice(hash + 1), line: closingLine + 1, column: closing + 2 + hash, endLine: closingLine + 1, ownLine: false });
      }
      index = closingLine;
    } else {
      const inline = /(^|[ \t])#/.exec(rest);
      if (inline) {
        const column = restColumn + inline.index + inline[1]!.length + 1;
        comments.push({ text: rest.slice(inline.index + inline[0].length), line: lineNumber, column, endLine: lineNumber, ownLine: false });
      }
    }
  }
  return { keys, comments };
}

function findClosingQuote(line: string, from: number, quote: string): number {
  for (let index = from; index < line.length; index++) {
    if (line[index] === '\\' && quote === '"') index++;
    else if (line[index] === quote) return index;
  }
  return -1;
}
