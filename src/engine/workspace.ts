import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import picomatch from 'picomatch';
import { loadPolicy, type LoadedPolicy } from '../policy/load.js';
import { policyAsOfRelease } from '../policy/as-of-release.js';
import { Classifier } from '../workspace/classify.js';
import { createIgnoreChecker, discoverFiles, type DiscoveryNote } from '../workspace/discover.js';
import { readWorkspacePackages, type WorkspacePackages } from '../workspace/packages.js';
import { includedExplicitly, vendoredByPath } from '../workspace/vendored.js';
import { ImportResolver } from '../imports/resolve.js';
import type { TypeScript } from '../ts.js';

export const SOURCE_FILE = /\.(?:[mc]?[jt]sx?)$/;

/** Everything about a project that does not depend on which files are analysed. */
export interface Workspace {
  loaded: LoadedPolicy;
  root: string;
  /** Source files in scope (files.include/exclude, .gitignore), project-relative, sorted. */
  sourceFiles: string[];
  /** Every discovered file (.gitignore honoured, files.include/exclude not applied), sorted. */
  allFiles: string[];
  /** The source files among allFiles (files.include/exclude and the vendored rules not applied). */
  discoveredSourceFiles: string[];
  /**
   * Whether `lifecycle check` would analyse this project-relative path: a source file, inside
   * files.include, outside files.exclude, not ignored by git (also for files created later).
   */
  inScope(file: string): boolean;
  notes: DiscoveryNote[];
  /** What discovery saw: files listed (.gitignore honoured), of them source files, what .gitignore hid, unlistable directories. */
  discovery: {
    files: number;
    sourceFiles: number;
    gitignored: { files: number; directories: number };
    unreadableDirectories: { path: string; code: string }[];
  };
  /** Source files discovery listed that are not in `sourceFiles`, by reason. */
  skipped: { notIncluded: number; excluded: number; vendored: { file: string; reason: string }[] };
  packages: WorkspacePackages;
  classifier: Classifier;
  resolver: ImportResolver;
}

export function openWorkspace(options: { cwd: string; policyPath?: string; release?: string }): Workspace {
  const loaded = loadPolicy(options);
  // A copy as of another release; the cached policy stays as loaded.
  return workspaceFor(options.release === undefined ? loaded : { ...loaded, policy: policyAsOfRelease(loaded.policy, options.release) });
}

/** The workspace of an already loaded policy (the ESLint rules cache one per policy). */
export function workspaceFor(loaded: LoadedPolicy, options: { typescript?: TypeScript } = {}): Workspace {
  const { policy } = loaded;
  const root = loaded.root;
  const discovery = discoverFiles(root);
  const include = policy.files.include;
  const isIncluded = include ? picomatch(include, { dot: true }) : () => true;
  const isExcluded = policy.files.exclude.length > 0 ? picomatch(policy.files.exclude, { dot: true }) : () => false;
  const isVendored = (file: string) => {
    const vendored = vendoredByPath(file);
    return vendored && !includedExplicitly(file, vendored, include) ? vendored : undefined;
  };
  const candidates = discovery.files.filter((file) => SOURCE_FILE.test(file));
  const skipped: Workspace['skipped'] = { notIncluded: 0, excluded: 0, vendored: [] };
  const sourceFiles = candidates.filter((file) => {
    if (!isIncluded(file)) skipped.notIncluded += 1;
    else if (isExcluded(file)) skipped.excluded += 1;
    else {
      const vendored = isVendored(file);
      if (!vendored) return true;
      skipped.vendored.push({ file, reason: vendored.reason });
    }
    return false;
  });
  const packages = readWorkspacePackages(root, discovery.files);
  return {
    loaded,
    root,
    sourceFiles,
    allFiles: discovery.files,
    discoveredSourceFiles: candidates,
    inScope: (() => {
      const ignored = createIgnoreChecker(root);
      const known = new Set(sourceFiles);
      let realRoot: string | undefined;
      // A file discovery did not list: new since, or a symlink leading out of the project (which
      // discovery does not follow, so `lifecycle check` never analyses it).
      return (file: string) =>
        known.has(file) ||
        (SOURCE_FILE.test(file) && isIncluded(file) && !isExcluded(file) && !isVendored(file) && !ignored(file) && !leadsOutside((realRoot ??= realpathSync(root)), join(root, file)));
    })(),
    notes: discovery.notes,
    discovery: {
      files: discovery.files.length,
      sourceFiles: candidates.length,
      gitignored: discovery.gitignored,
      unreadableDirectories: discovery.unreadableDirectories,
    },
    skipped,
    packages,
    classifier: new Classifier(policy, packages),
    resolver: new ImportResolver(root, packages, options.typescript),
  };
}

/** Whether a path exists and its real path lies outside the project's real root. */
function leadsOutside(realRoot: string, path: string): boolean {
  let real: string;
  try {
    real = realpathSync(path);
  } catch {
    return false; // not on disk (yet): an unsaved buffer
  }
  return real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
}
