import { featureDeadline } from '../policy/deadlines.js';
import type { Finding } from '../findings.js';
import type { Check } from '../checks/check.js';

/**
 * The editor's view of `preview-deadline`: the CLI reports a due or overdue feature once, at its
 * entry in lifecycle.yaml (which ESLint does not lint); in the editor, every file of that feature
 * gets one report at its top, naming the deadline and the owners to talk to.
 */
export const deadlineInFile: Check = {
  id: 'preview-deadline',
  run(facts) {
    const { policy } = facts;
    return facts.files.flatMap((file): Finding[] => {
      const feature = file.class.zone === 'preview' ? policy.features.find((candidate) => candidate.id === file.class.feature) : undefined;
      if (!feature || feature.status !== 'preview') return [];
      const deadline = featureDeadline(feature, {
        releases: policy.releases,
        maxCycles: policy.preview.maxCycles,
        maxRenewals: policy.preview.maxRenewals,
      });
      if (deadline.state !== 'overdue' && deadline.state !== 'due-next') return [];
      const when = deadline.deadline ?? `the release after ${policy.releases.names.at(-1) ?? '?'}`;
      const owners = feature.owners.length > 0 ? feature.owners.join(', ') : 'nobody (features.' + feature.id + '.owners is empty)';
      const state =
        deadline.state === 'overdue'
          ? `is overdue: it had to leave preview by ${when}`
          : `must leave preview by ${when}, the next release`;
      return [
        {
          rule: 'preview-deadline',
          severity: deadline.state === 'overdue' ? 'error' : 'warn',
          file: file.file,
          line: 1,
          column: 1,
          feature: feature.id,
          message: `preview feature "${feature.id}" ${state} (${deadline.sinceKind === 'renewal' ? 'last renewed' : 'introduced'} in ${deadline.since}, preview.maxCycles: ${policy.preview.maxCycles}); promote, renew or remove it — owners: ${owners}`,
        },
      ];
    });
  },
};
