import { HistoryCollector, type CollectedHistory } from './collect.js';
import { openLiveSource, parseFromSpec } from './live/pages.js';
import type { CompiledPattern, TextMatcher } from './patterns.js';
import type { ResultCodes } from './result-codes.js';
import type { RecordReader, SourceContext } from './sources/context.js';
import { READERS, readChunksAs, readHistoryFile, sniffFormat } from './sources/index.js';
import { DAY_MS } from './time.js';
import type { SourceFormat } from './types.js';

/** One history input: a file in a source format, or a live source (`from`). */
export interface InputPlan {
  /** Absolute path of a file. */
  path?: string | undefined;
  /** Live source spec (zuul:URL, gerrit:URL, github:OWNER/REPO). */
  from?: string | undefined;
  /** Format of the file; detected from its first record when undefined. */
  format?: SourceFormat | undefined;
  /** How the file is named in messages and output (relative, POSIX). */
  display: string;
  /** System name for runs that carry none (Zuul, GitHub, NDJSON without `system`). */
  assign: string;
  workflow?: string | undefined;
}

/** A configured system or reference: its name and the identities it appears under. */
export interface IdentitySpec {
  name: string;
  aliases: readonly string[];
}

interface LoadOptions {
  inputs: readonly InputPlan[];
  identities: readonly IdentitySpec[];
  patterns: readonly CompiledPattern[];
  /** Result codes and their classes (default: the built-ins). */
  resultCodes?: ResultCodes | undefined;
  /** Which human comments are recheck requests (any system's pattern). */
  recheck: TextMatcher;
  sinceDay?: number | undefined;
  keepRuns?: boolean;
  env: NodeJS.ProcessEnv;
  onRetry?: (message: string) => void;
  /** Longest line or JSON record of an input, in characters (default 64 MiB). */
  maxLineLength?: number | undefined;
  /** Page cap of each live source (default 1000). */
  maxPages?: number | undefined;
}

export interface LoadedHistory {
  history: CollectedHistory;
  /** True when an input carries human comments or re-runs (rechecks can be judged). */
  commentStream: boolean;
  /** The inputs actually read (deduplicated), with their formats. */
  read: Array<{ display: string; format: SourceFormat }>;
}

const IDENTITY_FORMATS = new Set<SourceFormat>(['gerrit', 'gerrit-events']);
const COMMENT_FORMATS = new Set<SourceFormat>(['gerrit', 'gerrit-events', 'github']);

/** Reads every input once (the same file listed twice is read once) into one collected history. */
export async function loadHistory(options: LoadOptions): Promise<LoadedHistory> {
  const aliases = new Map<string, string>();
  for (const identity of options.identities) {
    for (const alias of [identity.name, ...identity.aliases]) aliases.set(alias.toLowerCase(), identity.name);
  }
  const resolve = (candidates: ReadonlyArray<string | undefined>): string | undefined => {
    for (const candidate of candidates) {
      if (candidate === undefined) continue;
      const found = aliases.get(candidate.toLowerCase());
      if (found) return found;
    }
    return undefined;
  };
  const collector = new HistoryCollector({
    patterns: options.patterns,
    resultCodes: options.resultCodes,
    keepRuns: options.keepRuns ?? false,
    since: options.sinceDay === undefined ? undefined : options.sinceDay * DAY_MS,
  });
  // One read per file: a file named twice (as --history and --reference) is read once. Formats
  // that name their systems in every record (Gerrit) need no system to assign; NDJSON assigns
  // one only to runs without `system`, so it is read once and such runs go to every assignee.
  const planned = new Map<string, { input: InputPlan; format: SourceFormat; assigns: string[] }>();
  for (const input of options.inputs) {
    const format = input.from !== undefined ? parseFromSpec(input.from).kind : (input.format ?? (await sniffFormat(input.path as string, input.display)));
    const shared = IDENTITY_FORMATS.has(format) || format === 'ndjson';
    const key = [format, input.path ?? input.from, shared ? '' : input.assign, input.workflow ?? ''].join('\u0000');
    const known = planned.get(key);
    if (!known) planned.set(key, { input, format, assigns: [input.assign] });
    else if (!known.assigns.includes(input.assign)) known.assigns.push(input.assign);
  }
  const read: LoadedHistory['read'] = [];
  let commentStream = false;
  // GitHub runs and their jobs may come in separate files: one reader per (system, workflow) joins them.
  const githubReaders = new Map<string, RecordReader>();
  for (const { input, format, assigns } of planned.values()) {
    const live = input.from !== undefined ? openLiveSource(input.from, { sinceDay: options.sinceDay, env: options.env, onRetry: options.onRetry, maxPages: options.maxPages }) : undefined;
    const context: SourceContext = {
      source: live?.display ?? input.display,
      format,
      assign: input.assign,
      alsoAssign: assigns.slice(1),
      resolve,
      workflow: input.workflow,
      recheck: options.recheck,
      keepDetail: options.keepRuns ?? false,
      maxLineLength: options.maxLineLength,
      sink: collector,
    };
    let shared: RecordReader | undefined;
    if (format === 'github') {
      const readerKey = `${input.assign}\u0000${input.workflow ?? ''}`;
      shared = githubReaders.get(readerKey);
      if (!shared) {
        shared = READERS.github(context);
        githubReaders.set(readerKey, shared);
      }
    }
    if (live) await readChunksAs(live.pages, context, shared);
    else await readHistoryFile(input.path as string, context, shared);
    read.push({ display: context.source, format });
    if (COMMENT_FORMATS.has(format)) commentStream = true;
  }
  for (const reader of githubReaders.values()) reader.end();
  return { history: collector.finish(), commentStream, read };
}
