/** What every check produces and every reporter consumes. */

type FindingSeverity = 'error' | 'warn';

export interface Finding {
  /** The check id, e.g. `no-preview-import`. */
  rule: string;
  severity: FindingSeverity;
  /** Relative to the project root, POSIX separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  message: string;
  /** The preview feature the finding is about, when there is one. */
  feature?: string;
  /** The import target (project-relative file or module specifier), for import findings. */
  target?: string;
  /**
   * Stable identity across line shifts (rule + file + normalized line text + occurrence), set by
   * the engine after all checks ran; used by baselines and SARIF. Not part of the JSON contract.
   */
  fingerprint?: string;
}

/** The four counts of the original JSON contract (the report's check section shows these). */
export interface CheckCounts {
  errors: number;
  warnings: number;
  /** Files analysed (a file reported by parse-error was looked at, so it counts). */
  files: number;
  /** Imports whose target could not be resolved. */
  unresolved: number;
}

/** Source files discovery listed that the run did not analyse, by reason (`total` is their sum). */
export interface SkippedCounts {
  total: number;
  /** Outside `files.include`. */
  notIncluded: number;
  /** Matched by `files.exclude`. */
  excluded: number;
  /** Vendored or minified code (`.yarn/`, `.pnp.*`, a line over 10,000 characters, 1 MB+ under `vendor/`). */
  vendored: number;
  /** Not under the paths given to `lifecycle check <paths…>`. */
  outsidePaths: number;
  /** Not changed since the `--changed-since` ref. */
  unchanged: number;
}

export interface CheckSummary extends CheckCounts {
  /** Imports whose target was found (a project file, a package, a Node.js builtin). */
  resolved: number;
  skipped: SkippedCounts;
  /** What discovery saw before `files.include`/`files.exclude`: files listed, source files among them, what .gitignore hid, directories it could not list. */
  discovered: { files: number; sourceFiles: number; gitignoredFiles: number; gitignoredDirectories: number; unreadableDirectories: number };
}

export interface UnresolvedImport {
  file: string;
  line: number;
  column: number;
  specifier: string;
  reason: string;
  /** Why (`--verbose` groups by it): see UnresolvedCause in src/imports/resolve.ts. */
  cause: string;
}

/** The tool that produced a result (SARIF's driver): feature-lifecycle's package name and version. */
export interface ToolInfo {
  name: string;
  version: string;
}

/** A check as reporters list it (SARIF's rule descriptors), from the catalogue. */
export interface CheckRuleInfo {
  id: string;
  description: string;
  defaultSeverity: 'error' | 'warn' | 'off';
}

/** The result of `lifecycle check`, the input of every check reporter. */
export interface CheckResult {
  version: 1;
  findings: Finding[];
  summary: CheckSummary;
  /** What produced it, and every check it knows (whether or not it reported), for SARIF. */
  tool: ToolInfo;
  rules: CheckRuleInfo[];
  /** Listed only with --verbose by the text reporters; never part of the JSON contract's findings. */
  unresolvedImports: UnresolvedImport[];
  /** Findings dropped because a --baseline file lists them (not counted in `summary`); not in the JSON contract. */
  baselined?: number;
}

/** Sort order of the output contract: file, line, column, rule (then message for stability). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareStrings(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

/** Locale-independent string order, so output is byte-identical on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
