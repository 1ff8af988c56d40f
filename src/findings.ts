/** What every check produces and every reporter consumes. */

export type FindingSeverity = 'error' | 'warn';

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

export interface CheckSummary {
  errors: number;
  warnings: number;
  /** Files analysed. */
  files: number;
  /** Imports whose target could not be resolved. */
  unresolved: number;
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

/** The result of `lifecycle check`, the input of every check reporter. */
export interface CheckResult {
  version: 1;
  findings: Finding[];
  summary: CheckSummary;
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
