import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';

/** One change of the tree, paths relative to the project root (POSIX). */
export type FileOperation =
  | { kind: 'write'; path: string; content: string }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'delete'; path: string };

/** Every change one command makes, planned before the first one is applied. */
export interface TransitionPlan {
  /** The command as a person would type it (`lifecycle promote fwaas`), for the journal and messages. */
  command: string;
  /** Moves first, then writes, then deletes; each group sorted by path (same input, same plan). */
  operations: FileOperation[];
  /** Whether the moves and deletions are recorded in the git index (as `git mv` and `git rm` do). */
  git: boolean;
  /** What a person still has to do (listed; exit 1 when any). */
  manualSteps: string[];
  /** What was done that a reviewer should know of (suppressions dropped, exceptions removed). */
  notes: string[];
}

/** Collects the edits of one command; a file edited twice keeps the last content; a moved file is edited at its new path. */
export class PlanBuilder {
  private readonly moves = new Map<string, string>();
  private readonly writes = new Map<string, string>();
  private readonly deletes = new Set<string>();
  readonly manualSteps: string[] = [];
  readonly notes: string[] = [];

  constructor(readonly root: string) {}

  move(from: string, to: string): void {
    this.moves.set(from, to);
  }

  /** Where a file of today's tree will be: its destination when it moves. */
  destinationOf(path: string): string {
    return this.moves.get(path) ?? path;
  }

  /** Where a file of the new tree is today: its origin when it moves here. */
  originOf(path: string): string {
    for (const [from, to] of this.moves) if (to === path) return from;
    return path;
  }

  /** The text a file will have: the planned content, else today's (read at its old path when it moves). */
  textOf(path: string): string {
    const planned = this.writes.get(this.destinationOf(path));
    return planned ?? readFileSync(join(this.root, path), 'utf8');
  }

  /** Plans `content` for the file at today's `path` (written at its destination). Unchanged text plans nothing. */
  edit(path: string, content: string): void {
    const destination = this.destinationOf(path);
    if (content === readFileSync(join(this.root, path), 'utf8') && !this.writes.has(destination)) return;
    this.writes.set(destination, content);
  }

  delete(path: string): void {
    this.deletes.add(path);
  }

  build(command: string, git: boolean): TransitionPlan {
    const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const moves = [...this.moves].sort(([a], [b]) => byPath(a, b));
    const operations: FileOperation[] = [
      ...moves.map(([from, to]): FileOperation => ({ kind: 'move', from, to })),
      ...[...this.writes].sort(([a], [b]) => byPath(a, b)).map(([path, content]): FileOperation => ({ kind: 'write', path, content })),
      ...[...this.deletes].sort(byPath).map((path): FileOperation => ({ kind: 'delete', path })),
    ];
    return { command, operations, git, manualSteps: [...this.manualSteps], notes: [...this.notes] };
  }
}

/** What `--dry-run` prints: every move, then a unified diff of every edit and deletion (a moved file's diff runs from its old path). */
export function renderPlan(root: string, plan: TransitionPlan): string {
  const lines: string[] = [];
  const origins = new Map<string, string>();
  for (const operation of plan.operations) {
    if (operation.kind === 'move') {
      lines.push(`move ${operation.from} -> ${operation.to}`);
      origins.set(operation.to, operation.from);
    }
  }
  for (const operation of plan.operations) {
    if (operation.kind === 'delete') lines.push(`delete ${operation.path}`);
  }
  const read = (path: string): string => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return '';
    }
  };
  const patches: string[] = [];
  for (const operation of plan.operations) {
    if (operation.kind !== 'write') continue;
    const from = origins.get(operation.path) ?? operation.path;
    patches.push(unifiedDiff(`a/${from}`, `b/${operation.path}`, read(from), operation.content));
  }
  for (const operation of plan.operations) {
    if (operation.kind === 'delete' && !read(operation.path).includes('\0')) patches.push(unifiedDiff(`a/${operation.path}`, '/dev/null', read(operation.path), ''));
  }
  return [...lines.map((line) => `${line}\n`), ...patches].join('');
}

function unifiedDiff(from: string, to: string, before: string, after: string): string {
  // Drop jsdiff's `Index:` and `===` header lines: the output reads like `git diff`.
  const patch = createTwoFilesPatch(from, to, before, after, undefined, undefined, { context: 3 });
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('Index: ') && !/^=+$/.test(line))
    .join('\n');
}
