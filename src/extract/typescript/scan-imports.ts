import { bundledTypeScript, type TS, type TypeScript } from '../../ts.js';
import type { ExtractedImports } from './extracted-imports.js';
import { tokenKinds, type Kinds } from './scan-tokens.js';
import { readImportTokens } from './token-reader.js';

/**
 * The fast path of import extraction: one pass of TypeScript's scanner over the file's tokens,
 * no syntax tree. It recognises the import forms written the usual way and gives up (returns
 * undefined, so the caller parses the file in full) on anything it cannot read with certainty:
 * a lexical error, unbalanced brackets, JSX, an `import(` whose position (type or expression)
 * the previous token does not tell, an import or export declaration inside a block
 * (`declare module 'x' { … }`, namespaces), unusual `type` modifiers. What it returns equals what
 * the full parse would (a differential test runs both over every fixture and the bench repos).
 *
 * Regular expressions are told from divisions by the previous token, as parsers without a tree do;
 * a wrong guess turns a regex body into tokens, which ends in a lexical error or unbalanced
 * brackets in practice, and so in a full parse.
 */

let ts: TypeScript;
let K: Kinds;
let scanner: TS.Scanner;
let fallbackReason: string | undefined;

/** Extensions the scanner reads; JSX needs the parser (`</p>` is not a regex). */
const SCANNABLE = /\.(?:[mc]?ts|[mc]?js)$/;

export function scanImports(fileName: string, text: string, directive: string): ExtractedImports | undefined {
  fallbackReason = undefined;
  if (!SCANNABLE.test(fileName)) {
    fallbackReason = 'JSX file';
    return undefined;
  }
  // JavaScript files may contain JSX, which TypeScript parses in .js files too.
  if (/\.[mc]?js$/.test(fileName) && (text.includes('</') || text.includes('/>'))) {
    fallbackReason = 'JavaScript that may contain JSX';
    return undefined;
  }
  if (!ts) {
    ts = bundledTypeScript();
    K = tokenKinds(ts.SyntaxKind);
    scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  }
  scanner.setText(text);
  try {
    const reading = readImportTokens(scanner, K, text, text.includes(directive));
    if ('fallback' in reading) {
      fallbackReason = reading.fallback;
      return undefined;
    }
    return { imports: reading.imports, literalRanges: reading.literalRanges, syntaxError: undefined, labelledTexts: [] };
  } finally {
    scanner.setText('');
  }
}

/** Why the last scanImports call returned undefined (for --verbose statistics and tests). */
export function lastScanFallbackReason(): string | undefined {
  return fallbackReason;
}

