import { posix } from 'node:path';
import { bundledTypeScript, type TS } from '../ts.js';
import { NOTHING_DETECTED, type Detection, type DetectedFeature } from './detection.js';
import { PREVIEW_NAME_PREFIXES } from './preview-words.js';
import { packageOf, type RepositoryScan } from './scan.js';

const SCRIPT = /\.[mc]?[jt]sx?$/;
/** A test's stem, Deno style: `cache_test` → `cache`. */
const TEST_STEM = /^(.+)_(?:test|spec)$/;
/** Export names the advice lists by name; the rest are counted. */
const MAX_LISTED = 10;

/**
 * Files and exports whose names say they are not stable yet (`experimental_*`, `unstable_*`).
 * Files: in a workspace package, a feature per package (`packages/{feature}/**‍/unstable_*`, as
 * Deno libraries do it); elsewhere, a feature per file (`src/unstable_{feature}.*`). Exports are
 * advice only (the `preview.exportNames` to write, and the features to register). Files under
 * `skipDirs` (already a feature's) are not looked at.
 */
export function detectPreviewNames(scan: RepositoryScan, skipDirs: readonly string[]): Detection {
  const files = scan.sourceFiles.filter((file) => !skipDirs.some((dir) => file.startsWith(`${dir}/`)));
  const code = new Set<string>();
  const features = new Map<string, DetectedFeature & { files: string[] }>();
  for (const file of files) {
    const name = posix.basename(file);
    const prefix = PREVIEW_NAME_PREFIXES.find((candidate) => name.startsWith(candidate));
    const stem = prefix ? name.slice(prefix.length).split('.')[0]! : '';
    if (!prefix || stem === '') continue;
    const word = prefix.slice(0, -1);
    const pkg = packageOf(scan, file);
    const parent = pkg ? posix.dirname(pkg.dir) : posix.dirname(file);
    // A Deno-style test (unstable_cache_test.ts) is the feature's, not one of its own: the glob binds
    // it to "cache_test", so the feature's paths name it.
    const tested = TEST_STEM.exec(stem);
    const id = pkg ? posix.basename(pkg.dir) : (tested?.[1] ?? stem);
    code.add(pkg ? `${parent === '.' ? '' : `${parent}/`}{feature}/**/${prefix}*` : `${parent === '.' ? '' : `${parent}/`}${prefix}{feature}.*`);
    const seen = features.get(id) ?? { id, title: pkg ? `${word} APIs of ${pkg.name} (${prefix}*)` : `${prefix}${id}`, where: pkg ? pkg.dir : file, why: '', kind: pkg ? 'package' : 'file', word, files: [] };
    seen.files.push(name);
    if (tested && !pkg) seen.paths = [...(seen.paths ?? []), file];
    seen.why = pkg ? `files named ${prefix}* in package ${pkg.name}: ${seen.files.join(', ')}` : `${seen.files.length === 1 ? 'a file' : 'files'} named ${prefix}*${seen.files.length === 1 ? '' : `: ${seen.files.join(', ')}`}`;
    features.set(id, seen);
  }
  const exports = previewExports(scan, files);
  return {
    ...NOTHING_DETECTED,
    features: [...features.values()].map(({ files: _files, ...feature }) => feature),
    code: [...code].sort(),
    notes: exports.length === 0 ? [] : [exportAdvice(exports)],
  };
}

/**
 * Advice, not policy: the exports named like preview code in stable files, the `preview.exportNames`
 * patterns that would make them preview declarations, and the feature ids those patterns bind.
 */
function exportAdvice(exports: readonly { name: string; file: string }[]): string {
  const listed = exports.slice(0, MAX_LISTED).map(({ name, file }) => `${name} (${file})`).join(', ');
  const more = exports.length > MAX_LISTED ? ` and ${exports.length - MAX_LISTED} more` : '';
  const prefixes = PREVIEW_NAME_PREFIXES.filter((prefix) => exports.some(({ name }) => name.startsWith(prefix)));
  const patterns = prefixes.map((prefix) => `"${prefix}{feature}"`).join(', ');
  // {feature} binds letters, digits and $ up to the next _ (src/policy/preview-declarations.ts).
  const ids = [...new Set(exports.map(({ name }) => /^[A-Za-z0-9$]*/.exec(name.slice(name.indexOf('_') + 1))![0]).filter((id) => id !== ''))].sort();
  return `advice: exports named like preview code in stable files: ${listed}${more}; to make them preview declarations, add preview.exportNames: [${patterns}] and register the features the names bind (${ids.join(', ')}), or move them into a preview folder or file`;
}

/** Each exported declaration or export specifier named experimental_* / unstable_*, with its file. */
function previewExports(scan: RepositoryScan, files: readonly string[]): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  let ts: ReturnType<typeof bundledTypeScript> | undefined;
  for (const file of files) {
    if (!SCRIPT.test(file) || PREVIEW_NAME_PREFIXES.some((prefix) => posix.basename(file).startsWith(prefix))) continue;
    const text = scan.text(file);
    if (!PREVIEW_NAME_PREFIXES.some((prefix) => text.includes(prefix))) continue;
    ts ??= bundledTypeScript();
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
    for (const name of exportedNames(ts, source)) {
      if (PREVIEW_NAME_PREFIXES.some((prefix) => name.startsWith(prefix))) found.push({ name, file });
    }
  }
  return found;
}

function exportedNames(ts: ReturnType<typeof bundledTypeScript>, source: TS.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
      continue;
    }
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as TS.Node)) {
      names.push((statement.name as TS.Identifier).text);
    }
  }
  return names;
}
