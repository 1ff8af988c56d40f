import { previewConfigLabel } from '../../checks/preview-config-label.js';
import { previewDocsLabel } from '../../checks/preview-docs-label.js';
import { hasLabel } from '../../policy/label-match.js';
import { configFileFacts } from '../../config-files/index.js';
import { markdownFacts } from '../../docs-files/markdown.js';
import type { LabelledText } from '../../facts/source-file.js';
import type { Finding } from '../../findings.js';
import type { Policy } from '../../policy/model.js';
import { applyTextEdits, lineAround, offsetOf, type TextEdit } from './text-edits.js';

/** A file's text after its stale labels were dropped, and what could not be dropped safely. */
interface LabelFix {
  text: string;
  manual: string[];
}

/** Each fix removes one finding; more rounds than this means a fix that does not take (a bug): stop. */
const MAX_ROUNDS = 50;

/**
 * Drops the stale labels `preview-config-label` reports in one config file once the feature is
 * stable (`policy` already says so): a comment that is only the label goes, a `preview:` prefix
 * goes from a longer comment; any other is listed for a person.
 */
export function dropConfigLabels(file: string, text: string, policy: Policy, feature: string): LabelFix {
  return fixUntilClean(text, (current) => stale(previewConfigLabel.run({ files: [], tree: undefined, config: [configFileFacts(file, current)], policy }), feature), (current, finding) => {
    const start = offsetOf(current, finding.line, finding.column);
    const [lineStart, lineEnd] = lineAround(current, start);
    const marker = /^(#|;|\/\/)\s?/.exec(current.slice(start, lineEnd));
    if (!marker) return undefined;
    const body = current.slice(start + marker[0].length, lineEnd).replace(/\r?\n$/, '');
    const rest = withoutLabel(body, policy.preview.label);
    if (rest === undefined) return undefined;
    if (rest !== '') return { offset: start + marker[0].length, length: body.length, text: rest };
    const before = current.slice(lineStart, start);
    if (before.trim() === '') return { offset: lineStart, length: lineEnd - lineStart, text: '' };
    const trimmedBefore = before.replace(/\s+$/, '');
    const from = lineStart + trimmedBefore.length;
    return { offset: from, length: start + marker[0].length + body.length - from, text: '' };
  }, (finding) => `${file}:${finding.line}:${finding.column}: remove the "${policy.preview.label}" label by hand (${finding.message})`);
}

/**
 * Drops the stale labels `preview-docs-label` reports in one Markdown doc: the label in the title
 * (`(preview)`, `[preview]`, a `Preview:` prefix), a blockquote admonition that says it, a badge
 * image that says it; any other is listed for a person.
 */
export function dropDocLabels(file: string, text: string, policy: Policy, feature: string): LabelFix {
  const label = policy.preview.label;
  return fixUntilClean(text, (current) => stale(previewDocsLabel.run({ files: [], tree: undefined, docs: [markdownFacts(file, current)], policy }), feature), (current, finding) => {
    const at = offsetOf(current, finding.line, 1);
    const [lineStart, lineEnd] = lineAround(current, at);
    const line = current.slice(lineStart, lineEnd);
    if (/^#{1,6}\s/.test(line)) {
      const fixed = titleWithoutLabel(line, label);
      return fixed === undefined ? undefined : { offset: lineStart, length: line.length, text: fixed };
    }
    if (line.startsWith('>')) {
      let end = lineEnd;
      while (end < current.length && current.startsWith('>', end)) end = lineAround(current, end)[1];
      if (/^\r?\n/.test(current.slice(end))) end = lineAround(current, end)[1];
      let start = lineStart;
      while (start > 0 && current.startsWith('>', lineAround(current, start - 1)[0])) start = lineAround(current, start - 1)[0];
      return { offset: start, length: end - start, text: '' };
    }
    const badge = new RegExp(`!\\[[^\\]]*\\]\\([^)]*\\)`, 'g');
    const badges = [...line.matchAll(badge)].filter((match) => hasLabel(match[0], label));
    if (badges.length === 0) return undefined;
    const kept = line.replace(badge, (match) => (hasLabel(match, label) ? '' : match));
    return { offset: lineStart, length: line.length, text: kept.trim() === '' ? '' : kept.replace(/ {2,}/g, ' ') };
  }, (finding) => `${file}:${finding.line}:${finding.column}: remove the "${label}" label by hand (${finding.message})`);
}

/** `[preview] ` at the start of CLI help strings of the promoted code goes; a label elsewhere in one is listed. */
export function dropCliLabels(file: string, text: string, texts: readonly LabelledText[], label: string): LabelFix {
  const edits: TextEdit[] = [];
  const manual: string[] = [];
  const prefix = new RegExp(`^\\[${escapeRegExp(label)}\\] ?`, 'i');
  for (const item of texts) {
    if (item.kind === 'route-path' || !hasLabel(item.text, label)) continue;
    const match = prefix.exec(item.text);
    const at = offsetOf(text, item.line, item.column);
    const start = /['"`]/.test(text[at] ?? '') ? at + 1 : at;
    if (match && text.startsWith(match[0], start)) edits.push({ offset: start, length: match[0].length, text: '' });
    else manual.push(`${file}:${item.line}:${item.column}: remove the "${label}" label from this ${item.where} by hand`);
  }
  return { text: applyTextEdits(text, edits), manual };
}

function stale(findings: readonly Finding[], feature: string): Finding[] {
  return findings.filter((finding) => finding.feature === feature && finding.message.startsWith('stale '));
}

/** Applies one fix per round (positions move) until no finding is left, or lists the first that has no safe fix. */
function fixUntilClean(
  text: string,
  findingsOf: (text: string) => Finding[],
  fix: (text: string, finding: Finding) => TextEdit | undefined,
  manualStep: (finding: Finding) => string,
): LabelFix {
  let current = text;
  const skipped = new Set<string>();
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const findings = findingsOf(current).filter((finding) => !skipped.has(`${finding.line}:${finding.column}`));
    const finding = findings[0];
    if (!finding) break;
    const edit = fix(current, finding);
    if (edit) current = applyTextEdits(current, [edit]);
    else skipped.add(`${finding.line}:${finding.column}`);
  }
  const manual = findingsOf(current).map(manualStep);
  return { text: current, manual };
}

/** The comment without the label: '' when it was only the label, undefined when it says more around it. */
function withoutLabel(body: string, label: string): string | undefined {
  const word = `[\\[(]?${escapeRegExp(label)}[\\])]?`;
  if (new RegExp(`^\\s*${word}\\s*[.!]?\\s*$`, 'i').test(body)) return '';
  const prefixed = new RegExp(`^\\s*${word}\\s*(?:[:.\\u2013\\u2014-]\\s*|\\s(?=\\S))(.+)$`, 'i').exec(body);
  if (prefixed && !hasLabel(prefixed[1]!, label)) return prefixed[1]!;
  return undefined;
}

function titleWithoutLabel(line: string, label: string): string | undefined {
  const word = escapeRegExp(label);
  const forms = [new RegExp(`\\s*[\\[(]${word}[\\])]`, 'i'), new RegExp(`(?<=^#+\\s+)${word}\\s*[:\\u2013\\u2014-]\\s*`, 'i'), new RegExp(`\\s*[:\\u2013\\u2014-]\\s*${word}\\s*(?=\\r?\\n?$)`, 'i')];
  for (const form of forms) {
    const fixed = line.replace(form, '');
    if (fixed !== line && !hasLabel(fixed, label)) return fixed;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
