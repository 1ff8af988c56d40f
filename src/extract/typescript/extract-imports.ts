import { COMPONENT_FILE, componentScripts, maskedToBlocks, sourceImports } from '../shared/component-blocks.js';
import { SUPPRESSION_DIRECTIVE } from '../shared/suppression-directive.js';
import type { ExtractedImports, ExtractOptions } from './extracted-imports.js';
import { parseImports } from './parse-imports.js';
import { lastScanFallbackReason, scanImports } from './scan-imports.js';

/**
 * Finds every import of a TypeScript/JavaScript file: with TypeScript's scanner when the file
 * allows it (most files; several times faster), otherwise with TypeScript's parser.
 */
export function extractImports(fileName: string, text: string, options: ExtractOptions = {}): ExtractedImports {
  if (COMPONENT_FILE.test(fileName)) return extractComponentImports(fileName, text, options);
  if (options.fullParse) return { ...parseImports(fileName, text, options), parsedBecause: 'full parse requested' };
  if (options.labelledTexts) return { ...parseImports(fileName, text, options), parsedBecause: 'preview code (CLI help and routes)' };
  const scanned = scanImports(fileName, text, SUPPRESSION_DIRECTIVE);
  return scanned ?? { ...parseImports(fileName, text, options), parsedBecause: lastScanFallbackReason() ?? 'scan gave up' };
}

/**
 * A component file's imports: each script block is read on its own, as a TypeScript/JavaScript
 * file of its `lang` in which everything but the block is blank, so positions are the file's own.
 */
function extractComponentImports(fileName: string, text: string, options: ExtractOptions): ExtractedImports {
  const { blocks, sources, problem } = componentScripts(fileName, text);
  const parts = blocks.map((block) => extractImports(`${fileName}.${block.lang}`, maskedToBlocks(text, [block]), options));
  const byPosition = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line - b.line || a.column - b.column;
  const syntaxErrors = parts.flatMap((part) => (part.syntaxError ? [part.syntaxError] : [])).sort(byPosition);
  const parsedBecause = parts.find((part) => part.parsedBecause !== undefined)?.parsedBecause;
  return {
    imports: [...parts.flatMap((part) => part.imports), ...sourceImports(text, sources)].sort(byPosition),
    literalRanges: parts.flatMap((part) => part.literalRanges),
    syntaxError: problem ?? syntaxErrors[0],
    labelledTexts: parts.flatMap((part) => part.labelledTexts).sort(byPosition),
    ...(parsedBecause === undefined ? {} : { parsedBecause }),
    scriptText: maskedToBlocks(text, blocks),
  };
}
