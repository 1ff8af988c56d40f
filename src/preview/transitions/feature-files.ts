import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import { InputError } from '../../errors.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import type { Feature } from '../../policy/model.js';
import type { FolderMove } from './rewrite-imports.js';

/** Every file of the feature today (code, tests, assets): preview files of it, and its `paths`. */
export function featureFiles(workspace: Workspace, feature: Feature): string[] {
  return workspace.allFiles.filter((file) => {
    const fileClass = workspace.classifier.classify(file);
    return fileClass.zone === 'preview' && fileClass.feature === feature.id;
  });
}

/** The folder a `preview.code`/`preview.tests` glob gives the feature (`src/preview/{feature}/**` → `src/preview/fwaas`). */
function featureFolder(glob: string, id: string): string | undefined {
  const match = /^(.*)\{feature\}(\/\*\*(\/\*)?)?$/.exec(glob);
  if (!match || /[*?[\]{}!]/.test(match[1]!)) return undefined;
  return `${match[1]}${id}`;
}

/** The stable place of a preview folder: without the segment that made it preview (`src/preview/fwaas` → `src/fwaas`). */
function stableFolder(folder: string): string {
  const segments = folder.split('/');
  return [...segments.slice(0, -2), segments.at(-1)!].join('/');
}

/**
 * Where each folder of the feature goes: the code folder to `--to`, `promoteTo` or its stable
 * place, each test folder to its stable place. Refuses a glob it cannot read as a folder, a
 * destination that exists, and a destination outside the project.
 */
export function plannedFolders(workspace: Workspace, feature: Feature, to: string | undefined): FolderMove[] {
  const { policy } = workspace.loaded;
  const folders: FolderMove[] = [];
  const target = to ?? feature.promoteTo;
  for (const [globs, kind] of [[policy.preview.code, 'code'], [policy.preview.tests, 'tests']] as const) {
    for (const glob of globs) {
      const from = featureFolder(glob, feature.id);
      if (from === undefined) throw new InputError(`cannot tell which folder preview.${kind} "${glob}" gives ${feature.id}; promote it by hand`);
      if (!existsSync(join(workspace.root, from))) continue;
      const destination = kind === 'code' && target !== undefined ? cleanRelative(target) : stableFolder(from);
      if (existsSync(join(workspace.root, destination))) throw new InputError(`cannot promote ${feature.id}: ${destination} exists (the destination of ${from}); choose another with --to, or move it away first`);
      folders.push({ from, to: destination });
    }
  }
  if (folders.length === 0) throw new InputError(`cannot promote ${feature.id}: it has no code under ${policy.preview.code.join(', ')}`);
  return folders;
}

function cleanRelative(path: string): string {
  const clean = posix.normalize(path.split('\\').join('/')).replace(/\/+$/, '');
  if (clean.startsWith('/') || clean === '..' || clean.startsWith('../') || clean === '.' || clean === '') throw new InputError(`--to must be a folder inside the project, not "${path}"`);
  return clean;
}

/** Whether the project root is inside a git work tree (moves are then staged like `git mv`). */
export function isGitWorkTree(root: string): boolean {
  const run = spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: root, encoding: 'utf8' });
  return !run.error && run.status === 0 && run.stdout.trim() === 'true';
}

/** The paths among `paths` with changes not committed (staged, unstaged or untracked). */
export function uncommittedAmong(root: string, paths: readonly string[]): string[] {
  if (paths.length === 0) return [];
  const run = spawnSync('git', ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', ...paths], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) throw new InputError(`git status failed in ${root}: ${(run.stderr || run.error?.message || '').trim()}`);
  return run.stdout
    .split('\0')
    .filter((entry) => entry.length > 3)
    .map((entry) => entry.slice(3))
    .sort();
}
