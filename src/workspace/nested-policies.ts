import { POLICY_FILE_NAMES } from '../policy/load.js';
import type { Discovery } from './discover.js';

/**
 * The outermost subtrees of a discovery that hold a policy file of their own (lifecycle.yaml, else
 * lifecycle.yml), found in the files the walk already listed, so nested policies cost no second
 * walk. A policy file the enclosing policy's `files.exclude` matches is not a nested policy (its
 * subtree is left out like any excluded path); .gitignore'd folders and node_modules are not entered.
 */
export function nestedPolicyDirs(files: readonly string[], isExcluded: (file: string) => boolean): { dir: string; name: string }[] {
  const found = new Map<string, string>();
  const suffixes = POLICY_FILE_NAMES.map((name) => `/${name}`);
  for (const file of files) {
    // Cheap test first: this runs once per discovered file. The root's own policy has no slash.
    if (!file.endsWith('.yaml') && !file.endsWith('.yml')) continue;
    const suffix = suffixes.find((candidate) => file.endsWith(candidate));
    if (suffix === undefined || isExcluded(file)) continue;
    const dir = file.slice(0, -suffix.length);
    const name = suffix.slice(1);
    // lifecycle.yaml wins over lifecycle.yml, as when the policy is looked for in a directory.
    if (found.get(dir) !== POLICY_FILE_NAMES[0]) found.set(dir, name);
  }
  const outermost: { dir: string; name: string }[] = [];
  for (const dir of [...found.keys()].sort()) {
    if (ancestorIn(dir, (candidate) => found.has(candidate)) === undefined) outermost.push({ dir, name: found.get(dir)! });
  }
  return outermost;
}

/** The nearest proper ancestor directory of a project-relative path that `has` accepts. */
export function ancestorIn(path: string, has: (dir: string) => boolean): string | undefined {
  for (let slash = path.lastIndexOf('/'); slash > 0; slash = path.lastIndexOf('/', slash - 1)) {
    const dir = path.slice(0, slash);
    if (has(dir)) return dir;
  }
  return undefined;
}

/** The part of a discovery below `dir`, relative to it: what the nested project's own walk would list. */
export function discoveryBelow(discovery: Discovery, dir: string): Discovery {
  const prefix = `${dir}/`;
  return {
    files: discovery.files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length)),
    notes: discovery.notes.filter((note) => note.path.startsWith(prefix)).map((note) => ({ ...note, path: note.path.slice(prefix.length) })),
    // The walk counted what .gitignore hid for the whole tree, not per subtree: the enclosing project reports it.
    gitignored: { files: 0, directories: 0 },
    unreadableDirectories: discovery.unreadableDirectories
      .filter((dir) => dir.path.startsWith(prefix))
      .map((dir) => ({ ...dir, path: dir.path.slice(prefix.length) })),
  };
}

/** `prefix/path`, or `path` when prefix is ''. */
export function joinPrefix(prefix: string, path: string): string {
  return prefix === '' ? path : path === '' ? prefix : `${prefix}/${path}`;
}
