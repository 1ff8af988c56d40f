import { createReadStream } from 'node:fs';
import { InputError } from '../../errors.js';

/** Reading input files in chunks: lines for NDJSON, records for JSON documents. No whole-file loads. */

const XSSI = ")]}'";

/**
 * Chunks of a file as UTF-8 text, 64 KiB at a time: a chunk (its buffer and its string) is then
 * small enough to be allocated young and freed by the next minor GC. 1 MiB chunks were faster to
 * iterate but went to V8's large-object space, where a 350 MB history left 350 MB of dead chunks
 * waiting for a full GC (peak RSS).
 */
export async function* readChunks(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 16 });
  try {
    for await (const chunk of stream) yield chunk as string;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: file not found`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a directory, not a history file`);
    throw new InputError(`${path}: cannot read (${(error as Error).message})`);
  }
}

/** The default longest line (NDJSON, stream-events) or JSON record: 64 MiB of text. */
export const DEFAULT_MAX_LINE_MB = 64;

/** `mb` MiB as a length in characters (UTF-16 code units: one per byte of ASCII text). */
export function megabytes(mb: number): number {
  return Math.floor(mb * 1024 * 1024);
}

/** How long lines are read. */
interface LineOptions {
  /** The file or URL, for the message. */
  source: string;
  /** Longest line, in characters (default 64 MiB). */
  maxLength?: number | undefined;
  /**
   * `error` (default): a longer line is an InputError naming the source and line.
   * `truncate`: a longer line is cut to its first `maxLength` characters (log scanning).
   */
  overlong?: 'error' | 'truncate';
}

/** The error for a line or record over the limit. */
function tooLong(source: string, what: string, maxLength: number): InputError {
  const limit = maxLength >= 1024 * 1024 ? `${+(maxLength / 1024 / 1024).toFixed(2)} MiB` : `${maxLength} characters`;
  return new InputError(`${source}: ${what} is longer than ${limit}, the limit (a corrupt or unterminated file?; raise it with --max-line-mb)`);
}

/**
 * Batches of lines (without line ends) with the 1-based number of the first line of each batch.
 * Linear in the input: the pieces of a line that spans chunks are joined once, when it ends.
 * A leading byte-order mark is dropped.
 */
export async function* readLineBatches(
  chunks: AsyncIterable<string>,
  options: LineOptions,
): AsyncGenerator<{ lines: string[]; firstLine: number }> {
  const max = options.maxLength ?? megabytes(DEFAULT_MAX_LINE_MB);
  const truncate = options.overlong === 'truncate';
  let pending: string[] = [];
  let pendingLength = 0;
  let lineNumber = 1;
  let first = true;
  const hold = (piece: string): void => {
    if (pendingLength >= max && truncate) return;
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength > max && !truncate) throw tooLong(options.source, `line ${lineNumber}`, max);
  };
  const take = (piece: string): string => {
    let line = piece;
    if (pending.length > 0) {
      hold(piece);
      line = pending.join('');
      pending = [];
      pendingLength = 0;
    }
    if (line.length <= max) return line;
    if (truncate) return line.slice(0, max);
    throw tooLong(options.source, `line ${lineNumber}`, max);
  };
  for await (const raw of chunks) {
    const chunk = first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    first = false;
    let start = 0;
    let end = chunk.indexOf('\n');
    if (end === -1) {
      hold(chunk);
      continue;
    }
    const firstLine = lineNumber;
    const lines: string[] = [];
    while (end !== -1) {
      lines.push(take(chunk.slice(start, end)));
      lineNumber++;
      start = end + 1;
      end = chunk.indexOf('\n', start);
    }
    if (start < chunk.length) hold(chunk.slice(start));
    yield { lines, firstLine };
  }
  if (pending.length > 0) yield { lines: [take('')], firstLine: lineNumber };
}

/** Options of the JSON record reader. */
interface JsonRecordOptions {
  /** Where the text comes from (for messages). */
  source: string;
  /** Strip Gerrit's `)]}'` XSSI prefix (before any top-level value) instead of rejecting it. */
  xssi: 'strip' | 'reject';
  /** The format name, for the rejection message. */
  format: string;
  /** Property names of top-level objects whose array elements are records (GitHub pages). */
  unwrap: readonly string[];
  /** Longest record, in characters (default 64 MiB): a longer one is an InputError. */
  maxLength?: number | undefined;
}

/** One record of a JSON document: an element of a top-level array, or a top-level object. */
interface JsonRecord {
  value: unknown;
  /** The property it was unwrapped from (`workflow_runs`, `jobs`), or null. */
  key: string | null;
  line: number;
}

