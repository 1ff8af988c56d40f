import type { Finding } from '../findings.js';
import { isMisplacedTestImport } from './preview-test-location.js';
import type { Check } from './check.js';
import type { ImportFact, SourceFileFacts } from '../facts/source-file.js';
import type { CheckInput } from './check.js';
import { nameVerdictsFor, reexportsAllowed } from './preview-names.js';

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
 * re-exports, preview-names.ts); preview features import each other only if allowed. One finding
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
    finding: {
      rule: 'no-preview-import',
      severity: 'error',
      file: file.file,
      line: fact.line,
      column: fact.column,
      message,
      ...(targetFeature !== undefined ? { feature: targetFeature } : {}),
      target: targetName,
    },
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
