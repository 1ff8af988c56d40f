/**
 * When a long-lived ESLint process (an editor's server) looks at the disk again: on the first
 * file linted after a pause (the user edited, saved, switched files), and at least every
 * MAX_TRUST_MS while files are linted back to back (a CLI run), so that a run over thousands of
 * files does not stat the same directories for each of them.
 */
const PAUSE_MS = 250;
const MAX_TRUST_MS = 10_000;

let lastAskedAt = Number.NEGATIVE_INFINITY;
let lastCheckAt = Number.NEGATIVE_INFINITY;
let paused = false;
let checks = 0;

/** Why cached disk facts are checked again now (asked once per linted file), or false. */
export type DiskCheck = false | 'after-pause' | 'periodic';

export function diskCheckDue(): DiskCheck {
  const now = Date.now();
  const due: DiskCheck = now - lastAskedAt >= PAUSE_MS ? 'after-pause' : now - lastCheckAt >= MAX_TRUST_MS ? 'periodic' : false;
  if (due === 'after-pause' && Number.isFinite(lastAskedAt)) paused = true;
  lastAskedAt = now;
  if (due) {
    lastCheckAt = now;
    checks += 1;
  }
  return due;
}

/**
 * How many disk checks were due so far: a cache compared with the disk at an earlier count
 * missed one (the lint that was due belonged to another project) and must be compared now.
 */
export function diskChecksSoFar(): number {
  return checks;
}

/**
 * Whether this process lints with pauses between files, as an editor's server does: a pause came
 * after the first lint. Only then does the plugin watch its policy files. A CLI run can qualify
 * too (a file that takes long to parse, a second tsconfig's program built): harmless, as the watch
 * keeps no process alive.
 */
export function lintsWithPauses(): boolean {
  return paused;
}
