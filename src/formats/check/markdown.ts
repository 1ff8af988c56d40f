import type { CheckResult, Finding } from '../../findings.js';
import { defuseCommandLines, escapeControl } from './escape.js';
import { filesText, importsText, plural } from './summary-text.js';
import { ruleHelpUri } from './tool-info.js';

/** Rows beyond this are summarised, so the comment stays under GitHub's 65,536-character limit. */
export const MARKDOWN_MAX_ROWS = 200;

/** A hidden marker, so a bot can find and update its previous comment. */
const MARKER = '<!-- feature-lifecycle check -->';

/** A pull-request comment: a summary line, then one table per file with links to the rule docs. */
export function formatMarkdown(result: CheckResult): string {
  return defuseCommandLines(renderMarkdown(result));
}

function renderMarkdown(result: CheckResult): string {
  const lines = [MARKER, '### feature-lifecycle check', '', summaryLine(result)];
  let rows = 0;
  for (const [file, findings] of groupByFile(result.findings)) {
    if (rows >= MARKDOWN_MAX_ROWS) break;
    lines.push('', `#### ${codeSpan(escapeControl(file))}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const finding of findings.slice(0, MARKDOWN_MAX_ROWS - rows)) {
      const severity = finding.severity === 'error' ? '**error**' : 'warning';
      lines.push(`| ${finding.line}:${finding.column} | ${severity} | [${codeSpan(finding.rule)}](${ruleHelpUri(finding.rule)}) | ${cell(finding.message)} |`);
      rows += 1;
    }
  }
  const omitted = result.findings.length - rows;
  if (omitted > 0) lines.push('', `…and ${omitted} more finding${omitted === 1 ? '' : 's'} (run \`lifecycle check\` for the full list).`);
  return `${lines.join('\n')}\n`;
}

function summaryLine(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  const total = errors + warnings;
  const head =
    total === 0
      ? '✔ **No problems**'
      : `✖ **${plural(total, 'problem')}** (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  const extras = [...(result.baselined ? [`${result.baselined} baselined`] : []), filesText(result.summary), importsText(result.summary)];
  return `${head} · ${extras.join(' · ')}`;
}

function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
  return byFile;
}

/** Table cell text: pipes escaped, line breaks as <br>, HTML and Markdown emphasis defused, other control characters escaped. */
function cell(text: string): string {
  const html = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
  return escapeControl(html);
}

/** Inline code that survives backticks in the text (a longer fence). */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return text.startsWith('`') || text.endsWith('`') ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}
