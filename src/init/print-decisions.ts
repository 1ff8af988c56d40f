import { RESERVED_KEYS } from '../policy/yaml-source.js';
import type { DetectedFeature } from './detection.js';
import type { DetectedRelease } from './detect-version.js';

/** The label init chose, and the words (one per feature found) it chose it from. */
export interface LabelChoice {
  label: string;
  words: string[];
}

interface Decisions {
  release: DetectedRelease;
  label: LabelChoice;
  /** Every feature found, before features of the same id are merged (each is a decision of its own). */
  found: readonly DetectedFeature[];
  /** The placeholder preview.code glob, when no preview code was found. */
  placeholder: string | undefined;
  tests: readonly string[];
  exceptionFolders: readonly string[];
  /** What was not looked at: vendored code. */
  vendored: readonly string[];
  /** The detectors' own lines; `advice: …` ones go last. */
  notes: readonly string[];
}

/**
 * What `lifecycle init` decided and why, one line per decision, in the order a reader checks them:
 * the release, the label, what was left out, the preview folders, each feature
 * (`feature "charts": packages/charts-experimental (package name ends in -experimental)`), tests,
 * exceptions, then advice. Printed on stderr and kept in the header of the policy it writes.
 */
export function decisionLines(decisions: Decisions): string[] {
  const advice = decisions.notes.filter((note) => note.startsWith('advice: '));
  return [
    releaseLine(decisions.release),
    labelLine(decisions.label),
    ...decisions.vendored,
    ...(decisions.placeholder ? [`preview code: none found; ${decisions.placeholder} is a placeholder`] : []),
    ...decisions.notes.filter((note) => !advice.includes(note)),
    ...decisions.found.map((feature) =>
      RESERVED_KEYS.includes(feature.id)
        ? `Not registered: ${feature.kind} "${feature.id}" (that name cannot be a feature id); rename the ${feature.kind === 'preview folder' ? 'folder' : feature.kind}, then register it`
        : `feature "${feature.id}": ${feature.where} (${feature.why})`,
    ),
    ...decisions.tests.map((glob) => `preview tests: ${glob} (a preview folder under a test folder)`),
    ...decisions.exceptionFolders.map((folder) => `exception: ${folder}/** may import preview code (a migrations folder); say why in its reason`),
    ...advice,
  ];
}

function releaseLine(release: DetectedRelease): string {
  if (release.kind === 'root') return `release "${release.release}": ${release.file} has version ${release.version} (releases.current; the train lists it alone: add the releases before and after it)`;
  if (release.kind === 'package') return `release "${release.release}": releases.current reads workspace package ${release.name} (${release.version}) on a train derived from semver (releases.scheme: minor): ${release.why}`;
  const root = release.rootPlaceholder ? 'only the placeholder version 0.0.0 in the root package.json, none in deno.json' : 'no version in the root package.json or deno.json';
  return `release: none found (${root}, no workspace package.json with one): releases.current is a placeholder comment to fill in; until then no deadline is counted`;
}

function labelLine({ label, words }: LabelChoice): string {
  const counts = [...countWords(words)].sort(([a], [b]) => (a < b ? -1 : 1)).map(([word, count]) => `${word} ${count}`);
  const top = [...countWords(words)].sort(([, a], [, b]) => b - a);
  const mostly = top.length > 0 && (top.length === 1 || top[0]![1] > top[1]![1]) ? top[0]![0] : undefined;
  if (label === 'experimental' || mostly === 'preview') return `label "${label}": most features were found by the word ${label} (${counts.join(', ')})`;
  return `label "preview": the default${counts.length > 0 ? `: experimental is not the word most features were found by (${counts.join(', ')})` : ' (no feature found)'}`;
}

/** How many times each word occurs. */
export function countWords(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}
