import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Directories never entered, whatever .gitignore says. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

export interface DiscoveryNote {
  /** Project-relative path the note is about. */
  path: string;
  message: string;
}

export interface Discovery {
  /** Every non-ignored file, project-relative POSIX paths, sorted. */
  files: string[];
  /** Things skipped for a reason the user should hear about (symlink loops, unreadable dirs). */
  notes: DiscoveryNote[];
  /** What .gitignore hid: files seen and ignored, and ignored directories (not entered, so their files are not counted). */
  gitignored: { files: number; directories: number };
  /** Directories that could not be listed (e.g. mode 000), project-relative, with the error code. */
  unreadableDirectories: { path: string; code: string }[];
  /**
   * Every directory the walk listed (project-relative, '' for the root), with its entries as read
   * and its mtime from just before: the resolver takes these listings instead of reading them
   * again, and a long-lived process tells by the mtime which directories changed since.
   */
  directories?: Map<string, DirectoryListing>;
}

export interface DirectoryListing {
  entries: readonly Dirent[];
  mtimeMs: number;
}

interface IgnoreLayer {
  /** Directory of the .gitignore, relative to root ('' for the root). */
  base: string;
  rules: Ignore;
}

/**
 * Lists the files under `root` the way git would see them: .gitignore files (nested ones too)
 * are honoured, .git and node_modules are skipped. Directory symlinks are followed once (a
 * directory reached twice, e.g. through a symlink loop, is skipped with a note); links that
 * point outside the root are not followed.
 */
export function discoverFiles(root: string, options: { deadline?: number } = {}): Discovery {
  const realRoot = realpathSync(root);
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const files: string[] = [];
  const notes: DiscoveryNote[] = [];
  const visited = new Set<string>([realRoot]);
  const gitignored = { files: 0, directories: 0 };
  const unreadableDirectories: Discovery['unreadableDirectories'] = [];
  const directories = new Map<string, DirectoryListing>();

  /** `dirReal`: the directory's real path (symlinks resolved), for telling loops apart. */
  const walk = (dirRel: string, dirReal: string, layers: IgnoreLayer[]): void => {
    if (performance.now() > deadline) throw new DiscoveryTimeout(directories.size, files.length);
    const dirAbs = dirRel === '' ? root : join(root, dirRel);
    let entries: Dirent[];
    try {
      const { mtimeMs } = statSync(dirAbs);
      entries = readdirSync(dirAbs, { withFileTypes: true });
      directories.set(dirRel, { entries, mtimeMs });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      notes.push({ path: dirRel || '.', message: `cannot read directory (${code})` });
      unreadableDirectories.push({ path: dirRel || '.', code });
      return;
    }
    const own = entries.some((entry) => entry.name === '.gitignore') ? readGitignore(dirAbs) : undefined;
    const active = own ? [...layers, { base: dirRel, rules: own }] : layers;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      // A plain directory inside a known real directory needs no realpath call of its own.
      let real = `${dirReal === '/' ? '' : dirReal}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        const target = followLink(join(root, rel), realRoot);
        if (target.kind === 'broken') notes.push({ path: rel, message: 'dangling or looping symlink; skipped' });
        if (!('real' in target)) continue; // outside the root, or broken
        isDir = target.kind === 'dir';
        isFile = target.kind === 'file';
        real = target.real;
      }
      if (isDir) {
        if (ALWAYS_SKIPPED.has(entry.name)) continue;
        if (isIgnored(active, rel, true)) {
          gitignored.directories += 1;
          continue;
        }
        if (visited.has(real)) {
          notes.push({ path: rel, message: 'directory already visited through a symlink; skipped' });
          continue;
        }
        visited.add(real);
        walk(rel, real, active);
      } else if (isFile) {
        if (isIgnored(active, rel, false)) gitignored.files += 1;
        else files.push(rel);
      }
    }
  };
  walk('', realRoot, []);
  files.sort();
  return { files, notes, gitignored, unreadableDirectories, directories };
}

/** The walk passed its deadline (a huge tree, or a slow network file system): what it had listed by then. */
export class DiscoveryTimeout extends Error {
  override readonly name = 'DiscoveryTimeout';
  constructor(
    readonly directories: number,
    readonly files: number,
  ) {
    super(`listing the project passed its time budget after ${directories} directories (${files} files)`);
  }
}

function readGitignore(dirAbs: string): Ignore | undefined {
  let text: string;
  try {
    text = readFileSync(join(dirAbs, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return ignore().add(text);
}

function isIgnored(layers: readonly IgnoreLayer[], rel: string, isDir: boolean): boolean {
  for (const layer of layers) {
    const local = layer.base === '' ? rel : rel.slice(layer.base.length + 1);
    if (local === '') continue;
    if (layer.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

type LinkTarget = { kind: 'dir' | 'file'; real: string } | { kind: 'outside' | 'broken' };

function followLink(abs: string, realRoot: string): LinkTarget {
  try {
    const real = realpathSync(abs);
    if (real !== realRoot && !real.startsWith(`${realRoot}/`)) return { kind: 'outside' };
    const stat = statSync(real);
    return { kind: stat.isDirectory() ? 'dir' : 'file', real };
  } catch {
    // ELOOP (a link to itself) or a dangling link.
    return { kind: 'broken' };
  }
}

/**
 * Whether git would ignore a project-relative path, by the .gitignore files of its directories
 * (read once per directory). For single files discovered later than the tree walk, e.g. a file
 * an editor asks ESLint to lint.
 */
export function createIgnoreChecker(root: string): (rel: string) => boolean {
  const byDir = new Map<string, Ignore | undefined>();
  const rulesOf = (dirRel: string): Ignore | undefined => {
    if (!byDir.has(dirRel)) byDir.set(dirRel, readGitignore(dirRel === '' ? root : join(root, dirRel)));
    return byDir.get(dirRel);
  };
  return (rel) => {
    const parts = rel.split('/');
    if (parts.slice(0, -1).some((part) => ALWAYS_SKIPPED.has(part))) return true;
    const layers: IgnoreLayer[] = [];
    for (let depth = 0; depth < parts.length; depth += 1) {
      const dirRel = parts.slice(0, depth).join('/');
      const rules = rulesOf(dirRel);
      if (rules) layers.push({ base: dirRel, rules });
      // A parent directory that is ignored hides everything below it.
      const path = parts.slice(0, depth + 1).join('/');
      if (isIgnored(layers, path, depth < parts.length - 1)) return true;
    }
    return false;
  };
}
