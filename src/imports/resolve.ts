import type { ModuleFormat, Resolution } from './resolution.js';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import { bundledTypeScript, type TS, type TypeScript } from '../ts.js';
import { declaresDependency, packageNameOf, type WorkspacePackage, type WorkspacePackages } from '../workspace/packages.js';
import { createCachedHost, type HostFact } from './resolve-host.js';
import type { Dirent } from 'node:fs';
import { pathsCandidate, resolveCandidateFast, resolveRelativeFast } from './relative-fast-path.js';
import { resolveInWorkspacePackage } from './workspace-package.js';
import { COMPONENT_FILE } from '../extract/shared/component-blocks.js';
import { TsConfigIndex, type TsProject } from './tsconfig.js';
import { OutputMaps } from './output-map.js';
import { plainPathBelow, projectRelative } from '../project-path.js';
import { DenoImportMaps } from './import-map.js';
import { resolveMappedOrExternal, type MappedOrExternalContext } from './mapped-or-external.js';

export type { ModuleFormat, Resolution } from './resolution.js';

/**
 * Why an import is unresolved (`--verbose` groups them by it). `not-installed` and `computed`
 * are counted but not reported: a fresh clone installs nothing, and a computed name has no file.
 */
const BUILTINS = new Set(builtinModules);
/** Specifiers naming code (or JSON) rather than an asset. */
const CODE_EXTENSION = /\.(?:[mc]?[jt]sx?|json)$/i;

/**
 * Resolves module specifiers the way TypeScript does (nearest tsconfig: paths, baseUrl,
 * moduleResolution, `.js`→`.ts`), and maps workspace packages to their source even when they
 * are neither installed nor built. One instance per run; every answer is cached.
 */
export class ImportResolver {
  private readonly host;
  private tsconfigs: TsConfigIndex;
  /** Per bare specifier and where it resolves from: the answer, the tsconfig and what it read on disk. */
  private readonly memo = new Map<string, { resolution: Resolution; project: TsProject; learnt: readonly HostFact[] }>();
  /** The host's change count when the derived caches (scopes, output maps) were last known current. */
  private changesSeen = 0;
  /** What each tsconfig's build writes, mapped back to sources (computed once per config). */
  private readonly outputMaps: OutputMaps;
  /** Per project-relative directory: the module format of its files by the nearest package.json `type` (the manifests are fixed per instance). */
  private readonly formatsByDir = new Map<string, ModuleFormat>();
  /** The same per file (asked once per import site and re-export followed). */
  private readonly formatsByFile = new Map<string, ModuleFormat>();
  /** Per workspace package, subpath and format: its source file (the same from every importer), and what that answer read on disk. */
  private readonly workspaceMemo = new Map<string, { resolution: Resolution; learnt: readonly HostFact[] }>();
  /** Per project-relative directory: the nearest directory holding node_modules or package.json. */
  private readonly scopes = new Map<string, string>();
  private readonly realRoot: string;
  /** The file whose imports are being resolved (they come one file at a time): its path and project. */
  private containing: { file: string; abs: string; project: TsProject } | undefined;
  /** Import maps (Deno) and external specifiers (`jsr:`, `npm:`, `https:`, …), answered before TypeScript is asked. */
  private readonly mappedOrExternal: MappedOrExternalContext;

  /** `typescript`: the compiler API used for resolution and tsconfig parsing (strings in, strings out). */
  constructor(
    readonly root: string,
    readonly packages: WorkspacePackages,
    private readonly ts: TypeScript = bundledTypeScript(),
    /** false: always ask TypeScript (tests prove the fast paths give TypeScript's answers). */
    private readonly fastPaths = true,
    /** Directory listings file discovery already read (project-relative directory → entries, mtime): not read again. */
    listed?: ReadonlyMap<string, { entries: readonly Dirent[]; mtimeMs: number }>,
  ) {
    this.realRoot = resolvePath(root);
    this.host = createCachedHost(this.realRoot);
    for (const [dir, { entries, mtimeMs }] of listed ?? []) this.host.seedListing(this.absolute(dir), entries, mtimeMs);
    this.tsconfigs = new TsConfigIndex(this.realRoot, this.host, ts, (configFile, file) => this.outputMaps.lists(configFile, file));
    this.outputMaps = new OutputMaps(ts, this.host, this.realRoot, (configFile) => this.tsconfigs.projectOf(configFile));
    this.mappedOrExternal = {
      importMaps: packages.deno ? new DenoImportMaps(this.realRoot, packages.deno) : undefined,
      packages,
      resolveWorkspace: (pkg, specifier, format) => this.resolveWorkspace(pkg, specifier, format),
      projectFileAt: (abs) => {
        const found = resolveCandidateFast(abs, this.host.fileExists, this.host.directoryExists!, true) ?? (this.host.fileExists(abs) ? abs : undefined);
        return found === undefined ? undefined : this.toProjectPath(found);
      },
    };
  }

