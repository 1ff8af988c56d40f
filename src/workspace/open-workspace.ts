import { realpathSync } from 'node:fs';
import { join, sep } from 'node:path';
import picomatch from 'picomatch';
import { loadPolicy } from '../load-policy.js';
import type { LoadedPolicy } from '../policy/load.js';
import type { Policy } from '../policy/model.js';
import { policyAsOfRelease } from '../policy/as-of-release.js';
import { Classifier } from './classify.js';
import { createIgnoreChecker, discoverFiles, type Discovery, type DiscoveryNote } from './discover.js';
import { readWorkspacePackages, type WorkspacePackages } from './packages.js';
import { includedExplicitly, vendoredByPath } from './vendored.js';
import { ImportResolver } from '../imports/resolve.js';
import type { TypeScript } from '../ts.js';
import { ancestorIn, discoveryBelow, joinPrefix, nestedPolicyDirs } from './nested-policies.js';
import type { FileClass } from '../facts/source-file.js';

/** TypeScript/JavaScript, and the component files whose script blocks are read (src/extract/shared/component-blocks.ts). */
export const SOURCE_FILE = /\.(?:[mc]?[jt]sx?|vue|svelte|astro)$/;
/**
 * Component files in a format `lifecycle check` does not read yet (Marko, Riot): counted and listed
 * as not analysed in every run, never dropped in silence.
 */
export const UNREAD_SOURCE_FILE = /\.(?:marko|riot)$/;

/** A subtree with its own lifecycle.yaml: its files are checked by that policy, not the enclosing one. */
export interface NestedProject {
  /** The subtree, relative to the enclosing project's root (POSIX, no trailing slash). */
  dir: string;
  /** Absolute path of its policy file. */
  policyFile: string;
  /** Its workspace (built on first use; a policy that fails to load throws InputError naming the file). */
  workspace(): Workspace;
}

/** The project whose policy decides a path: this one or a nested one (at any depth). */
export interface Owner {
  workspace: Workspace;
  /** Where the owner's root lies, relative to the asking project's root ('' for itself). */
  prefix: string;
  /** The path relative to the owner's root. */
  file: string;
}

