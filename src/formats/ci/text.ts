import type { ReadinessResult, SystemResult } from '../../ci/result.js';
import { accountLines, changeText } from './account.js';
import { cellCountTextLines } from './cell-counts.js';
import { formatThreshold, formatValue, STRIP_LEGEND } from './format-values.js';

export interface ReadinessReportOptions {
  /** Show evidence lines under failing criteria (default true). */
  evidence?: boolean;
  /** `ci.changeUrl`: a link template for change numbers (`https://review.example.org/c/{change}/{patchset}`). */
  changeUrl?: string | undefined;
}

const AS_OF_SOURCE = { flag: 'given with --as-of', 'latest-record': 'the day of the latest record', today: 'today: no records' };

function weekly(marks: string): string {
  const weeks: string[] = [];
  for (let i = 0; i < marks.length; i += 7) weeks.push(marks.slice(i, i + 7));
  return weeks.join(' ');
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function systemLines(system: SystemResult, options: ReadinessReportOptions): string[] {
  const lines: string[] = [];
  const role = system.voting ? 'voting' : 'non-voting';
  lines.push(`${system.name}: ${system.verdict.toUpperCase()} (${role}; ${system.mayVote ? 'may vote' : 'may not vote'})`);
  const clean = system.cleanSince ? `clean since ${system.cleanSince}` : 'not clean now';
  const eligible = system.eligibleOn ? `, eligible on ${system.eligibleOn}${system.verdict === 'not-yet' ? ' if it stays clean' : ''}` : '';
  lines.push(`  ${clean}${eligible}`);
  const name = (change: string, patchset?: string | null) => changeText(options.changeUrl, change, patchset);
  for (const [label, text] of accountLines(system, name)) lines.push(`  ${pad(label, 17)} ${text}`);
  lines.push(`  window  ${system.window.from} ${weekly(system.strip)} ${system.window.to}`);
  if (system.broken.includes('!')) lines.push(`  broken  ${' '.repeat(system.window.from.length)} ${weekly(system.broken)}`);
  const counts = Object.entries(system.reports)
    .map(([cls, n]) => `${n} ${cls}`)
    .join(', ');
  lines.push(`  reports in window: ${counts}`);
  lines.push(...cellCountTextLines(system));
  for (const criterion of system.criteria) {
    const mark = criterion.pass ? 'ok  ' : 'FAIL';
    lines.push(
      `  ${mark} ${pad(criterion.id, 20)} ${pad(formatValue(criterion.id, criterion.value), 12)} ${pad(formatThreshold(criterion), 12)} ${criterion.detail}`,
    );
    if (!criterion.pass && options.evidence !== false) {
      for (const item of criterion.evidence) {
        const where = item.change ? ` ${name(item.change, item.patchset)}` : '';
        lines.push(`         ${item.at}${where}: ${item.note}${item.log ? ` ${item.log}` : ''}`);
      }
    }
  }
  return lines;
}

/** Plain-text readiness report: one block per system with the per-day strip of the window. */
export function renderReadinessText(result: ReadinessResult, options: ReadinessReportOptions = {}): string {
  const lines: string[] = [`CI readiness as of ${result.asOf} (${AS_OF_SOURCE[result.asOfSource]})`, ''];
  for (const system of result.systems) lines.push(...systemLines(system, options), '');
  if (result.systems.length > 0) lines.push(`strip: ${STRIP_LEGEND}`);
  const ignored = Object.entries(result.input.ignored).map(([reason, n]) => `${n} ${reason}`);
  lines.push(
    `input: ${result.input.runs} runs${result.input.duplicateRuns ? ` (${result.input.duplicateRuns} duplicates dropped)` : ''}, ${result.input.patchsets} upstream patchsets, ${result.input.rechecks} recheck requests${ignored.length ? `; ignored: ${ignored.join(', ')}` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
