import { join } from 'node:path';
import { assembleFileFacts, extractionNeeds, skippedAsVendored } from '../extract/shared/file-facts.js';
import { extractImports } from '../extract/typescript/extract-imports.js';
import { namespaceUsesOf } from '../extract/typescript/namespace-uses.js';
import { bundledTypeScript } from '../ts.js';
import type { ExtractedImports } from '../extract/typescript/extracted-imports.js';
import { readSourceText } from './read-source.js';
import type { Workspace } from '../workspace/open-workspace.js';
import type { SourceFileFacts } from '../facts/source-file.js';
import type { SuppressionComment } from '../facts/suppressions.js';

export interface AnalyzedFile {
  facts: SourceFileFacts;
  suppressions: SuppressionComment[];
  /**
   * How the text was read: scanned, parsed in full (and why), not analysed (binary, too large,
   * unreadable: a parse-error), or skipped as vendored/minified code (no facts worth checking).
   */
  readBy: { kind: 'scan' } | { kind: 'parse'; because: string } | { kind: 'none' } | { kind: 'vendored'; reason: string };
}

interface AnalyzeOptions {
  /** Parse every file with TypeScript's parser (reports every syntax error; slower). */
  fullParse?: boolean;
}

/** The parse-error message of a file whose nesting exhausts the parser's stack (e.g. 700 nested brackets). */
const NESTED_TOO_DEEPLY = 'nested too deeply to parse (Maximum call stack size exceeded); not analysed';

/** A JavaScript stack overflow: the parsers and walkers recurse once per nesting level. */
function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('Maximum call stack size exceeded');
}

/**
 * Reads one source file, extracts its imports (and, in preview code, CLI help and routes) with the
 * TypeScript-side extractor, and assembles its facts in the workspace (resolved and classified
 * imports, suppressions): the same assembly as the ESLint rules' (src/extract/shared/file-facts.ts).
 */
export function analyzeFile(workspace: Workspace, file: string, options: AnalyzeOptions = {}): AnalyzedFile {
  const fileClass = workspace.classifier.classify(file);
  const notAnalysed = (message: string): AnalyzedFile => ({
    facts: { file, class: fileClass, imports: [], problem: { line: 1, column: 1, message } },
    suppressions: [],
    readBy: { kind: 'none' },
  });
  const read = readSourceText(join(workspace.root, file));
  if ('problem' in read) return notAnalysed(read.problem);
  const vendored = skippedAsVendored(file, read.text, workspace.loaded.policy.files.include);
  if (vendored !== undefined) {
    return { facts: { file, class: fileClass, imports: [], problem: undefined }, suppressions: [], readBy: { kind: 'vendored', reason: vendored } };
  }
  let extracted: ExtractedImports;
  try {
    extracted = extractImports(file, read.text, { labelledTexts: extractionNeeds(fileClass, read.text).labelledTexts, fullParse: options.fullParse ?? false });
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return notAnalysed(NESTED_TOO_DEEPLY);
  }
  const { syntaxError } = extracted;
  const problem = syntaxError ? { ...syntaxError, message: `syntax error: ${syntaxError.message} (imports before and after it were still checked)` } : undefined;
  const scriptText = extracted.scriptText ?? read.text;
  const following = {
    ts: bundledTypeScript(),
    revalidate: false,
    text: scriptText,
    // A component file's script blocks are read as TypeScript (the rest is blanked).
    namespaceUses: (locals: ReadonlySet<string>) => namespaceUsesOf(extracted.scriptText === undefined ? file : `${file}.ts`, scriptText, locals),
  };
  const { facts, suppressions } = assembleFileFacts(workspace, file, fileClass, { ...extracted, directiveText: scriptText }, problem, following);
  return { facts, suppressions, readBy: extracted.parsedBecause === undefined ? { kind: 'scan' } : { kind: 'parse', because: extracted.parsedBecause } };
}
