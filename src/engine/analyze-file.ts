import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFileFacts } from '../checks/facts.js';
import { extractImports } from '../imports/extract.js';
import { resolveImportSites, statementEnds } from './resolve-sites.js';
import { findSuppressions, type SuppressionComment } from './suppressions.js';
import type { Workspace } from './workspace.js';

/** Larger files are reported, not parsed (generated bundles belong in files.exclude). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export interface AnalyzedFile {
  facts: SourceFileFacts;
  suppressions: SuppressionComment[];
}

/** Reads one source file, extracts and resolves its imports, classifies their targets. */
export function analyzeFile(workspace: Workspace, file: string): AnalyzedFile {
  const fileClass = workspace.classifier.classify(file);
  const read = readSource(join(workspace.root, file));
  if ('problem' in read) {
    return { facts: { file, class: fileClass, imports: [], problem: { line: 1, column: 1, message: read.problem } }, suppressions: [] };
  }
  const extracted = extractImports(file, read.text, { labelledTexts: fileClass.zone === 'preview' });
  const problem = extracted.syntaxError
    ? { ...extracted.syntaxError, message: `syntax error: ${extracted.syntaxError.message} (imports before and after it were still checked)` }
    : undefined;
  return {
    facts: {
      file,
      class: fileClass,
      imports: resolveImportSites(workspace, file, extracted.imports),
      problem,
      ...(fileClass.zone === 'preview' ? { labelledTexts: extracted.labelledTexts } : {}),
    },
    suppressions: findSuppressions(read.text, statementEnds(extracted.imports), extracted.literalRanges),
  };
}

type ReadResult = { text: string } | { problem: string };

function readSource(abs: string): ReadResult {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_SOURCE_BYTES) {
      return { problem: `file is ${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit; not analysed (add it to files.exclude if it is generated)` };
    }
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const count = readSync(fd, buffer, offset, size - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    if (buffer.subarray(0, Math.min(offset, 8192)).includes(0)) {
      return { problem: 'binary content (NUL bytes) in a source file; not analysed' };
    }
    const text = buffer.toString('utf8', 0, offset);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { problem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
