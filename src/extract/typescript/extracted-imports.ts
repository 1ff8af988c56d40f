import type { FileProblem, ImportSite, LabelledText } from '../../facts/source-file.js';

/** What the TypeScript-side extractor (scanner, parser fallback) finds in one file's text. */
export interface ExtractedImports {
  imports: ImportSite[];
  /**
   * [start, end) offsets of string, template and JSX text literals, so a suppression directive
   * written inside a string is not taken for a comment. Collected only when the text mentions one.
   */
  literalRanges: [number, number][];
  /** The first syntax error, if any (the rest of the file is still analysed). */
  syntaxError: FileProblem | undefined;
  /** CLI help texts and route paths (collected only when asked: for preview files). */
  labelledTexts: LabelledText[];
  /** Why the file was parsed in full rather than scanned (undefined: scanned). */
  parsedBecause?: string;
  /**
   * Component files (.vue, .svelte, .astro): the text with everything outside the script blocks
   * blanked (positions kept), where suppression comments are read.
   */
  scriptText?: string;
}

export interface ExtractOptions {
  /** Also collect CLI help strings and route paths (a deep walk of the whole file; implies a full parse). */
  labelledTexts?: boolean;
  /**
   * Parse every file with TypeScript's parser, so that every syntax error is reported. Without it,
   * files are read with the scanner (scan-imports.ts) and parsed only when the scan cannot be sure.
   */
  fullParse?: boolean;
}