/** Everything about a project that does not depend on which files are analysed. */
export interface Workspace {
  loaded: LoadedPolicy;
  root: string;
  /** Source files in scope (files.include/exclude, .gitignore, not in a nested project), project-relative, sorted. */
  sourceFiles: string[];
  /** Every discovered file outside nested projects (.gitignore honoured, files.include/exclude not applied), sorted. */
  allFiles: string[];
  /** The source files among allFiles (files.include/exclude and the vendored rules not applied). */
  discoveredSourceFiles: string[];
  /**
   * Whether `lifecycle check` would analyse this project-relative path with this policy: a source
   * file, inside files.include, outside files.exclude, not ignored by git, not in a nested project
   * (also for files created later).
   */
  inScope(file: string): boolean;
  /** The outermost subtrees below the root with a lifecycle.yaml of their own; deeper ones are theirs. */
  nested: NestedProject[];
  /** The project whose policy decides a project-relative path: this one, or the nearest nested one. */
  ownerOf(file: string): Owner;
  /** The class of an import target, by the policy that owns the target (`matchedBy` names a nested policy). */
  classifyTarget(file: string): FileClass;
  notes: DiscoveryNote[];
  /** In-scope files whose imports are not analysed: their format is not read (UNREAD_SOURCE_FILE). */
  unreadSources: string[];
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

/**
 * The workspace of the policy found from `cwd`, whose nested policies apply to their subtrees; or
 * of the one `policyPath` names, which alone applies to every file below its directory.
 */
export function openWorkspace(options: { cwd: string; policyPath?: string; release?: string }): Workspace {
  const loaded = loadPolicy(options);
  // A copy as of another release; the cached policy stays as loaded.
  return workspaceFor(options.release === undefined ? loaded : { ...loaded, policy: policyAsOfRelease(loaded.policy, options.release) }, {
    nested: options.policyPath === undefined,
  });
}

/**
 * The workspace of an already loaded policy (the ESLint rules cache one per policy). `discovery`:
 * the files below the root when an enclosing project's walk already listed them (nested projects).
 * `nested: false`: lifecycle.yaml files below the root are not nested policies (one policy for all).
 * `previous`: the workspace of an earlier version of this policy over the same discovery, whose
 * packages and resolver (they depend on the files, not on the policy) are reused with their caches.
 */
export function workspaceFor(
  loaded: LoadedPolicy,
  options: { typescript?: TypeScript; discovery?: Discovery; nested?: boolean; previous?: Workspace } = {},
): Workspace {
  const { policy } = loaded;
  const root = loaded.root;
  const discovery = options.discovery ?? discoverFiles(root);
  const previous = options.previous?.root === root ? options.previous : undefined;
  const scope = reusableScope(previous, discovery, policy.files, options.nested !== false) ?? fileScopeOf(root, policy.files, discovery, options);
  const { nestedByDir, nestedOf, ownFiles } = scope;
  // Packages in nested projects stay importable by name from this one.
  const packages = previous?.packages ?? readWorkspacePackages(root, discovery.files);
  const classifier = new Classifier(policy, packages);
  const workspace: Workspace = {
    loaded,
    root,
    sourceFiles: scope.sourceFiles,
    allFiles: ownFiles,
    nested: [...nestedByDir.values()],
    ownerOf(file) {
      const dir = nestedOf(file);
      if (dir === undefined) return { workspace, prefix: '', file };
      const inner = nestedByDir.get(dir)!.workspace().ownerOf(file.slice(dir.length + 1));
      return { ...inner, prefix: joinPrefix(dir, inner.prefix) };
    },
    classifyTarget(file) {
      const owner = nestedOf(file) === undefined ? undefined : workspace.ownerOf(file);
      if (!owner) return classifier.classify(file);
      const decided = owner.workspace.classifier.classify(owner.file);
      const policyFile = owner.workspace.loaded.path.slice(owner.workspace.root.length + 1);
      return { ...decided, matchedBy: `${joinPrefix(owner.prefix, policyFile)}: ${decided.matchedBy}` };
    },
    discoveredSourceFiles: scope.candidates,
    inScope: scope.inScope,
    notes: nestedByDir.size === 0 ? discovery.notes : discovery.notes.filter((note) => nestedOf(note.path) === undefined),
    unreadSources: scope.unreadSources,
    discovery: {
      files: ownFiles.length,
      sourceFiles: scope.candidates.length,
      gitignored: discovery.gitignored,
      unreadableDirectories: nestedByDir.size === 0 ? discovery.unreadableDirectories : discovery.unreadableDirectories.filter((dir) => nestedOf(dir.path) === undefined),
    },
    skipped: scope.skipped,
    packages,
    classifier,
    resolver: previous?.resolver ?? new ImportResolver(root, packages, options.typescript, true, discovery.directories),
  };
  scopes.set(workspace, scope);
  return workspace;
}

/** Which of the discovered files a workspace analyses: it depends on the discovery and `files` only, not on the rest of the policy. */
interface FileScope {
  discovery: Discovery;
  files: string;
  nested: boolean;
  nestedByDir: Map<string, NestedProject>;
  nestedOf: (file: string) => string | undefined;
  ownFiles: string[];
  candidates: string[];
  sourceFiles: string[];
  skipped: Workspace['skipped'];
  inScope: (file: string) => boolean;
  unreadSources: string[];
}

const scopes = new WeakMap<Workspace, FileScope>();

/**
 * The previous workspace's file scope, when it was built over this very discovery with the same
 * `files` section (an editor's policy edit that leaves `files` alone): the file lists are not
 * filtered again over every file (O(files): most of a policy edit's cost on 20,000 files).
 */
function reusableScope(previous: Workspace | undefined, discovery: Discovery, files: Policy['files'], nested: boolean): FileScope | undefined {
  const scope = previous && scopes.get(previous);
  if (!scope || scope.discovery !== discovery || scope.nested !== nested || scope.files !== JSON.stringify(files)) return undefined;
  // Nested projects load their own policies once, in their closures: fresh ones read them again.
  if (scope.nestedByDir.size > 0) return undefined;
  return scope;
}

function fileScopeOf(root: string, files: Policy['files'], discovery: Discovery, options: { typescript?: TypeScript; nested?: boolean }): FileScope {
  const include = files.include;
  const isIncluded = include ? picomatch(include, { dot: true }) : () => true;
  const isExcluded = files.exclude.length > 0 ? picomatch(files.exclude, { dot: true }) : () => false;
  const nestedDirs = options.nested === false ? [] : nestedPolicyDirs(discovery.files, isExcluded);
  const nestedByDir = new Map<string, NestedProject>();
  for (const { dir, name } of nestedDirs) {
    let built: Workspace | undefined;
    const policyFile = join(root, dir, name);
    nestedByDir.set(dir, {
      dir,
      policyFile,
      workspace: () =>
        (built ??= workspaceFor(loadPolicy({ cwd: join(root, dir), policyPath: policyFile }), {
          ...(options.typescript ? { typescript: options.typescript } : {}),
          discovery: discoveryBelow(discovery, dir),
        })),
    });
  }
  const nestedOf = (file: string) => (nestedByDir.size === 0 ? undefined : ancestorIn(file, (dir) => nestedByDir.has(dir)));
  const ownFiles = nestedByDir.size === 0 ? discovery.files : discovery.files.filter((file) => nestedOf(file) === undefined);
  const isVendored = (file: string) => {
    const vendored = vendoredByPath(file);
    return vendored && !includedExplicitly(file, vendored, include) ? vendored : undefined;
  };
  const candidates = ownFiles.filter((file) => SOURCE_FILE.test(file));
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
  const ignored = createIgnoreChecker(root);
  const known = new Set(sourceFiles);
  let realRoot: string | undefined;
  // A file discovery did not list: new since, or a symlink leading out of the project (which
  // discovery does not follow, so `lifecycle check` never analyses it).
  const inScope = (file: string) =>
    known.has(file) ||
    (SOURCE_FILE.test(file) &&
      isIncluded(file) &&
      !isExcluded(file) &&
      !isVendored(file) &&
      nestedOf(file) === undefined &&
      !ignored(file) &&
      !leadsOutside((realRoot ??= realpathSync(root)), join(root, file)));
  return {
    discovery,
    files: JSON.stringify(files),
    nested: options.nested !== false,
    nestedByDir,
    nestedOf,
    ownFiles,
    candidates,
    sourceFiles,
    skipped,
    inScope,
    unreadSources: ownFiles.filter((file) => UNREAD_SOURCE_FILE.test(file) && isIncluded(file) && !isExcluded(file) && !isVendored(file)),
  };
}

/** A project and every nested one below it, outermost first, each with its root relative to the top. */
export function projectsOf(workspace: Workspace, prefix = ''): { workspace: Workspace; prefix: string }[] {
  return [
    { workspace, prefix },
    ...workspace.nested.flatMap((nested) => projectsOf(nested.workspace(), joinPrefix(prefix, nested.dir))),
  ];
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
