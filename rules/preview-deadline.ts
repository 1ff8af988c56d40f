import { previewDeadlineInSourceFiles } from '../src/checks/preview-deadline.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';

/**
 * `lifecycle/preview-deadline`: see docs/rules/preview-deadline.md. One report at the top of each
 * file of a preview feature that is due next release (`dueNext`) or overdue (`overdue`). ESLint
 * shows both at the rule's configured level (a rule cannot set a report's severity), so the
 * message id carries what the CLI grades as warning and error.
 */
export default createLifecycleRule({
  check: previewDeadlineInSourceFiles,
  extraMessageIds: ['dueNext', 'overdue'],
  messageIdOf: (finding) => (finding.severity === 'error' ? 'overdue' : 'dueNext'),
});
