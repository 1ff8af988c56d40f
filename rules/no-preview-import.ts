import { noPreviewImport } from '../src/checks/no-preview-import.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';

/** `lifecycle/no-preview-import`: see docs/rules/no-preview-import.md. */
export default createLifecycleRule({ check: noPreviewImport });
