// Facts about suppression directives: where each `lifecycle-disable-next-line` comment is, what
// it names, and (once the other checks have run) whether it suppressed a finding. Extractors find
// the directives; the engine and the ESLint rules apply them; the `suppression-comment` check
// judges them. This module imports nothing.

/** `// lifecycle-disable-next-line <id>[, <id>…] -- <reason>` as written in a file. */
export interface SuppressionComment {
  line: number;
  column: number;
  rules: string[];
  reason: string | undefined;
  /** The last line it covers: the next line, or the end of the statement that starts there. */
  coversUntilLine: number;
}

/** One directive of one file, and whether it suppressed at least one finding. */
export interface SuppressionUse {
  file: string;
  directive: SuppressionComment;
  used: boolean;
}
