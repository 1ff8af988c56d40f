import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';
import { denoPackages, readDenoWorkspace, type DenoWorkspace } from './deno.js';

export interface PackageManifest {
  name?: string;
  version?: string;
  type?: string;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  exports?: unknown;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  name: string;
  /** Project-relative directory ('' for the root package). */
  dir: string;
  manifest: PackageManifest;
  /** Project-relative path of the deno.json(c) it was read from, for a Deno workspace member. */
  denoConfig?: string;
}

export interface WorkspacePackages {
  byName: Map<string, WorkspacePackage>;
  /** Every package.json found (workspace member or not), by directory; for `type` and dependencies. */
  manifestsByDir: Map<string, PackageManifest>;
  /** The Deno workspace (deno.json or deno.jsonc at the root), when there is one. */
  deno?: DenoWorkspace;
}

/**
 * Maps workspace package names to their directories from the workspace manifests themselves
 * (package.json `workspaces` for npm/yarn, pnpm-workspace.yaml for pnpm, deno.json `workspace`
 * for Deno), so an unbuilt, uninstalled clone is analysed like an installed one. A name both a
 * package.json and a deno.json declare is the package.json's.
 */
export function readWorkspacePackages(root: string, files: readonly string[]): WorkspacePackages {
  const manifestsByDir = new Map<string, PackageManifest>();
  for (const file of files) {
    if (file !== 'package.json' && !file.endsWith('/package.json')) continue;
    const manifest = readJson(join(root, file));
    if (manifest) manifestsByDir.set(file === 'package.json' ? '' : file.slice(0, -'/package.json'.length), manifest);
  }
  const patterns = workspacePatterns(root, manifestsByDir.get(''));
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(normalizePattern);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => normalizePattern(pattern.slice(1)));
  const isMember = include.length > 0 ? picomatch(include, { ignore: exclude, dot: false }) : () => false;
  const byName = new Map<string, WorkspacePackage>();
  for (const [dir, manifest] of manifestsByDir) {
    if (!manifest.name) continue;
    if (dir === '' || isMember(dir)) byName.set(manifest.name, { name: manifest.name, dir, manifest });
  }
  const deno = readDenoWorkspace(root, files);
  for (const config of deno ? denoPackages(deno) : []) {
    const { name, version, exports } = config;
    if (name !== undefined && !byName.has(name)) byName.set(name, { name, dir: config.dir, manifest: { name, version, exports }, denoConfig: config.file });
  }
  return { byName, manifestsByDir, ...(deno ? { deno } : {}) };
}

function workspacePatterns(root: string, rootManifest: PackageManifest | undefined): string[] {
  const fromManifest = rootManifest?.workspaces;
  const npmPatterns = Array.isArray(fromManifest) ? fromManifest : (fromManifest?.packages ?? []);
  let pnpmPatterns: string[] = [];
  try {
    const parsed = parseYaml(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) as { packages?: unknown } | null;
    if (Array.isArray(parsed?.packages)) pnpmPatterns = parsed.packages.filter((item): item is string => typeof item === 'string');
  } catch {
    // no pnpm workspace (or an unreadable one: pnpm itself would fail on it)
  }
  return [...npmPatterns, ...pnpmPatterns].filter((pattern) => typeof pattern === 'string');
}

function normalizePattern(pattern: string): string {
  return pattern.replace(/^\.\//, '').replace(/\/+$/, '');
}

function readJson(file: string): PackageManifest | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as PackageManifest) : undefined;
  } catch {
    return undefined;
  }
}

/** The package name a bare specifier refers to (`@scope/name/sub` → `@scope/name`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Whether a package manifest declares `name` in any dependency field. */
export function declaresDependency(manifest: PackageManifest | undefined, name: string): boolean {
  if (!manifest) return false;
  return [manifest.dependencies, manifest.devDependencies, manifest.peerDependencies, manifest.optionalDependencies].some(
    (deps) => deps !== undefined && Object.hasOwn(deps, name),
  );
}
