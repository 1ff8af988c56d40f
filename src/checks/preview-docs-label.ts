import picomatch from 'picomatch';
import type { Finding } from '../findings.js';
import type { Feature } from '../policy/model.js';
import { hasLabel } from '../policy/label-match.js';
import type { Check } from './check.js';
import type { DocFileFacts, DocMark } from '../facts/doc-file.js';
import type { CheckInput } from './check.js';

const RULE = 'preview-docs-label';

/**
 * Docs of preview features (`features.<id>.docs`) carry the label in their title or in a mark
 * before the first section; docs of stable and deprecated features carry none; every `docs`
 * glob of such a feature names at least one file.
 */
export const previewDocsLabel: Check = {
  id: RULE,
  run(facts: CheckInput): Finding[] {
    if (!facts.docs) return [];
    const label = facts.policy.preview.label;
    const features = facts.policy.features.filter((feature) => feature.status !== 'removed' && feature.docs.length > 0);
    const globs = features.flatMap((feature) => feature.docs.map((glob) => ({ feature, glob, matches: picomatch(glob, { dot: true }) })));
    const findings: Finding[] = [];
    for (const { feature, glob, matches } of globs) {
      if (facts.docs.some((doc) => matches(doc.file))) continue;
      const at = feature.fieldLocations.docs ?? feature.location;
      findings.push({ rule: RULE, severity: 'error', ...at, feature: feature.id, message: `features.${feature.id}.docs: "${glob}" matches no file` });
    }
    for (const doc of facts.docs) {
      const owners = globs.filter(({ matches }) => matches(doc.file)).map(({ feature }) => feature);
      const finding = checkDoc(doc, owners, label);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

function checkDoc(doc: DocFileFacts, owners: readonly Feature[], label: string): Finding | undefined {
  const inPreview = owners.find((feature) => feature.status === 'preview');
  const owner = inPreview ?? owners[0];
  if (!owner) return undefined;
  const base = { rule: RULE, severity: 'error' as const, file: doc.file, feature: owner.id };
  if (doc.problem) {
    return { ...base, line: doc.problem.line, column: doc.problem.column, message: `${doc.problem.message}; the doc's label was not checked` };
  }
  const marks = [...(doc.title ? [doc.title] : []), ...doc.marks];
  const labelled = marks.find((mark) => hasLabel(mark.text, label));
  if (inPreview && !labelled) {
    const at = doc.title ?? doc.marks.find((mark) => mark.kind === 'front matter title') ?? { line: 1, column: 1 };
    return {
      ...base,
      line: at.line,
      column: at.column,
      message: `doc of preview feature "${owner.id}" is not labelled "${label}": say "${label}" in its title, or in an admonition or badge before the first section`,
    };
  }
  if (!inPreview && labelled) {
    return {
      ...base,
      line: labelled.line,
      column: labelled.column,
      message: `stale "${label}" label in the ${describe(labelled)} of a doc of ${owner.status} feature "${owner.id}": remove it`,
    };
  }
  return undefined;
}

function describe(mark: DocMark): string {
  return mark.kind === 'title' || mark.kind === 'front matter title' ? mark.kind : `${mark.kind} before the first section`;
}
