import type { Finding } from '../findings.js';
import type { Feature, Policy } from '../policy/model.js';
import { compileFeatureGlob, featureIdOf } from '../policy/feature-globs.js';
import type { Check } from './check.js';
import type { CheckInput } from './check.js';

/**
 * Registry sanity: enough owners, a tracking link, the release of introduction (not after the
 * current one); stable features whose code still sits under the preview tree; removed features
 * whose code (or tests) is still anywhere. A preview feature without code is reported by
 * preview-unregistered, not here.
 */
export const previewRegistry: Check = {
  id: 'preview-registry',
  run(facts: CheckInput): Finding[] {
    const { policy } = facts;
    const findings: Finding[] = [];
    const at = (feature: Feature, field: string, message: string, severity: Finding['severity'] = 'warn'): void => {
      const location = feature.fieldLocations[field] ?? feature.location;
      findings.push({ rule: 'preview-registry', severity, ...location, feature: feature.id, message });
    };
    for (const feature of policy.features) {
      if (feature.status !== 'preview') continue;
      if (feature.owners.length < policy.registry.minOwners) {
        at(
          feature,
          'owners',
          `preview feature "${feature.id}" has ${feature.owners.length} owner(s); at least ${policy.registry.minOwners} are required (registry.minOwners), so someone answers when one is away`,
        );
      }
      if (policy.registry.requireTracking && !feature.tracking) {
        at(feature, 'tracking', `preview feature "${feature.id}" has no tracking link (features.${feature.id}.tracking)`);
      } else if (feature.tracking && !/^https?:\/\//.test(feature.tracking)) {
        at(feature, 'tracking', `tracking link of "${feature.id}" is not an http(s) URL: ${feature.tracking}`);
      }
      if (!feature.introduced && policy.releases.names.length > 0) {
        at(feature, 'introduced', `preview feature "${feature.id}" does not say in which release it was introduced (features.${feature.id}.introduced)`);
      } else if (feature.introduced && introducedAfterCurrent(feature.introduced, policy)) {
        at(
          feature,
          'introduced',
          `preview feature "${feature.id}" is introduced in ${feature.introduced}, after the current release ${policy.releases.current}; a feature in the tree today was introduced in the current release or earlier`,
        );
      }
    }
    if (facts.tree) reportLeftoverCode(facts.tree, policy, at);
    return findings;
  },
};

function introducedAfterCurrent(introduced: string, policy: Policy): boolean {
  const { names, currentIndex } = policy.releases;
  return currentIndex >= 0 && names.indexOf(introduced) > currentIndex;
}

/** Stable features with code under preview.code; removed features with any code or tests left. */
function reportLeftoverCode(
  tree: NonNullable<CheckInput['tree']>,
  policy: Policy,
  at: (feature: Feature, field: string, message: string) => void,
): void {
  const previewCode = policy.preview.code.map(compileFeatureGlob);
  const underPreviewCode = new Map<string, string[]>();
  const anywhere = new Map<string, string[]>();
  for (const { file, class: fileClass } of tree) {
    const codeId = previewCode.map((glob) => featureIdOf(glob, file)).find((id) => id !== undefined && id !== '');
    if (codeId !== undefined) underPreviewCode.set(codeId, [...(underPreviewCode.get(codeId) ?? []), file]);
    if (fileClass.feature !== undefined) anywhere.set(fileClass.feature, [...(anywhere.get(fileClass.feature) ?? []), file]);
  }
  const sample = (files: readonly string[]): string => `${files.length} file${files.length === 1 ? '' : 's'}, e.g. ${files[0]}`;
  for (const feature of policy.features) {
    if (feature.status === 'stable' || feature.status === 'deprecated') {
      const files = underPreviewCode.get(feature.id);
      if (files) {
        at(
          feature,
          'status',
          `${feature.status} feature "${feature.id}" still has code under the preview tree (${sample(files)}): move it out of ${policy.preview.code.map((glob) => glob.split('{feature}').join(feature.id)).join(', ')} and rewrite its imports`,
        );
      }
    } else if (feature.status === 'removed') {
      const files = anywhere.get(feature.id);
      if (files) at(feature, 'status', `removed feature "${feature.id}" still has code or tests in the tree (${sample(files)}): delete them`);
    }
  }
}
