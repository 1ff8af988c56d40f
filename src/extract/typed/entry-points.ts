import picomatch from 'picomatch';
import type { ApiPlace } from '../../facts/api-surface.js';
import type { Workspace } from '../../workspace/open-workspace.js';

/** Code a package entry point can name (not `./schema.json`, `./styles.css`). */
const CODE_TARGET = /\.(?:[mc]?[jt]sx?)$|^[^.]*$|\/[^./]*$/;

export interface EntryPoints {
  /** Project-relative source files, sorted. */
  files: string[];
  /** Entry points that name no source file, or that cannot be listed (fail closed). */
  problems: (ApiPlace & { message: string })[];
}

/**
 * The stable public entry points: the files `api.entryPoints` matches, else every workspace
 * package's `exports` subpaths (or `main`/`types`), resolved to source files as imports of the
 * package are (src/imports/). Private packages (`"private": true`) publish nothing; entry points
 * in preview code are not stable.
 */
export function apiEntryPoints(workspace: Workspace): EntryPoints {
  const { policy } = workspace.loaded;
  const stable = (file: string) => workspace.classifier.classify(file).zone === 'stable';
  if (policy.api.entryPoints.length > 0) {
    const matches = picomatch(policy.api.entryPoints, { dot: true });
    return { files: workspace.sourceFiles.filter((file) => matches(file) && stable(file)), problems: [] };
  }
  const files = new Set<string>();
  const problems: EntryPoints['problems'] = [];
  for (const pkg of workspace.packages.byName.values()) {
    const manifest = pkg.manifest as typeof pkg.manifest & { private?: unknown };
    if (manifest.private === true || pkg.denoConfig !== undefined) continue;
    const manifestFile = pkg.dir === '' ? 'package.json' : `${pkg.dir}/package.json`;
    for (const { subpath, target } of entrySubpaths(manifest.exports, manifest.main ?? manifest.types)) {
      if (subpath.includes('*')) {
        problems.push({ file: manifestFile, line: 1, column: 1, message: `cannot check the public API of ${pkg.name} "${subpath}": an exports pattern is not expanded; list its files in api.entryPoints` });
        continue;
      }
      if (!CODE_TARGET.test(target)) continue;
      const resolution = workspace.resolver.resolve(`${pkg.name}${subpath.slice(1)}`, manifestFile, 'esm');
      if (resolution.kind !== 'file') {
        const why = resolution.kind === 'unresolved' ? resolution.reason : `it resolves to ${resolution.kind} ${resolution.packageName}`;
        problems.push({ file: manifestFile, line: 1, column: 1, message: `cannot check the public API of ${pkg.name} "${subpath}": ${why}` });
        continue;
      }
      if (workspace.inScope(resolution.file) && stable(resolution.file)) files.add(resolution.file);
    }
  }
  return { files: [...files].sort(), problems };
}

/** The subpaths a manifest exports (`.`, `./utils`), each with a target it names; `main` alone gives `.`. */
function entrySubpaths(exportsField: unknown, main: string | undefined): { subpath: string; target: string }[] {
  if (exportsField === undefined || exportsField === null) return main === undefined ? [] : [{ subpath: '.', target: main }];
  const map: Record<string, unknown> =
    typeof exportsField === 'string' || Array.isArray(exportsField) || (typeof exportsField === 'object' && !Object.keys(exportsField).some((key) => key.startsWith('.')))
      ? { '.': exportsField }
      : (exportsField as Record<string, unknown>);
  return Object.entries(map).flatMap(([subpath, value]) => {
    const target = firstTarget(value);
    return target === undefined ? [] : [{ subpath, target }];
  });
}

/** The first path a conditions object (or list) names; undefined for a subpath blocked with null. */
function firstTarget(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(firstTarget).find((target) => target !== undefined);
  if (value && typeof value === 'object') return Object.values(value).map(firstTarget).find((target) => target !== undefined);
  return undefined;
}
