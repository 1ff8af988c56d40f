// The layering check of .ci/run (`npm run layering`): dependency-cruiser with the rules of
// .dependency-cruiser.cjs, and the known-violations file held to "it may only shrink":
//   1. a violation not in the known list fails (fix it; do not add it to the list);
//   2. a known violation that no longer occurs fails (remove it: regenerate the list);
//   3. every known violation says why it stays (a `reason` next to it);
//   4. the list never grew in git history (each committed version has at most as many entries as
//      the one before it), so a violation cannot be added by regenerating the list either.
// Exit 0 clean, 1 on a layering problem, 2 when the check could not run.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
  /** Known violations only: why it stays for now. */
  reason?: string;
}

const KNOWN = '.dependency-cruiser-known-violations.json';
const root = process.cwd();

function keyOf(violation: Violation): string {
  return `${violation.rule.name}: ${violation.from} → ${violation.to}`;
}

function currentViolations(): Violation[] {
  const bin = join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
  const run = spawnSync(process.execPath, [bin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'src', 'rules'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status === null || run.stdout.trim() === '') {
    throw new Error(`dependency-cruiser did not run: ${run.stderr.trim().split('\n')[0] ?? `exit ${run.status}`}`);
  }
  const output = JSON.parse(run.stdout) as { summary: { violations: Violation[]; totalCruised: number } };
  if (output.summary.totalCruised === 0) throw new Error('dependency-cruiser cruised no module: nothing was checked');
  return output.summary.violations;
}

/** Entry counts of every committed version of the known list, oldest first; undefined outside git. */
function committedCounts(): { commit: string; count: number }[] | undefined {
  let commits: string[];
  try {
    commits = execFileSync('git', ['log', '--first-parent', '--format=%H', '--reverse', '--', KNOWN], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter(Boolean);
  } catch {
    return undefined;
  }
  return commits.flatMap((commit) => {
    try {
      const text = execFileSync('git', ['show', `${commit}:${KNOWN}`], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
      return [{ commit, count: (JSON.parse(text) as unknown[]).length }];
    } catch {
      return []; // the commit deleted the file
    }
  });
}

function main(): number {
  const known = JSON.parse(readFileSync(join(root, KNOWN), 'utf8')) as Violation[];
  const current = currentViolations();
  const knownKeys = new Set(known.map(keyOf));
  const currentKeys = new Set(current.map(keyOf));
  const problems: string[] = [];
  for (const violation of current) {
    if (!knownKeys.has(keyOf(violation))) {
      const cycle = violation.cycle ? ` (cycle: ${violation.cycle.map((step) => step.name).join(' → ')})` : '';
      problems.push(`new layering violation ${keyOf(violation)}${cycle}: fix the import (the known list may only shrink)`);
    }
  }
  for (const key of knownKeys) {
    if (!currentKeys.has(key)) problems.push(`known violation no longer occurs, ${key}: remove its entry from ${KNOWN}`);
  }
  for (const violation of known) {
    if (typeof violation.reason !== 'string' || violation.reason.trim() === '') {
      problems.push(`known violation without a reason, ${keyOf(violation)}: say in its "reason" why it stays, or fix it`);
    }
  }
  const history = committedCounts();
  if (history === undefined) {
    process.stdout.write(`layering: not a git work tree, so the history of ${KNOWN} was not checked\n`);
  } else {
    for (let index = 1; index < history.length; index += 1) {
      const before = history[index - 1]!;
      const after = history[index]!;
      if (after.count > before.count) {
        problems.push(`${KNOWN} grew from ${before.count} to ${after.count} entries in commit ${after.commit.slice(0, 12)}: the known list may only shrink`);
      }
    }
    const last = history.at(-1);
    if (last !== undefined && known.length > last.count) {
      problems.push(`${KNOWN} has ${known.length} entries, more than the ${last.count} committed: the known list may only shrink`);
    }
  }
  for (const problem of problems) process.stdout.write(`layering: ${problem}\n`);
  if (problems.length > 0) return 1;
  process.stdout.write(`layering: no new violation; ${known.length} known, none stale${history ? `; the list never grew in ${history.length} committed versions` : ''}\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(`layering: ${(error as Error).message}\n`);
  process.exitCode = 2;
}
