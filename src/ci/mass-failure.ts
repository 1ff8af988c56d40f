import type { FailureClass, Report } from './types.js';

export interface MassFailureSettings {
  /** Length of the sliding window, in minutes. */
  windowMinutes: number;
  /** At least this many distinct changes must have failed in the window (and been corroborated). */
  minChanges: number;
  /** At least this share of the reports in the window must have failed. */
  ratio: number;
}

const COUNTED = new Set<FailureClass>(['pass', 'test', 'infra', 'unknown']);
const FAILED = new Set<FailureClass>(['test', 'infra', 'unknown']);

/** Failure times per change of the other systems (reference gate, other CIs), sorted. */
function failuresByChange(others: readonly Report[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const report of others) {
    if (!FAILED.has(report.class)) continue;
    const list = out.get(report.change) ?? [];
    list.push(report.time);
    out.set(report.change, list);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

function failedWithin(times: readonly number[] | undefined, from: number, to: number): boolean {
  if (!times) return false;
  for (const t of times) {
    if (t > to) return false;
    if (t >= from) return true;
  }
  return false;
}

/** Who a change belongs to for the "one owner's series" rule (unknown owner: the change itself). */
function ownerOf(report: Report): string {
  return report.owner !== undefined ? `owner\u0000${report.owner}` : `change\u0000${report.change}`;
}

/**
 * A mass failure is an outage of the CI's world, not of the changes: most reports failing
 * across unrelated changes in a short window, *corroborated* by the reference gate or other
 * systems failing the same changes within the window (± its length). Only corroborated test
 * failures (without a real test-failure pattern) become infra, keeping their old class in
 * `massFailureOf`; a burst within one owner's series of changes is never a mass failure, and
 * neither is a burst nobody else saw (those failures stay the CI's own). `reports` must be one
 * system's, sorted by time; returns a new array when anything changed.
 */
export function reclassifyMassFailures(
  reports: readonly Report[],
  settings: MassFailureSettings | false,
  others: readonly Report[],
): readonly Report[] {
  if (settings === false) return reports;
  let out: Report[] | undefined; // copied on the first change
  const windowMs = settings.windowMinutes * 60_000;
  const otherFailures = failuresByChange(others);
  const failedByChange = new Map<string, number>();
  const failedByOwner = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number): void => {
    const n = (map.get(key) ?? 0) + by;
    if (n === 0) map.delete(key);
    else map.set(key, n);
  };
  let lo = 0;
  let total = 0;
  let failed = 0;
  let markedUpTo = -1;
  for (let i = 0; i < reports.length; i++) {
    const report = reports[i] as Report;
    if (COUNTED.has(report.class)) {
      total++;
      if (FAILED.has(report.class)) {
        failed++;
        bump(failedByChange, report.change, 1);
        bump(failedByOwner, ownerOf(report), 1);
      }
    }
    while (lo < i && (reports[lo] as Report).time < report.time - windowMs) {
      const old = reports[lo] as Report;
      if (COUNTED.has(old.class)) {
        total--;
        if (FAILED.has(old.class)) {
          failed--;
          bump(failedByChange, old.change, -1);
          bump(failedByOwner, ownerOf(old), -1);
        }
      }
      lo++;
    }
    if (total === 0 || failedByChange.size < settings.minChanges || failedByOwner.size < 2 || failed / total < settings.ratio) continue;
    const first = reports[lo] as Report;
    const from = first.time - windowMs;
    const to = report.time + windowMs;
    const corroborated = [...failedByChange.keys()].filter((change) => failedWithin(otherFailures.get(change), from, to));
    if (corroborated.length < settings.minChanges) continue;
    const seen = new Set(corroborated);
    const reason = `mass failure: ${failed} of ${total} reports on ${failedByChange.size} changes failed within ${settings.windowMinutes} min (from ${new Date(first.time).toISOString().slice(0, 16)}Z); other systems failed ${corroborated.length} of these changes too`;
    for (let j = Math.max(lo, markedUpTo + 1); j <= i; j++) {
      const r = (out ?? reports)[j] as Report;
      if (r.class !== 'test' || r.testEvidence || !seen.has(r.change)) continue;
      out ??= reports.slice();
      out[j] = { ...r, class: 'infra', reason, massFailureOf: r.class };
    }
    markedUpTo = i;
  }
  return out ?? reports;
}
