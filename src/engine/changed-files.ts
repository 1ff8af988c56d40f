import { projectRelative } from '../project-path.js';
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { basename, isAbsolute, join, posix } from 'node:path';
import { InputError } from '../errors.js';
import type { Workspace } from '../workspace/open-workspace.js';

/** tsconfig files steer import resolution of every file. */
const TSCONFIG = /^[tj]sconfig.*\.json$/;

/** What `--changed-since REF` limits a run to. */
export interface ChangedScope {
  ref: string;
  /** Project-relative POSIX paths changed since REF: committed, staged, unstaged, untracked (deleted ones too). */
  files: ReadonlySet<string>;
  /** Set when an input of every finding changed (the policy, a file it extends, a tsconfig): check everything. */
  everything: string | undefined;
}

/**
 * Files changed since `ref`: `git diff --name-only REF...HEAD` (changes on this branch since it
 * forked from REF) plus `git status --porcelain` (uncommitted and untracked files). `globalInputs`
 * are project-relative files every finding depends on; when one of them changed, `everything` says
 * which, and the caller checks the whole project.
 */
export function changedSince(root: string, ref: string, globalInputs: readonly string[]): ChangedScope {
  if (ref.startsWith('-')) throw new InputError(`--changed-since: "${ref}" is not a git ref`);
  const top = git(root, ['rev-parse', '--show-toplevel'], () => `--changed-since needs a git repository, and ${root} is not in one`).trim();
  git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], () => `--changed-since: unknown git ref "${ref}"`);
  // From the top level, so both commands print top-relative paths whatever diff.relative says.
  const committed = git(top, ['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`, '--'], (stderr) => `--changed-since ${ref}: git diff failed: ${firstLine(stderr)}`);
  const status = git(top, ['status', '--porcelain', '-z', '--no-renames', '--untracked-files=all'], (stderr) => `--changed-since: git status failed: ${firstLine(stderr)}`);
  const fromTop = [
    ...committed.split('\u0000').filter(Boolean),
    // Porcelain v1 entries are "XY path"; with --no-renames there is never a second path.
    ...status.split('\u0000').filter((entry) => entry.length > 3).map((entry) => entry.slice(3)),
  ];
  const realRoot = realpathSync(root);
  const files = new Set<string>();
  for (const path of fromTop) {
    const rel = projectRelative(realRoot, join(top, path));
    if (rel !== '' && !rel.startsWith('../') && rel !== '..' && !isAbsolute(rel)) files.add(rel);
  }
  const everything = globalInputs.find((file) => files.has(file)) ?? [...files].sort().find((file) => TSCONFIG.test(basename(file)));
  return { ref, files, everything };
}

function git(cwd: string, args: readonly string[], explain: (stderr: string) => string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') throw new InputError('--changed-since needs git, and it is not on the PATH');
    throw new InputError(explain(String(failure.stderr ?? '')));
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/**
 * The files a workspace's findings all depend on, relative to its root: the policy chain, and
 * package.json (or deno.json) when it gives the release. When one of them changed, `--changed-since` checks the
 * whole project (for a nested project: its whole subtree).
 */
function policyInputs(workspace: Workspace): string[] {
  const { loaded } = workspace;
  const inputs = loaded.sources.map((source) => projectRelative(loaded.root, source.file));
  inputs.push(...loaded.policy.releases.inputs);
  return inputs;
}

/**
 * The part of a run's changed files (relative to the top root) that concerns the project at
 * `prefix`: its files relative to its own root, and `everything` when its own policy inputs or a
 * tsconfig changed.
 */
export function changedScopeBelow(all: ChangedScope, workspace: Workspace, prefix: string): ChangedScope {
  const fromTop = (file: string) => posix.normalize(prefix === '' ? file : `${prefix}/${file}`);
  const own = policyInputs(workspace).find((file) => all.files.has(fromTop(file)));
  const files = prefix === '' ? all.files : new Set([...all.files].filter((file) => file.startsWith(`${prefix}/`)).map((file) => file.slice(prefix.length + 1)));
  const everything = own === undefined ? all.everything : fromTop(own);
  return { ref: all.ref, files, everything };
}
