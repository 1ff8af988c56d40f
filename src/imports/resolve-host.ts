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
};

interface Listing {
  entries: Map<string, EntryKind> | undefined;
  /** mtime of the directory when listed; undefined: do not trust (unreadable, or holds symlinks). */
  stamp: number | undefined;
  generation: number;
}

interface Text {
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
    return { entries: result, stamp: result && !hasLinks ? before?.mtimeMs : undefined, generation };
  };
  const listing = (dir: string): Map<string, EntryKind> | undefined => {
    let cached = listings.get(dir);
    if (cached && cached.generation !== generation) {
      if (cached.stamp !== undefined && statStamp(dir)?.mtimeMs === cached.stamp) cached.generation = generation;
      else cached = undefined;
    }
    if (!cached) {
      cached = readListing(dir);
      listings.set(dir, cached);
    }
    return cached.entries;
  };
  const kindOf = (path: string): EntryKind | undefined => {
    const parent = dirname(path);
    if (parent === path) return 'dir';
    return listing(parent)?.get(basename(path));
  };

  return {
    fileExists: (path) => kindOf(path) === 'file',
    directoryExists: (path) => kindOf(path) === 'dir',
    readFile: (path) => {
      // Only configs and package.json files are read through the host; they are small and re-read often.
      let cached = texts.get(path);
      if (cached && cached.generation !== generation) {
        const now = statStamp(path);
        if (cached.stamp !== undefined && now && `${now.mtimeMs}:${now.size}` === cached.stamp) cached.generation = generation;
        else cached = undefined;
      }
      if (!cached) {
        const before = statStamp(path);
        let text: string | undefined;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          text = undefined;
        }
        cached = { text, stamp: before && text !== undefined ? `${before.mtimeMs}:${before.size}` : undefined, generation };
        texts.set(path, cached);
      }
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
  };
}
