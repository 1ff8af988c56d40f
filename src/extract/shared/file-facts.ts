import type { Resolution } from '../../imports/resolve.js';
import { DEEP_IMPORT_HINT } from '../../imports/deep-import-hint.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import { includedExplicitly, vendoredByContent } from '../../workspace/vendored.js';
import type { FileClass, FileProblem, ImportFact, ImportSite, ImportTarget, LabelledText, SourceFileFacts } from '../../facts/source-file.js';
import { findSuppressions, statementEnds } from './suppression-directive.js';
import type { SuppressionComment } from '../../facts/suppressions.js';

/**
 * The per-file fact assembly of both `lifecycle check` (src/engine/analyze-file.ts) and the ESLint
 * rules (src/eslint/lint-context.ts): each side extracts with its own extractor (the TypeScript
 * scanner/parser, or ESLint's tree), and everything after that is decided here, once.
 */

/** What an extractor must be asked for in a file of this class and text. */
export interface ExtractionNeeds {
  /** CLI help and route texts: in preview code only. */
  labelledTexts: boolean;
  /** Imports below the top-level statements: only when the text holds `import(`, `require(` and the like. */
  deep: boolean;
}

export function extractionNeeds(fileClass: FileClass, text: string): ExtractionNeeds {
  return { labelledTexts: fileClass.zone === 'preview', deep: DEEP_IMPORT_HINT.test(text) };
}

/**
 * Why a file is skipped as minified or vendored by its content (undefined: it is analysed); a
 * `files.include` glob naming it explicitly has it analysed anyway.
 */
export function skippedAsVendored(file: string, text: string, include: readonly string[] | undefined): string | undefined {
  const vendored = vendoredByContent(file, text);
  return vendored && !includedExplicitly(file, vendored, include) ? vendored.reason : undefined;
}

/** What an extractor found in one file's text. */
interface ExtractedSites {
  imports: readonly ImportSite[];
  labelledTexts: readonly LabelledText[];
  /** The text suppression directives are read in (a component file: its script blocks, the rest blanked). */
  directiveText: string;
  /** Offsets of string, template, JSX text and regex literals (a directive inside one is no comment). */
  literalRanges: readonly (readonly [number, number])[];
}

/** A source file's facts and the suppression directives written in it. */
export interface AssembledFile {
  facts: SourceFileFacts;
  suppressions: SuppressionComment[];
}

/**
 * The facts of a source file from what its extractor found: import sites resolved and their
 * targets classified in the workspace, labelled texts kept in preview code, suppressions read
 * (each covering the whole import statement below it). Throws InputError when a nested project's
 * policy, needed to classify a target, cannot be loaded.
 */
export function assembleFileFacts(workspace: Workspace, file: string, fileClass: FileClass, extracted: ExtractedSites, problem: FileProblem | undefined): AssembledFile {
  return {
    facts: {
      file,
      class: fileClass,
      imports: resolveImportSites(workspace, file, extracted.imports),
      problem,
      ...(fileClass.zone === 'preview' ? { labelledTexts: [...extracted.labelledTexts] } : {}),
    },
    suppressions: findSuppressions(extracted.directiveText, statementEnds(extracted.imports), extracted.literalRanges),
  };
}

/** Resolves and classifies import sites. */
function resolveImportSites(workspace: Workspace, file: string, sites: readonly ImportSite[]): ImportFact[] {
  const format = workspace.resolver.formatOf(file);
  const keepsInlineTypeImports = sites.some((site) => site.typeOnlyBySpecifiers) && workspace.resolver.keepsInlineTypeImports(file);
  return sites.map((site) => {
    const siteFormat = site.form === 'require' || site.form === 'import-equals' ? 'cjs' : site.form === 'dynamic-import' ? 'esm' : format;
    const resolution: Resolution =
      site.specifier === undefined
        ? { kind: 'unresolved', cause: 'computed', declared: false, reason: 'the module name is computed at run time' }
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
}

function targetOf(workspace: Workspace, resolution: Resolution): ImportTarget {
  switch (resolution.kind) {
    case 'file':
      return { kind: 'file', file: resolution.file, class: workspace.classifyTarget(resolution.file) };
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
        ? { kind: 'unresolved', cause: resolution.cause, reason: resolution.reason, declared: resolution.declared, ...(resolution.packageName ? { packageName: resolution.packageName } : {}) }
        : { kind: resolution.kind, packageName: resolution.packageName };
    }
  }
}
