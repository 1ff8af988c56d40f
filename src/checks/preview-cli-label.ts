import { unlabelledTexts } from './label-texts.js';
import type { Check } from './check.js';

/** Command, option and argument descriptions (commander, yargs) in preview code carry the label. */
export const previewCliLabel: Check = {
  id: 'preview-cli-label',
  run: (facts) => unlabelledTexts(facts, 'preview-cli-label', ['command-description', 'option-description', 'argument-description'], 'CLI help'),
};
