import { createLifecycleRule } from '../src/eslint/create-rule.js';
import { deadlineInFile } from '../src/eslint/deadline-in-file.js';

/**
 * `lifecycle/preview-deadline`: see docs/rules/preview-deadline.md. One report at the top of each
 * file of a preview feature that is due next release or overdue (at the rule's configured level).
 */
export default createLifecycleRule({ check: deadlineInFile });
