import { spawnSync } from 'node:child_process';

const NO_OBJECT = '0'.repeat(40);

/** The index changes of a transition in a git work tree, paths relative to the project root. */
export interface IndexChanges {
  moves: { from: string; to: string }[];
  deletes: string[];
}

/**
 * Records the moves in the git index exactly as `git mv` does (the entry, its blob and mode, moves
 * to the new path; the work tree's edits stay unstaged for review), and the deletions as `git rm`
 * does. `back` undoes that (deleted entries come back from HEAD). Idempotent: an entry already
 * where it belongs is left alone, so a replayed or rolled-back journal may run it again.
 */
export function updateIndex(root: string, changes: IndexChanges, direction: 'forward' | 'back'): void {
  if (changes.moves.length === 0 && changes.deletes.length === 0) return;
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const full = (path: string) => `${prefix}${path}`;
  const pairs: [string, string][] = changes.moves.map(({ from, to }) => (direction === 'forward' ? [from, to] : [to, from]));
  const indexed = entries(root, ['ls-files', '-s', '-z', '--full-name', '--', ...pairs.map(([source]) => source), ...changes.deletes]);
  const lines: string[] = [];
  for (const [source, destination] of pairs) {
    const entry = indexed.get(full(source));
    if (!entry) continue;
    lines.push(`${entry}\t${full(destination)}`, `0 ${NO_OBJECT}\t${full(source)}`);
  }
  if (direction === 'forward') {
    for (const path of changes.deletes) if (indexed.has(full(path))) lines.push(`0 ${NO_OBJECT}\t${full(path)}`);
  } else if (changes.deletes.length > 0) {
    const inHead = entries(root, ['ls-tree', '-z', '--full-name', 'HEAD', '--', ...changes.deletes], true);
    for (const path of changes.deletes) {
      const entry = inHead.get(full(path));
      if (entry && !indexed.has(full(path))) lines.push(`${entry}\t${full(path)}`);
    }
  }
  if (lines.length > 0) git(root, ['update-index', '--index-info'], `${lines.join('\n')}\n`);
}

/** `mode sha` by full path, from `git ls-files -s -z` (or `git ls-tree -z`, whose lines say the type too). */
function entries(root: string, args: string[], tree = false): Map<string, string> {
  const map = new Map<string, string>();
  for (const record of git(root, args).split('\0')) {
    const tab = record.indexOf('\t');
    if (tab < 0) continue;
    const fields = record.slice(0, tab).split(' ');
    const [mode, sha] = tree ? [fields[0], fields[2]] : [fields[0], fields[1]];
    map.set(record.slice(tab + 1), `${mode} ${sha}`);
  }
  return map;
}

function git(root: string, args: string[], input?: string): string {
  const run = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
  if (run.error || run.status !== 0) throw new Error(`git ${args[0]} failed: ${(run.stderr || run.error?.message || '').trim()}`);
  return run.stdout;
}
