import { previewRouteLabel } from '../src/checks/preview-route-label.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';

/** `lifecycle/preview-route-label`: see docs/rules/preview-route-label.md. */
export default createLifecycleRule({ check: previewRouteLabel });
