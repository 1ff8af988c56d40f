import { parseTree, printParseErrorCode, visit, type Node, type ParseError } from 'jsonc-parser';
import { LineIndex, type ParsedConfig, type RawAnchor, type RawComment, type RawKey } from './source-text.js';

/** Members whose string value is a comment on the enclosing object (JSON has no comments). */
const COMMENT_MEMBERS = new Set(['$comment', '//', '_comment']);

/**
 * JSON and JSONC through `jsonc-parser` (the parser of VS Code): a syntax tree with offsets, and
 * comments through its visitor. Comments are accepted in `.json` files too (tsconfig-style files
 * have them); trailing commas only in `.jsonc`.
 */
export function parseJsonConfig(text: string, options: { trailingCommas: boolean }): ParsedConfig {
  const index = new LineIndex(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: options.trailingCommas, disallowComments: false, allowEmptyContent: true });
  const error = errors[0];
  if (error) {
    const at = index.position(error.offset);
    return { problem: { ...at, message: `invalid JSON: ${describe(printParseErrorCode(error.error))}` } };
  }
  const keys: RawKey[] = [];
  const walk = (node: Node, anchor: RawAnchor | undefined, sections: RawAnchor[]): void => {
    const members: RawComment[] = [];
    const inner = anchor ? [anchor, ...sections] : sections;
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode || typeof keyNode.value !== 'string') continue;
      const name = keyNode.value;
      const at = index.position(keyNode.offset);
      if (COMMENT_MEMBERS.has(name) && valueNode.type === 'string') {
        members.push({ text: String(valueNode.value), ...at, endLine: at.line, ownLine: index.startsLine(keyNode.offset) });
        continue;
      }
      const child: RawAnchor = { path: [...(anchor?.path ?? []), name], ...at };
      if (valueNode.type === 'object') walk(valueNode, child, inner);
      else keys.push({ ...child, sections: inner });
    }
    if (anchor && members.length > 0) anchor.members = members;
    // Members of the top-level object label every key of the file.
    if (!anchor && members.length > 0) {
      // Line 0: no comment attaches to it by position.
      const top: RawAnchor = { path: [], line: 0, column: 0, members };
      for (const key of keys) if (!key.sections.includes(top)) key.sections = [...key.sections, top];
    }
  };
  if (root?.type === 'object') walk(root, undefined, []);
  return { keys, comments: jsonComments(text, index) };
}

function jsonComments(text: string, index: LineIndex): RawComment[] {
  const comments: RawComment[] = [];
  visit(
    text,
    {
      onComment: (offset, length) => {
        const source = text.slice(offset, offset + length);
        const body = source.startsWith('//') ? source.slice(2) : source.replace(/^\/\*/, '').replace(/\*\/$/, '');
        comments.push(index.comment(offset, offset + length, body));
      },
    },
    { disallowComments: false, allowTrailingComma: true },
  );
  return comments;
}

/** "PropertyNameExpected" → "property name expected". */
function describe(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}
