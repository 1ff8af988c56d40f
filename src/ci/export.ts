import { writeFileAtomic } from '../engine/write-atomic.js';
import type { CollectedHistory } from './collect.js';
import { cmp } from './collect.js';
import { patchsetToLine, recheckToLine, runToLine } from './sources/ndjson.js';
import type { Run } from './types.js';

function compareRuns(a: Run, b: Run): number {
  return (
    a.end - b.end ||
    cmp(a.system, b.system) ||
    cmp(a.change, b.change) ||
    cmp(a.patchset, b.patchset) ||
    cmp(a.pipeline, b.pipeline) ||
    cmp(a.job, b.job) ||
    cmp(a.cell, b.cell) ||
    cmp(a.id ?? '', b.id ?? '')
  );
}

/** The normalized NDJSON lines of a history: upstream patchsets, rechecks, then runs, each sorted. */
function* normalizedLines(history: CollectedHistory): Generator<string> {
  for (const event of history.patchsets) yield patchsetToLine(event);
  for (const event of history.rechecks) yield recheckToLine(event);
  const runs = [...(history.runs ?? [])].sort(compareRuns);
  for (const run of runs) yield runToLine(run);
}

/** Lines joined into pieces of about 1 MiB, so a million runs are a few hundred writes, not a million. */
export function* inPieces(lines: Iterable<string>, size = 1 << 20): Generator<string> {
  let piece: string[] = [];
  let length = 0;
  for (const line of lines) {
    piece.push(line, '\n');
    length += line.length + 1;
    if (length >= size) {
      yield piece.join('');
      piece = [];
      length = 0;
    }
  }
  if (piece.length > 0) yield piece.join('');
}

/**
 * Writes the normalized NDJSON of a history through the one safe writer (write-atomic.ts): a
 * regular file is replaced atomically (never a truncated file that reads as complete), a symbolic
 * link is written through, a FIFO or `/dev/null` is written directly and never replaced, missing
 * folders are created; returns the counts written.
 */
export async function exportNdjson(history: CollectedHistory, path: string): Promise<{ runs: number; patchsets: number; rechecks: number }> {
  writeFileAtomic(path, inPieces(normalizedLines(history)), '--export-ndjson');
  return { runs: history.runs?.length ?? 0, patchsets: history.patchsets.length, rechecks: history.rechecks.length };
}
