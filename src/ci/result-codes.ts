import type { FailureClass } from './types.js';

/**
 * Result codes of Zuul builds, Gerrit report lines and GitHub Actions conclusions, and what
 * each means. Codes are matched case-insensitively; anything else is `unknown`.
 */
const CODE_CLASSES: ReadonlyArray<readonly [FailureClass, readonly string[]]> = [
  ['pass', ['SUCCESS', 'PASSED', 'OK']],
  ['test', ['FAILURE', 'FAILED', 'TIMED_OUT']],
  ['infra', ['NODE_FAILURE', 'RETRY_LIMIT', 'DISK_FULL', 'LOST', 'ERROR', 'POST_FAILURE', 'ABORTED', 'STARTUP_FAILURE']],
  ['novote', ['MERGE_CONFLICT', 'MERGE_FAILURE', 'CONFIG_ERROR']],
  ['skipped', ['SKIPPED', 'CANCELED', 'CANCELLED', 'DEQUEUED', 'NEUTRAL', 'STALE', 'ACTION_REQUIRED']],
];

const CODE_TABLE = new Map<string, FailureClass>(
  CODE_CLASSES.flatMap(([cls, codes]) => codes.map((code) => [code, cls] as const)),
);

const seenCodes = new Map<string, FailureClass>();

/** The class a result code alone implies, or `unknown`. */
export function classOfResultCode(code: string): FailureClass {
  let cls = seenCodes.get(code);
  if (cls === undefined) {
    cls = CODE_TABLE.get(code.trim().toUpperCase()) ?? 'unknown';
    if (seenCodes.size < 1000) seenCodes.set(code, cls);
  }
  return cls;
}

/** Every known result code with its class, sorted (for docs and `ci vote --help`). */
export function knownResultCodes(): Array<{ code: string; class: FailureClass }> {
  return [...CODE_TABLE.entries()]
    .map(([code, cls]) => ({ code, class: cls }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
