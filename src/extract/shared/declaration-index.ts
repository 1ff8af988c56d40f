import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TypeScript } from '../../ts.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import { nameMatches, type DeclarationPolicy } from '../../policy/preview-declarations.js';
import type { ChainLink, DeclarationRef, ExportTable, NameEnd } from '../../facts/declarations.js';
import { readExportTable } from './export-table.js';

/**
 * Export tables of the workspace's files, read on first need and kept per file (ESLint:
 * checked against the file's mtime), and the resolution of an exported name through re-export
 * chains to its declaration (ES rules: explicit exports before `export *`, `default` never
 * through `export *`, a name two `export *` give differently is ambiguous, cycles end).
 *
 * A file is read only when it can matter for a name: it is preview code, its text has an
 * `export {`/`export *` (a re-export may hide there) or a doc tag the policy knows, or the name
 * matches an export-name pattern. Otherwise the name ends in that file as a declaration of kind
 * `module`: nothing there can make it preview but the file's class, which the end carries.
 */
export class DeclarationIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly nameHits = new Map<string, boolean>();
  private readonly tagWords: string[];
  /** The fixed parts of each export-name pattern, grouped by the first characters of the first one. */
  private readonly patternGroups: Map<string, string[][]>;
  /** Bumped by forgetFileSystem: an entry is compared with the disk once per generation, not per use. */
  private generation = 0;

  constructor(
    private readonly workspace: Workspace,
    private readonly ts: TypeScript,
    private readonly revalidate: boolean,
  ) {
    const policy = workspace.loaded.policy.preview.declarations;
    this.tagWords = ['@preview', ...Object.keys(policy.tags)];
    const patternWords = [...policy.exportNames, ...policy.featureExports.flatMap((entry) => entry.names)].map(({ pattern }) =>
      pattern.split(/\*|\{feature\}/).filter((part) => part !== ''),
    );
    // A text without a group's prefix has none of its patterns' first parts: one search rules out
    // the group (`experimental_a_*`, `experimental_b_*`, ... share `experimenta`).
    this.patternGroups = new Map();
    for (const words of patternWords) {
      const key = words[0]?.slice(0, PREFIX_CHARS) ?? '';
      this.patternGroups.set(key, [...(this.patternGroups.get(key) ?? []), words]);
    }
  }

  /**
   * The disk may have changed (ESLint: a disk check is due, ./src/eslint/disk-check.ts): each kept
   * export table is compared with its file's mtime once more on its next use.
   */
  forgetFileSystem(): void {
    this.generation += 1;
  }

  private get policy(): DeclarationPolicy {
    return this.workspace.loaded.policy.preview.declarations;
  }

  /** Whether a text may declare a preview declaration by tag or name (so its own table is worth reading). */
  textMayDeclarePreview(text: string): boolean {
    if (this.tagWords.some((word) => text.includes(word))) return true;
    for (const [prefix, group] of this.patternGroups) {
      if (text.includes(prefix) && group.some((words) => words.every((word) => text.includes(word)))) return true;
    }
    return false;
  }

  /** Whether an exported name matches a `preview.exportNames` or `features.<id>.exports` pattern. */
  private nameMayBePreview(name: string): boolean {
    // A name without any group's prefix matches no pattern: a search or two instead of a map lookup
    // (which hashes each name string ESLint's parser made anew).
    let possible = false;
    for (const prefix of this.patternGroups.keys()) {
      if (name.includes(prefix)) {
        possible = true;
        break;
      }
    }
    if (!possible) return false;
    let hit = this.nameHits.get(name);
    if (hit === undefined) {
      const policy = this.policy;
      hit = policy.exportNames.some((pattern) => nameMatches(pattern, name)) || policy.featureExports.some((entry) => entry.names.some((pattern) => nameMatches(pattern, name)));
      this.nameHits.set(name, hit);
    }
    return hit;
  }

  /**
   * Whether following `name` into `file` can lead to a preview declaration (else it ends there, see
   * the class comment): the file is preview code or has a tag the policy knows, the name matches a
   * pattern, the file has a bare `export *` (the name may come through it), or the name is written
   * in one of its `export { … }` lists or `export * as` (a re-export, or a rename of a local).
   */
  mayMatter(file: string, name: string): boolean {
    const entry = this.entry(file);
    if (entry.preview) return true;
    const scan = this.scanOf(entry);
    return scan.hasTag || scan.starExport || scan.listed.has(name) || this.nameMayBePreview(name);
  }

  /**
   * Whether any name of the module can be preview (its `export *`, or a namespace of it, is then
   * followed): it is preview code, its text has a tag or an export-name pattern's fixed part, it has
   * an `export { … }` list of its own (which may rename an import), or a module it re-exports from
   * may matter. Read from the texts, without parsing; a cycle of re-exports adds nothing.
   */
  moduleMayMatter(file: string, visiting = new Set<string>()): boolean {
    const entry = this.entry(file);
    // The verdict depends on the files re-exported from too, whose texts may have changed since a
    // disk check even when this one did not: it holds for the generation it was reached in.
    if (entry.moduleMayMatter?.generation === this.generation) return entry.moduleMayMatter.value;
    if (visiting.has(file)) return false;
    visiting.add(file);
    let matters = this.scanOf(entry).hasTag || entry.preview || (entry.text !== undefined && this.textMayDeclarePreview(entry.text));
    const reexports = matters ? undefined : this.reexportScanOf(entry);
    if (reexports?.localList) matters = true;
    for (const specifier of reexports?.from ?? []) {
      if (matters) break;
      const target = this.follow(file, specifier, 1, 1);
      matters = target !== undefined && ('unresolved' in target || 'declaration' in target || this.moduleMayMatter(target.file, visiting));
    }
    visiting.delete(file);
    // Only a verdict reached outside a cycle is final (inside one, a module still open counted as false).
    if (matters || visiting.size === 0) entry.moduleMayMatter = { generation: this.generation, value: matters };
    return matters;
  }

  /** The export table of a project file (undefined: unreadable, or a file kind without one). */
  private table(file: string): ExportTable | undefined {
    const entry = this.entry(file);
    if (entry.text === undefined) return undefined;
    entry.table ??= readExportTable(this.ts, file, entry.text);
    return entry.table;
  }

  /**
   * The export table of the file being analysed, from the text the caller read: the table kept for
   * the file when it was read from the same text (as an import's target), else parsed.
   */
  tableOfText(file: string, text: string): ExportTable {
    const entry = this.files.get(file);
    if (entry?.text === text && (!this.revalidate || entry.checkedIn === this.generation)) {
      entry.table ??= readExportTable(this.ts, file, text);
      return entry.table;
    }
    return readExportTable(this.ts, file, text);
  }

  /** Where `name`, exported by `file`, ends; undefined when the module does not export it (or only through a cycle). */
  resolve(file: string, name: string, seen = new Set<string>(), throughStar = false): NameEnd | undefined {
    const key = `${file}\0${name}`;
    if (seen.has(key)) return undefined;
    seen.add(key);
    if (!throughStar && !this.mayMatter(file, name)) return { declaration: this.unread(file, name), chain: [], typeOnly: false };
    const table = this.table(file);
    if (!table) return throughStar ? undefined : { declaration: this.unread(file, name), chain: [], typeOnly: false };
    if (table.unlisted) return { unresolved: `${file} cannot be read for its exports: ${table.unlisted}`, chain: [] };
    const local = table.entries.find((entry) => entry.kind === 'local' && entry.name === name);
    if (local && local.kind === 'local') {
      return { declaration: { file, name, declarationKind: local.declarationKind, line: local.line, column: local.column, tags: local.tags, class: this.classOf(file) }, chain: [], typeOnly: false };
    }
    const reexport = table.entries.find((entry) => entry.kind === 'reexport' && entry.name === name);
    if (reexport && reexport.kind === 'reexport') {
      const link: ChainLink = { file, line: reexport.line, column: reexport.column, name };
      const target = this.follow(file, reexport.specifier, reexport.line, reexport.column);
      if (target === undefined) return { declaration: this.outside(reexport.specifier, reexport.imported), chain: [link], typeOnly: reexport.typeOnly };
      if ('unresolved' in target) return { unresolved: target.unresolved, chain: [link] };
      if ('declaration' in target) return { declaration: target.declaration, chain: [link], typeOnly: reexport.typeOnly };
      const end = reexport.imported === '*' ? { declaration: this.namespaceOf(target.file), chain: [], typeOnly: false } : this.resolve(target.file, reexport.imported, seen);
      if (end === undefined) return { unresolved: `${target.file} does not export "${reexport.imported}" (re-exported at ${file}:${reexport.line}:${reexport.column})`, chain: [link] };
      return withLink(end, link, reexport.typeOnly);
    }
    if (name === 'default') return undefined;
    const found: NameEnd[] = [];
    /** An `export *` of a package outside the project: a name found nowhere else may come from there. */
    let outside: NameEnd | undefined;
    for (const star of table.entries) {
      if (star.kind !== 'star') continue;
      const link: ChainLink = { file, line: star.line, column: star.column, name: '*' };
      const target = this.follow(file, star.specifier, star.line, star.column);
      if (target === undefined) {
        outside ??= { declaration: this.outside(star.specifier, name), chain: [link], typeOnly: star.typeOnly };
        continue;
      }
      if ('unresolved' in target) {
        found.push({ unresolved: target.unresolved, chain: [link] });
        continue;
      }
      if ('declaration' in target) continue; // a preview package's names are not listed
      const end = this.resolve(target.file, name, seen, true);
      if (end) found.push(withLink(end, link, star.typeOnly));
    }
    const unresolved = found.find((end) => 'unresolved' in end);
    if (unresolved) return unresolved;
    const distinct = new Map(found.map((end) => ['declaration' in end ? `${end.declaration.file}\0${end.declaration.name}` : '', end]));
    if (distinct.size > 1) {
      const places = [...distinct.values()].map((end) => ('declaration' in end ? end.declaration.file : '')).join(' and ');
      return { unresolved: `"${name}" is ambiguous in ${file}: two \`export *\` give it (${places}), so it is not exported`, chain: [] };
    }
    return found[0] ?? outside;
  }

  /**
   * Every name the module exports (`export *` expanded, `default` not through it), each followed to
   * its end. A whole module's names are kept until the next disk check (a barrel is imported
   * whole by many files); the answer depends on other files, so it is not kept across checks.
   */
  moduleNames(file: string, seenFiles?: Set<string>): ReadonlyMap<string, NameEnd> {
    if (seenFiles) return this.moduleNamesUncached(file, seenFiles);
    const entry = this.entry(file);
    if (entry.moduleNames?.generation !== this.generation) entry.moduleNames = { generation: this.generation, names: this.moduleNamesUncached(file, new Set()) };
    return entry.moduleNames.names;
  }

  private moduleNamesUncached(file: string, seenFiles: Set<string>): Map<string, NameEnd> {
    const names = new Map<string, NameEnd>();
    if (seenFiles.has(file)) return names;
    seenFiles.add(file);
    const table = this.table(file);
    if (!table) return names;
    if (table.unlisted) return new Map([['*', { unresolved: `${file} cannot be read for its exports: ${table.unlisted}`, chain: [] }]]);
    for (const entry of table.entries) {
      if (entry.kind === 'star') {
        const target = this.follow(file, entry.specifier, entry.line, entry.column);
        if (target === undefined || 'declaration' in target) continue;
        if ('unresolved' in target) {
          names.set(`* ${entry.specifier}`, { unresolved: target.unresolved, chain: [] });
          continue;
        }
        for (const name of this.moduleNames(target.file, seenFiles).keys()) {
          if (name !== 'default' && !names.has(name)) names.set(name, this.resolve(file, name) ?? { unresolved: `"${name}" is not exported by ${file}`, chain: [] });
        }
      } else if (!names.has(entry.name)) {
        names.set(entry.name, this.resolve(file, entry.name, new Set(), true) ?? { unresolved: `"${entry.name}" is not exported by ${file}`, chain: [] });
      }
    }
    return names;
  }

  /** The declaration a namespace (`export * as ns`, `import * as ns`) stands for: the module itself. */
  private namespaceOf(file: string): DeclarationRef {
    return { file, name: '*', declarationKind: 'namespace', line: 1, column: 1, tags: [], class: this.classOf(file) };
  }

  /** Where a re-export's module specifier leads: a project file, a preview package, why not, or undefined (outside the project). */
  private follow(file: string, specifier: string, line: number, column: number): { file: string } | { declaration: DeclarationRef } | { unresolved: string } | undefined {
    const resolver = this.workspace.resolver;
    const resolution = resolver.resolve(specifier, file, resolver.formatOf(file));
    if (resolution.kind === 'file') return { file: resolution.file };
    const feature = resolution.packageName ? this.workspace.classifier.featureOfPackage(resolution.packageName) : undefined;
    if (feature && resolution.packageName) {
      const zone = feature.status === 'preview' || feature.status === 'removed' ? 'preview' : 'stable';
      return { declaration: { file: resolution.packageName, name: '*', declarationKind: 'module', line: 1, column: 1, tags: [], class: { zone, feature: feature.id, registered: true } } };
    }
    if (resolution.kind === 'unresolved' && !resolution.declared) return { unresolved: `cannot resolve "${specifier}" at ${file}:${line}:${column}: ${resolution.reason}` };
    return undefined;
  }

  /** A declaration of a package outside the project (node_modules, a builtin): not judged (its zone is `outside`). */
  private outside(specifier: string, name: string): DeclarationRef {
    return { file: specifier, name, declarationKind: 'module', line: 1, column: 1, tags: [], class: { zone: 'outside' } };
  }

  private unread(file: string, name: string): DeclarationRef {
    return { file, name, declarationKind: 'module', line: 1, column: 1, tags: [], class: this.classOf(file) };
  }

  private classOf(file: string): DeclarationRef['class'] {
    const { zone, feature, registered } = this.workspace.classifyTarget(file);
    return { zone, ...(feature === undefined ? {} : { feature }), ...(registered === undefined ? {} : { registered }) };
  }

  private entry(file: string): FileEntry {
    let entry = this.files.get(file);
    if (entry && this.revalidate && entry.checkedIn !== this.generation) {
      if (mtimeOf(join(this.workspace.root, file)) === entry.mtimeMs) entry.checkedIn = this.generation;
      else entry = undefined;
    }
    if (!entry) {
      entry = this.readEntry(file, join(this.workspace.root, file));
      this.files.set(file, entry);
    }
    return entry;
  }

  private readEntry(file: string, abs: string): FileEntry {
    // Component files and assets have no export table to read here.
    if (!CODE_FILE.test(file)) {
      const preview = this.workspace.classifyTarget(file).zone === 'preview';
      return { mtimeMs: mtimeOf(abs), checkedIn: this.generation, text: undefined, preview };
    }
    const read = readTextAndMtime(abs);
    return this.entryOfText(file, read?.text, this.revalidate ? (read?.mtimeMs ?? -1) : 0);
  }

  /** An entry from a file's text (undefined: unreadable). */
  private entryOfText(file: string, text: string | undefined, mtimeMs: number): FileEntry {
    return { mtimeMs, checkedIn: this.generation, text, preview: this.workspace.classifyTarget(file).zone === 'preview' };
  }

  /** What the entry's text shows without parsing, read on first need. */
  private scanOf(entry: FileEntry): TextScan {
    if (entry.scan) return entry.scan;
    const text = entry.text;
    const exports = text !== undefined && text.includes('export');
    entry.scan = {
      starExport: exports && STAR_EXPORT.test(text),
      listed: exports ? listedNames(text) : NO_NAMES,
      hasTag: text !== undefined && this.tagWords.some((word) => text.includes(word)),
    };
    return entry.scan;
  }

  /** The entry's re-exports as its text shows them, read on first need (moduleMayMatter only: mayMatter does without). */
  private reexportScanOf(entry: FileEntry): ReexportScan {
    if (entry.reexports) return entry.reexports;
    const text = entry.text;
    const exports = text !== undefined && text.includes('export');
    entry.reexports = {
      localList: exports && LOCAL_EXPORT_LIST.test(text),
      from: exports ? [...text.matchAll(REEXPORT_FROM)].map((match) => match[2]!) : [],
    };
    return entry.reexports;
  }
}

