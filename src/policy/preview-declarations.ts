import { RE2JS } from 're2js';

/**
 * Which exported declarations are preview, and of which feature — the one decision that the
 * name-following `no-preview-import`, `preview-unregistered`, `preview-api-leak`, the registry
 * and the report share (docs/policy.md, "Preview declarations"). A declaration is preview when,
 * in this order:
 *
 * 1. its exported name is listed in `features.<id>.exports` → that feature;
 * 2. its doc comment carries `@preview <feature>` (built in) or a tag mapped by `preview.tags`
 *    → the tag's feature (`"from-name"`: the feature bound by `preview.exportNames`, else the
 *    file's feature);
 * 3. its exported name matches a `preview.exportNames` pattern → the `{feature}` it binds, else
 *    the file's feature;
 * 4. it is declared in preview code → the file's feature.
 *
 * A preview declaration whose feature is unknown (no `{feature}` bound, `@preview` without an id,
 * stable file) has `feature: undefined`; one whose feature is not in the registry has
 * `registered: false`. Both are `preview-unregistered` findings, never silently stable.
 */

/** `preview.exportNames` and `features.<id>.exports` entries, compiled (RE2: linear time). */
export interface ExportNamePattern {
  pattern: string;
  readonly regex: RE2JS;
  /** True when the pattern has `{feature}`. */
  bindsFeature: boolean;
  /** Its fixed parts: a name without one of them cannot match (checked before the regex, which is slower). */
  fixed: readonly string[];
  /**
   * Whether a name matches the pattern as a whole. A pattern without `{feature}` binds nothing,
   * so it is matched without its regex (never compiled then): see `globMatches`.
   */
  matches(name: string): boolean;
}

/** Whether an exported name matches the pattern. */
export function nameMatches(pattern: ExportNamePattern, name: string): boolean {
  return pattern.fixed.every((part) => name.includes(part)) && pattern.matches(name);
}

const NAME_CHARACTERS = /^[A-Za-z0-9_$]*$/;

/**
 * Whether a name matches fixed parts joined by `*` (a run of name characters): the name is made
 * of name characters only, begins with the first part unless the pattern begins with `*`, ends
 * with the last unless it ends with `*`, and holds the parts in between in order, each found at
 * its leftmost place after the one before (leftmost is never worse for a part followed by `*`).
 * At most one pass of `indexOf` per part: no backtracking, the same answer as the regex.
 */
function globMatches(parts: readonly string[], name: string): boolean {
  if (!NAME_CHARACTERS.test(name)) return false;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  let start = 0;
  let end = name.length;
  let from = 0;
  let to = parts.length;
  if (first !== '*') {
    if (!name.startsWith(first)) return false;
    start = first.length;
    from = 1;
  }
  if (to > from && last !== '*') {
    if (end - start < last.length || !name.endsWith(last)) return false;
    end -= last.length;
    to -= 1;
  } else if (from === parts.length) return start === end; // no `*` at all: the whole name is the part
  for (let index = from; index < to; index++) {
    const part = parts[index]!;
    if (part === '*') continue;
    const at = name.indexOf(part, start);
    if (at < 0 || at + part.length > end) return false;
    start = at + part.length;
  }
  return true;
}

const NAME_PART = /^(?:[A-Za-z0-9_$]|\*|\{feature\})+$/;

/** Why a pattern is not a valid export-name pattern, or undefined when it is. */
export function exportNamePatternProblem(pattern: string, allowFeature: boolean): string | undefined {
  if (!NAME_PART.test(pattern)) return `"${pattern}" is not an export-name pattern: use name characters (A-Z a-z 0-9 _ $), * and ${allowFeature ? '{feature}' : 'no {feature}'}`;
  const placeholders = pattern.split('{feature}').length - 1;
  if (!allowFeature && placeholders > 0) return `"${pattern}": {feature} is not allowed here (the entry already names its feature)`;
  if (placeholders > 1) return `"${pattern}" has {feature} more than once`;
  if (pattern.replace(/\{feature\}|\*/g, '') === '') return `"${pattern}" matches every name; give it a fixed part such as experimental_`;
  return undefined;
}

/**
 * Compiles a pattern: `*` matches any run of name characters; `{feature}` binds a run of letters,
 * digits and `$` (no `_`), and a pattern that ends in `{feature}` also matches names that go on
 * with `_…` (`experimental_{feature}` binds `otlp` in `experimental_otlp_createExporter`).
 */
