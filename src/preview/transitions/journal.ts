import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../engine/write-atomic.js';
import { updateIndex, type IndexChanges } from './git-index.js';
import type { FileOperation, TransitionPlan } from './plan.js';

/** The journal of a transition being applied, at the project root; present only while one runs (or after a kill). */
export const JOURNAL_FILE = '.lifecycle-journal.json';

/** One operation with what rollback needs: the file's previous bytes (base64), or null when it did not exist. */
type JournalEntry = FileOperation & { before?: string | null };

interface Journal {
  version: 1;
  command: string;
  operations: JournalEntry[];
  /** Whether the git index follows the moves and deletions (a git work tree, without --no-git). */
  git: boolean;
  /** What the plan left for a person, said again by the run that completes it. */
  manualSteps: string[];
}

/** What the next run did with an interrupted transition. */
interface Recovery {
  command: string;
  outcome: 'completed' | 'rolled back';
  message: string;
  /** The manual steps of the completed plan (none after a rollback). */
  manualSteps: string[];
}

/** The file system calls a transition makes; tests inject a failing one. */
export interface TransitionFs {
  write(path: string, content: Uint8Array | string): void;
  move(from: string, to: string): void;
  remove(path: string): void;
}

export const nodeTransitionFs: TransitionFs = {
  write: (path, content) => writeFileAtomic(path, content, 'a file of the transition'),
  move: (from, to) => {
    mkdirSync(dirname(to), { recursive: true });
    renameSync(from, to);
  },
  remove: (path) => rmSync(path, { force: true }),
};

interface ApplyOptions {
  fs?: TransitionFs;
  /** Called once the journal is written (0 done), then after each operation with how many are done (the kill-after-k test hook). */
  afterOperation?: (done: number, total: number) => void;
  /** Called with every file in place, before the journal goes; throwing rolls everything back. */
  verify?: () => void;
}

/**
 * Applies every operation of the plan as one step: the journal (every new content and every old
 * one) is written before the first change; a failure rolls back at once; a kill leaves the journal,
 * which the next run replays (see recoverInterrupted). The journal goes once the tree is complete.
 */
export function applyPlan(root: string, plan: TransitionPlan, options: ApplyOptions = {}): void {
  const fs = options.fs ?? nodeTransitionFs;
  const journal: Journal = {
    version: 1,
    command: plan.command,
    operations: withBefore(root, plan.operations),
    git: plan.git,
    manualSteps: plan.manualSteps,
  };
  writeFileAtomic(join(root, JOURNAL_FILE), `${JSON.stringify(journal)}\n`, 'the transition journal', { exclusive: true });
  const total = journal.operations.length;
  let done = 0;
  try {
    options.afterOperation?.(0, total);
    for (const operation of journal.operations) {
      perform(root, operation, fs);
      done += 1;
      options.afterOperation?.(done, total);
    }
    options.verify?.();
    finish(root, journal);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    rollBack(root, journal, fs);
    const step = done < total ? `step ${done + 1} of ${total} failed` : 'the result did not hold up';
    throw new InputError(`${plan.command}: ${step} (${reason}); rolled back, the tree is as it was before`);
  }
}

/**
 * What the next run does with a journal a killed run left: replays it to the complete new tree
 * (every operation is idempotent), or, when that fails, rolls back to the old one. Returns the
 * sentence saying which, or undefined when there was no journal.
 */
export function recoverInterrupted(root: string, fs: TransitionFs = nodeTransitionFs): Recovery | undefined {
  const path = join(root, JOURNAL_FILE);
  if (!existsSync(path)) return undefined;
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    if (journal.version !== 1 || !Array.isArray(journal.operations)) throw new Error('unknown journal version');
  } catch (error) {
    throw new InputError(`${path}: cannot read the journal of an interrupted transition (${(error as Error).message}); inspect the tree, then delete the journal`);
  }
  try {
    for (const operation of journal.operations) replay(root, operation, fs);
    finish(root, journal);
    return { command: journal.command, outcome: 'completed', manualSteps: journal.manualSteps ?? [], message: `completed the interrupted \`${journal.command}\` from its journal (${JOURNAL_FILE}): the tree is the complete new one` };
  } catch (error) {
    rollBack(root, journal, fs);
    return { command: journal.command, outcome: 'rolled back', manualSteps: [], message: `could not complete the interrupted \`${journal.command}\` (${(error as Error).message}); rolled it back from its journal (${JOURNAL_FILE}): the tree is as it was before` };
  }
}

