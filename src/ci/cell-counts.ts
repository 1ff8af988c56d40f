import type { RunGroup } from './collect.js';
import type { CellCount } from './result.js';
import { CLASS_CODES, type RunColumns } from './run-columns.js';
import { dayOf } from './time.js';
import type { FailureClass, Report } from './types.js';

/** Per job and cell, per UTC day, the runs by class (class index order of CLASS_CODES). */
export type CellDays = Map<number, { job: string; cell: string; days: Map<number, Uint32Array> }>;

const SEP = '\u0000';

/** Counts one system's runs per job, cell and day. Pure. */
export function countCells(groups: readonly RunGroup[], columns: RunColumns): CellDays {
  const out: CellDays = new Map();
  for (const group of groups) {
    for (let i = group.head; i !== -1; i = columns.next[i] as number) {
      // Keyed by the interned ids of job and cell (a number: no string built per run).
      const key = (columns.job[i] as number) * 0x100000000 + (columns.cell[i] as number);
      let entry = out.get(key);
      if (!entry) {
        entry = { job: columns.string(columns.job[i] as number), cell: columns.string(columns.cell[i] as number), days: new Map() };
        out.set(key, entry);
      }
      const d = dayOf(columns.end[i] as number);
      let counts = entry.days.get(d);
      if (!counts) {
        counts = new Uint32Array(CLASS_CODES.length);
        entry.days.set(d, counts);
      }
      counts[columns.cls[i] as number] = (counts[columns.cls[i] as number] ?? 0) + 1;
    }
  }
  return out;
}

/**
 * The rows for days [fromDay, toDay]: every job/cell that ran, plus required cells missing from
 * reports in the window (`missing` counts those reports), sorted by job then cell.
 */
export function cellCountsInWindow(cells: CellDays, reports: readonly Report[], fromDay: number, toDay: number): CellCount[] {
  const rows = new Map<string, CellCount>();
  const row = (job: string, cell: string): CellCount => {
    const key = job + SEP + cell;
    let found = rows.get(key);
    if (!found) {
      found = { job, cell, pass: 0, test: 0, infra: 0, unknown: 0, novote: 0, skipped: 0, missing: 0 };
      rows.set(key, found);
    }
    return found;
  };
  for (const { job, cell, days } of cells.values()) {
    for (const [d, counts] of days) {
      if (d < fromDay || d > toDay) continue;
      const target = row(job, cell);
      CLASS_CODES.forEach((cls: FailureClass, i) => {
        target[cls] += counts[i] ?? 0;
      });
    }
  }
  for (const report of reports) {
    if (!report.missingCells) continue;
    const d = dayOf(report.time);
    if (d < fromDay || d > toDay) continue;
    for (const name of report.missingCells) {
      // A required cell is named by its cell (GitHub matrix) or its job: count it on the row that ran, else its own.
      const existing = [...rows.values()].find((r) => r.cell === name) ?? [...rows.values()].find((r) => r.job === name && r.cell === '');
      (existing ?? row(name, '')).missing++;
    }
  }
  return [...rows.values()].sort((a, b) => (a.job < b.job ? -1 : a.job > b.job ? 1 : a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
}
