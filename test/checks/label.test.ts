import { describe, expect, it } from 'vitest';
import { hasLabel } from '../../src/policy/label-match.js';

describe('hasLabel', () => {
  it('finds the label as a word, case-insensitively, also in snake_case, kebab-case and camelCase', () => {
    const yes = ['preview', 'Preview: Firewall', '[preview]', '(PREVIEW)', 'enable_preview', 'preview-mode', 'previewMode', 'enablePreview', 'fwaas.preview.enabled'];
    const no = ['previews', 'nonpreview', 'previewed', 'xpreview', 'PREVIEWMODE', ''];
    expect(yes.filter((text) => !hasLabel(text, 'preview'))).toEqual([]);
    expect(no.filter((text) => hasLabel(text, 'preview'))).toEqual([]);
  });

  it('matches a label of several words as written', () => {
    expect(hasLabel('This is a Developer Preview.', 'developer preview')).toBe(true);
    expect(hasLabel('developer, preview', 'developer preview')).toBe(false);
  });
});
