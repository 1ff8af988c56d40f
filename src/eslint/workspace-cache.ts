import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { LoadedPolicy } from '../policy/load.js';
import type { TypeScript } from '../ts.js';
import { diskChecksSoFar, type DiskCheck } from './disk-check.js';
import { createIgnoreChecker, discoverFiles, DiscoveryTimeout, type Discovery, type DirectoryListing } from '../workspace/discover.js';
import { SOURCE_FILE, workspaceFor, type Workspace } from '../workspace/open-workspace.js';

/**
 * The workspace of each policy in a long-lived ESLint process (an editor's server), kept current
 * by directory mtime instead of being rebuilt: a sweep over the directories of the walk starts
 * with each disk check (./disk-check.ts; at the project's next lint when the check was due at a
 * lint of another project), a few directories are stat'ed per lint (at most
 * SWEEP_SLICE_MS), and a directory whose mtime changed is listed again. Files added to
 * or removed from a directory patch the file lists in place; anything else (a directory, a
 * package.json, a .gitignore or a policy file comes or goes; a package.json is edited) builds the
 * workspace again from a fresh walk. An edited policy reuses the walk.
 */

/** Stat time one lint may spend on the sweep (the rest waits for the next lint). */
const SWEEP_SLICE_MS = 1;
/** A disk check after a pause starts a new sweep only this long after the last one started. */
const SWEEP_INTERVAL_MS = 1_000;
/** Entries whose coming or going changes more than the file lists. */
const STRUCTURAL_NAME = /^(?:package\.json|pnpm-workspace\.yaml|deno\.jsonc?|\.gitignore|lifecycle\.ya?ml)$/;

interface CachedWorkspace {
  loaded: LoadedPolicy;
  workspace: Workspace;
  discovery: Discovery;
  /** Files whose edit changes more than the file lists (an edit changes no directory mtime): package.json, .gitignore, nested policies. */
  watched: Map<string, number | undefined>;
  sweep: { queue: string[]; next: number; startedAt: number };
  /** diskChecksSoFar() when this workspace was last asked for: a check due at a lint of another project is one it missed. */
  checksSeen: number;
  /** A disk check came that started no new round of the sweep (too soon after the last one began): one is owed. */
  roundOwed: boolean;
  ignored: (file: string) => boolean;
}

const cached = new Map<string, CachedWorkspace>();
/** Per policy: when its walk last passed the budget, and how far it got; no new walk before RETRY_AFTER_MS. */
const timedOut = new Map<string, { at: number; error: DiscoveryTimeout }>();
const RETRY_AFTER_MS = 60_000;

/** The walk of a project did not finish within the budget: the lint reports the file as not checked. */
export class WorkspaceNotReady extends Error {
  override readonly name = 'WorkspaceNotReady';
}

/**
 * The workspace of a loaded policy (`single`: the policy named in the configuration, which checks
 * every file below it; else the policy found for the file, nested policies applying below them),
 * brought up to date with what the sweep found so far.
 */
export function currentWorkspace(loaded: LoadedPolicy, single: boolean, typescript: TypeScript, check: DiskCheck, budgetMs: number): Workspace {
  const key = `${single ? 'single' : 'nested'}\0${loaded.path}`;
  let entry = cached.get(key);
  const walk = () => {
    const failed = timedOut.get(key);
    if (failed && Date.now() - failed.at < RETRY_AFTER_MS) throw notReady(failed.error, budgetMs);
    try {
      const discovery = discoverFiles(loaded.root, { deadline: performance.now() + budgetMs });
      timedOut.delete(key);
      return discovery;
    } catch (error) {
      if (!(error instanceof DiscoveryTimeout)) throw error;
      timedOut.set(key, { at: Date.now(), error });
      throw notReady(error, budgetMs);
    }
  };
  const build = (discovery: Discovery, previous?: CachedWorkspace) => {
    entry = fresh(loaded, workspaceFor(loaded, { typescript, nested: !single, discovery, ...(previous ? { previous: previous.workspace } : {}) }), discovery, previous);
    cached.set(key, entry);
    return entry.workspace;
  };
  if (!entry) return build(walk());
  const due = check !== false || entry.checksSeen !== diskChecksSoFar() || entry.roundOwed;
  // An edited policy: a new classifier over the same walk, packages and resolver; the sweep goes on over it.
  if (entry.loaded !== loaded) build(entry.discovery, entry);
  const current = cached.get(key)!;
  // A disk check due at a lint of another project (an editor with several projects open) counts
  // as one after a pause here: this project's listings were not looked at then either. A check
  // that came too soon after the last round started (or while a round was under way, which may
  // have passed a changed directory already) is kept: a new round starts once the interval is over.
  current.checksSeen = diskChecksSoFar();
  const { outcome, started } = sweep(current, check === 'periodic' || (due && Date.now() - current.sweep.startedAt >= SWEEP_INTERVAL_MS));
  current.roundOwed = due && !started;
  if (outcome === 'rewalk') return build(walk());
  return current.workspace;
}

function notReady(error: DiscoveryTimeout, budgetMs: number): WorkspaceNotReady {
  return new WorkspaceNotReady(
    `listing the project did not finish within ${budgetMs} ms (${error.directories} directories, ${error.files} files listed; settings.lifecycle.budgetMs); ` +
      `tried again ${RETRY_AFTER_MS / 1000} s after the last attempt`,
  );
}

