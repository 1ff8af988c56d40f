import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, Parser, type Node } from 'yaml';
import { LineIndex, type ParsedConfig, type RawAnchor, type RawComment, type RawKey } from './source-text.js';

/**
 * YAML through the `yaml` package: keys with their source offsets from the document model, and
 * every comment with its offset from the concrete syntax tree (the document model keeps comment
 * texts but not where they are). All documents of a multi-document file are read.
 */
export function parseYamlConfig(text: string): ParsedConfig {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) {
      const pos = lineCounter.linePos(error.pos[0]);
      return { problem: { line: pos.line, column: pos.col, message: firstLine(error.message) } };
    }
  }
  const index = new LineIndex(text);
  const keys: RawKey[] = [];
  const walk = (node: unknown, prefix: string[], sections: RawAnchor[]): void => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
      const name = String(pair.key.value);
      if (name === '<<') continue;
      const at = index.position(pair.key.range[0]);
      const anchor: RawAnchor = { path: [...prefix, name], line: at.line, column: at.column };
      if (isMap(pair.value)) walk(pair.value, anchor.path, [anchor, ...sections]);
      else keys.push({ ...anchor, sections });
    }
  };
  for (const document of list) walk(document.contents as Node | null, [], []);
  return { keys, comments: yamlComments(text, index) };
}

/** Every comment token of the concrete syntax tree (block scalar content is not a comment). */
function yamlComments(text: string, index: LineIndex): RawComment[] {
  const comments: RawComment[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
    } else if (value !== null && typeof value === 'object') {
      const token = value as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        comments.push(index.comment(token.offset, token.offset + token.source.length, token.source.replace(/^#/, '')));
        return;
      }
      for (const child of Object.values(value)) visit(child);
    }
  };
  for (const token of new Parser().parse(text)) visit(token);
  return comments;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
