// Facts about one source file: its imports as written and as resolved, its class (zone,
// feature), its labelled texts and what stopped its analysis. Extractors (src/imports/,
// src/eslint/) produce them; checks consume them. This module imports only other facts.
import type { FollowedName, ImportBinding, LocalExport } from './declarations.js';

export type ImportForm =
  | 'import'
  | 'import-type'
  | 'side-effect'
  | 'export-from'
  | 'dynamic-import'
  | 'require'
  | 'import-equals'
  | 'type-query';

/** One import of a module, as written. */
export interface ImportSite {
  /** The module specifier; undefined for a dynamic import whose argument is not a literal. */
  specifier: string | undefined;
  form: ImportForm;
  /** True when only types cross the edge (erased at runtime). */
  typeOnly: boolean;
  /**
   * True when the import is type-only only because each specifier is marked `type`
   * (`import { type A } from`): with verbatimModuleSyntax the import itself stays at runtime.
   */
  typeOnlyBySpecifiers: boolean;
  /** Position of the specifier literal (or of the call, for non-literal imports), 1-based. */
  line: number;
  column: number;
  /** Lines of the whole statement, so a suppression above it covers a multi-line import. */
  statementStartLine: number;
  statementEndLine: number;
  /** The names it brings in (`import` with a clause, `import type`, `export … from`); absent for other forms. */
  bindings?: ImportBinding[];
}

/** A file that could not be analysed, or only partly (syntax error, binary, too large). */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export type LabelledTextKind = 'command-description' | 'option-description' | 'argument-description' | 'route-path';

/** A CLI help string or a route path, which must carry the preview label in preview code. */
export interface LabelledText {
  kind: LabelledTextKind;
  /** What the string is, for messages: `.description()`, `.option() description`, `app.get() path`. */
  where: string;
  text: string;
  line: number;
  column: number;
}

export type Zone = 'preview' | 'stable' | 'outside';

/** The part of a `preview.exceptions` entry a check needs (the policy's entries have this shape). */
interface ExceptionMatch {
  path: readonly string[];
  reason: string;
  features: readonly string[] | undefined;
}

export interface FileClass {
  zone: Zone;
  /**
   * The feature id, for preview files (also for folders of unregistered features); undefined
   * for a preview file that sits directly in the preview folder, outside any feature folder.
   */
  feature?: string;
  /** False when the feature id comes from a preview folder that no registry entry names. */
  registered?: boolean;
  /** True for files matched by preview.tests. */
  isTest?: boolean;
  /** What decided the zone, for `lifecycle explain`: a glob, a package, or a default. */
  matchedBy: string;
  /** For stable files: the exceptions whose path globs match (their feature lists may be limited). */
  exceptions?: ExceptionMatch[];
}

export type UnresolvedCause = 'missing-file' | 'missing-paths-target' | 'workspace-entry' | 'unknown-package' | 'not-installed' | 'computed';

/** Where an import leads, already classified. */
export type ImportTarget =
  | { kind: 'file'; file: string; class: FileClass }
  /** A package known by name only (not installed), classified through `features.<id>.packages`. */
  | { kind: 'package'; packageName: string; class: FileClass }
  | { kind: 'external' | 'builtin'; packageName: string }
  | { kind: 'unresolved'; cause: UnresolvedCause; reason: string; declared: boolean; packageName?: string };

export interface ImportFact {
  specifier: string | undefined;
  form: ImportForm;
  typeOnly: boolean;
  line: number;
  column: number;
  target: ImportTarget;
  /** How the target was found (for `lifecycle explain`). */
  via: string;
  /**
   * Its names followed to their declarations (src/extract/shared/follow-names.ts): only for a
   * project file that is not preview code, and only names that can lead to a preview declaration.
   */
  names?: FollowedName[];
}

export interface SourceFileFacts {
  file: string;
  class: FileClass;
  imports: ImportFact[];
  problem: FileProblem | undefined;
  /** CLI help strings and route paths; collected for preview files only. */
  labelledTexts?: LabelledText[];
  /**
   * Its own exported declarations, when its text may make one preview (a preview tag or an export
   * name pattern of the policy occurs in it): for preview-unregistered and the registry.
   */
  declarations?: LocalExport[];
}
