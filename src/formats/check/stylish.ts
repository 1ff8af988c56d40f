import type { CheckResult, Finding } from '../../findings.js';
import { defuseCommandLines, escapeControl, escapeStrings } from './escape.js';
import type { ReporterOptions } from './reporter-options.js';
import { groupUnresolved, unresolvedHeadline } from './unresolved-groups.js';
import { filesText, importsText } from './summary-text.js';

const CODES = { red: [31, 39], yellow: [33, 39], dim: [2, 22], bold: [1, 22], underline: [4, 24] } as const;

/**
 * Human output grouped by file, like ESLint's stylish; colour only when asked (a TTY). Control
 * characters in names and messages are escaped, so no file name can forge a line.
 */
export function formatStylish(result: CheckResult, options: ReporterOptions): string {
  return defuseCommandLines(renderStylish(escapeStrings(result), { ...options, notes: (options.notes ?? []).map(escapeControl) }));
}

function renderStylish(result: CheckResult, options: ReporterOptions): string {
  const paint = (style: keyof typeof CODES, text: string) =>
    options.color ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text;
  const lines: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint('underline', file));
    const width = Math.max(...findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(width);
      const level = finding.severity === 'error' ? paint('red', 'error') : paint('yellow', 'warn ');
      lines.push(`  ${paint('dim', position)}  ${level}  ${finding.message}  ${paint('dim', finding.rule)}`);
    }
    lines.push('');
  }
  if (options.verbose && result.unresolvedImports.length > 0) {
    const groups = groupUnresolved(result.unresolvedImports);
    lines.push(paint('bold', `Unresolved imports · ${unresolvedHeadline(groups)}`));
    for (const group of groups) {
      lines.push(`  ${group.label}: ${group.imports.length}`);
      for (const item of group.imports) {
        lines.push(`    ${item.file}:${item.line}:${item.column}  "${item.specifier}"  ${paint('dim', item.reason)}`);
      }
    }
    lines.push('');
  }
  for (const note of options.notes ?? []) lines.push(paint('dim', `note: ${note}`));
  if ((options.notes ?? []).length > 0) lines.push('');
  const { errors, warnings, unresolved } = result.summary;
  const total = errors + warnings;
  const head = total === 0 ? '✔ no problems' : `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  const listHint = unresolved > 0 && !options.verbose ? ' (--verbose lists them)' : '';
  const baselinedText = result.baselined ? ` · ${result.baselined} baselined` : '';
  const summary = `${head}${baselinedText} · ${filesText(result.summary)} · ${importsText(result.summary)}${listHint}`;
  lines.push(total === 0 ? summary : paint(errors > 0 ? 'red' : 'yellow', summary));
  return `${lines.join('\n')}\n`;
}
