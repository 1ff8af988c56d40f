import type { FailureClass, Report } from './types.js';

export interface MassFailureSettings {
  /** Length of the sliding window, in minutes. */
  windowMinutes: number;
  /** At least this many distinct changes must have failed in the window. */
  minChanges: number;
  /** At least this share of the reports in the window must have failed. */
  ratio: number;
}

const COUNTED = new Set<FailureClass>(['pass', 'test', 'infra', 'unknown']);
const FAILED = new Set<FailureClass>(['test', 'infra', 'unknown']);

/**
 * Failures of most reports across unrelated changes in a short window are the CI's own
 * problem: such test failures become infra failures (unless a real test-failure pattern
 * matched). `reports` must be one system's, sorted by time; returns a new array.
 */
export function reclassifyMassFailures(reports: readonly Report[], settings: MassFailureSettings): readonly Report[] {
  let out: Report[] | undefined; // copied on the first change
  const windowMs = settings.windowMinutes * 60_000;
  const failedByChange = new Map<string, number>();
  let lo = 0;
  let total = 0;
  let failed = 0;
  let markedUpTo = -1;
  const counted = (r: Report): boolean => COUNTED.has(r.class);
  for (let i = 0; i < reports.length; i++) {
    const report = reports[i] as Report;
    if (counted(report)) {
      total++;
      if (FAILED.has(report.class)) {
        failed++;
        failedByChange.set(report.change, (failedByChange.get(report.change) ?? 0) + 1);
      }
    }
    while (lo < i && (reports[lo] as Report).time < report.time - windowMs) {
      const old = reports[lo] as Report;
      if (counted(old)) {
        total--;
        if (FAILED.has(old.class)) {
          failed--;
          const n = (failedByChange.get(old.change) ?? 1) - 1;
          if (n === 0) failedByChange.delete(old.change);
          else failedByChange.set(old.change, n);
        }
      }
      lo++;
    }
    if (total > 0 && failedByChange.size >= settings.minChanges && failed / total >= settings.ratio) {
      const from = Math.max(lo, markedUpTo + 1);
      const first = reports[lo] as Report;
      for (let j = from; j <= i; j++) {
        const r = (out ?? reports)[j] as Report;
        if (r.class === 'test' && !r.testEvidence) {
          out ??= reports.slice();
          out[j] = {
            ...r,
            class: 'infra',
            reason: `mass failure: ${failed} of ${total} reports on ${failedByChange.size} changes failed within ${settings.windowMinutes} min (from ${new Date(first.time).toISOString().slice(0, 16)}Z)`,
          };
        }
      }
      markedUpTo = i;
    }
  }
  return out ?? reports;
}
