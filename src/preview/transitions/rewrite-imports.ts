import { posix } from 'node:path';
import type { ImportFact } from '../../facts/source-file.js';
import { offsetOf, type TextEdit } from './text-edits.js';

/** A folder that moves as a whole: `src/preview/fwaas` → `src/fwaas`. */
export interface FolderMove {
  from: string;
  to: string;
}

/** An import the rewritten tree must resolve to `target` (checked once the files are in place). */
export interface ExpectedImport {
  importer: string;
  specifier: string;
  target: string;
  format: 'esm' | 'cjs';
}

interface ImportRewrites {
  edits: TextEdit[];
  expected: ExpectedImport[];
  /** References that could not be rewritten safely: a person must look at them. */
  manual: string[];
}

/** An import as the rewriter needs it: a specifier at a position, resolved to a project file (or not). */
export type ReferenceSite = Pick<ImportFact, 'specifier' | 'form' | 'line' | 'column'> & { target: string | undefined };

/**
 * The edits that keep every reference of one file pointing at the same file after the moves:
 * relative specifiers are recomputed from the file's new place, in the convention they were
 * written in (`.js`, `.ts`, no extension, a folder for its index); a bare specifier (a tsconfig
 * alias, a workspace package subpath) has the moved folder's segments replaced. `moves` maps
 * today's path of every moved file to its new one.
 */
export function rewriteReferences(importer: string, text: string, sites: readonly ReferenceSite[], moves: ReadonlyMap<string, string>, folders: readonly FolderMove[]): ImportRewrites {
  const result: ImportRewrites = { edits: [], expected: [], manual: [] };
  const newImporter = moves.get(importer) ?? importer;
  for (const site of sites) {
    if (site.specifier === undefined || site.target === undefined) continue;
    const targetMoves = moves.has(site.target);
    if (!targetMoves && newImporter === importer) continue;
    const newTarget = moves.get(site.target) ?? site.target;
    const format = site.form === 'require' || site.form === 'import-equals' ? 'cjs' : 'esm';
    const relative = site.specifier.startsWith('./') || site.specifier.startsWith('../') || site.specifier === '.' || site.specifier === '..';
    let specifier: string | undefined = site.specifier;
    if (relative) specifier = relativeSpecifier(site.specifier, importer, site.target, newImporter, newTarget);
    else if (targetMoves) specifier = bareSpecifier(site.specifier, site.target, folders);
    const where = `${importer}:${site.line}:${site.column}`;
    if (specifier === undefined) {
      result.manual.push(`${where}: rewrite "${site.specifier}" by hand: it should lead to ${newTarget}`);
      continue;
    }
    result.expected.push({ importer: newImporter, specifier, target: newTarget, format });
    if (specifier === site.specifier) continue;
    const offset = literalOffset(text, site.line, site.column, site.specifier);
    if (offset === undefined) {
      result.manual.push(`${where}: rewrite "${site.specifier}" to "${specifier}" by hand (the literal is not where the scan put it)`);
      continue;
    }
    result.edits.push({ offset, length: site.specifier.length, text: specifier });
  }
  return result;
}

/** Where the specifier's characters start: the position is the literal's opening quote (or its first character). */
function literalOffset(text: string, line: number, column: number, specifier: string): number | undefined {
  const at = offsetOf(text, line, column);
  if (/['"`]/.test(text[at] ?? '') && text.startsWith(specifier, at + 1)) return at + 1;
  if (text.startsWith(specifier, at)) return at;
  return undefined;
}

/**
 * The relative specifier from `newImporter` to `newTarget` written the way `specifier` was:
 * undefined when the old one does not read as one of the conventions (a person decides).
 */
export function relativeSpecifier(specifier: string, importer: string, target: string, newImporter: string, newTarget: string): string | undefined {
  const written = posix.normalize(posix.join(posix.dirname(importer), specifier)).replace(/\/$/, '');
  const style = writingStyle(written, target);
  if (!style) return undefined;
  let path = posix.relative(posix.dirname(newImporter), style(newTarget));
  if (path === '') path = '.';
  else if (!path.startsWith('.')) path = `./${path}`;
  else if (!path.startsWith('../') && path !== '..') path = `./${path}`;
  return specifier.endsWith('/') && !path.endsWith('/') ? `${path}/` : path;
}

/** How a specifier names its file: the file itself, without its extension, with the output extension, or its folder (an index). */
function writingStyle(written: string, target: string): ((path: string) => string) | undefined {
  const extension = posix.extname(target);
  const stem = target.slice(0, target.length - extension.length);
  const stemOf = (path: string) => path.slice(0, path.length - posix.extname(path).length);
  if (written === target) return (path) => path;
  if (written === stem) return stemOf;
  const rest = written.startsWith(`${stem}.`) ? written.slice(stem.length) : undefined;
  if (rest !== undefined && !rest.includes('/')) return (path) => `${stemOf(path)}${rest}`;
  if (posix.basename(stem) === 'index' && written === posix.dirname(target)) return (path) => posix.dirname(path);
  return undefined;
}

/**
 * A bare specifier (`@app/preview/fwaas/rules`, `@acme/app/src/preview/fwaas/x.js`) with the
 * moved folder's own segments (`preview/fwaas`) replaced by the new ones (`fwaas`). Unchanged when
 * the specifier does not spell them (an alias or an `exports` entry that names the folder, which
 * is rewritten where it is declared); undefined when the folder moved to a different parent.
 */
function bareSpecifier(specifier: string, target: string, folders: readonly FolderMove[]): string | undefined {
  const folder = folders.find((candidate) => target.startsWith(`${candidate.from}/`));
  if (!folder) return specifier;
  const from = folder.from.split('/');
  const to = folder.to.split('/');
  let common = 0;
  while (common < from.length - 1 && common < to.length - 1 && from[common] === to[common]) common += 1;
  const oldTail = from.slice(common);
  const newTail = to.slice(common);
  const segments = specifier.split('/');
  for (let index = segments.length - oldTail.length; index >= 0; index -= 1) {
    if (oldTail.every((segment, offset) => segments[index + offset] === segment)) {
      return [...segments.slice(0, index), ...newTail, ...segments.slice(index + oldTail.length)].join('/');
    }
  }
  return specifier;
}

/** `vi.mock('…')`, `jest.mock('…')` and their kin in tests: string paths the import scan does not see. */
const MOCK_CALL = /\b(?:vi|jest)\s*\.\s*(?:mock|doMock|unmock|doUnmock|requireActual|importActual|requireMock|importMock)\s*\(\s*(['"])([^'"\n]+)\1/g;

/** The mock calls of a file as reference sites (unresolved: the caller resolves them). */
export function mockCallSites(text: string): { specifier: string; line: number; column: number }[] {
  const sites: { specifier: string; line: number; column: number }[] = [];
  for (const match of text.matchAll(MOCK_CALL)) {
    const quote = match.index + match[0].length - match[2]!.length - 2;
    const before = text.slice(0, quote);
    const line = before.split('\n').length;
    sites.push({ specifier: match[2]!, line, column: quote - (before.lastIndexOf('\n') + 1) + 1 });
  }
  return sites;
}
