import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { TS } from '../ts.js';

type EntryKind = 'file' | 'dir';

/**
 * A module-resolution host over the real file system that answers "does x exist?" from one
 * cached listing per directory. The resolver probes many candidates per import (x.ts, x.tsx,
 * x.d.ts, x/index.ts, …); caching listings instead of probes keeps memory proportional to the
 * tree, not to the number of probes, and needs one readdir per directory instead of a stat per probe.
 */
export function createCachedHost(root: string): TS.ModuleResolutionHost & { getCurrentDirectory(): string } {
  const listings = new Map<string, Map<string, EntryKind> | undefined>();
  const reals = new Map<string, string>();
  const texts = new Map<string, string | undefined>();

  const listing = (dir: string): Map<string, EntryKind> | undefined => {
    if (listings.has(dir)) return listings.get(dir);
    let entries: Dirent[] | undefined;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      entries = undefined;
    }
    let result: Map<string, EntryKind> | undefined;
    if (entries) {
      result = new Map();
      for (const entry of entries) {
        let kind: EntryKind | undefined = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : undefined;
        if (entry.isSymbolicLink()) {
          try {
            kind = statSync(`${dir}/${entry.name}`).isDirectory() ? 'dir' : 'file';
          } catch {
            kind = undefined; // dangling or looping link
          }
        }
        if (kind) result.set(entry.name, kind);
      }
    }
    listings.set(dir, result);
    return result;
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
      if (!texts.has(path)) {
        let text: string | undefined;
        try {
          text = readFileSync(path, 'utf8');
        } catch {
          text = undefined;
        }
        texts.set(path, text);
      }
      return texts.get(path);
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
  };
}
