import type { Resolution } from '../../imports/resolve.js';
import { DEEP_IMPORT_HINT } from '../../imports/deep-import-hint.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import { includedExplicitly, vendoredByContent } from '../../workspace/vendored.js';
import type { FileClass, FileProblem, ImportFact, ImportSite, ImportTarget, LabelledText, SourceFileFacts } from '../../facts/source-file.js';
import { findSuppressions, statementEnds } from './suppression-directive.js';
import type { SuppressionComment } from '../../facts/suppressions.js';
import type { LocalExport, NamespaceUse } from '../../facts/declarations.js';
import type { TypeScript } from '../../ts.js';
import { declarationIndexOf, type DeclarationIndex } from './declaration-index.js';
import { followSiteNames } from './follow-names.js';

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

/**
 * What following names needs from the runner: the TypeScript that reads export tables, whether
 * files may change under it (the editor), the file's text, and its namespace uses (`ns.x`), found
 * by the runner's own extractor and asked for only when a namespace can lead to a preview declaration.
 */
interface NameFollowing {
  ts: TypeScript;
  revalidate: boolean;
  text: string;
  namespaceUses: (locals: ReadonlySet<string>) => readonly NamespaceUse[];
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
export function assembleFileFacts(
  workspace: Workspace,
  file: string,
  fileClass: FileClass,
  extracted: ExtractedSites,
  problem: FileProblem | undefined,
  following?: NameFollowing,
): AssembledFile {
  const imports = resolveImportSites(workspace, file, extracted.imports);
  let declarations: LocalExport[] | undefined;
  if (following) {
    const index = declarationIndexOf(workspace, following.ts, following.revalidate);
    followNames(index, imports, extracted.imports, following);
    declarations = ownDeclarations(index, file, following.text);
  }
  return {
    facts: {
      file,
      class: fileClass,
      imports,
      problem,
      ...(fileClass.zone === 'preview' ? { labelledTexts: [...extracted.labelledTexts] } : {}),
      ...(declarations && declarations.length > 0 ? { declarations } : {}),
    },
    suppressions: findSuppressions(extracted.directiveText, statementEnds(extracted.imports), extracted.literalRanges),
  };
}

/** Adds to each import fact the names it brings in, followed to their declarations (follow-names.ts). */
function followNames(index: DeclarationIndex, imports: ImportFact[], sites: readonly ImportSite[], following: NameFollowing): void {
  let uses: readonly NamespaceUse[] | undefined;
  let usesOf: ReadonlySet<string> | undefined;
  const namespaceUses = (locals: ReadonlySet<string>) => {
    if (!uses || !usesOf || [...locals].some((local) => !usesOf!.has(local))) {
      // Every namespace binding of the file at once: one walk serves all its sites.
      usesOf = new Set(sites.flatMap((site) => (site.bindings ?? []).flatMap((binding) => (binding.local === undefined ? [] : [binding.local]))));
      uses = following.namespaceUses(usesOf);
    }
    return uses.filter((use) => locals.has(use.namespace));
  };
  imports.forEach((fact, position) => {
    const names = followSiteNames(index, { form: fact.form, bindings: sites[position]!.bindings, target: fact.target }, namespaceUses);
    if (names && names.length > 0) fact.names = names;
  });
}

/** The file's own exported declarations, when its text may make one preview (for preview-unregistered and the registry). */
function ownDeclarations(index: DeclarationIndex, file: string, text: string): LocalExport[] | undefined {
  if (!/\.(?:[mc]?[jt]sx?)$/.test(file) || !index.textMayDeclarePreview(text)) return undefined;
  return index.tableOfText(file, text).entries.filter((entry): entry is LocalExport => entry.kind === 'local');
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
