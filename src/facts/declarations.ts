// Facts about exported declarations and the names an import site brings in: per file its export
// table (read from the text by src/extract/shared/export-table.ts, the one reader both runners
// use), per import site the names imported as written (filled by each extractor), and where each
// name ends after following re-export chains (src/extract/shared/follow-names.ts). Whether a
// declaration is preview is not a fact: src/policy/preview-declarations.ts decides it from these.
// This module imports nothing.

/** One doc-comment tag as written: `@preview otlp` is `{ tag: '@preview', text: 'otlp' }`. */
export interface DocTagFact {
  tag: string;
  text: string;
}

export type DeclarationKind = 'function' | 'class' | 'variable' | 'type' | 'interface' | 'enum' | 'namespace' | 'expression';

/** A declaration of the file exported under `name` (`export function f`, `export { a as b }`, `export default …`). */
export interface LocalExport {
  kind: 'local';
  /** The exported name (`default` for a default export). */
  name: string;
  declarationKind: DeclarationKind;
  /** Position of the declaration's name (or of the export specifier / `export default`), 1-based. */
  line: number;
  column: number;
  /** Tags of the declaration's doc comments (and of the export statement's, for `export { a }`). */
  tags: DocTagFact[];
}

/** `export { x } from`, `export { x as y } from`, `export * as ns from` (imported `*`), or `import { x } from …; export { x }`. */
interface ReexportEntry {
  kind: 'reexport';
  /** The name it is exported under here. */
  name: string;
  /** The name in the module it comes from; `*` for the module's namespace (`export * as ns`, `import * as ns`). */
  imported: string;
  specifier: string;
  typeOnly: boolean;
  line: number;
  column: number;
}

/** `export * from 'x'`: every name of x but `default`, unless declared here or ambiguous. */
interface StarExport {
  kind: 'star';
  specifier: string;
  typeOnly: boolean;
  line: number;
  column: number;
}

export type ExportEntry = LocalExport | ReexportEntry | StarExport;

export interface ExportTable {
  entries: ExportEntry[];
  /** Set when the file exports in a way the table cannot list (`export =`, a syntax error): why. */
  unlisted?: string;
}

/** One name an import site brings in, as written. */
export interface ImportBinding {
  /** The name in the imported module: a name, `default`, or `*` (`import * as ns`, `export * as ns`, `export *`). */
  imported: string;
  /** The local name (for `export … from`: the name exported here); undefined for a bare `export *`. */
  local: string | undefined;
  /** Position of the specifier (`a as b`, `type A`, `* as ns`, the default binding), 1-based; for `export *`, of the module specifier. */
  line: number;
  column: number;
  typeOnly: boolean;
}

/** A use of a namespace binding: `api.x`, `api?.x`, `api['x']`, `api.X` in a type; or the binding used whole. */
export interface NamespaceUse {
  /** The local namespace binding. */
  namespace: string;
  /** The member named; undefined when the namespace object is used as a whole (passed on, spread, computed member). */
  member: string | undefined;
  line: number;
  column: number;
}

/** The class of the file a declaration is in (the part of a file class the decision reads). */
interface DeclaringFileClass {
  zone: 'preview' | 'stable' | 'outside';
  feature?: string;
  registered?: boolean;
}

/** Where a followed name ends. */
export interface DeclarationRef {
  file: string;
  /** The name it is exported under in its own file (what the decision reads). */
  name: string;
  /** `module` when the file's exports were not read (nothing in it can be preview by tag, see follow-names.ts). */
  declarationKind: DeclarationKind | 'module';
  line: number;
  column: number;
  tags: DocTagFact[];
  class: DeclaringFileClass;
}

/** One re-export a name passed through on its way to its declaration. */
export interface ChainLink {
  file: string;
  line: number;
  column: number;
  /** The name it was exported under there. */
  name: string;
}

/** Where one exported name of a module ends: a declaration, or why it could not be followed. */
export type NameEnd =
  | { declaration: DeclarationRef; chain: ChainLink[]; typeOnly: boolean }
  | { unresolved: string; chain: ChainLink[] };

/** A name an import site brings in (or a member of a namespace it brings in), followed to its declaration. */
export interface FollowedName {
  /** As written at the site: `createX`, `api.experimental_x`, `*` (every name of `export *`), `api` (a namespace used whole). */
  name: string;
  line: number;
  column: number;
  typeOnly: boolean;
  /** One end for a name; for `export *` and a namespace used whole, one per exported name of the module. */
  ends: NameEnd[];
}