export function compileExportNamePattern(pattern: string): ExportNamePattern {
  let compiled = compiledPatterns.get(pattern);
  if (!compiled) {
    // Bounded: a long editor session may see many edits of the patterns.
    if (compiledPatterns.size >= 1_000) compiledPatterns.clear();
    compiled = compileUncached(pattern);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** Compiled once per pattern text in a process (a policy loaded again after an edit reuses them; RE2JS objects are immutable). */
const compiledPatterns = new Map<string, ExportNamePattern>();

function compileUncached(pattern: string): ExportNamePattern {
  const parts = pattern.split(/(\*|\{feature\})/).filter((part) => part !== '');
  const body = parts
    .map((part) => (part === '*' ? '[A-Za-z0-9_$]*' : part === '{feature}' ? '(?P<feature>[A-Za-z0-9$]+)' : part.replace(/\$/g, '\\$')))
    .join('');
  const bindsFeature = pattern.includes('{feature}');
  const tail = pattern.endsWith('{feature}') ? '(?:_[A-Za-z0-9_$]*)?' : '';
  const fixed = parts.filter((part) => part !== '*' && part !== '{feature}');
  // Compiled on first use (about 1.5 ms each, measured): most names are ruled out by `fixed` first,
  // and a policy with many features' patterns is loaded on an editor's first lint.
  let regex: RE2JS | undefined;
  return {
    pattern,
    get regex() {
      regex ??= RE2JS.compile(`^${body}${tail}$`);
      return regex;
    },
    bindsFeature,
    fixed,
    matches(name: string): boolean {
      return bindsFeature ? this.regex.matches(name) : globMatches(parts, name);
    },
  };
}

/** The policy's part of the decision (model.ts builds it). */
export interface DeclarationPolicy {
  /** `preview.tags` plus the built-in `@preview`; the value is a feature id or `from-name`. */
  tags: Readonly<Record<string, string>>;
  exportNames: readonly ExportNamePattern[];
  /** `features.<id>.exports`, compiled, by feature. */
  featureExports: readonly { feature: string; names: readonly ExportNamePattern[] }[];
  /** Ids of the registry. */
  featureIds: ReadonlySet<string>;
}

/** One doc-comment tag as written: `@preview otlp` is `{ tag: '@preview', text: 'otlp' }`. */
export interface DocTag {
  tag: string;
  text: string;
}

/** What the decision reads about one exported declaration. */
export interface DeclarationEvidence {
  /** The name it is exported under (`default` for a default export). */
  name: string;
  tags: readonly DocTag[];
  /** The class of the file that declares it. */
  file: { zone: 'preview' | 'stable' | 'outside'; feature?: string | undefined };
}

export interface PreviewDeclarationVerdict {
  /** Undefined when no feature could be told (see the module comment). */
  feature: string | undefined;
  registered: boolean;
  /** In words, for messages and `lifecycle explain`: `tagged @preview otlp`, `name matches experimental_{feature}`. */
  reason: string;
}

/** The `{feature}` a matching pattern binds in a name. */
function featureBoundBy(pattern: ExportNamePattern, name: string): string | undefined {
  const match = pattern.regex.matcher(name);
  return match.matches() ? (match.group('feature') ?? undefined) : undefined;
}

/** The built-in tag: `@preview <feature>`. */
const BUILT_IN_TAG = '@preview';

/** Whether a declaration is preview, and of which feature; undefined when it is stable. */
export function previewDeclaration(evidence: DeclarationEvidence, policy: DeclarationPolicy): PreviewDeclarationVerdict | undefined {
  const verdict = (feature: string | undefined, reason: string): PreviewDeclarationVerdict => ({
    feature: feature === '' ? undefined : feature,
    registered: feature !== undefined && feature !== '' && policy.featureIds.has(feature),
    reason,
  });
  const fileFeature = evidence.file.zone === 'preview' ? evidence.file.feature : undefined;
  for (const { feature, names } of policy.featureExports) {
    const listed = names.find((name) => nameMatches(name, evidence.name));
    if (listed) return verdict(feature, `listed in features.${feature}.exports (${listed.pattern})`);
  }
  const byName = policy.exportNames.find((pattern) => nameMatches(pattern, evidence.name));
  const boundFeature = byName?.bindsFeature ? featureBoundBy(byName, evidence.name) : undefined;
  for (const { tag, text } of evidence.tags) {
    if (tag === BUILT_IN_TAG) {
      const id = text.trim().split(/\s+/)[0] ?? '';
      return verdict(id === '' ? undefined : id, id === '' ? '@preview tag without a feature id' : `tagged ${BUILT_IN_TAG} ${id}`);
    }
    const mapped = policy.tags[tag];
    if (mapped === undefined) continue;
    if (mapped !== 'from-name') return verdict(mapped, `tagged ${tag} (preview.tags: ${tag} → ${mapped})`);
    return verdict(boundFeature ?? fileFeature, `tagged ${tag} (preview.tags: ${tag} → from-name${boundFeature !== undefined ? `, name binds "${boundFeature}"` : ''})`);
  }
  if (byName) return verdict(boundFeature ?? fileFeature, `name matches ${byName.pattern} (preview.exportNames)`);
  if (evidence.file.zone === 'preview') return verdict(fileFeature, 'declared in preview code');
  return undefined;
}
