import type { Finding } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { previewDeclaration, type PreviewDeclarationVerdict } from '../policy/preview-declarations.js';
import type { DeclarationRef, FollowedName, NameEnd } from '../facts/declarations.js';
import { isMisplacedTestImport } from './preview-test-location.js';
import type { Check } from './check.js';
import type { ImportFact, SourceFileFacts } from '../facts/source-file.js';
import type { CheckInput } from './check.js';

const FORM_WORDS: Record<ImportFact['form'], string> = {
  import: 'imports',
  'import-type': 'imports types from',
  'side-effect': 'imports',
  'export-from': 're-exports',
  'dynamic-import': 'dynamically imports',
  require: 'requires',
  'import-equals': 'imports',
  'type-query': 'refers to types of',
};

/**
 * Stable code imports no preview module and no preview declaration (names followed through
 * re-exports, below); preview features import each other only if allowed. One finding
 * per import site and name: a site into a preview file is reported as a whole (its names are not
 * followed), the names of a site into stable code each at its specifier or member use.
 */
export const noPreviewImport: Check = {
  id: 'no-preview-import',
  run(facts: CheckInput): Finding[] {
    return facts.files.flatMap((file) =>
      file.imports.flatMap((fact) => {
        const fileVerdict = verdictFor(file, fact, facts);
        if (fileVerdict.finding) return [fileVerdict.finding];
        return nameVerdictsFor(file, fact, facts.policy).flatMap((verdict) => verdict.finding ?? []);
      }),
    );
  },
};

export interface ImportVerdict {
  allowed: boolean;
  /** Why it is allowed or not, in words (used by `lifecycle explain`). */
  reason: string;
  finding?: Finding;
}

/** The verdict of one import edge; shared by the check, `lifecycle explain` and the ESLint rule. */
export function verdictFor(file: SourceFileFacts, fact: ImportFact, facts: Pick<CheckInput, 'policy'>): ImportVerdict {
  const { target } = fact;
  if (target.kind !== 'file' && target.kind !== 'package') return { allowed: true, reason: `${target.kind} module` };
  const targetClass = target.class;
  if (targetClass.zone !== 'preview') return { allowed: true, reason: `target is ${targetClass.zone}` };
  const targetFeature = targetClass.feature;
  const targetName = target.kind === 'file' ? target.file : target.packageName;
  const policy = facts.policy;
  const source = file.class;
  const report = (message: string): ImportVerdict => ({
    allowed: false,
    reason: message,
    finding: importFinding(file, fact, message, targetFeature, targetName),
  });
  const what = `${describeFeature(targetFeature, targetClass.registered, policy)} (${targetName})`;

  if (source.zone === 'preview') {
    if (source.feature === targetFeature) return { allowed: true, reason: 'same preview feature' };
    if (policy.preview.crossFeatureImports === 'allow') return { allowed: true, reason: 'preview.crossFeatureImports: allow' };
    return report(
      `preview feature "${source.feature ?? '?'}" ${FORM_WORDS[fact.form]} ${what}; preview features must not depend on each other (preview.crossFeatureImports: forbid)`,
    );
  }
  if (isMisplacedTestImport(file, fact, policy)) {
    return { allowed: true, reason: 'a test of preview code outside the preview test subtree: preview-test-location reports it' };
  }
  if (fact.typeOnly && policy.preview.typeOnlyImports === 'allow') {
    return { allowed: true, reason: 'type-only import, allowed by preview.typeOnlyImports: allow' };
  }
  const exception = source.exceptions?.find(
    (entry) => entry.features === undefined || (targetFeature !== undefined && entry.features.includes(targetFeature)),
  );
  if (exception) return { allowed: true, reason: `exception ${exception.path.join(', ')}: ${exception.reason}` };
  if (fact.form === 'export-from' && reexportsAllowed(policy, targetFeature)) {
    return { allowed: true, reason: `a stable re-export of preview code, allowed by ${targetFeature !== undefined && policy.features.find((entry) => entry.id === targetFeature)?.reexports === 'allow' ? `features.${targetFeature}.reexports` : 'preview.reexports'}: allow` };
  }
  const typeNote = fact.typeOnly ? ' (type-only imports count: preview.typeOnlyImports is forbid)' : '';
  const verb = fact.typeOnly && fact.form === 'import' ? FORM_WORDS['import-type'] : FORM_WORDS[fact.form];
  return report(`stable code ${verb} ${what}${typeNote}`);
}

