import { createHash } from 'node:crypto';
import type { Finding } from '../findings.js';

/** Returns the text of a 1-based line of a project file, or undefined when it cannot be read. */
export type LineLookup = (file: string, line: number) => string | undefined;

/**
 * Gives every finding a fingerprint that survives line shifts: a hash of the rule, the file, the
 * normalized text of the finding's line (or the message when the line cannot be read), the import
 * target, and the occurrence index among findings with the same anchor. The line number is not
 * part of it, so inserting lines above a finding keeps its identity. Findings keep their order.
 */
export function withFingerprints(findings: readonly Finding[], lineOf: LineLookup): Finding[] {
  const anchors = findings.map((finding) => anchorOf(finding, lineOf(finding.file, finding.line)));
  // Occurrences are numbered in position order, so the n-th identical line stays the n-th.
  const order = findings.map((_, index) => index).sort((a, b) => positionOrder(findings[a]!, findings[b]!) || a - b);
  const seen = new Map<string, number>();
  const fingerprints: string[] = [];
  for (const index of order) {
    const anchor = anchors[index]!;
    const occurrence = seen.get(anchor) ?? 0;
    seen.set(anchor, occurrence + 1);
    fingerprints[index] = hash(`${anchor}\u0000${occurrence}`);
  }
  return findings.map((finding, index) => ({ ...finding, fingerprint: fingerprints[index]! }));
}

/** The fingerprint of a finding, computed from its message when the engine did not set one. */
export function fingerprintOf(finding: Finding): string {
  return finding.fingerprint ?? hash(`${anchorOf(finding, undefined)}\u0000${0}`);
}

/** Whitespace-insensitive line text, so re-indenting a line keeps its identity. */
export function normalizeLine(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

function anchorOf(finding: Finding, lineText: string | undefined): string {
  const content = lineText === undefined ? `message:${finding.message}` : `line:${normalizeLine(lineText)}`;
  return [finding.rule, finding.file, content, finding.target ?? ''].join('\u0000');
}

function positionOrder(a: Finding, b: Finding): number {
  return a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