  /**
   * Stops trusting what was learnt from the file system, for long-lived processes such as an
   * editor's ESLint server: directory listings, tsconfig files and their parsed options are
   * checked against the disk (mtime) before reuse, each once; a remembered resolution is reused
   * only while every listing and text it was computed from is unchanged. Nothing is forgotten
   * when nothing changed, so a refresh costs one stat per directory the next lints consult.
   */
  forgetFileSystem(): void {
    this.host.revalidate();
    this.tsconfigs.revalidate();
    this.containing = undefined;
  }

  /** Whether an absolute path names a file, from the cached directory listings (a directory not listed yet is read once). */
  fileExists(abs: string): boolean {
    return this.host.fileExists(abs);
  }

  /** Problems found reading tsconfig files (for --verbose). */
  configProblems(): string[] {
    return this.tsconfigs.problems();
  }

  /** `containingFile` is project-relative; `format` is ESM unless the import is a require(). */
  resolve(specifier: string, containingFile: string, format: ModuleFormat): Resolution {
    // Relative specifiers rarely repeat (each file imports its own neighbours) and resolve
    // cheaply from the cached directory listings; memoizing them would only cost memory.
    if (specifier.startsWith('.')) return this.resolveUncached(specifier, containingFile, format);
    const mapScope = this.mappedOrExternal.importMaps?.scopeOf(containingFile) ?? '';
    const project = this.containingFile(containingFile).project;
    const key = `${project.configFile ?? ''}\0${this.anchorOf(dirname(containingFile))}\0${mapScope}\0${specifier}\0${format}`;
    const known = this.memo.get(key);
    if (known && known.project === project && this.host.stillCurrent(known.learnt)) return known.resolution;
    this.dropDerivedCachesOnChange();
    const { value: resolution, learnt } = this.host.track(() => this.resolveUncached(specifier, containingFile, format));
    this.memo.set(key, { resolution, project, learnt });
    return resolution;
  }

  /** Package scopes and output maps are derived from listings and texts: recomputed once any of those changed. */
  private dropDerivedCachesOnChange(): void {
    if (this.host.changes === this.changesSeen) return;
    this.changesSeen = this.host.changes;
    this.scopes.clear();
    this.outputMaps.clear();
  }

  /**
   * A bare specifier resolves the same from every file that shares its tsconfig and its
   * nearest directory holding node_modules or package.json (where node_modules lookups, `imports`
   * and self-references start, and where declared dependencies are read); so one answer serves
   * a whole package instead of one directory. This is that directory, per directory.
   */
  private anchorOf(dir: string): string {
    let scope = this.scopes.get(dir);
    if (scope === undefined) {
      const abs = this.absolute(dir === '.' ? '' : dir);
      let anchor = abs;
      while (!this.host.directoryExists!(`${anchor}/node_modules`) && !this.host.fileExists(`${anchor}/package.json`)) {
        const parent = dirname(anchor);
        if (parent === anchor) break;
        anchor = parent;
      }
      scope = anchor;
      this.scopes.set(dir, scope);
    }
    return scope;
  }

  /** Whether TypeScript tries extensions and directory indexes (not for ES modules under node16/nodenext). */
  private addsExtensions(options: TS.CompilerOptions, format: ModuleFormat): boolean {
    const kind = options.moduleResolution;
    return format === 'cjs' || (kind !== this.ts.ModuleResolutionKind.Node16 && kind !== this.ts.ModuleResolutionKind.NodeNext);
  }

  /** The absolute path of a project-relative POSIX path (no normalisation needed). */
  private absolute(file: string): string {
    return file === '' ? this.realRoot : sep === '/' ? `${this.realRoot === '/' ? '' : this.realRoot}/${file}` : join(this.realRoot, file);
  }

  /** Whether the file's tsconfig keeps `import { type A } from 'x'` as a runtime import. */
  keepsInlineTypeImports(file: string): boolean {
    const options = this.tsconfigs.projectFor(join(this.realRoot, file)).options;
    return options.verbatimModuleSyntax === true;
  }

  /** The module format of a project file (.mts/.cts, or the nearest package.json `type`). */
  formatOf(file: string): ModuleFormat {
    const known = this.formatsByFile.get(file);
    if (known !== undefined) return known;
    const format = this.formatOfUncached(file);
    this.formatsByFile.set(file, format);
    return format;
  }