/**
 * Streams the records of JSON text: elements of top-level arrays one by one (never the whole
 * array at once), and top-level objects whole (unwrapping the `unwrap` array properties).
 * Several top-level values may follow each other (concatenated pages). Truncated or invalid
 * JSON raises an InputError naming the source and line.
 */
export async function* readJsonRecords(
  chunks: AsyncIterable<string>,
  options: JsonRecordOptions,
): AsyncGenerator<JsonRecord> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let top: 'array' | 'object' | null = null;
  let topLine = 0;
  let capturing = false;
  let parts: string[] = [];
  let partsLength = 0;
  const max = options.maxLength ?? megabytes(DEFAULT_MAX_LINE_MB);
  let captureLine = 0;
  let line = 1;
  let xssiPending = 0;
  const fail = (message: string): never => {
    throw new InputError(`${options.source}: ${message}`);
  };
  const parse = (text: string, at: number): unknown => {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      return fail(`invalid JSON at line ${at}: ${(error as Error).message}`);
    }
  };
  const records: JsonRecord[] = [];
  const finishCapture = (): void => {
    const value = parse(parts.join(''), captureLine);
    parts = [];
    partsLength = 0;
    capturing = false;
    if (top === 'array') {
      records.push({ value, key: null, line: captureLine });
      return;
    }
    const unwrapped = unwrap(value, options.unwrap, captureLine);
    if (unwrapped.length > 0) records.push(...unwrapped);
    else records.push({ value, key: null, line: captureLine });
  };

  for await (const chunk of chunks) {
    let segStart = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10) line++;
      if (inString) {
        if (escape) escape = false;
        else if (c === 92) escape = true;
        else if (c === 34) inString = false;
        continue;
      }
      if (xssiPending > 0) {
        const expected = XSSI.charCodeAt(XSSI.length - xssiPending);
        if (c !== expected) fail(`line ${line}: broken ")]}'" prefix`);
        xssiPending--;
        continue;
      }
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) continue;
      if (depth === 0) {
        if (c === 91 /* [ */) {
          top = 'array';
          topLine = line;
          depth = 1;
        } else if (c === 123 /* { */) {
          top = 'object';
          topLine = line;
          depth = 1;
          capturing = true;
          captureLine = line;
          segStart = i;
        } else if (c === 41 /* ) */) {
          if (options.xssi === 'reject') {
            fail(
              `starts with Gerrit's ")]}'" prefix, which only Gerrit REST responses carry; use --source-format gerrit (given: ${options.format})`,
            );
          }
          xssiPending = 3;
        } else {
          fail(`line ${line}: expected a JSON array or object, found ${JSON.stringify(chunk[i])}`);
        }
        continue;
      }
      if (c === 34 /* " */) {
        inString = true;
        if (top === 'array' && depth === 1 && !capturing) {
          capturing = true;
          captureLine = line;
          segStart = i;
        }
        continue;
      }
      if (c === 91 || c === 123) {
        if (top === 'array' && depth === 1 && !capturing) {
          capturing = true;
          captureLine = line;
          segStart = i;
        }
        depth++;
        continue;
      }
      if (c === 93 || c === 125) {
        if (top === 'array' && depth === 1 && capturing) {
          parts.push(chunk.slice(segStart, i));
          finishCapture();
        }
        depth--;
        if (depth === 0) {
          if (top === 'object') {
            parts.push(chunk.slice(segStart, i + 1));
            finishCapture();
          }
          top = null;
        } else if (top === 'array' && depth === 1 && capturing) {
          parts.push(chunk.slice(segStart, i + 1));
          finishCapture();
        }
        continue;
      }
      if (c === 44 /* , */) {
        if (top === 'array' && depth === 1 && capturing) {
          parts.push(chunk.slice(segStart, i));
          finishCapture();
        }
        continue;
      }
      if (top === 'array' && depth === 1 && !capturing) {
        capturing = true;
        captureLine = line;
        segStart = i;
      }
    }
    if (capturing) {
      const rest = chunk.slice(segStart);
      parts.push(rest);
      partsLength += rest.length;
      if (partsLength > max) throw tooLong(options.source, `the record at line ${captureLine}`, max);
    }
    if (records.length > 0) {
      yield* records;
      records.length = 0;
    }
  }
  if (depth > 0 || inString) {
    fail(`truncated JSON: the input ends inside the ${top ?? 'value'} opened at line ${topLine}`);
  }
  if (xssiPending > 0) fail(`truncated ")]}'" prefix at line ${line}`);
}

function unwrap(value: unknown, keys: readonly string[], line: number): JsonRecord[] {
  if (keys.length === 0 || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const out: JsonRecord[] = [];
  const object = value as Record<string, unknown>;
  for (const key of keys) {
    const items = object[key];
    if (Array.isArray(items)) for (const item of items) out.push({ value: item, key, line });
  }
  return out;
}
