import { InputError } from '../../errors.js';
import type { HistorySink, SourceFormat } from '../types.js';
import { detectRecordFormat, FORMAT_DESCRIPTIONS } from './detect.js';
import type { TextMatcher } from '../patterns.js';

/** What a source reader needs to know besides the records. */
export interface SourceContext {
  /** The file path or URL (for messages). */
  source: string;
  format: SourceFormat;
  /** The system name for runs of single-system formats (zuul, github) and NDJSON runs without one. */
  assign: string;
  /** NDJSON read once for several inputs: runs without `system` go to these systems too. */
  alsoAssign?: readonly string[] | undefined;
  /** Maps an identity (name, username, email, account id, system field) to a configured system name. */
  resolve(candidates: ReadonlyArray<string | undefined>): string | undefined;
  /** GitHub: only runs of this workflow name (case-insensitive). */
  workflow?: string | undefined;
  /** Which human comments are recheck requests (the union over all systems). */
  recheck: TextMatcher;
  /** Parse fields only an export needs (run start times); off for plain evaluation (speed). */
  keepDetail?: boolean | undefined;
  /** Longest line (NDJSON, stream-events) or JSON record, in characters (default 64 MiB). */
  maxLineLength?: number | undefined;
  sink: HistorySink;
}

/** A reader of one format: gets records one by one, then `end()`. */
export interface RecordReader {
  record(value: unknown, key: string | null, line: number): void;
  end(): void;
}

/** Rejects the first record when it clearly belongs to another format (a wrong --source-format). */
export function checkFirstRecord(context: SourceContext, value: unknown, key: string | null, line: number): void {
  const detected = detectRecordFormat(value, key);
  if (detected === context.format) return;
  const hint = detected
    ? `it looks like ${detected} (${FORMAT_DESCRIPTIONS[detected]}); use --source-format ${detected}`
    : `expected ${FORMAT_DESCRIPTIONS[context.format]}`;
  throw new InputError(`${context.source}: line ${line} is not ${context.format} input: ${hint}`);
}

/** A string of a string or number field; undefined otherwise. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

export function obj(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
