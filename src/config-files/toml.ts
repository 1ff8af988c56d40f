import { parseTOML } from 'toml-eslint-parser';
import type { AST } from 'toml-eslint-parser';
import { LineIndex, type ParsedConfig, type RawAnchor, type RawKey } from './source-text.js';

/**
 * TOML through `toml-eslint-parser` (the parser of eslint-plugin-toml): a full TOML 1.0 syntax
 * tree with source locations and comments. A key inside `[a.b]` has the path `a.b.key` and that
 * table header as its section (TOML tables do not nest lexically, so `[a]` is not a section of
 * `[a.b]`); inline tables are sections of their keys. Arrays are values: `[[a.rules]]` is the
 * setting `a.rules` (its first header), its keys are not separate settings.
 */
export function parseTomlConfig(text: string): ParsedConfig {
  let ast: AST.TOMLProgram;
  try {
    ast = parseTOML(text);
  } catch (error) {
    const parseError = error as { message?: string; lineNumber?: number; column?: number };
    return {
      problem: {
        line: parseError.lineNumber ?? 1,
        column: (parseError.column ?? 0) + 1,
        message: `invalid TOML: ${(parseError.message ?? String(error)).replace(/\s*\(\d+:\d+\)$/, '')}`,
      },
    };
  }
  const index = new LineIndex(text);
  const keys: RawKey[] = [];
  const seenArrays = new Set<string>();
  const at = (node: AST.TOMLNode): { line: number; column: number } => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  const keyValues = (body: readonly AST.TOMLKeyValue[], prefix: string[], sections: RawAnchor[]): void => {
    for (const keyValue of body) {
      const path = [...prefix, ...keyValue.key.keys.map(keyName)];
      const anchor: RawAnchor = { path, ...at(keyValue) };
      if (keyValue.value.type === 'TOMLInlineTable') keyValues(keyValue.value.body, path, [anchor, ...sections]);
      else keys.push({ ...anchor, sections });
    }
  };
  for (const top of ast.body) {
    for (const item of top.body) {
      if (item.type === 'TOMLKeyValue') {
        keyValues([item], [], []);
      } else if (item.kind === 'array') {
        const path = item.resolvedKey.filter((segment): segment is string => typeof segment === 'string');
        const joined = path.join('\u0000');
        if (seenArrays.has(joined)) continue;
        seenArrays.add(joined);
        keys.push({ path, ...at(item), sections: [] });
      } else {
        const path = item.resolvedKey.map(String);
        keyValues(item.body, path, [{ path, ...at(item) }]);
      }
    }
  }
  const comments = ast.comments.map((comment) => {
    const start = comment.range[0];
    return index.comment(start, comment.range[1], comment.value);
  });
  return { keys, comments };
}

function keyName(key: AST.TOMLBare | AST.TOMLQuoted): string {
  return key.type === 'TOMLBare' ? key.name : key.value;
}
