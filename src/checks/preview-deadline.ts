import type { Finding } from '../findings.js';
import type { Feature, Policy } from '../policy/model.js';
import { featureDeadline, type FeatureDeadline } from '../policy/deadlines.js';
import type { Check } from './check.js';
import type { CheckInput } from './check.js';

const RULE = 'preview-deadline';

/**
 * Preview features leave preview (promoted, renewed or removed) within `preview.maxCycles`
 * releases of their introduction or last renewal: an error from the deadline on, a warning one
 * release before. Renewals that do not count (no tracking link, no reason, out of place, over
 * `preview.maxRenewals`) are errors at the renewal. Findings point into the policy file.
 */
export const previewDeadline: Check = {
  id: RULE,
  run(facts: CheckInput): Finding[] {
    const { policy } = facts;
    return policy.features
      .filter((feature) => feature.status === 'preview')
      .flatMap((feature) => {
        const deadline = featureDeadline(feature, {
          releases: policy.releases,
          maxCycles: policy.preview.maxCycles,
          maxRenewals: policy.preview.maxRenewals,
        });
        return [...deadlineFinding(feature, deadline, policy), ...renewalFindings(feature, deadline)];
      });
  },
};

function deadlineFinding(feature: Feature, deadline: FeatureDeadline, policy: Policy): Finding[] {
  if (deadline.state !== 'overdue' && deadline.state !== 'due-next') return [];
  const since = `${deadline.sinceKind === 'renewal' ? 'last renewed' : 'introduced'} in ${deadline.since}`;
  const limit = `preview.maxCycles: ${policy.preview.maxCycles}`;
  const deadlineName = deadline.deadline ?? `the release after ${policy.releases.names.at(-1)}`;
  const what = 'promote, renew or remove it';
  const base = { rule: RULE, file: feature.location.file, line: feature.location.line, column: feature.location.column, feature: feature.id };
  if (deadline.state === 'due-next') {
    return [{ ...base, severity: 'warn', message: `preview feature "${feature.id}" must leave preview by ${deadlineName}, the next release (${since}, ${limit}): ${what}` }];
  }
  const late = -deadline.cyclesLeft!;
  const when = late === 0 ? 'the current release' : `${late} release${late === 1 ? '' : 's'} before the current one`;
  return [
    {
      ...base,
      severity: 'error',
      message: `preview feature "${feature.id}" is overdue: it had to leave preview by ${deadlineName}, ${when} (${since}, ${limit}): ${what}`,
    },
  ];
}

function renewalFindings(feature: Feature, deadline: FeatureDeadline): Finding[] {
  return deadline.renewals
    .filter((review) => review.problems.length > 0)
    .map((review) => {
      const at = feature.renewalLocations[review.index] ?? feature.fieldLocations.renewals ?? feature.location;
      return {
        rule: RULE,
        severity: 'error' as const,
        file: at.file,
        line: at.line,
        column: at.column,
        feature: feature.id,
        message: `renewal ${review.index + 1} of "${feature.id}" (release ${review.release}) does not extend the deadline: ${review.problems.join('; ')}`,
      };
    });
}
