import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A JSON syntax error: where it is and what kind, never the text around it. */
interface JsonSyntaxProblem {
  line: number;
  column: number;
  /** e.g. `InvalidSymbol`, `CommaExpected` (jsonc-parser's codes). */
  code: string;
}

type ParsedJson = { value: unknown } | { problem: JsonSyntaxProblem };

/**
 * Parses strict JSON (a leading BOM allowed, as editors on Windows write it). Unlike JSON.parse,
 * whose messages quote the text (`Unexpected token 's', "secret…" is not valid JSON`), a syntax
 * error says only where it is: the file may hold what must not end up in a CI log.
 */
export function parseJsonText(text: string, options: { comments?: boolean } = {}): ParsedJson {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const errors: ParseError[] = [];
  // `comments`: JSONC, as deno.json and deno.jsonc are (comments and trailing commas).
  const jsonc = options.comments === true;
  const value: unknown = parse(body, errors, { disallowComments: !jsonc, allowTrailingComma: jsonc, allowEmptyContent: false });
  const error = errors[0];
  if (!error) return { value };
  const before = body.slice(0, error.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  const bom = body === text ? 0 : 1;
  return {
    problem: {
      line: before.split('\n').length,
      column: error.offset - lineStart + 1 + (lineStart === 0 ? bom : 0),
      code: printParseErrorCode(error.error),
    },
  };
}
