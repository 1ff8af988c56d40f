import { writeLinesAtomic } from '../engine/write-atomic-stream.js';
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
export function* normalizedLines(history: CollectedHistory): Generator<string> {
  for (const event of history.patchsets) yield patchsetToLine(event);
  for (const event of history.rechecks) yield recheckToLine(event);
  const runs = [...(history.runs ?? [])].sort(compareRuns);
  for (const run of runs) yield runToLine(run);
}

/**
 * Writes the normalized NDJSON of a history to a file, atomically (never a truncated file that
 * reads as complete) and creating missing folders; returns the counts written.
 */
export async function exportNdjson(history: CollectedHistory, path: string): Promise<{ runs: number; patchsets: number; rechecks: number }> {
  await writeLinesAtomic(path, normalizedLines(history), '--export-ndjson');
  return { runs: history.runs?.length ?? 0, patchsets: history.patchsets.length, rechecks: history.rechecks.length };
}
