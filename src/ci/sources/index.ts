import { InputError } from '../../errors.js';
import type { SourceFormat } from '../types.js';
import { checkFirstRecord, type RecordReader, type SourceContext } from './context.js';
import { detectRecordFormat } from './detect.js';
import { gerritEventsReader } from './gerrit-events.js';
import { gerritRestReader } from './gerrit-rest.js';
import { githubReader } from './github.js';
import { ndjsonReader } from './ndjson.js';
import { readChunks, readJsonRecords, readLineBatches } from './read.js';
import { zuulReader } from './zuul.js';

/** The one map from source format to its reader. */
export const READERS: Record<SourceFormat, (context: SourceContext) => RecordReader> = {
  zuul: zuulReader,
  gerrit: gerritRestReader,
  'gerrit-events': gerritEventsReader,
  github: githubReader,
  ndjson: ndjsonReader,
};

const LINE_FORMATS = new Set<SourceFormat>(['ndjson', 'gerrit-events']);

/** Feeds JSON text chunks (a file, or pages fetched live) through the reader of `context.format`. */
export async function readChunksAs(
  chunks: AsyncIterable<string>,
  context: SourceContext,
  shared?: RecordReader,
): Promise<void> {
  const own = shared ?? READERS[context.format](context);
  // The first record of every file must look like the format it was read as (a file given the
  // wrong --source-format fails at once), also when several files feed one shared reader.
  let first = true;
  const reader: RecordReader = {
    record(value, key, line) {
      if (first) {
        checkFirstRecord(context, value, key, line);
        first = false;
      }
      own.record(value, key, line);
    },
    end: () => own.end(),
  };
  let input = chunks;
  let array = false;
  if (LINE_FORMATS.has(context.format)) {
    // stream-events saved as a JSON array (or NDJSON written as one) is read as a JSON document.
    const peeked = await peekStart(chunks);
    input = peeked.chunks;
    array = peeked.start === '[';
  }
  if (LINE_FORMATS.has(context.format) && !array) {
    await readLines(input, context, reader);
  } else {
    const records = readJsonRecords(input, {
      source: context.source,
      xssi: context.format === 'gerrit' ? 'strip' : 'reject',
      format: context.format,
      unwrap: context.format === 'github' ? ['workflow_runs', 'jobs'] : [],
      maxLength: context.maxLineLength,
    });
    for await (const record of records) reader.record(record.value, record.key, record.line);
  }
  if (!shared) reader.end();
}

/** The first non-blank character of the chunks, and the chunks again from the start. */
async function peekStart(chunks: AsyncIterable<string>): Promise<{ start: string; chunks: AsyncIterable<string> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let start = '';
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    const found = /[^\s\uFEFF]/.exec(next.value);
    if (found) {
      start = found[0];
      break;
    }
  }
  async function* replay(): AsyncGenerator<string> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { start, chunks: replay() };
}

async function readLines(chunks: AsyncIterable<string>, context: SourceContext, reader: RecordReader): Promise<void> {
  for await (const { lines, firstLine } of readLineBatches(chunks, { source: context.source, maxLength: context.maxLineLength })) {
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i] as string;
      if (text.length === 0 || (text.charCodeAt(0) !== 123 && text.trim() === '')) continue;
      const lineNumber = firstLine + i;
      if (lineNumber === 1 && text.startsWith(")]}'")) {
        throw new InputError(
          `${context.source}: starts with Gerrit's ")]}'" prefix, which only Gerrit REST responses carry; use --source-format gerrit (given: ${context.format})`,
        );
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new InputError(`${context.source}: line ${lineNumber}: invalid JSON (${(error as Error).message})`);
      }
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new InputError(`${context.source}: line ${lineNumber}: expected one JSON object per line`);
      }
      reader.record(value, null, lineNumber);
    }
  }
}

/** Reads one history file in the given format. */
export async function readHistoryFile(path: string, context: SourceContext, shared?: RecordReader): Promise<void> {
  await readChunksAs(readChunks(path), context, shared);
}

/** Guesses the format of a file from its first record (for a missing --source-format). */
export async function sniffFormat(path: string, display: string): Promise<SourceFormat> {
  const head = await readHead(path);
  const trimmed = head.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith(")]}'")) return 'gerrit';
  const firstLine = trimmed.split('\n')[0] ?? '';
  try {
    const value = JSON.parse(firstLine) as unknown;
    const format = detectRecordFormat(value, null);
    if (format) return format;
  } catch {
    // not one object per line: a JSON document
  }
  const records = readJsonRecords((async function* () {
    yield* readChunks(path);
  })(), { source: display, xssi: 'strip', format: 'auto', unwrap: ['workflow_runs', 'jobs'] });
  for await (const record of records) {
    const format = detectRecordFormat(record.value, record.key);
    if (format) return format;
    break;
  }
  throw new InputError(`${display}: cannot tell the source format; give --source-format zuul|gerrit|gerrit-events|github|ndjson`);
}

async function readHead(path: string): Promise<string> {
  for await (const chunk of readChunks(path)) return chunk.slice(0, 65536);
  return '';
}
