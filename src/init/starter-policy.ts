import { Document, type YAMLMap } from 'yaml';
import { RESERVED_KEYS } from '../policy/yaml-source.js';
import type { Detection, DetectedFeature } from './detection.js';
import type { DetectedRelease } from './detect-version.js';
import { countWords, decisionLines, type LabelChoice } from './print-decisions.js';

/** The `$schema` line README.md shows: the schema of the installed package, for the YAML language server. */
export const SCHEMA_LINE = '# yaml-language-server: $schema=node_modules/feature-lifecycle/schema.json';

/** Where no preview code was found: the conventional place, as a suggestion. */
const PLACEHOLDER_CODE = 'src/preview/{feature}/**';

export interface StarterPolicy {
  /** The text of lifecycle.yaml. */
  text: string;
  /** What init decided and why, one line each (the printer's input). */
  decisions: string[];
}

/**
 * Turns what the detectors found into a starter lifecycle.yaml: one feature per detected id (the
 * same id found twice is one feature, with the packages and paths of both), the label taken from
 * the words that found them, `releases` from the detected version (a commented placeholder when
 * there is none), and the decisions in its header.
 */
export function assembleStarterPolicy(detections: readonly Detection[], release: DetectedRelease, vendored: readonly string[]): StarterPolicy {
  const found = detections.flatMap((detection) => detection.features);
  const features = mergeById(found.filter((feature) => !RESERVED_KEYS.includes(feature.id)));
  const code = [...new Set(detections.flatMap((detection) => detection.code))];
  const tests = [...new Set(detections.flatMap((detection) => detection.tests))];
  const exceptionFolders = [...new Set(detections.flatMap((detection) => detection.exceptionFolders))];
  const label = chooseLabel(found);
  const introduced = release.kind === 'none' ? undefined : release.release;
  const policy = {
    version: 1,
    extends: ['recommended'],
    releases: releasesOf(release),
    preview: {
      ...(code.length > 0 ? { code } : features.length === 0 ? { code: [PLACEHOLDER_CODE] } : {}),
      ...(tests.length > 0 ? { tests } : {}),
      label: label.label,
      maxCycles: 2,
      typeOnlyImports: 'forbid',
      ...(exceptionFolders.length > 0 ? { exceptions: exceptionFolders.map((folder) => ({ path: `${folder}/**`, reason: 'TODO: why may this import preview code?' })) } : {}),
    },
    features: Object.fromEntries(
      features.map((feature) => [
        feature.id,
        {
          status: 'preview',
          title: feature.title,
          ...(introduced !== undefined ? { introduced } : {}),
          tracking: 'TODO: link to the plan',
          owners: [],
          ...(feature.packages ? { packages: feature.packages } : {}),
          ...(feature.paths ? { paths: feature.paths } : {}),
        },
      ]),
    ),
  };
  const decisions = decisionLines({ release, label, found, placeholder: code.length === 0 && features.length === 0 ? PLACEHOLDER_CODE : undefined, tests, exceptionFolders, vendored, notes: detections.flatMap((detection) => detection.notes) });
  const document = new Document(policy);
  if (release.kind === 'none') (document.get('releases', true) as YAMLMap).commentBefore = NO_RELEASE_COMMENT;
  const header = [SCHEMA_LINE, '# Starter policy written by `lifecycle init`. Review every TODO, then run `lifecycle check`.', ...decisions.map((line) => `# ${line}`), ''];
  return { text: `${header.join('\n')}${document.toString({ lineWidth: 0 })}`, decisions };
}

const NO_RELEASE_COMMENT = [
  ' current: TODO. lifecycle init found no version (root package.json, deno.json, workspace package.json files).',
  ' Write the release under development and the train, e.g.',
  '   current: "2026.1"',
  '   train: [{ name: "2026.1" }, { name: "2026.2" }]',
  ' or, once package.json has a "version": scheme: minor and current: package.json.',
  ' Until then lifecycle check counts no deadline, and features need no introduced release.',
].join('\n');

function releasesOf(release: DetectedRelease): Record<string, unknown> {
  if (release.kind === 'root') return { current: release.release, train: [{ name: release.release }] };
  if (release.kind === 'package') return { scheme: 'minor', current: { package: release.name } };
  return { train: [] };
}

/** `experimental` when more of the features were found by that word than by any other; `preview` otherwise. */
function chooseLabel(found: readonly DetectedFeature[]): LabelChoice {
  const words = found.map((feature) => feature.word).filter((word) => word !== '');
  const counts = countWords(words);
  const experimental = counts.get('experimental') ?? 0;
  const mostCommon = experimental > 0 && [...counts].every(([word, count]) => word === 'experimental' || count < experimental);
  return { label: mostCommon ? 'experimental' : 'preview', words };
}

/** One feature per id: the packages and paths of every detection that found it (the first one's title). */
function mergeById(features: readonly DetectedFeature[]): DetectedFeature[] {
  const byId = new Map<string, DetectedFeature>();
  for (const feature of features) {
    const seen = byId.get(feature.id);
    if (!seen) {
      byId.set(feature.id, { ...feature });
      continue;
    }
    const packages = [...new Set([...(seen.packages ?? []), ...(feature.packages ?? [])])];
    const paths = [...new Set([...(seen.paths ?? []), ...(feature.paths ?? [])])];
    byId.set(feature.id, { ...seen, ...(packages.length > 0 ? { packages } : {}), ...(paths.length > 0 ? { paths } : {}) });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
