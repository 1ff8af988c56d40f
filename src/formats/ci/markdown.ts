import type { ReadinessResult } from '../../ci/result.js';
import { accountLines, changeMarkdown } from './account.js';
import { cellCountMarkdownLines } from './cell-counts.js';
import { formatThreshold, formatValue, STRIP_LEGEND } from './format-values.js';
import type { ReadinessReportOptions } from './text.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown readiness report: a table of criteria per system. */
export function renderReadinessMarkdown(result: ReadinessResult, options: ReadinessReportOptions = {}): string {
  const lines: string[] = [`# CI readiness as of ${result.asOf}`, ''];
  for (const system of result.systems) {
    lines.push(`## ${system.name}: \`${system.verdict}\``, '');
    lines.push(
      `${system.voting ? 'Voting' : 'Non-voting'}; ${system.mayVote ? 'may vote' : 'may not vote'}. ` +
        `Clean since: ${system.cleanSince ?? 'not clean now'}. Eligible on: ${system.eligibleOn ?? 'n/a'}.`,
      '',
    );
    const name = (change: string, patchset?: string | null) => changeMarkdown(options.changeUrl, change, patchset);
    for (const [label, text] of accountLines(system, name)) lines.push(`- **${label}**: ${text}`);
    lines.push('');
    const broken = system.broken.includes('!') ? [`${' '.repeat(system.window.from.length)} ${system.broken}  broken`] : [];
    lines.push('```text', `${system.window.from} ${system.strip} ${system.window.to}`, ...broken, '```', '');
    lines.push('| criterion | value | threshold | pass | detail |', '| --- | --- | --- | --- | --- |');
    for (const c of system.criteria) {
      lines.push(`| ${c.id} | ${cell(formatValue(c.id, c.value))} | ${cell(formatThreshold(c))} | ${c.pass ? 'yes' : '**no**'} | ${cell(c.detail)} |`);
    }
    lines.push(...cellCountMarkdownLines(system, cell));
    const failing = system.criteria.filter((c) => !c.pass && c.evidence.length > 0);
    if (failing.length > 0 && options.evidence !== false) {
      lines.push('', '**Evidence**', '');
      for (const c of failing) {
        for (const item of c.evidence) {
          const where = item.change ? ` ${name(item.change, item.patchset)}` : '';
          const log = item.log ? ` ([log](${item.log}))` : '';
          lines.push(`- \`${c.id}\` ${item.at}${where}: ${cell(item.note)}${log}`);
        }
      }
    }
    lines.push('');
  }
  lines.push(`Strip: ${STRIP_LEGEND}.`, '');
  return lines.join('\n');
}