function describeFeature(id: string | undefined, registered: boolean | undefined, policy: Pick<CheckInput, 'policy'>['policy']): string {
  if (id === undefined) return 'preview code outside any feature folder';
  if (registered === false) return `unregistered preview code "${id}"`;
  const status = policy.features.find((feature) => feature.id === id)?.status;
  return status === 'removed' ? `removed feature "${id}"` : `preview feature "${id}"`;
}

/**
 * The name-following half of `no-preview-import`: each name an import site brings in (facts from
 * src/extract/shared/follow-names.ts) is judged by where it ends. A name that ends at a preview
 * declaration (src/policy/preview-declarations.ts decides) is judged like an import of preview
 * code: same feature, crossFeatureImports, type-only imports and exceptions apply; a stable file's
 * `export … from` of one is the crossing point, allowed by `preview.reexports: allow` or
 * `features.<id>.reexports: allow`. A stable file that itself declares preview declarations of a
 * feature may use that feature's declarations (they are the feature's code).
 */

/** One preview declaration a name ends at, and why it is preview. */
interface PreviewEnd {
  declaration: DeclarationRef;
  verdict: PreviewDeclarationVerdict;
  chain: Extract<NameEnd, { declaration: DeclarationRef }>['chain'];
  typeOnly: boolean;
}

interface NameVerdict {
  name: FollowedName;
  /** The preview declarations it ends at (empty: stable). */
  previews: PreviewEnd[];
  allowed: boolean;
  /** In words, for `lifecycle explain`. */
  reason: string;
  finding?: Finding;
}

/** Why a declaration is preview, or undefined when it is stable. */
function previewVerdictOf(declaration: DeclarationRef, policy: Policy): PreviewDeclarationVerdict | undefined {
  // A package outside the project (node_modules) is not this project's preview code, whatever its names.
  if (declaration.class.zone === 'outside') return undefined;
  return previewDeclaration({ name: declaration.name, tags: declaration.tags, file: declaration.class }, policy.preview.declarations);
}

/** The verdicts of the names of one import site (none when its names were not followed). */
export function nameVerdictsFor(file: SourceFileFacts, fact: ImportFact, policy: Policy): NameVerdict[] {
  return (fact.names ?? []).map((name) => judgeName(file, fact, name, policy));
}

function judgeName(file: SourceFileFacts, fact: ImportFact, name: FollowedName, policy: Policy): NameVerdict {
  const previews: PreviewEnd[] = [];
  for (const end of name.ends) {
    if (!('declaration' in end)) continue;
    const verdict = previewVerdictOf(end.declaration, policy);
    if (verdict) previews.push({ declaration: end.declaration, verdict, chain: end.chain, typeOnly: name.typeOnly || end.typeOnly });
  }
  if (previews.length === 0) return { name, previews, allowed: true, reason: 'stable declaration' };
  const judged = previews.map((end) => ({ end, why: allowedBecause(file, fact, end, policy) }));
  const reported = judged.filter(({ why }) => why === undefined).map(({ end }) => end);
  if (reported.length === 0) return { name, previews, allowed: true, reason: [...new Set(judged.map(({ why }) => why))].join('; ') };
  const message = messageFor(file, fact, name, reported, policy);
  const first = reported[0]!;
  return {
    name,
    previews,
    allowed: false,
    reason: message,
    finding: importFinding(file, name, message, first.verdict.feature, first.declaration.file),
  };
}

/** A no-preview-import finding at a specifier or an imported name. */
function importFinding(file: SourceFileFacts, at: { line: number; column: number }, message: string, feature: string | undefined, target: string): Finding {
  return {
    rule: 'no-preview-import',
    severity: 'error',
    file: file.file,
    line: at.line,
    column: at.column,
    message,
    ...(feature !== undefined ? { feature } : {}),
    target,
  };
}

