import type { CheckSummary, SkippedCounts } from '../../findings.js';

const SKIP_REASONS: readonly [keyof Omit<SkippedCounts, 'total'>, string][] = [
  ['notIncluded', 'outside files.include'],
  ['excluded', 'files.exclude'],
  ['vendored', 'vendored or minified'],
  ['outsidePaths', 'outside the given paths'],
  ['unchanged', 'unchanged'],
];

/** `26 files checked, 3 skipped (1 files.exclude, 2 vendored or minified)`; no skipped part when nothing was. */
export function filesText(summary: CheckSummary): string {
  const checked = plural(summary.files, 'file');
  const { skipped } = summary;
  if (skipped.total === 0) return `${checked} checked`;
  const why = SKIP_REASONS.filter(([key]) => skipped[key] > 0).map(([key, text]) => `${skipped[key]} ${text}`);
  return `${checked} checked, ${skipped.total} skipped (${why.join(', ')})`;
}

/** `40 imports resolved`, `40 imports resolved, 1 unresolved`. */
export function importsText(summary: CheckSummary): string {
  return `${plural(summary.resolved, 'import')} resolved${summary.unresolved > 0 ? `, ${summary.unresolved} unresolved` : ''}`;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
