import { readFileSync } from 'node:fs';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { InputError } from '../errors.js';

export type KeyPath = readonly (string | number)[];

export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** One parsed YAML file that remembers where every key and value came from. */
export interface YamlSource {
  file: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain JavaScript value of the document. */
  value: unknown;
}

const MAX_POLICY_BYTES = 4 * 1024 * 1024;

/**
 * The last parse of each file read, by its text: a long-lived process (an editor's ESLint server)
 * that loads the policy again after an edit parses only the files whose text changed (a preset,
 * an unchanged base of `extends`, is reused). A YamlSource is never modified after its parse.
 */
const lastParse = new Map<string, { text: string; source: YamlSource }>();

/** Reads and parses a YAML file; syntax errors become an InputError with file:line:column. */
export function readYamlSource(file: string): YamlSource {
  let text: string;
  try {
    const buffer = readFileSync(file);
    if (buffer.length > MAX_POLICY_BYTES) {
      throw new InputError(`${file}: policy file is ${buffer.length} bytes; the limit is ${MAX_POLICY_BYTES}`);
    }
    if (buffer.includes(0)) throw new InputError(`${file}: not a text file (it contains NUL bytes)`);
    text = buffer.toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? String(error)})`);
  }
  const last = lastParse.get(file);
  if (last?.text === text) return last.source;
  const source = parseYamlSource(file, text);
  lastParse.set(file, { text, source });
  return source;
}

/** Parses YAML text as if read from `file` (an edit of the policy is checked this way before it is written). */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error) => {
      const pos = lineCounter.linePos(error.pos[0]);
      const where = `${file}:${pos.line}:${pos.col}`;
      return `${where}: ${firstLine(error.message)}`;
    });
    throw new InputError(`invalid YAML: ${problems[0]}`, problems.slice(1));
  }
  refuseUnsafeKeys(file, document, lineCounter);
  keepDottedNumbersAsWritten(document);
  return { file, document, lineCounter, value: toPlainValue(file, document, lineCounter) };
}

/** Aliases may expand to at most this many nodes in total: more is an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** The plain value; an alias bomb is an InputError at the first alias, not an exhausted process. */
function toPlainValue(file: string, document: Document.Parsed, lineCounter: LineCounter): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError) || !/excessive alias count/i.test(error.message)) throw error;
    let offset = 0;
    visit(document, {
      Alias(_key, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    const pos = lineCounter.linePos(offset);
    throw new InputError(`${file}:${pos.line}:${pos.col}: YAML aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out instead`);
  }
}

/** Keys that name the prototype machinery of JavaScript objects: a map keyed by one (a feature id) would lose it. */
export const RESERVED_KEYS: readonly string[] = ['__proto__'];

/**
 * Keys the policy model cannot hold are errors at the key, never silently dropped:
 * `? [a, b]: value` (a collection as a key; the yaml library would stringify it with a process
 * warning) and a reserved key such as `__proto__` (which zod and object spreads drop).
 */
function refuseUnsafeKeys(file: string, document: Document.Parsed, lineCounter: LineCounter): void {
  visit(document, {
    Pair(_key, pair) {
      const collection = isMap(pair.key) ? 'mapping' : isSeq(pair.key) ? 'sequence' : undefined;
      const reserved = isScalar(pair.key) && RESERVED_KEYS.includes(String(pair.key.value));
      if (!collection && !reserved) return;
      const pos = lineCounter.linePos(rangeStart(pair.key) ?? 0);
      const problem = collection
        ? `a mapping key must be a plain value, not a ${collection}`
        : `"${String((pair.key as { value: unknown }).value)}" cannot be a key (JavaScript objects reserve it): rename the feature (and its folder)`;
      throw new InputError(`${file}:${pos.line}:${pos.col}: ${problem}`);
    },
  });
}

/**
 * Where a key path is written in the file: the key itself for map entries (so "unknown key"
 * points at the key) or, with target 'value', its value (so "expected a number" points at what
 * is wrong); the item for sequence entries. Falls back to the nearest written parent.
 */
export function locate(source: YamlSource, path: KeyPath, target: 'key' | 'value' = 'key'): SourcePosition {
  let node: unknown = source.document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && keyText(item.key) === String(segment));
      if (!pair) break;
      const last = index === path.length - 1;
      offset = (last && target === 'value' ? rangeStart(pair.value) : undefined) ?? rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}

/** Whether the key path is written in this file. */
export function hasPath(source: YamlSource, path: KeyPath): boolean {
  return source.document.hasIn(path as unknown[]);
}

/**
 * Release names such as 2026.10 are floats to YAML, which would turn them into 2026.1. A number
 * whose source text differs from its printed value keeps the text as written.
 */
function keepDottedNumbersAsWritten(document: Document.Parsed): void {
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'number' && node.source !== undefined && node.source !== String(node.value)) {
        node.value = node.source;
      }
    },
  });
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null)?.range?.[0];
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

export function formatKeyPath(path: KeyPath): string {
  return path.map((segment, index) => (typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`)).join('') || '(root)';
}
