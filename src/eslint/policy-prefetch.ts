import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { filesBehind, type LoadedPolicy } from '../policy/load.js';

/**
 * In an editor's long-lived ESLint server, a saved lifecycle.yaml is loaded again when it changes,
 * between lints, instead of in the next lint: parsing the YAML alone takes 18 ms on a 49 KB
 * policy (the 20,000-file bench repo), more than a re-lint may take. The directories of the
 * policy's files (its YAML files, the package.json that gives the current release) are watched
 * (editors save by rename, which a watch on the file itself would lose), without keeping the
 * process alive; a change runs `reload` shortly after the last event. The lint itself still
 * checks the files' stamps when a disk check is due: the watch only does the work earlier, and
 * where no event comes (a network file system, no inotify watches left) nothing is lost.
 */
const watched = new Map<string, { key: string; watchers: FSWatcher[]; timer?: NodeJS.Timeout }>();
const SETTLE_MS = 30;
/** Loaded policies whose files are watched already (a reload makes a new one). */
const seen = new WeakSet<LoadedPolicy>();
const reloads = new Map<string, number>();

/** How many reloads the watch of this policy file ran (between lints) in this process. */
export function reloadsBetweenLints(policyPath: string): number {
  return reloads.get(policyPath) ?? 0;
}

/** Watches the files behind `loaded` (again, when they changed); `reload` loads the policy and its workspace, and must not throw. */
export function prefetchPolicyOnChange(loaded: LoadedPolicy, reload: () => void): void {
  // Called on every lint: a policy already seen here costs one lookup, not a list of its files.
  if (seen.has(loaded)) return;
  seen.add(loaded);
  const files = filesBehind(loaded);
  const key = files.join('\0');
  const known = watched.get(loaded.path);
  if (known?.key === key) return;
  if (known) stopWatching(loaded.path);
  const entry: { key: string; watchers: FSWatcher[]; timer?: NodeJS.Timeout } = { key, watchers: [] };
  watched.set(loaded.path, entry);
  const byDir = new Map<string, Set<string>>();
  for (const file of files) byDir.set(dirname(file), (byDir.get(dirname(file)) ?? new Set()).add(basename(file)));
  const changed = () => {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      reloads.set(loaded.path, (reloads.get(loaded.path) ?? 0) + 1);
      reload();
    }, SETTLE_MS);
    entry.timer.unref();
  };
  for (const [dir, names] of byDir) {
    try {
      const watcher = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || names.has(String(name))) changed();
      });
      // A watch that fails (its folder deleted, a file system without events) is not made again for these files.
      watcher.on('error', () => closeWatchers(entry));
      entry.watchers.push(watcher);
    } catch {
      // No watch (ENOSPC, a file system without events): the lint loads the policy as before.
    }
  }
}

function stopWatching(policyPath: string): void {
  const entry = watched.get(policyPath);
  if (!entry) return;
  closeWatchers(entry);
  watched.delete(policyPath);
}

function closeWatchers(entry: { watchers: FSWatcher[]; timer?: NodeJS.Timeout }): void {
  if (entry.timer) clearTimeout(entry.timer);
  for (const watcher of entry.watchers) watcher.close();
  entry.watchers = [];
}
