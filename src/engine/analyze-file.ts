import { join } from 'node:path';
import { extractImports } from '../imports/extract.js';
import { resolveImportSites, statementEnds } from './resolve-sites.js';
import { readSourceText } from './read-source.js';
import type { SuppressionComment } from '../facts/suppressions.js';
import { findSuppressions } from './suppressions.js';
import { includedExplicitly, vendoredByContent } from '../workspace/vendored.js';
import type { Workspace } from './workspace.js';
import type { FileProblem, ImportSite, LabelledText, SourceFileFacts } from '../facts/source-file.js';

export interface AnalyzedFile {
  facts: SourceFileFacts;
  suppressions: SuppressionComment[];
  /**
   * How the text was read: scanned, parsed in full (and why), not analysed (binary, too large,
   * unreadable: a parse-error), or skipped as vendored/minified code (no facts worth checking).
   */
  readBy: { kind: 'scan' } | { kind: 'parse'; because: string } | { kind: 'none' } | { kind: 'vendored'; reason: string };
}

/**
 * What can be learnt from one file's text alone (no workspace): read, parse, extract.
 * Plain data, so a worker thread can prepare files and hand them back.
 */
export interface PreparedFile {
  file: string;
  /** Why the file could not be read as source (binary, too large, unreadable). */
  unreadable?: string;
  /** Why the file was not analysed as vendored or minified code (its content says so). */
  vendored?: string;
  imports: ImportSite[];
  labelledTexts: LabelledText[];
  syntaxError: FileProblem | undefined;
  suppressions: SuppressionComment[];
  /** Why the file was parsed in full instead of scanned (undefined: scanned, or not readable). */
  parsedBecause?: string;
}

export interface AnalyzeOptions {
  /** Parse every file with TypeScript's parser (reports every syntax error; slower). */
  fullParse?: boolean;
  /** `files.include`: a glob naming a minified or vendored file explicitly has it analysed anyway. */
  include?: readonly string[] | undefined;
}

/** Reads and extracts one file; `labelledTexts` also collects CLI help and routes (preview files). */
export function prepareFile(root: string, file: string, labelledTexts: boolean, options: AnalyzeOptions = {}): PreparedFile {
  const read = readSourceText(join(root, file));
  if ('problem' in read) return { file, unreadable: read.problem, imports: [], labelledTexts: [], syntaxError: undefined, suppressions: [] };
  const vendored = vendoredByContent(file, read.text);
  if (vendored && !includedExplicitly(file, vendored, options.include)) {
    return { file, vendored: vendored.reason, imports: [], labelledTexts: [], syntaxError: undefined, suppressions: [] };
  }
  let extracted: ReturnType<typeof extractImports>;
  try {
    extracted = extractImports(file, read.text, { labelledTexts, fullParse: options.fullParse ?? false });
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    return { file, unreadable: NESTED_TOO_DEEPLY, imports: [], labelledTexts: [], syntaxError: undefined, suppressions: [] };
  }
  return {
    file,
    imports: extracted.imports,
    labelledTexts: extracted.labelledTexts,
    syntaxError: extracted.syntaxError,
    suppressions: findSuppressions(extracted.scriptText ?? read.text, statementEnds(extracted.imports), extracted.literalRanges),
    ...(extracted.parsedBecause === undefined ? {} : { parsedBecause: extracted.parsedBecause }),
  };
}

/** The parse-error message of a file whose nesting exhausts the parser's stack (e.g. 700 nested brackets). */
export const NESTED_TOO_DEEPLY = 'nested too deeply to parse (Maximum call stack size exceeded); not analysed';

/** A JavaScript stack overflow: the parsers and walkers recurse once per nesting level. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && error.message.includes('Maximum call stack size exceeded');
}

/** Resolves and classifies what prepareFile found, in the workspace. */
export function completeFile(workspace: Workspace, prepared: PreparedFile): AnalyzedFile {
  const { file } = prepared;
  const fileClass = workspace.classifier.classify(file);
  if (prepared.unreadable !== undefined) {
    return {
      facts: { file, class: fileClass, imports: [], problem: { line: 1, column: 1, message: prepared.unreadable } },
      suppressions: [],
      readBy: { kind: 'none' },
    };
  }
  if (prepared.vendored !== undefined) {
    return { facts: { file, class: fileClass, imports: [], problem: undefined }, suppressions: [], readBy: { kind: 'vendored', reason: prepared.vendored } };
  }
  const problem = prepared.syntaxError
    ? { ...prepared.syntaxError, message: `syntax error: ${prepared.syntaxError.message} (imports before and after it were still checked)` }
    : undefined;
  return {
    facts: {
      file,
      class: fileClass,
      imports: resolveImportSites(workspace, file, prepared.imports),
      problem,
      ...(fileClass.zone === 'preview' ? { labelledTexts: prepared.labelledTexts } : {}),
    },
    suppressions: prepared.suppressions,
    readBy: prepared.parsedBecause === undefined ? { kind: 'scan' } : { kind: 'parse', because: prepared.parsedBecause },
  };
}

/** Reads one source file, extracts and resolves its imports, classifies their targets. */
export function analyzeFile(workspace: Workspace, file: string, options: AnalyzeOptions = {}): AnalyzedFile {
  const labelled = workspace.classifier.classify(file).zone === 'preview';
  return completeFile(workspace, prepareFile(workspace.root, file, labelled, { include: workspace.loaded.policy.files.include, ...options }));
}
