import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { PREVIEW_FOLDER_NAMES } from '../policy/preview-folders.js';
import { RESERVED_KEYS } from '../policy/yaml-source.js';
import type { DenoLayout } from './deno-starter.js';

export { PREVIEW_FOLDER_NAMES };

export interface DetectedLayout {
  /** Project-relative preview folders, e.g. `src/preview`. */
  previewFolders: string[];
  /** Feature ids per preview folder (its sub-folders). */
  features: Map<string, string[]>;
  /** Test folders that mirror a preview folder, e.g. `test/preview`. */
  testFolders: string[];
  /** Folders named migrations (a typical allowed exception). */
  migrationFolders: string[];
}

/** Finds preview folders in a file list (project-relative paths). */
export function detectLayout(files: readonly string[]): DetectedLayout {
  const previewFolders = new Set<string>();
  const testFolders = new Set<string>();
  const migrationFolders = new Set<string>();
  const features = new Map<string, Set<string>>();
  for (const file of files) {
    const parts = file.split('/');
    for (let index = 0; index < parts.length - 1; index += 1) {
      const name = parts[index]!;
      const folder = parts.slice(0, index + 1).join('/');
      if (name === 'migrations') migrationFolders.add(folder);
      if (!(PREVIEW_FOLDER_NAMES as readonly string[]).includes(name)) continue;
      const isTest = parts.slice(0, index).some((part) => /^(test|tests|__tests__|spec)$/.test(part));
      (isTest ? testFolders : previewFolders).add(folder);
      const feature = parts[index + 1];
      if (!isTest && feature !== undefined && index + 1 < parts.length - 1) {
        const set = features.get(folder) ?? new Set<string>();
        set.add(feature);
        features.set(folder, set);
      }
      break;
    }
  }
  const sorted = (set: Set<string>) => [...set].sort();
  return {
    previewFolders: sorted(previewFolders),
    testFolders: sorted(testFolders),
    migrationFolders: sorted(migrationFolders),
    features: new Map([...features].map(([folder, set]) => [folder, sorted(set)])),
  };
}

/** The text of a starter lifecycle.yaml for the detected layout (and Deno workspace, when there is one). */
export function renderStarterPolicy(root: string, layout: DetectedLayout, deno?: DenoLayout): string {
  const release = currentReleaseGuess(root, deno?.version);
  const denoFeatures = new Map((deno?.features ?? []).map((feature) => [feature.id, feature]));
  const detected = [...new Set([...[...layout.features.values()].flat(), ...denoFeatures.keys()])].sort();
  const code = [...layout.previewFolders.map((folder) => `${folder}/{feature}/**`), ...(deno?.codeGlobs ?? [])];
  // A folder named __proto__ cannot become a feature id (the policy loader rejects it): say so instead.
  const featureIds = detected.filter((id) => !RESERVED_KEYS.includes(id));
  const skipped = detected.filter((id) => RESERVED_KEYS.includes(id));
  const policy: Record<string, unknown> = {
    version: 1,
    extends: ['recommended'],
    releases: { current: release, train: [{ name: release }] },
    preview: {
      code: code.length > 0 ? code : ['src/preview/{feature}/**'],
      ...(layout.testFolders.length > 0 ? { tests: layout.testFolders.map((folder) => `${folder}/{feature}/**`) } : {}),
      label: 'preview',
      maxCycles: 2,
      typeOnlyImports: 'forbid',
      ...(layout.migrationFolders.length > 0
        ? { exceptions: layout.migrationFolders.map((folder) => ({ path: `${folder}/**`, reason: 'TODO: why may this import preview code?' })) }
        : {}),
    },
    features: Object.fromEntries(
      featureIds.map((id) => {
        const fromDeno = denoFeatures.get(id);
        const packages = fromDeno?.packages ? { packages: fromDeno.packages } : {};
        return [id, { status: 'preview', title: fromDeno?.title ?? id, introduced: release, tracking: 'TODO: link to the plan', owners: [], ...packages }];
      }),
    ),
  };
  const header = [
    '# yaml-language-server: $schema=https://unpkg.com/feature-lifecycle/schema.json',
    '# Starter policy written by `lifecycle init`. Review every TODO, then run `lifecycle check`.',
    `# Detected preview folders: ${layout.previewFolders.join(', ') || (code.length > 0 ? 'none' : 'none (src/preview is a placeholder)')}`,
    ...(deno ? [`# Detected Deno workspace members: ${deno.members.join(', ')} (preview: files named unstable_*.ts, and members at 0.x)`] : []),
    ...skipped.map((id) => `# Not registered: preview folder "${id}" (that name cannot be a feature id); rename the folder, then register it`),
    '',
  ];
  return `${header.join('\n')}${stringify(policy, { lineWidth: 0 })}`;
}

function currentReleaseGuess(root: string, denoVersion: string | undefined): string {
  const fromDeno = denoVersion === undefined ? null : /^(\d+)\.(\d+)/.exec(denoVersion);
  if (fromDeno) return `${fromDeno[1]}.${fromDeno[2]}`;
  const manifest = join(root, 'package.json');
  if (existsSync(manifest)) {
    try {
      const version = (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: unknown }).version;
      const match = typeof version === 'string' ? /^(\d+)\.(\d+)/.exec(version) : null;
      if (match) return `${match[1]}.${match[2]}`;
    } catch {
      // fall through to the default
    }
  }
  return '1.0';
}