const CODE_FILE = /\.(?:[mc]?[jt]sx?)$/;

interface FileEntry {
  /** -1: unreadable; 0: not compared (a run that does not revalidate). */
  mtimeMs: number;
  /** The generation in which mtimeMs was last compared with the disk. */
  checkedIn: number;
  text: string | undefined;
  /** The file is preview code. */
  preview: boolean;
  scan?: TextScan;
  reexports?: ReexportScan;
  /** moduleMayMatter(file), in the generation it was reached in. */
  moduleMayMatter?: { generation: number; value: boolean };
  /** moduleNames(file), in the generation it was computed in. */
  moduleNames?: { generation: number; names: ReadonlyMap<string, NameEnd> };
  table?: ExportTable;
}

/** What a file's text shows without parsing (regular expressions: supersets of what the table would say). */
interface TextScan {
  /** A bare `export * from` occurs: any name may come through it. */
  starExport: boolean;
  /** The names written in `export { … }` lists and after `export * as` (both sides of `as`). */
  listed: ReadonlySet<string>;
  /** A doc tag the policy knows is written somewhere. */
  hasTag: boolean;
}

/** What a file's text shows of its re-exports without parsing (supersets, as TextScan's). */
interface ReexportScan {
  /** An `export { … }` list without `from` occurs (it may re-export an imported binding). */
  localList: boolean;
  /** The module specifiers of its `export … from` statements. */
  from: string[];
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** How many leading characters of a pattern's first fixed part group it with others. */
const PREFIX_CHARS = 11;
const STAR_EXPORT = /\bexport\s*(?:type\s*)?\*\s*from\b/;
const EXPORT_LIST = /\bexport\s*(?:type\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+|'[^']*'|"[^"]*"))/g;
const LOCAL_EXPORT_LIST = /\bexport\s*(?:type\s*)?\{[^}]*\}(?!\s*from\b)/;
const REEXPORT_FROM = /\bexport\s*(?:type\s*)?(?:\*(?:\s*as\s+(?:[\w$]+|'[^']*'|"[^"]*"))?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g;
const LISTED_NAME = /[\w$]+|'[^']*'|"[^"]*"/g;

/**
 * The names an `export { … }` list or `export * as` of the text writes, read with a regular
 * expression (a superset: words in comments inside a list count too, which only costs a read).
 */
function listedNames(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('export')) return names;
  for (const match of text.matchAll(EXPORT_LIST)) {
    for (const word of (match[1] ?? match[2] ?? '').match(LISTED_NAME) ?? []) names.add(/^['"]/.test(word) ? word.slice(1, -1) : word);
  }
  return names;
}

/** A file's text and mtime from one open (a stat by path on top of a read costs a second lookup, measured). */
function readTextAndMtime(abs: string): { text: string; mtimeMs: number } | undefined {
  let fd: number;
  try {
    // Non-blocking: opening a FIFO for reading would wait for a writer (it is then not read: not a file).
    fd = openSync(abs, constants.O_NONBLOCK === undefined ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    let buffer = Buffer.allocUnsafe(Math.max(stat.size, 0) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      // Exactly the size fstat gave, in a buffer one byte larger: the end (no extra read to see 0).
      // A short read before that size (an interrupted read, some FUSE mounts) reads on.
      if (n === 0 || length === stat.size) break;
    }
    return { text: buffer.toString('utf8', 0, length), mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function mtimeOf(abs: string): number {
  try {
    return statSync(abs).mtimeMs;
  } catch {
    return -1;
  }
}

function withLink(end: NameEnd, link: ChainLink, typeOnly: boolean): NameEnd {
  if ('unresolved' in end) return { unresolved: end.unresolved, chain: [link, ...end.chain] };
  return { declaration: end.declaration, chain: [link, ...end.chain], typeOnly: end.typeOnly || typeOnly };
}

const indexes = new WeakMap<Workspace, DeclarationIndex>();

/** Tells the workspace's export tables, if any were read, that the disk may have changed. */
export function forgetDeclarationFiles(workspace: Workspace): void {
  indexes.get(workspace)?.forgetFileSystem();
}

/** The index of a workspace (one per workspace object: a run of `lifecycle check`, or an editor's workspace until it is rebuilt). */
export function declarationIndexOf(workspace: Workspace, ts: TypeScript, revalidate: boolean): DeclarationIndex {
  let index = indexes.get(workspace);
  if (!index) {
    index = new DeclarationIndex(workspace, ts, revalidate);
    indexes.set(workspace, index);
  }
  return index;
}