  private formatOfUncached(file: string): ModuleFormat {
    if (/\.(mts|mjs)$/.test(file)) return 'esm';
    if (/\.(cts|cjs)$/.test(file)) return 'cjs';
    const start = dirname(file);
    let format = this.formatsByDir.get(start);
    for (let dir = start; format === undefined; dir = dirname(dir)) {
      const manifest = this.packages.manifestsByDir.get(dir === '.' ? '' : dir);
      if (manifest) format = manifest.type === 'module' ? 'esm' : 'cjs';
      else if (dir === '.' || dir === '') format = 'cjs';
      if (format !== undefined) this.formatsByDir.set(start, format);
    }
    return format;
  }

  private containingFile(file: string): { file: string; abs: string; project: TsProject } {
    if (this.containing?.file !== file) {
      const abs = this.absolute(file);
      this.containing = { file, abs, project: this.tsconfigs.projectFor(abs) };
    }
    return this.containing;
  }

  private resolveUncached(specifier: string, containingFile: string, format: ModuleFormat): Resolution {
    this.dropDerivedCachesOnChange();
    const { abs: containingAbs, project } = this.containingFile(containingFile);
    const mappedOrExternal = resolveMappedOrExternal(this.mappedOrExternal, specifier, containingFile, format);
    if (mappedOrExternal) return mappedOrExternal;
    const isRelative = specifier.startsWith('.') || specifier.startsWith('/');
    const packageName = isRelative ? undefined : packageNameOf(specifier);
    if (packageName !== undefined && (specifier.startsWith('node:') || BUILTINS.has(packageName))) {
      return { kind: 'builtin', packageName, via: 'node builtin' };
    }
    const workspacePackage = packageName === undefined ? undefined : this.packages.byName.get(packageName);
    if (this.fastPaths && specifier.startsWith('.') && !project.options.rootDirs) {
      const fast = resolveRelativeFast(specifier, containingAbs, this.host.fileExists, this.host.directoryExists!, this.addsExtensions(project.options, format));
      const redirected = fast === undefined ? undefined : this.referencedSource(project, fast);
      if (redirected) return redirected;
      const file = fast === undefined ? undefined : this.toProjectPath(fast);
      if (file !== undefined) return { kind: 'file', file, via: project.label };
    }
    // A workspace package that no tsconfig `paths` entry can map: TypeScript would only search
    // node_modules (absent in a fresh clone, symlinks to build output otherwise), so go straight
    // to the package's source.
    if (workspacePackage && !pathsCouldMatch(project.options.paths, specifier)) return this.resolveWorkspace(workspacePackage, specifier, format);
    const via = project.label;
    // A tsconfig `paths` match whose first substitution names an existing file or directory:
    // TypeScript's answer, without its general machinery (which it falls back to when unsure).
    const pathsBase = project.options.baseUrl ?? (project.options as { pathsBasePath?: string }).pathsBasePath;
    if (this.fastPaths && !isRelative && project.options.paths && pathsBase !== undefined) {
      const candidate = pathsCandidate(specifier, project.options.paths, pathsBase);
      const found = candidate === undefined ? undefined : resolveCandidateFast(candidate, this.host.fileExists, this.host.directoryExists!, this.addsExtensions(project.options, format));
      const redirected = found === undefined ? undefined : this.referencedSource(project, found);
      if (redirected) return redirected;
      const file = found === undefined ? undefined : this.toProjectPath(found);
      if (found !== undefined && file !== undefined && !(workspacePackage && isBuildOutput(found))) return { kind: 'file', file, via };
    }
    const ts = this.ts;
    const mode = format === 'esm' ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS;
    const resolved = ts.resolveModuleName(specifier, containingAbs, project.options, this.host, undefined, undefined, mode)
      .resolvedModule;

    if (resolved && !resolved.isExternalLibraryImport) {
      const redirected = this.referencedSource(project, resolved.resolvedFileName);
      if (redirected) return redirected;
      const file = this.toProjectPath(resolved.resolvedFileName);
      if (file !== undefined && !(workspacePackage && isBuildOutput(resolved.resolvedFileName))) {
        return { kind: 'file', file, via };
      }
    }
    // A component file (.vue, .svelte, .astro) named through tsconfig `paths`: bundlers load it,
    // TypeScript resolves none of them (it needs a `declare module '*.vue'` shim).
    if (!isRelative && COMPONENT_FILE.test(specifier) && project.options.paths && pathsBase !== undefined) {
      const candidate = pathsCandidate(specifier, project.options.paths, pathsBase);
      const file = candidate !== undefined && this.host.fileExists(candidate) ? this.toProjectPath(candidate) : undefined;
      const config = project.configFile === undefined ? 'tsconfig' : relative(this.realRoot, project.configFile);
      if (file !== undefined) return { kind: 'file', file, via: `${config} paths (a component file, which TypeScript does not resolve)` };
    }
    if (workspacePackage) return this.resolveWorkspace(workspacePackage, specifier, format);
    if (resolved) {
      const file = this.toProjectPath(this.host.realpath!(resolved.resolvedFileName));
      if (file !== undefined && !file.includes('node_modules/')) return { kind: 'file', file, via };
      return { kind: 'external', packageName: packageName ?? specifier, via };
    }
    if (isRelative) {
      const target = resolvePath(dirname(containingAbs), specifier);
      // An unbuilt referenced project: its outputs do not exist yet, TypeScript (tsc -b, the
      // editor) reads the sources they are built from.
      const redirected = this.referencedSource(project, target);
      if (redirected) return redirected;
      // Assets (styles, JSON, images) that TypeScript does not resolve but the file exists.
      if (this.host.fileExists(target)) {
        const file = this.toProjectPath(target);
        if (file !== undefined) return { kind: 'file', file, via: 'file on disk' };
      }
      if (specifier.startsWith('/')) return this.resolveRootAbsolute(specifier, containingFile);
      return { kind: 'unresolved', cause: 'missing-file', declared: false, reason: 'no such file' };
    }
    // A `paths` substitution naming an asset (`@/styles/x.css`) or an unbuilt referenced
    // project's output; else, when a pattern matched, the user meant a project file.
    const pathsTarget = project.options.paths && pathsBase !== undefined ? pathsCandidate(specifier, project.options.paths, pathsBase) : undefined;
    if (pathsTarget !== undefined) {
      const redirected = this.referencedSource(project, pathsTarget);
      if (redirected) return redirected;
      const file = this.host.fileExists(pathsTarget) ? this.toProjectPath(pathsTarget) : undefined;
      if (file !== undefined) return { kind: 'file', file, via: `paths of ${this.configName(project)}, a file on disk` };
    }
    const declared = this.declaredBy(containingFile, packageName!);
    if (declared) return { kind: 'unresolved', cause: 'not-installed', packageName: packageName!, declared, reason: 'package not installed (declared in package.json)' };
    if (pathsCouldMatch(project.options.paths, specifier)) {
      const where = pathsTarget === undefined ? '' : ` to ${this.toProjectPath(pathsTarget) ?? pathsTarget}`;
      return { kind: 'unresolved', cause: 'missing-paths-target', packageName: packageName!, declared, reason: `paths of ${this.configName(project)} map it${where}, and no such file exists` };
    }
    return {
      kind: 'unresolved',
      cause: 'unknown-package',
      packageName: packageName!,
      declared,
      reason: 'not a workspace package, not installed, not declared in any package.json, and no tsconfig path matches',
    };
  }

