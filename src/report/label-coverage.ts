import picomatch from 'picomatch';
import { ConfigKeyOwners } from '../policy/config-key-owners.js';
import { hasLabel } from '../policy/label-match.js';
import { labelSources } from '../checks/preview-config-label.js';
import type { Feature } from '../policy/model.js';
import type { ConfigKeyFact } from '../facts/config-file.js';
import type { CheckInput } from '../checks/check.js';
import type { FeatureLabels, LabelCoverage, LabelPlace } from './model.js';


function emptyCoverage(): LabelCoverage {
  return { labelled: 0, total: 0, problems: [] };
}

function count(coverage: LabelCoverage, labelled: boolean, needsFix: boolean, place: LabelPlace): void {
  coverage.total += 1;
  if (labelled) coverage.labelled += 1;
  if (needsFix) coverage.problems.push(place);
}

/** Label coverage of every feature, from the config, doc and label-call facts (pure). */
export function labelCoverage(facts: CheckInput): Map<string, FeatureLabels> {
  const { policy } = facts;
  const routesOn = (policy.severities['preview-route-label'] ?? 'off') !== 'off';
  const out = new Map<string, FeatureLabels>();
  for (const feature of policy.features) {
    const preview = feature.status === 'preview';
    out.set(feature.id, {
      config: emptyCoverage(),
      docs: emptyCoverage(),
      cli: preview ? emptyCoverage() : null,
      routes: preview && routesOn ? emptyCoverage() : null,
    });
  }
  countConfigKeys(facts, out);
  countDocs(facts, out);
  countTexts(facts, out);
  return out;
}

function keyName(key: ConfigKeyFact): string {
  return key.name ?? key.path.join('.');
}

/** Config keys: labelled in the key path or in a comment on the key or a section (as preview-config-label sees it). */
function countConfigKeys(facts: CheckInput, out: Map<string, FeatureLabels>): void {
  const label = facts.policy.preview.label;
  const owners = new ConfigKeyOwners(facts.policy.features);
  for (const file of facts.config ?? []) {
    if (file.problem) continue;
    const owned = file.keys.flatMap((key) => {
      const feature = owners.ownerOf(key.path, file.format)?.feature;
      return feature ? [{ key, feature, sources: labelSources(key, label) }] : [];
    });
    // A comment that labels a preview key is not stale, even where it also covers a stable key.
    const previewComments = new Set<string>();
    for (const { feature, sources } of owned) {
      if (feature.status !== 'preview') continue;
      for (const source of sources) if (source.kind === 'comment') previewComments.add(`${source.comment.line}:${source.comment.column}`);
    }
    for (const { key, feature, sources } of owned) {
      const coverage = out.get(feature.id)!.config;
      const place = { file: file.file, line: key.line, what: keyName(key) };
      if (feature.status === 'preview') {
        count(coverage, sources.length > 0, sources.length === 0, place);
      } else {
        const stale = sources.some((source) => source.kind === 'path' || !previewComments.has(`${source.comment.line}:${source.comment.column}`));
        count(coverage, stale, stale, place);
      }
    }
  }
}

/** Docs named by `features.<id>.docs`: labelled in the title or a mark before the first section. */
function countDocs(facts: CheckInput, out: Map<string, FeatureLabels>): void {
  const label = facts.policy.preview.label;
  const globs = facts.policy.features
    .filter((feature) => feature.status !== 'removed' && feature.docs.length > 0)
    .map((feature) => ({ feature, matches: picomatch(feature.docs, { dot: true }) }));
  for (const doc of facts.docs ?? []) {
    const owners: Feature[] = globs.filter(({ matches }) => matches(doc.file)).map(({ feature }) => feature);
    // The same owner preview-docs-label picks: a preview feature first.
    const owner = owners.find((feature) => feature.status === 'preview') ?? owners[0];
    if (!owner) continue;
    const marks = [...(doc.title ? [doc.title] : []), ...doc.marks];
    const labelled = !doc.problem && marks.some((mark) => hasLabel(mark.text, label));
    const place = { file: doc.file, line: doc.title?.line ?? 1, what: doc.title?.text ?? doc.file };
    const needsFix = owner.status === 'preview' ? !labelled : labelled;
    count(out.get(owner.id)!.docs, labelled, needsFix, place);
  }
}

/** CLI help and route paths found in preview code. */
function countTexts(facts: CheckInput, out: Map<string, FeatureLabels>): void {
  const label = facts.policy.preview.label;
  for (const file of facts.files) {
    const id = file.class.zone === 'preview' ? file.class.feature : undefined;
    const labels = id === undefined ? undefined : out.get(id);
    if (!labels) continue;
    for (const text of file.labelledTexts ?? []) {
      const coverage = text.kind === 'route-path' ? labels.routes : labels.cli;
      if (!coverage) continue;
      const labelled = hasLabel(text.text, label);
      count(coverage, labelled, !labelled, { file: file.file, line: text.line, what: text.text });
    }
  }
}
