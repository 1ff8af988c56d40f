import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFact, ImportTarget, SourceFileFacts } from '../checks/facts.js';
import { extractImports } from '../imports/extract.js';
import type { Resolution } from '../imports/resolve.js';
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
  const extracted = extractImports(file, read.text);
  const format = workspace.resolver.formatOf(file);
  const keepsInlineTypeImports = extracted.imports.some((site) => site.typeOnlyBySpecifiers) && workspace.resolver.keepsInlineTypeImports(file);
  const imports: ImportFact[] = extracted.imports.map((site) => {
    const siteFormat = site.form === 'require' || site.form === 'import-equals' ? 'cjs' : site.form === 'dynamic-import' ? 'esm' : format;
    const resolution: Resolution =
      site.specifier === undefined
        ? { kind: 'unresolved', declared: false, reason: 'the module name is computed at run time' }
        : workspace.resolver.resolve(site.specifier, file, siteFormat);
    return {
      specifier: site.specifier,
      form: site.form,
      typeOnly: site.typeOnly && !(site.typeOnlyBySpecifiers && keepsInlineTypeImports),
      line: site.line,
      column: site.column,
      target: targetOf(workspace, resolution),
      via: 'via' in resolution ? resolution.via : resolution.reason,
    };
  });
  const statementEnds = new Map<number, number>();
  for (const site of extracted.imports) {
    statementEnds.set(site.statementStartLine, Math.max(site.statementEndLine, statementEnds.get(site.statementStartLine) ?? 0));
  }
  const problem = extracted.syntaxError
    ? { ...extracted.syntaxError, message: `syntax error: ${extracted.syntaxError.message} (imports before and after it were still checked)` }
    : undefined;
  return {
    facts: { file, class: fileClass, imports, problem },
    suppressions: findSuppressions(read.text, statementEnds, extracted.literalRanges),
  };
}

function targetOf(workspace: Workspace, resolution: Resolution): ImportTarget {
  switch (resolution.kind) {
    case 'file':
      return { kind: 'file', file: resolution.file, class: workspace.classifier.classify(resolution.file) };
    case 'external':
    case 'builtin':
    case 'unresolved': {
      // A preview package is preview by name, installed or not.
      const feature = resolution.packageName ? workspace.classifier.featureOfPackage(resolution.packageName) : undefined;
      if (feature && resolution.packageName) {
        const zone = feature.status === 'preview' || feature.status === 'removed' ? 'preview' : 'stable';
        return {
          kind: 'package',
          packageName: resolution.packageName,
          class: { zone, feature: feature.id, registered: true, matchedBy: `features.${feature.id}.packages: ${resolution.packageName}` },
        };
      }
      return resolution.kind === 'unresolved'
        ? { kind: 'unresolved', reason: resolution.reason, declared: resolution.declared, ...(resolution.packageName ? { packageName: resolution.packageName } : {}) }
        : { kind: resolution.kind, packageName: resolution.packageName };
    }
  }
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
