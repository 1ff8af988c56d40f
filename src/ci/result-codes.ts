import type { FailureClass } from './types.js';

/**
 * Result codes of Zuul builds, Gerrit report lines, Jenkins builds and GitHub Actions
 * conclusions, and what each means. Codes are matched case-insensitively; anything else is
 * `unknown`. The policy's `ci.resultCodes` adds codes or overrides these (see ResultCodes).
 */
const CODE_CLASSES: ReadonlyArray<readonly [FailureClass, readonly string[]]> = [
  ['pass', ['SUCCESS', 'PASSED', 'OK']],
  // Jenkins UNSTABLE: the build ran and its test report has failures.
  ['test', ['FAILURE', 'FAILED', 'TIMED_OUT', 'UNSTABLE']],
  // Zuul EXCEPTION, DISCONNECT, NO_HANDLE (Gearman: no executor took the job), NOT_REGISTERED
  // (no worker registered the job): the CI's own machinery failed, not the change.
  [
    'infra',
    ['NODE_FAILURE', 'RETRY_LIMIT', 'DISK_FULL', 'LOST', 'ERROR', 'POST_FAILURE', 'ABORTED', 'STARTUP_FAILURE', 'EXCEPTION', 'DISCONNECT', 'NO_HANDLE', 'NOT_REGISTERED'],
  ],
  // Zuul MERGER_FAILURE: the merger could not prepare the change (a merge conflict): no vote.
  ['novote', ['MERGE_CONFLICT', 'MERGE_FAILURE', 'MERGER_FAILURE', 'CONFIG_ERROR']],
  // Zuul NO_JOBS (nothing matched) and RETRY (not final: the build runs again), Jenkins NOT_BUILT.
  ['skipped', ['SKIPPED', 'CANCELED', 'CANCELLED', 'DEQUEUED', 'NEUTRAL', 'STALE', 'ACTION_REQUIRED', 'NO_JOBS', 'RETRY', 'NOT_BUILT']],
];

/** A result-code table: the built-ins plus the policy's `ci.resultCodes` (which win). */
export class ResultCodes {
  private readonly table: Map<string, FailureClass>;
  private readonly overridden: Set<string>;
  private readonly seen = new Map<string, FailureClass>();

  constructor(overrides: Readonly<Record<string, FailureClass>> = {}) {
    this.table = new Map(CODE_CLASSES.flatMap(([cls, codes]) => codes.map((code) => [code, cls] as const)));
    this.overridden = new Set();
    for (const [code, cls] of Object.entries(overrides)) {
      const key = code.trim().toUpperCase();
      this.table.set(key, cls);
      this.overridden.add(key);
    }
  }

  /** The class a result code alone implies, or `unknown`. */
  classOf(code: string): FailureClass {
    let cls = this.seen.get(code);
    if (cls === undefined) {
      cls = this.table.get(code.trim().toUpperCase()) ?? 'unknown';
      if (this.seen.size < 1000) this.seen.set(code, cls);
    }
    return cls;
  }

  /** Where a known code's class comes from: the policy map or the built-in table. */
  sourceOf(code: string): 'ci.resultCodes' | 'built-in' | undefined {
    const key = code.trim().toUpperCase();
    if (this.overridden.has(key)) return 'ci.resultCodes';
    return this.table.has(key) ? 'built-in' : undefined;
  }

  /** Every known result code with its class, sorted (for docs and `ci vote --help`). */
  known(): Array<{ code: string; class: FailureClass }> {
    return [...this.table.entries()]
      .map(([code, cls]) => ({ code, class: cls }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}

export const BUILTIN_RESULT_CODES = new ResultCodes();

/** The class a result code alone implies under the built-in table, or `unknown`. */
export function classOfResultCode(code: string): FailureClass {
  return BUILTIN_RESULT_CODES.classOf(code);
}

/** Every built-in result code with its class, sorted. */
export function knownResultCodes(): Array<{ code: string; class: FailureClass }> {
  return BUILTIN_RESULT_CODES.known();
}