/**
 * The cache entry of a new workspace. Over the same walk (a policy edit), the watched files keep
 * the mtimes seen before and the sweep goes on: a nested policy, package.json or .gitignore changed
 * since is still found by the sweep, not taken as seen.
 */
function fresh(loaded: LoadedPolicy, workspace: Workspace, discovery: Discovery, previous?: CachedWorkspace): CachedWorkspace {
  const watched = new Map<string, number | undefined>();
  for (const file of discovery.files) {
    // The root policy is loadPolicy's to watch.
    if (file !== loaded.path.slice(loaded.root.length + 1) && STRUCTURAL_NAME.test(file.slice(file.lastIndexOf('/') + 1))) {
      const abs = join(loaded.root, file);
      watched.set(abs, previous?.watched.has(abs) ? previous.watched.get(abs) : mtimeOf(abs));
    }
  }
  return {
    loaded,
    workspace,
    discovery,
    watched,
    sweep: previous?.sweep ?? { queue: [], next: 0, startedAt: Date.now() },
    checksSeen: diskChecksSoFar(),
    roundOwed: previous?.roundOwed ?? false,
    ignored: createIgnoreChecker(loaded.root),
  };
}

function mtimeOf(path: string): number | undefined {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs;
}

/**
 * Stats the next directories (within the slice); patches the file lists, or asks for a new walk.
 * `start`: begin a new round if the last one is done; `started` says whether one began.
 */
function sweep(entry: CachedWorkspace, start: boolean): { outcome: 'current' | 'rewalk'; started: boolean } {
  const { sweep: state, discovery } = entry;
  const directories = discovery.directories;
  if (!directories) return { outcome: 'current', started: true };
  const newRound = state.next >= state.queue.length && start;
  if (state.next >= state.queue.length) {
    if (!start) return { outcome: 'current', started: false };
    state.queue = [...directories.keys(), ...[...entry.watched.keys()].map((file) => `\0${file}`)];
    state.next = 0;
    state.startedAt = Date.now();
  }
  const started = performance.now();
  const changed: string[] = [];
  while (state.next < state.queue.length) {
    const item = state.queue[state.next++]!;
    if (item.startsWith('\0')) {
      if (mtimeOf(item.slice(1)) !== entry.watched.get(item.slice(1))) return { outcome: 'rewalk', started: newRound };
    } else {
      const listed = directories.get(item);
      if (listed && mtimeOf(join(entry.loaded.root, item)) !== listed.mtimeMs) changed.push(item);
    }
    if ((state.next & 15) === 0 && performance.now() - started > SWEEP_SLICE_MS) break;
  }
  return { outcome: changed.length === 0 ? 'current' : patch(entry, changed), started: newRound };
}

/** Lists the changed directories again; only files added or removed are patched in. */
function patch(entry: CachedWorkspace, dirs: readonly string[]): 'current' | 'rewalk' {
  const { loaded, discovery, workspace } = entry;
  const added: string[] = [];
  const removed = new Set<string>();
  const relisted = new Map<string, DirectoryListing>();
  for (const dir of dirs) {
    const abs = join(loaded.root, dir);
    let listing: DirectoryListing;
    try {
      const { mtimeMs } = statSync(abs);
      listing = { entries: readdirSync(abs, { withFileTypes: true }), mtimeMs };
    } catch {
      return 'rewalk'; // the directory is gone
    }
    const before = discovery.directories!.get(dir)!.entries;
    const names = (entries: readonly Dirent[]) => new Map(entries.map((dirent) => [dirent.name, dirent]));
    const old = names(before);
    const now = names(listing.entries);
    const differing = [...[...now.keys()].filter((name) => !old.has(name)), ...[...old.keys()].filter((name) => !now.has(name))];
    for (const name of differing) {
      const dirent = now.get(name) ?? old.get(name)!;
      if (!dirent.isFile() || STRUCTURAL_NAME.test(name)) return 'rewalk';
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (workspace.nested.some((nested) => rel.startsWith(`${nested.dir}/`))) return 'rewalk';
      if (now.has(name)) {
        if (!entry.ignored(rel)) added.push(rel);
      } else removed.add(rel);
    }
    relisted.set(dir, listing);
  }
  for (const [dir, listing] of relisted) discovery.directories!.set(dir, listing);
  const withChanges = (files: readonly string[], keep: (file: string) => boolean) => sortedWith(files, removed, added.filter(keep));
  const files = withChanges(discovery.files, () => true);
  entry.discovery = { ...discovery, files };
  entry.workspace = {
    ...workspace,
    allFiles: withChanges(workspace.allFiles, () => true),
    discoveredSourceFiles: withChanges(workspace.discoveredSourceFiles, (file) => SOURCE_FILE.test(file)),
    sourceFiles: withChanges(workspace.sourceFiles, (file) => workspace.inScope(file)),
  };
  // The resolver checks each directory it consults against the disk once more.
  workspace.resolver.forgetFileSystem();
  return 'current';
}

/** A sorted list (code-unit order, as discovery sorts) without `removed` and with `added` inserted in place. */
function sortedWith(files: readonly string[], removed: ReadonlySet<string>, added: readonly string[]): string[] {
  const result = removed.size === 0 ? [...files] : files.filter((file) => !removed.has(file));
  for (const file of added) {
    let low = 0;
    let high = result.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (result[middle]! < file) low = middle + 1;
      else high = middle;
    }
    if (result[low] !== file) result.splice(low, 0, file);
  }
  return result;
}
