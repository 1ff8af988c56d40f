import { readFileSync, realpathSync, statSync } from 'node:fs';
import type { ts } from 'ts-morph';

/**
 * A module-resolution host over the real file system with every answer cached: the resolver asks
 * the same questions (does x.ts exist? x.tsx? x/index.ts?) thousands of times.
 */
export function createCachedHost(root: string, knownFiles: ReadonlySet<string>): ts.ModuleResolutionHost & { getCurrentDirectory(): string } {
  const kinds = new Map<string, 'file' | 'dir' | 'none'>();
  const reals = new Map<string, string>();
  const kindOf = (path: string): 'file' | 'dir' | 'none' => {
    let kind = kinds.get(path);
    if (kind === undefined) {
      if (knownFiles.has(path)) kind = 'file';
      else {
        try {
          kind = statSync(path).isDirectory() ? 'dir' : 'file';
        } catch {
          kind = 'none';
        }
      }
      kinds.set(path, kind);
    }
    return kind;
  };
  return {
    fileExists: (path) => kindOf(path) === 'file',
    directoryExists: (path) => kindOf(path) === 'dir',
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
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
