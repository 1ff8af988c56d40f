import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { parse as parseYaml } from 'yaml';

/** What reading a package.json gave: its object, or why there is none (never the file's text). */
export type ReadManifest = (file: string) => { manifest: { name?: unknown; version?: unknown; workspaces?: unknown } } | { problem: string };

/**
 * The version of a workspace package by name (`releases.current: { package: "@acme/core" }`, for a
 * root package without a version): the members of package.json `workspaces` and
 * pnpm-workspace.yaml, found on disk. A message instead of a version when there is none.
 */
export function workspacePackageVersion(root: string, name: string, readManifest: ReadManifest): { version: string; from: string } | { problem: string } {
  const dirs = workspaceDirs(root, readManifest);
  for (const dir of dirs) {
    const manifest = join(root, dir, 'package.json');
    const read = readManifest(manifest);
    if ('problem' in read || read.manifest.name !== name) continue;
    const version = read.manifest.version;
    if (typeof version !== 'string') return { problem: `${manifest} (workspace package ${name}) has no "version"` };
    return { version, from: `${dir}/package.json` };
  }
  return { problem: `no workspace package named "${name}" (${dirs.length} workspace package${dirs.length === 1 ? '' : 's'} found through package.json workspaces and pnpm-workspace.yaml)` };
}

/** Directories (relative to root) matched by the workspace patterns that hold a package.json. */
function workspaceDirs(root: string, readManifest: ReadManifest): string[] {
  const all = workspacePatterns(root, readManifest);
  const patterns = all.filter((pattern) => !pattern.startsWith('!'));
  const excluded = all.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1).replace(/\/+$/, ''));
  if (patterns.length === 0) return [];
  const isMember = picomatch(patterns.map((pattern) => pattern.replace(/^\.\//, '').replace(/\/+$/, '')), { ignore: excluded });
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 8) return;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (isMember(path) && existsSync(join(root, path, 'package.json'))) found.push(path);
      walk(path, depth + 1);
    }
  };
  walk('', 0);
  return found.sort();
}

function workspacePatterns(root: string, readManifest: ReadManifest): string[] {
  const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
  const manifest = readManifest(join(root, 'package.json'));
  const fromManifest = 'problem' in manifest ? undefined : manifest.manifest.workspaces;
  const patterns = Array.isArray(fromManifest) ? strings(fromManifest) : strings((fromManifest as { packages?: unknown } | undefined)?.packages);
  const pnpm = join(root, 'pnpm-workspace.yaml');
  if (existsSync(pnpm)) {
    try {
      patterns.push(...strings((parseYaml(readFileSync(pnpm, 'utf8')) as { packages?: unknown } | null)?.packages));
    } catch {
      // A broken pnpm-workspace.yaml names no package here; lifecycle check reports what it cannot read.
    }
  }
  return patterns;
}