  /**
   * `/src/x.ts` or `/vite.svg`: bundlers (Vite, Parcel, …) read a root-absolute specifier from
   * the package root, and serve non-code assets from its `public/` folder. A non-code asset that is
   * not there is a URL the app requests at run time, not a module of the project.
   */
  private resolveRootAbsolute(specifier: string, containingFile: string): Resolution {
    const packageRoot = this.absolute(this.packageDirOf(containingFile));
    // Bundlers add extensions and directory indexes whatever the module format.
    const fromRoot = resolveCandidateFast(`${packageRoot}${specifier}`, this.host.fileExists, this.host.directoryExists!, true);
    const asNamed = this.host.fileExists(`${packageRoot}${specifier}`) ? `${packageRoot}${specifier}` : undefined;
    const found = fromRoot ?? asNamed;
    const inRoot = found === undefined ? undefined : this.toProjectPath(found);
    if (inRoot !== undefined) return { kind: 'file', file: inRoot, via: 'root-absolute path, from the package root (bundler)' };
    const inPublic = this.host.fileExists(`${packageRoot}/public${specifier}`) ? this.toProjectPath(`${packageRoot}/public${specifier}`) : undefined;
    if (inPublic !== undefined) return { kind: 'file', file: inPublic, via: 'bundler public directory (public/), served at /' };
    if (!CODE_EXTENSION.test(specifier) && /\.[a-z0-9]+$/i.test(specifier)) {
      return { kind: 'external', packageName: specifier, via: 'a URL on the bundler\'s public root (not a module of the project)' };
    }
    return { kind: 'unresolved', cause: 'missing-file', declared: false, reason: 'no such file (from the file system root, the package root, or its public/ folder)' };
  }

