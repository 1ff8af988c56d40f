import type { CheckResult, Finding } from '../../findings.js';
import { escapeControl } from './escape.js';
import { filesText, importsText, plural } from './summary-text.js';

/**
 * GitHub Actions workflow commands, one annotation per finding:
 * `::error file=src/a.ts,line=3,col=7,title=no-preview-import::message`, then one `::notice`
 * with the summary (problems, files checked and skipped, imports resolved and unresolved).
 * Nothing else is printed, so the output can go straight to the job log.
 */
export function formatGithub(result: CheckResult): string {
  return [...result.findings.map(annotation), summaryNotice(result)].map((line) => `${line}\n`).join('');
}

function summaryNotice(result: CheckResult): string {
  const { errors, warnings } = result.summary;
  const parts = [
    `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
    ...(result.baselined ? [`${result.baselined} baselined`] : []),
    filesText(result.summary),
    importsText(result.summary),
  ];
  return `::notice title=${escapeProperty('lifecycle check')}::${escapeData(parts.join(' · '))}`;
}

function annotation(finding: Finding): string {
  const command = finding.severity === 'error' ? 'error' : 'warning';
  const properties = [
    `file=${escapeProperty(finding.file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `title=${escapeProperty(finding.rule)}`,
  ].join(',');
  return `::${command} ${properties}::${escapeData(finding.message)}`;
}

/**
 * The message part: `%`, CR and LF are percent-encoded (as in @actions/core), so no value can end
 * the command's line; the other control characters (ESC sequences…) are escaped visibly.
 */
export function escapeData(text: string): string {
  return escapeControl(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** A property value: also `:` and `,`, which would end the value. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
