import { unlabelledTexts } from './preview-cli-label.js';
import type { Check } from './check.js';

/** HTTP route paths registered in preview code carry the label (off in `recommended`). */
export const previewRouteLabel: Check = {
  id: 'preview-route-label',
  run: (facts) => unlabelledTexts(facts, 'preview-route-label', ['route-path'], 'route path'),
};
