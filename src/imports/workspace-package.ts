import { isAbsolute, join, relative } from 'node:path';
import type { PackageManifest } from '../workspace/packages.js';
import type { ModuleFormat } from './resolution.js';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const OUTPUT_DIRS = ['dist', 'lib', 'build', 'out', 'esm', 'cjs', 'dist/esm', 'dist/cjs', 'dist/types'];
const CONDITION_ORDER = ['source', 'types', 'typescript', 'import', 'require', 'node', 'module', 'default'];

interface WorkspaceLookup {
  packageDir: string;
  manifest: PackageManifest;
  /** `.` or `./sub/path`. */
  subpath: string;
  format: ModuleFormat;
  /**
   * The source file an output path (absolute) is built from, by the package's own tsconfig files
   * (rootDir/outDir/declarationDir, project references), and how that was decided.
   */
  sourceOfOutput(path: string): { file: string; how: string } | undefined;
  fileExists(path: string): boolean;
}

/**
 * Finds the source file a workspace package specifier means, whether or not the package was
 * built: follow `exports` (conditions, subpath patterns) or `types`/`main`, then map what they
 * name (often `dist/x.js`, `./index.d.ts`) back to a source file (`src/x.ts`): as the package's
 * tsconfig files say TypeScript emits it, and only failing that by the usual output folder names.
 */
export function resolveInWorkspacePackage(lookup: WorkspaceLookup): { file: string; how: string } | undefined {
  for (const target of entryTargets(lookup)) {
    const found = sourceFor(lookup, target);
    if (found) return { file: found.file, how: `${target} → ${relative(lookup.packageDir, found.file)}, ${found.how}` };
  }
  return undefined;
}

function entryTargets(lookup: WorkspaceLookup): string[] {
  const { manifest, subpath } = lookup;
  if (manifest.exports !== undefined && manifest.exports !== null) {
    const fromExports = exportsTargets(manifest.exports, subpath, lookup.format);
    if (fromExports.length > 0) return fromExports;
  }
  if (subpath === '.') {
    const fields = [manifest.types, manifest.typings, manifest.module, manifest.main].filter((value): value is string => typeof value === 'string');
    return [...fields, './index', './src/index'];
  }
  return [subpath, `./src/${subpath.slice(2)}`];
}

function exportsTargets(exportsField: unknown, subpath: string, format: ModuleFormat): string[] {
  const map = subpathMap(exportsField);
  if (!map) return [];
  const exact = map[subpath];
  if (exact !== undefined) return conditionTargets(exact, format);
  // Subpath patterns: "./features/*": "./dist/features/*.js"
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf('*');
    if (star < 0) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const middle = subpath.slice(prefix.length, subpath.length - suffix.length);
      return conditionTargets(value, format).map((target) => target.split('*').join(middle));
    }
  }
  return [];
}

/** `exports` is a string, a conditions object, or a map of subpaths. */
function subpathMap(exportsField: unknown): Record<string, unknown> | undefined {
  if (typeof exportsField === 'string' || Array.isArray(exportsField)) return { '.': exportsField };
  if (exportsField && typeof exportsField === 'object') {
    const keys = Object.keys(exportsField);
    return keys.some((key) => key.startsWith('.')) ? (exportsField as Record<string, unknown>) : { '.': exportsField };
  }
  return undefined;
}

function conditionTargets(value: unknown, format: ModuleFormat): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((item) => conditionTargets(item, format));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const order = format === 'cjs' ? ['source', 'types', 'typescript', 'require', 'node', 'import', 'module', 'default'] : CONDITION_ORDER;
  const keys = [...order.filter((key) => key in record), ...Object.keys(record).filter((key) => !order.includes(key))];
  return keys.flatMap((key) => conditionTargets(record[key], format));
}

function sourceFor(lookup: WorkspaceLookup, target: string): { file: string; how: string } | undefined {
  if (isAbsolute(target) || target.split('/').includes('..')) return undefined;
  const rel = target.replace(/^\.\//, '');
  // A source file named exactly (e.g. "exports": "./src/index.ts", "./Button.vue") wins.
  if (/\.(?:[mc]?tsx?|vue|svelte|astro)$/.test(rel) && !/\.d\.[mc]?ts$/.test(rel) && lookup.fileExists(join(lookup.packageDir, rel))) {
    return { file: join(lookup.packageDir, rel), how: 'a source file' };
  }
  const mapped = lookup.sourceOfOutput(join(lookup.packageDir, rel));
  if (mapped) return mapped;
  const stem = rel.replace(/\.d\.[mc]?ts$|\.[mc]?[jt]sx?$/, '');
  // Last resort, when no tsconfig of the package emits the path: the usual output folder names
  // mapped to src/ or the package root (dist/x → src/x), then the path as named, so a plain JS
  // package resolves to its own files.
  const guesses: { stem: string; how: string }[] = [];
  for (const outDir of OUTPUT_DIRS) {
    if (!stem.startsWith(`${outDir}/`)) continue;
    const rest = stem.slice(outDir.length + 1);
    guesses.push({ stem: `src/${rest}`, how: `guessed from folder names (${outDir}/ → src/): no tsconfig of the package emits it` });
    guesses.push({ stem: rest, how: `guessed from folder names (${outDir}/ → ./): no tsconfig of the package emits it` });
  }
  guesses.push({ stem, how: 'the file as named' });
  for (const guess of guesses) {
    for (const name of SOURCE_EXTENSIONS.flatMap((ext) => [`${guess.stem}${ext}`, `${guess.stem}/index${ext}`])) {
      const abs = join(lookup.packageDir, name);
      if (lookup.fileExists(abs)) return { file: abs, how: guess.how };
    }
  }
  return undefined;
}
