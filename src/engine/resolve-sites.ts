import type { Resolution } from '../imports/resolve.js';
import type { Workspace } from './workspace.js';
import type { ImportFact, ImportSite, ImportTarget } from '../facts/source-file.js';

/** Resolves and classifies import sites; shared by the CLI and the ESLint rules (their own extractors). */
export function resolveImportSites(workspace: Workspace, file: string, sites: readonly ImportSite[]): ImportFact[] {
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

/** First line → last line of each statement holding an import, so a suppression covers all of it. */
export function statementEnds(sites: readonly ImportSite[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const site of sites) {
    ends.set(site.statementStartLine, Math.max(site.statementEndLine, ends.get(site.statementStartLine) ?? 0));
  }
  return ends;
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
