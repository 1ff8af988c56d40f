import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { TS } from '../ts.js';

type EntryKind = 'file' | 'dir';

type CachedHost = TS.ModuleResolutionHost & {
  getCurrentDirectory(): string;
  /**
   * From now on, check each cached listing and text against the disk once before trusting it
   * again (a directory's mtime changes when entries come or go; a file's mtime or size when it is
   * edited). For long-lived processes such as an editor's ESLint server: far cheaper than
   * forgetting everything, since unchanged directories are not read again.
   */
  revalidate(): void;
  /**
   * Runs `compute`, returning its value with what it learnt from the cached listings and texts;
   * `stillCurrent` tells later whether all of it still holds (each checked once per revalidation).
   */
  track<T>(compute: () => T): { value: T; learnt: readonly HostFact[] };
  stillCurrent(learnt: readonly HostFact[]): boolean;
  /** Takes a directory listing read elsewhere (file discovery) instead of reading it again. */
  seedListing(dir: string, entries: readonly Dirent[], mtimeMs: number): void;
  /** How many cached listings and texts were found changed on disk so far. */
  readonly changes: number;
};

/** A directory listing or a file text the host cached (opaque outside this module). */
export type HostFact = Listing | Text;

interface Listing {
  dir: string;
  entries: Map<string, EntryKind> | undefined;
  /** mtime of the directory when listed; undefined: do not trust (unreadable, or holds symlinks). */
  stamp: number | undefined;
  generation: number;
}

interface Text {
  path: string;
  text: string | undefined;
  stamp: string | undefined;
  generation: number;
}

const statStamp = (path: string): { mtimeMs: number; size: number } | undefined => {
  try {
    const stat = statSync(path);
    return { mtimeMs: stat.mtimeMs, size: stat.size };
  } catch {
    return undefined;
  }
};

function sameEntries(a: Map<string, EntryKind> | undefined, b: Map<string, EntryKind> | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.size !== b.size) return false;
  for (const [name, kind] of a) if (b.get(name) !== kind) return false;
  return true;
}

/**
 * A module-resolution host over the real file system that answers "does x exist?" from one
 * cached listing per directory. The resolver probes many candidates per import (x.ts, x.tsx,
 * x.d.ts, x/index.ts, …); caching listings instead of probes keeps memory proportional to the
 * tree, not to the number of probes, and needs one readdir per directory instead of a stat per probe.
 */
export function createCachedHost(root: string): CachedHost {
  const listings = new Map<string, Listing>();
  const reals = new Map<string, string>();
  const texts = new Map<string, Text>();
  let generation = 0;
  let changes = 0;
  let learning: Set<HostFact> | undefined;

  const readListing = (dir: string): Listing => {
    const before = statStamp(dir);
    let entries: Dirent[] | undefined;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    let result: Map<string, EntryKind> | undefined;
    let hasLinks = false;
    if (entries) {
      result = new Map();
      for (const entry of entries) {
        let kind: EntryKind | undefined = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
        if (entry.isSymbolicLink()) {
          hasLinks = true;
          try {
            kind = statSync(`${dir}/${entry.name}`).isDirectory() ? 'dir' : 'file';
          } catch {
            kind = undefined; // dangling or looping link
          }
        }
        if (kind) result.set(entry.name, kind);
      }
    }
    // A link's target can change without the directory's mtime changing: such listings are re-read.
    return { dir, entries: result, stamp: result && !hasLinks ? before?.mtimeMs : undefined, generation };
  };
  const currentListing = (dir: string): Listing => {
    const cached = listings.get(dir);
    if (cached?.generation === generation) return cached;
    if (cached && cached.stamp !== undefined && statStamp(dir)?.mtimeMs === cached.stamp) {
      cached.generation = generation;
      return cached;
    }
    const read = readListing(dir);
    // Read again (mtime changed, or not trusted: unreadable, holds symlinks): a change only if it differs.
    if (cached && sameEntries(cached.entries, read.entries)) {
      Object.assign(cached, { stamp: read.stamp, generation });
      return cached;
    }
    if (cached) changes += 1;
    listings.set(dir, read);
    return read;
  };
  const listing = (dir: string): Map<string, EntryKind> | undefined => {
    const cached = currentListing(dir);
    learning?.add(cached);
    return cached.entries;
  };
  const currentText = (path: string): Text => {
    // Only configs and package.json files are read through the host; they are small and re-read often.
    const cached = texts.get(path);
    if (cached?.generation === generation) return cached;
    const now = statStamp(path);
    if (cached && cached.stamp !== undefined && now && `${now.mtimeMs}:${now.size}` === cached.stamp) {
      cached.generation = generation;
      return cached;
    }
    let text: string | undefined;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      text = undefined;
    }
    const stamp = now && text !== undefined ? `${now.mtimeMs}:${now.size}` : undefined;
    if (cached && cached.text === text) {
      Object.assign(cached, { stamp, generation });
      return cached;
    }
    if (cached) changes += 1;
    const read = { path, text, stamp, generation };
    texts.set(path, read);
    return read;
  };
  const kindOf = (path: string): EntryKind | undefined => {
    // The common case by slicing (an absolute POSIX path, no trailing slash); path.dirname/basename otherwise.
    const slash = path.lastIndexOf('/');
    if (slash > 0 && slash < path.length - 1 && !path.includes('\\')) return listing(path.slice(0, slash))?.get(path.slice(slash + 1));
    const parent = dirname(path);
    if (parent === path) return 'dir';
    return listing(parent)?.get(basename(path));
  };

  return {
    fileExists: (path) => kindOf(path) === 'file',
    directoryExists: (path) => kindOf(path) === 'dir',
    readFile: (path) => {
      const cached = currentText(path);
      learning?.add(cached);
      return cached.text;
    },
    realpath: (path) => {
      let real = reals.get(path);
      if (real === undefined) {
        try {
          real = realpathSync(path);
        } catch {
          real = path;
        }
        reals.set(path, real);
      }
      return real;
    },
    getCurrentDirectory: () => root,
    useCaseSensitiveFileNames: true,
    revalidate: () => {
      generation += 1;
      reals.clear();
    },
    track: (compute) => {
      const outer = learning;
      const learnt = new Set<HostFact>();
      learning = learnt;
      try {
        const value = compute();
        return { value, learnt: [...learnt] };
      } finally {
        learning = outer;
        if (outer) for (const fact of learnt) outer.add(fact);
      }
    },
    stillCurrent: (learnt) => learnt.every((fact) => ('dir' in fact ? currentListing(fact.dir) : currentText(fact.path)) === fact),
    seedListing: (dir, entries, mtimeMs) => {
      if (listings.has(dir) || entries.some((entry) => entry.isSymbolicLink())) return;
      const kinds = new Map<string, EntryKind>();
      for (const entry of entries) {
        const kind: EntryKind | undefined = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
        if (kind) kinds.set(entry.name, kind);
      }
      listings.set(dir, { dir, entries: kinds, stamp: mtimeMs, generation });
    },
    get changes() {
      return changes;
    },
  };
}
