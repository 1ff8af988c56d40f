import { previewCliLabel } from '../src/checks/preview-cli-label.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';

/** `lifecycle/preview-cli-label`: see docs/rules/preview-cli-label.md. Autofix: prefix `[<label>] `. */
export default createLifecycleRule({
  check: previewCliLabel,
  fix(finding, context, facts) {
    // The label of the policy that produced the finding (the rule's `policy` option may name one
    // other than the nearest lifecycle.yaml).
    const label = facts.policy.preview.label;
    const index = context.sourceCode.getIndexFromLoc({ line: finding.line, column: finding.column - 1 });
    const quote = context.sourceCode.text[index];
    if (quote !== "'" && quote !== '"' && quote !== '`') return undefined;
    return (fixer) => fixer.insertTextAfterRange([index, index + 1], escapeForLiteral(`[${label}] `, quote));
  },
});

/** Text that, inserted inside a literal opened with `quote`, reads back as `text`. */
function escapeForLiteral(text: string, quote: string): string {
  const escaped = text.replace(/\\/g, '\\\\').split(quote).join(`\\${quote}`);
  return quote === '`' ? escaped.replace(/\$\{/g, '\\${') : escaped;
}
