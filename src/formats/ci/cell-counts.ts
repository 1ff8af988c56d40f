import type { CellCount, SystemResult } from '../../ci/result.js';

/** A job (and matrix cell) as people name it. */
function cellLabel(row: CellCount): string {
  const job = row.job === '' ? '(whole report)' : row.job;
  return row.cell === '' ? job : `${job} (${row.cell})`;
}

/** "5 pass, 2 test, 1 infra" (pass, test and infra always; the other classes and missing when not 0). */
function countsOf(row: CellCount): string {
  const parts = [`${row.pass} pass`, `${row.test} test`, `${row.infra} infra`];
  for (const cls of ['unknown', 'novote', 'skipped'] as const) if (row[cls] > 0) parts.push(`${row[cls]} ${cls}`);
  if (row.missing > 0) parts.push(`missing from ${row.missing} reports (required)`);
  return parts.join(', ');
}

/** The per-job/cell section of the text report (nothing when no run was in the window). */
export function cellCountTextLines(system: SystemResult): string[] {
  if (system.cells.length === 0) return [];
  return ['  runs in window by job and cell:', ...system.cells.map((row) => `    ${cellLabel(row)}: ${countsOf(row)}`)];
}

/** The per-job/cell table of the Markdown report. */
export function cellCountMarkdownLines(system: SystemResult, escape: (text: string) => string): string[] {
  if (system.cells.length === 0) return [];
  const rows = system.cells.map(
    (r) => `| ${escape(cellLabel(r))} | ${r.pass} | ${r.test} | ${r.infra} | ${r.unknown} | ${r.novote} | ${r.skipped} | ${r.missing} |`,
  );
  return ['', '| job (cell) | pass | test | infra | unknown | novote | skipped | missing (required) |', '| --- | --- | --- | --- | --- | --- | --- | --- |', ...rows];
}
