import type { Finding } from '../findings.js';
import { hasLabel } from '../policy/label-match.js';
import type { LabelledTextKind } from '../facts/source-file.js';
import type { Check, CheckInput } from './check.js';

/** Command, option and argument descriptions (commander, yargs) in preview code carry the label. */
export const previewCliLabel: Check = {
  id: 'preview-cli-label',
  run: (facts) => unlabelledTexts(facts, 'preview-cli-label', ['command-description', 'option-description', 'argument-description'], 'CLI help'),
};

/**
 * Findings for preview files whose user-visible texts of these kinds lack the policy label; shared
 * with preview-route-label, which differs only in the kinds of text.
 */
export function unlabelledTexts(facts: CheckInput, rule: string, kinds: readonly LabelledTextKind[], what: string): Finding[] {
  const label = facts.policy.preview.label;
  return facts.files.flatMap((file) => {
    if (file.class.zone !== 'preview') return [];
    return (file.labelledTexts ?? [])
      .filter((text) => kinds.includes(text.kind) && !hasLabel(text.text, label))
      .map((text) => ({
        rule,
        severity: 'error' as const,
        file: file.file,
        line: text.line,
        column: text.column,
        ...(file.class.feature !== undefined ? { feature: file.class.feature } : {}),
        message: `${what} "${text.text}" (${text.where}) in preview feature "${file.class.feature ?? '?'}" does not say "${label}"`,
      }));
  });
}
