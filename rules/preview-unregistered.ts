import { previewUnregistered } from '../src/checks/preview-unregistered.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';

/** `lifecycle/preview-unregistered`: see docs/rules/preview-unregistered.md. */
export default createLifecycleRule({ check: previewUnregistered });