/** Each operation with what rollback needs; a write at a move's destination finds the file's old bytes at the move's source. */
function withBefore(root: string, operations: readonly FileOperation[]): JournalEntry[] {
  const movedFrom = new Map<string, string>();
  return operations.map((operation): JournalEntry => {
    if (operation.kind === 'move') {
      if (!existsSync(join(root, operation.from))) throw new InputError(`cannot move ${operation.from}: it does not exist`);
      if (existsSync(join(root, operation.to))) throw new InputError(`cannot move ${operation.from} to ${operation.to}: the destination exists`);
      movedFrom.set(operation.to, operation.from);
      return operation;
    }
    const abs = join(root, movedFrom.get(operation.path) ?? operation.path);
    return { ...operation, before: existsSync(abs) ? readFileSync(abs).toString('base64') : null };
  });
}

function perform(root: string, operation: JournalEntry, fs: TransitionFs): void {
  if (operation.kind === 'write') fs.write(join(root, operation.path), operation.content);
  else if (operation.kind === 'move') fs.move(join(root, operation.from), join(root, operation.to));
  else fs.remove(join(root, operation.path));
}

/** Performs the operation unless its effect is already there. */
function replay(root: string, operation: JournalEntry, fs: TransitionFs): void {
  if (operation.kind === 'write') {
    const abs = join(root, operation.path);
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== operation.content) fs.write(abs, operation.content);
  } else if (operation.kind === 'move') {
    const from = join(root, operation.from);
    const to = join(root, operation.to);
    if (existsSync(from) && !existsSync(to)) fs.move(from, to);
    else if (existsSync(from) || !existsSync(to)) throw new Error(`cannot tell whether ${operation.from} was moved to ${operation.to}`);
  } else if (existsSync(join(root, operation.path))) fs.remove(join(root, operation.path));
}

/**
 * Undoes every operation whose effect is there, last first; the journal goes once the old tree is
 * back. Only what is recognisably this transition's is undone: a file whose text is neither the
 * planned one nor the old one was changed by someone since, and is left alone.
 */
function rollBack(root: string, journal: Journal, fs: TransitionFs): void {
  for (const operation of [...journal.operations].reverse()) {
    if (operation.kind === 'move') {
      const from = join(root, operation.from);
      const to = join(root, operation.to);
      if (existsSync(to) && !existsSync(from)) fs.move(to, from);
      continue;
    }
    const abs = join(root, operation.path);
    const before = typeof operation.before === 'string' ? Buffer.from(operation.before, 'base64') : undefined;
    if (operation.kind === 'delete') {
      if (before && !existsSync(abs)) fs.write(abs, before);
      continue;
    }
    if (!existsSync(abs) || readFileSync(abs, 'utf8') !== operation.content) continue;
    if (before) fs.write(abs, before);
    else fs.remove(abs);
  }
  if (journal.git) updateIndex(root, indexChanges(journal), 'back');
  removeEmptyFolders(root, journal);
  rmSync(join(root, JOURNAL_FILE), { force: true });
}

function finish(root: string, journal: Journal): void {
  if (journal.git) updateIndex(root, indexChanges(journal), 'forward');
  removeEmptyFolders(root, journal);
  rmSync(join(root, JOURNAL_FILE), { force: true });
}

function indexChanges(journal: Journal): IndexChanges {
  const changes: IndexChanges = { moves: [], deletes: [] };
  for (const operation of journal.operations) {
    if (operation.kind === 'move') changes.moves.push({ from: operation.from, to: operation.to });
    else if (operation.kind === 'delete') changes.deletes.push(operation.path);
  }
  return changes;
}

/** Folders a move or delete emptied (git keeps no empty folders, so neither do we); never the root. */
function removeEmptyFolders(root: string, journal: Journal): void {
  const folders = new Set<string>();
  for (const operation of journal.operations) {
    const paths = operation.kind === 'move' ? [operation.from, operation.to] : [operation.path];
    for (const path of paths) for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) folders.add(dir);
  }
  for (const dir of [...folders].sort((a, b) => b.length - a.length)) {
    const abs = join(root, dir);
    try {
      if (readdirSync(abs).length === 0) rmdirSync(abs);
    } catch {
      // absent or not empty: nothing to remove
    }
  }
}
