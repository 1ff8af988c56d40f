import { InputError } from '../errors.js';
import type { Policy } from './model.js';
import { nearestKey } from './suggest.js';

/**
 * A copy of the policy whose current release is `release` (a release of the train), so deadlines
 * and registry checks are evaluated as of that release (`lifecycle report --release`). The policy
 * passed in (usually the cached one) is not changed.
 */
export function policyAsOfRelease(policy: Policy, release: string): Policy {
  const { names } = policy.releases;
  const index = names.indexOf(release);
  if (index < 0) {
    if (names.length === 0) throw new InputError(`--release ${release}: the policy has no releases.train (${policy.file})`);
    const hint = nearestKey(release, names);
    throw new InputError(`--release ${release}: not a release of the train (${names.join(', ')})${hint ? `; did you mean "${hint}"?` : ''}`);
  }
  if (policy.releases.current === release) return policy;
  return { ...policy, releases: { ...policy.releases, current: release, currentIndex: index } };
}
