import type { Finding } from '../findings.js';
import { ConfigKeyOwners } from '../policy/config-key-owners.js';
import { hasLabel } from '../policy/label-match.js';
import type { Check } from './check.js';
import type { ConfigAnchor, ConfigComment, ConfigFileFacts, ConfigKeyFact } from '../facts/config-file.js';
import type { CheckInput } from './check.js';

const RULE = 'preview-config-label';

/** Where a key's label was found (the first place, in the order a reader looks). */
type LabelSource =
  | { kind: 'path'; key: ConfigKeyFact }
  | { kind: 'comment'; comment: ConfigComment; owner: ConfigAnchor };

/**
 * Config keys of preview features carry the label (in a comment on or directly above the key or
 * one of its sections, or in the key path); keys of stable and deprecated features carry none.
 */
export const previewConfigLabel: Check = {
  id: RULE,
  run(facts: CheckInput): Finding[] {
    if (!facts.config) return [];
    const owners = new ConfigKeyOwners(facts.policy.features);
    return facts.config.flatMap((file) => checkFile(file, owners, facts));
  },
};

function checkFile(file: ConfigFileFacts, owners: ConfigKeyOwners, facts: CheckInput): Finding[] {
  const label = facts.policy.preview.label;
  if (file.problem) {
    return [{ rule: RULE, severity: 'error', file: file.file, ...position(file.problem), message: `${file.problem.message}; the keys of this config file were not checked` }];
  }
  const findings: Finding[] = [];
  /** Comments carrying the label (by position) → whether they label a preview key, and the stable features they label. */
  const labellingComments = new Map<string, { comment: ConfigComment; owner: ConfigAnchor; preview: boolean; stable: Set<string> }>();
  for (const key of file.keys) {
    const feature = owners.ownerOf(key.path, file.format)?.feature;
    const sources = labelSources(key, label);
    for (const source of sources) {
      if (source.kind !== 'comment') continue;
      const id = `${source.comment.line}:${source.comment.column}`;
      const entry = labellingComments.get(id) ?? { comment: source.comment, owner: source.owner, preview: false, stable: new Set<string>() };
      if (feature?.status === 'preview') entry.preview = true;
      else if (feature) entry.stable.add(feature.id);
      labellingComments.set(id, entry);
    }
    if (!feature) continue;
    const name = keyName(key);
    if (feature.status === 'preview' && sources.length === 0) {
      findings.push({
        rule: RULE,
        severity: 'error',
        file: file.file,
        ...position(key),
        feature: feature.id,
        message: `config key ${name} of preview feature "${feature.id}" is not labelled "${label}": say "${label}" in a comment on or directly above the key or its section, or in the key path`,
      });
    } else if (feature.status !== 'preview') {
      const inPath = sources.find((source) => source.kind === 'path');
      if (inPath) {
        findings.push({
          rule: RULE,
          severity: 'error',
          file: file.file,
          ...position(key),
          feature: feature.id,
          message: `config key ${name} of ${feature.status} feature "${feature.id}" still says "${label}" in its path: rename it (keep the old name as a deprecated alias if users set it)`,
        });
      }
    }
  }
  // A label comment is stale when every feature key it labels belongs to a stable feature.
  for (const { comment, ...use } of labellingComments.values()) {
    if (use.preview || use.stable.size === 0) continue;
    const ids = [...use.stable].sort();
    const what = use.owner.path.length > 0 ? (use.owner.name ?? use.owner.path.join('.')) : 'the file';
    findings.push({
      rule: RULE,
      severity: 'error',
      file: file.file,
      ...position(comment),
      ...(ids.length === 1 ? { feature: ids[0]! } : {}),
      message: `stale "${label}" label on ${what}: ${ids.map((id) => `"${id}"`).join(', ')} ${ids.length === 1 ? 'is' : 'are'} no longer in preview; remove the label from this comment`,
    });
  }
  return findings;
}

/** Every place that labels the key: its path, its own comments, then its sections' comments. */
export function labelSources(key: ConfigKeyFact, label: string): LabelSource[] {
  const sources: LabelSource[] = [];
  if (key.path.some((segment) => hasLabel(segment, label))) sources.push({ kind: 'path', key });
  for (const owner of [key, ...key.sections]) {
    for (const comment of owner.comments) if (hasLabel(comment.text, label)) sources.push({ kind: 'comment', comment, owner });
  }
  return sources;
}

function keyName(key: ConfigKeyFact): string {
  return `"${key.name ?? key.path.join('.')}"`;
}

function position(at: { line: number; column: number }): { line: number; column: number } {
  return { line: at.line, column: at.column };
}