/** Why importing this preview declaration is allowed here, or undefined when it is not. */
function allowedBecause(file: SourceFileFacts, fact: ImportFact, end: PreviewEnd, policy: Policy): string | undefined {
  const feature = end.verdict.feature;
  const source = file.class;
  if (source.zone === 'preview') {
    if (feature !== undefined && source.feature === feature) return 'same preview feature';
    if (policy.preview.crossFeatureImports === 'allow') return 'preview.crossFeatureImports: allow';
    return undefined;
  }
  if (end.typeOnly && policy.preview.typeOnlyImports === 'allow') return 'type-only import, allowed by preview.typeOnlyImports: allow';
  const exception = source.exceptions?.find((entry) => entry.features === undefined || (feature !== undefined && entry.features.includes(feature)));
  if (exception) return `exception ${exception.path.join(', ')}: ${exception.reason}`;
  if (feature !== undefined && declaresFeature(file, feature, policy)) return `${file.file} declares preview declarations of "${feature}" itself`;
  if (fact.form === 'export-from' && feature !== undefined && reexportsAllowed(policy, feature)) {
    const own = policy.features.find((entry) => entry.id === feature)?.reexports;
    return own === 'allow' ? `features.${feature}.reexports: allow` : 'preview.reexports: allow';
  }
  return undefined;
}

/** Whether a stable file may re-export the feature's preview declarations (and its preview code). */
export function reexportsAllowed(policy: Policy, feature: string | undefined): boolean {
  const own = feature === undefined ? undefined : policy.features.find((entry) => entry.id === feature)?.reexports;
  return (own ?? policy.preview.reexports) === 'allow';
}

function declaresFeature(file: SourceFileFacts, feature: string, policy: Policy): boolean {
  return (file.declarations ?? []).some(
    (declaration) => previewDeclaration({ name: declaration.name, tags: declaration.tags, file: file.class }, policy.preview.declarations)?.feature === feature,
  );
}

function messageFor(file: SourceFileFacts, fact: ImportFact, name: FollowedName, ends: readonly PreviewEnd[], policy: Policy): string {
  const source = file.class;
  const who = source.zone === 'preview' ? `preview feature "${source.feature ?? '?'}"` : 'stable code';
  const reexport = fact.form === 'export-from';
  const member = name.name.includes('.');
  const verb = reexport ? 're-exports' : member ? 'uses' : ends.every((end) => end.typeOnly) ? 'imports the type' : 'imports';
  let what: string;
  if (ends.length === 1) {
    const only = ends[0]!;
    const same = only.declaration.name === name.name;
    what = `${same ? '' : `${name.name}, `}preview declaration ${describeEnd(only, policy)}`;
  } else {
    const shown = ends.slice(0, 3).map((end) => describeEnd(end, policy)).join('; ');
    what = `${ends.length} preview declarations through ${name.name === '*' ? 'export *' : name.name}: ${shown}${ends.length > 3 ? `; and ${ends.length - 3} more` : ''}`;
  }
  const features = [...new Set(ends.map((end) => end.verdict.feature).filter((feature) => feature !== undefined))];
  let tail = '';
  if (source.zone === 'preview') tail = '; preview features must not depend on each other (preview.crossFeatureImports: forbid)';
  else if (reexport) tail = `; a stable file re-exporting it is the crossing point: allow it with ${features.map((feature) => `features.${feature}.reexports: allow`).join(', ') || 'preview.reexports: allow'}`;
  else if (ends.some((end) => end.typeOnly)) tail = ' (type-only imports count: preview.typeOnlyImports is forbid)';
  return `${who} ${verb} ${what}${tail}`;
}

function describeEnd(end: PreviewEnd, policy: Policy): string {
  const { declaration, verdict } = end;
  const feature =
    verdict.feature === undefined
      ? 'of no known feature'
      : !verdict.registered
        ? `of unregistered feature "${verdict.feature}"`
        : policy.features.find((entry) => entry.id === verdict.feature)?.status === 'removed'
          ? `of removed feature "${verdict.feature}"`
          : `of preview feature "${verdict.feature}"`;
  const where = declaration.declarationKind === 'module' ? declaration.file : `${declaration.file}:${declaration.line}:${declaration.column}`;
  const via = end.chain.length > 0 ? ` through ${end.chain.map((link) => `${link.file}:${link.line}:${link.column}`).join(' → ')}` : '';
  const shownName = declaration.name === '*' ? `the namespace of ${declaration.file}` : `"${declaration.name}"`;
  return `${shownName} ${feature} [${verdict.reason}], defined at ${where}${via}`;
}

/** Names that could not be followed to a declaration (unresolved-import reports them: preview names behind them would go unnoticed). */
export function unfollowedNames(fact: ImportFact): { name: FollowedName; reason: string }[] {
  return (fact.names ?? []).flatMap((name) => {
    const reasons = [...new Set(name.ends.flatMap((end) => ('unresolved' in end ? [end.unresolved] : [])))];
    return reasons.length > 0 ? [{ name, reason: reasons.join('; ') }] : [];
  });
}
