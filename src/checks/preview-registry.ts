import type { Finding } from '../findings.js';
import type { Feature } from '../policy/model.js';
import type { Check, ProjectFacts } from './facts.js';

/** Registry basics: enough owners, a tracking link, the release of introduction. */
export const previewRegistry: Check = {
  id: 'preview-registry',
  run(facts: ProjectFacts): Finding[] {
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
      }
    }
    return findings;
  },
};
