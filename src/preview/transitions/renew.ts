import { projectRelative } from '../../project-path.js';
import { readFileSync } from 'node:fs';

import { featureDeadline } from '../../policy/deadlines.js';
import { InputError } from '../../errors.js';
import type { LoadedPolicy } from '../../policy/load.js';
import type { Feature } from '../../policy/model.js';
import { nearestKey } from '../../policy/suggest.js';
import { PlanBuilder, type TransitionPlan } from './plan.js';
import { RegistryEditor } from './registry-edit.js';

export interface RenewRequest {
  feature: string;
  tracking: string;
  reason: string;
  /** The release of the renewal (default: releases.current). */
  release?: string;
}

/**
 * Plans `lifecycle renew`: one renewal entry appended to the feature in lifecycle.yaml, refused
 * (InputError, nothing written) unless it would count: a preview feature, a known release after
 * its introduction and not after the current one, an http(s) plan, a reason, within maxRenewals.
 */
export function planRenewal(loaded: LoadedPolicy, request: RenewRequest, command: string): { plan: TransitionPlan; summary: string } {
  const { policy } = loaded;
  const feature = featureOrFail(loaded, request.feature);
  if (feature.status !== 'preview') throw new InputError(`${feature.id} is ${feature.status}, not in preview: only a preview feature is renewed`);
  const reason = request.reason.trim();
  if (reason === '') throw new InputError('--reason is empty: say why the feature stays in preview');
  if (!/^https?:\/\/\S+$/.test(request.tracking)) throw new InputError(`--tracking must be an http(s) URL of the approved plan, not "${request.tracking}"`);
  const release = request.release ?? policy.releases.current;
  if (release === undefined) throw new InputError('no --release given and the policy has no releases.current');
  const names = policy.releases.names;
  if (!names.includes(release)) {
    const hint = nearestKey(release, names);
    throw new InputError(`unknown release "${release}"; the train has ${names.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  if (feature.renewals.some((renewal) => renewal.release === release)) throw new InputError(`${feature.id} was already renewed in ${release}`);
  const options = { releases: policy.releases, maxCycles: policy.preview.maxCycles, maxRenewals: policy.preview.maxRenewals };
  const renewals = [...feature.renewals, { release, tracking: request.tracking, reason }];
  const after = featureDeadline({ introduced: feature.introduced, renewals }, options);
  const review = after.renewals.at(-1)!;
  if (!review.counted) throw new InputError(`cannot renew ${feature.id} in ${release}: ${review.problems.join('; ')}`);

  const editor = new RegistryEditor(loaded.path, readFileSync(loaded.path, 'utf8'));
  editor.appendRenewal(feature.id, { release, tracking: request.tracking, reason });
  const builder = new PlanBuilder(loaded.root);
  builder.edit(projectRelative(loaded.root, loaded.path), editor.text);
  const deadline = after.deadline ?? `${options.maxCycles} releases after ${after.since ?? release} (past the end of the train)`;
  return { plan: builder.build(command, false), summary: `renewed ${feature.id} in ${release}: it must leave preview by ${deadline}` };
}

/** The registered feature with this id, or an InputError naming the nearest id. */
export function featureOrFail(loaded: LoadedPolicy, id: string): Feature {
  const feature = loaded.policy.features.find((candidate) => candidate.id === id);
  if (feature) return feature;
  const ids = loaded.policy.features.map((candidate) => candidate.id);
  const hint = nearestKey(id, ids);
  throw new InputError(`no feature "${id}" in ${loaded.path}${hint ? ` (did you mean "${hint}"?)` : ids.length > 0 ? `; registered: ${ids.join(', ')}` : ''}`);
}
