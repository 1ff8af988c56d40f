import type { Finding } from '../findings.js';
import { featureDeadline, type FeatureDeadline } from '../policy/deadlines.js';
import type { Feature, Policy } from '../policy/model.js';
import type { Check, CheckInput } from './check.js';

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
        const deadline = deadlineOf(feature, policy);
        return [...deadlineFinding(feature, deadline, policy), ...renewalFindings(feature, deadline)];
      });
  },
};

/**
 * The same check as the editor sees it (`rules/preview-deadline.ts`): ESLint does not lint
 * lifecycle.yaml, so a due or overdue feature gets one finding at the top of each of its source
 * files instead, naming the deadline and the owners to talk to. Renewal problems stay with the CLI.
 */
export const previewDeadlineInSourceFiles: Check = {
  id: RULE,
  run(facts: CheckInput): Finding[] {
    const { policy } = facts;
    return facts.files.flatMap((file): Finding[] => {
      const feature = file.class.zone === 'preview' ? policy.features.find((candidate) => candidate.id === file.class.feature) : undefined;
      if (!feature || feature.status !== 'preview') return [];
      const deadline = deadlineOf(feature, policy);
      if (deadline.state !== 'overdue' && deadline.state !== 'due-next') return [];
      return [
        {
          rule: RULE,
          severity: deadline.state === 'overdue' ? 'error' : 'warn',
          file: file.file,
          line: 1,
          column: 1,
          feature: feature.id,
          message: deadlineMessage(feature, deadline, policy, 'source-file'),
        },
      ];
    });
  },
};

function deadlineOf(feature: Feature, policy: Policy): FeatureDeadline {
  return featureDeadline(feature, { releases: policy.releases, maxCycles: policy.preview.maxCycles, maxRenewals: policy.preview.maxRenewals });
}

function deadlineFinding(feature: Feature, deadline: FeatureDeadline, policy: Policy): Finding[] {
  if (deadline.state !== 'overdue' && deadline.state !== 'due-next') return [];
  return [
    {
      rule: RULE,
      severity: deadline.state === 'overdue' ? 'error' : 'warn',
      file: feature.location.file,
      line: feature.location.line,
      column: feature.location.column,
      feature: feature.id,
      message: deadlineMessage(feature, deadline, policy, 'policy'),
    },
  ];
}

/**
 * The one message of a due or overdue feature. At its entry in the policy (`lifecycle check`) it
 * says how late it is; in a source file (the editor) it names the owners instead, who are written
 * in a file the reader is not looking at.
 */
function deadlineMessage(feature: Feature, deadline: FeatureDeadline, policy: Policy, at: 'policy' | 'source-file'): string {
  const by = deadline.deadline ?? `the release after ${policy.releases.names.at(-1) ?? '?'}`;
  const why = `(${deadline.sinceKind === 'renewal' ? 'last renewed' : 'introduced'} in ${deadline.since}, preview.maxCycles: ${policy.preview.maxCycles})`;
  const state =
    deadline.state === 'overdue'
      ? `is overdue: it had to leave preview by ${by}${at === 'policy' ? `, ${howLate(-deadline.cyclesLeft!)}` : ''}`
      : `must leave preview by ${by}, the next release`;
  if (at === 'policy') return `preview feature "${feature.id}" ${state} ${why}: promote, renew or remove it`;
  const owners = feature.owners.length > 0 ? feature.owners.join(', ') : `nobody (features.${feature.id}.owners is empty)`;
  return `preview feature "${feature.id}" ${state} ${why}; promote, renew or remove it — owners: ${owners}`;
}

function howLate(late: number): string {
  return late === 0 ? 'the current release' : `${late} release${late === 1 ? '' : 's'} before the current one`;
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