  /** The project-relative directory of the nearest package.json above a file ('' for the root). */
  private packageDirOf(file: string): string {
    let dir = dirname(file);
    for (;;) {
      const key = dir === '.' ? '' : dir;
      if (key === '' || this.packages.manifestsByDir.has(key)) return key;
      dir = dirname(dir);
    }
  }

  private resolveWorkspace(pkg: WorkspacePackage, specifier: string, format: ModuleFormat): Resolution {
    const key = `${pkg.dir}\0${specifier}\0${format}`;
    const known = this.workspaceMemo.get(key);
    if (known && this.host.stillCurrent(known.learnt)) return known.resolution;
    const { value: resolution, learnt } = this.host.track(() => this.resolveWorkspaceUncached(pkg, specifier, format));
    this.workspaceMemo.set(key, { resolution, learnt });
    return resolution;
  }

  private resolveWorkspaceUncached(pkg: WorkspacePackage, specifier: string, format: ModuleFormat): Resolution {
    const subpath = `.${specifier.slice(pkg.name.length)}`;
    const pkgAbs = join(this.realRoot, pkg.dir);
    const outputs = this.outputMaps.ofPackage(pkgAbs);
    const found = resolveInWorkspacePackage({
      packageDir: pkgAbs,
      manifest: pkg.manifest,
      subpath,
      format,
      sourceOfOutput: (path) => this.outputMaps.sourceIn(outputs, path),
      fileExists: (path) => this.host.fileExists(path),
    });
    if (found) {
      const file = this.toProjectPath(found.file);
      if (file !== undefined) return { kind: 'file', file, via: `${pkg.denoConfig ? 'deno workspace member' : 'workspace package'} ${pkg.name} (${found.how})` };
    }
    return {
      kind: 'unresolved',
      cause: 'workspace-entry',
      packageName: pkg.name,
      // The package is ours: a missing entry point is a broken project import, reported.
      declared: false,
      reason: pkg.denoConfig
        ? `deno workspace member ${pkg.name} has no source file for "${subpath}" (checked the exports of ${pkg.denoConfig})`
        : `workspace package ${pkg.name} has no source file for "${subpath}" (checked exports/main/types and their src/ equivalents)`,
    };
  }

  /**
   * When a path is (or would be, unbuilt) the output of a project the current one references,
   * the source it is built from: what TypeScript reads instead under project references.
   */
  private referencedSource(project: TsProject, path: string): Resolution | undefined {
    if (project.references.length === 0 || !project.configFile) return undefined;
    if (/\.[mc]?tsx?$/.test(path) && !/\.d\.[mc]?ts$/.test(path)) return undefined; // a source already
    const found = this.outputMaps.sourceIn(this.outputMaps.referencedBy(project.configFile, project.references), path);
    const file = found === undefined ? undefined : this.toProjectPath(found.file);
    if (!found || file === undefined) return undefined;
    return { kind: 'file', file, via: `project reference: ${this.toProjectPath(found.output) ?? found.output} → ${file}, ${found.how}` };
  }

  private configName(project: TsProject): string {
    return project.configFile ? (this.toProjectPath(project.configFile) ?? project.configFile) : 'the default options';
  }

  private declaredBy(containingFile: string, name: string): boolean {
    let dir = dirname(containingFile);
    for (;;) {
      const key = dir === '.' ? '' : dir;
      if (declaresDependency(this.packages.manifestsByDir.get(key), name)) return true;
      if (key === '') return false;
      dir = dirname(dir);
    }
  }

  /** Project-relative POSIX path, or undefined when outside the root. */
  private toProjectPath(abs: string): string | undefined {
    const plain = plainPathBelow(this.realRoot, abs);
    if (plain !== undefined) return plain;
    const rel = projectRelative(this.realRoot, abs);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : rel;
  }
}

/** Declaration or JavaScript output, which for a workspace package we map back to its source. */
function isBuildOutput(file: string): boolean {
  return /\.d\.[mc]?ts$/.test(file) || (/\.[mc]?jsx?$/.test(file) && /[\\/](dist|lib|build|out)[\\/]/.test(file));
}

/** Whether a tsconfig `paths` pattern (`@app/*`, `exact`) could match the specifier. */
function pathsCouldMatch(paths: Record<string, string[]> | undefined, specifier: string): boolean {
  if (!paths) return false;
  return Object.keys(paths).some((pattern) => {
    const star = pattern.indexOf('*');
    if (star < 0) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
  });
}
