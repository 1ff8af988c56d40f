import type { Finding } from '../findings.js';
import type { Check } from './check.js';
import type { CheckInput } from './check.js';
import { previewDeclaration } from '../policy/preview-declarations.js';

/**
 * The findings depend only on the tree and the policy. The ESLint rule asks once per linted file
 * with the same (cached) tree and policy objects, so the answer is remembered per pair.
 */
const memo = new WeakMap<object, WeakMap<object, Finding[]>>();

/**
 * Every folder under the preview subtree belongs to a registered feature; every preview
 * declaration (by tag or name) belongs to one; every preview feature has code (files or declarations).
 */
export const previewUnregistered: Check = {
  id: 'preview-unregistered',
  run(facts: CheckInput): Finding[] {
    const { findings: declarationFindings, features } = declarationsOfFeatures(facts);
    const tree = facts.tree;
    if (!tree) return declarationFindings;
    let byPolicy = memo.get(tree);
    if (!byPolicy) {
      byPolicy = new WeakMap();
      memo.set(tree, byPolicy);
    }
    let findings = byPolicy.get(facts.policy);
    if (!findings) {
      findings = unregisteredFindings({ ...facts, tree });
      byPolicy.set(facts.policy, findings);
    }
    // A feature made of declarations in stable files has code, though no file of its own.
    const featureHasNoCode = (finding: Finding) => finding.file === facts.policy.file && finding.feature !== undefined && features.has(finding.feature) && finding.message.includes('has no code');
    return [...declarationFindings, ...findings.filter((finding) => !featureHasNoCode(finding)).map((finding) => ({ ...finding }))];
  },
};

/** Preview declarations of no known or of an unregistered feature (at the declaration), and the registered features that have some. */
function declarationsOfFeatures(facts: CheckInput): { findings: Finding[]; features: Set<string> } {
  const findings: Finding[] = [];
  const features = new Set<string>();
  for (const file of facts.files) {
    for (const declaration of file.declarations ?? []) {
      const verdict = previewDeclaration({ name: declaration.name, tags: declaration.tags, file: file.class }, facts.policy.preview.declarations);
      if (!verdict) continue;
      if (verdict.feature !== undefined && verdict.registered) {
        features.add(verdict.feature);
        continue;
      }
      const fix = verdict.feature === undefined ? 'name its feature (@preview <feature>, a {feature} in preview.exportNames, or features.<id>.exports)' : `add features.${verdict.feature} to ${facts.policy.file}`;
      findings.push({
        rule: 'preview-unregistered',
        severity: 'error',
        file: file.file,
        line: declaration.line,
        column: declaration.column,
        ...(verdict.feature === undefined ? {} : { feature: verdict.feature }),
        message: `preview declaration "${declaration.name}" (${verdict.reason}) belongs to ${verdict.feature === undefined ? 'no known feature' : `unregistered feature "${verdict.feature}"`}: ${fix}`,
      });
    }
  }
  return { findings, features };
}

function unregisteredFindings(facts: CheckInput & { tree: NonNullable<CheckInput['tree']> }): Finding[] {
  const findings: Finding[] = [];
  const firstFileOfUnregistered = new Map<string, string>();
  const featuresWithCode = new Set<string>();
  for (const { file, class: fileClass } of facts.tree) {
    if (fileClass.isTest || fileClass.zone !== 'preview') continue;
    if (fileClass.feature === undefined) {
      findings.push({
        rule: 'preview-unregistered',
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `file sits directly in the preview tree, outside any feature folder (${fileClass.matchedBy}); move it into the folder of the feature it belongs to`,
      });
    } else if (fileClass.registered === false) {
      if (!firstFileOfUnregistered.has(fileClass.feature)) firstFileOfUnregistered.set(fileClass.feature, file);
    } else {
      featuresWithCode.add(fileClass.feature);
    }
  }
  for (const [feature, file] of firstFileOfUnregistered) {
    findings.push({
      rule: 'preview-unregistered',
      severity: 'error',
      file,
      line: 1,
      column: 1,
      feature,
      message: `preview code of "${feature}" is not registered: add features.${feature} to ${facts.policy.file}, or move it out of the preview tree`,
    });
  }
  for (const feature of facts.policy.features) {
    // A feature made of packages may ship them from outside this tree (imports are still classified by name).
    if (feature.status !== 'preview' || featuresWithCode.has(feature.id) || feature.packages.length > 0) continue;
    const where = [
      ...facts.policy.preview.code.map((glob) => glob.replace('{feature}', feature.id)),
      ...feature.paths,
    ];
    findings.push({
      rule: 'preview-unregistered',
      severity: 'error',
      file: feature.location.file,
      line: feature.location.line,
      column: feature.location.column,
      feature: feature.id,
      message: `preview feature "${feature.id}" has no code${where.length > 0 ? `: nothing found at ${where.join(', ')}` : ' (no preview.code glob or paths)'}`,
    });
  }
  return findings;
}
