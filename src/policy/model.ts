import { projectRelative } from '../project-path.js';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { InputError } from '../errors.js';
import { parseJsonText } from './json-text.js';
import type { ExceptionEntry, FeatureEntry, PolicyFile, Severity } from './schema.js';
import { releaseForVersion, versionFileOf, type ReleaseTrain } from './releases.js';
import { releaseOfVersion, semverTrain, tagTrain, type DerivedRelease } from './derived-train.js';
import { workspacePackageVersion, type ReadManifest } from './package-version.js';
import { nearestKey } from './suggest.js';
import { compileExportNamePattern, exportNamePatternProblem, type DeclarationPolicy } from './preview-declarations.js';
import { formatKeyPath, hasPath, locate, type KeyPath, type SourcePosition, type YamlSource } from './yaml-source.js';

/** A place in the policy, relative to the project root (for findings that point at lifecycle.yaml). */
interface PolicyLocation {
  file: string;
  line: number;
  column: number;
}

export interface Feature extends Omit<FeatureEntry, 'status' | 'owners' | 'renewals' | 'config' | 'docs' | 'packages' | 'paths' | 'code' | 'tests' | 'exports'> {
  id: string;
  status: NonNullable<FeatureEntry['status']>;
  owners: string[];
  renewals: NonNullable<FeatureEntry['renewals']>;
  config: string[];
  docs: string[];
  packages: string[];
  /** `features.<id>.paths` and `features.<id>.code`. */
  paths: string[];
  /** `features.<id>.tests`: the feature's own test globs (tests next to its code). */
  tests: string[];
  /** `features.<id>.exports`: exported names (patterns) that belong to the feature. */
  exports: string[];
  /** Where the feature's key is written. */
  location: PolicyLocation;
  /** Where each of its written fields is (owners, tracking, …), for findings about one field. */
  fieldLocations: Record<string, PolicyLocation>;
  /** Where each entry of `renewals` is written (same order). */
  renewalLocations: PolicyLocation[];
}

/** Test files by the usual names: `preview.testFiles` when the policy does not set it. */
const DEFAULT_TEST_FILES: readonly string[] = ['**/*.test.*', '**/*.spec.*', '**/test/**', '**/tests/**', '**/__tests__/**'];

export interface PreviewException {
  path: string[];
  reason: string;
  features: string[] | undefined;
  location: PolicyLocation;
}

/**
 * A glob whose matching nothing would silently turn a check off (a typo in `preview.code`,
 * `files.include`, …), with where it is written; `glob-matches-nothing` warns about those.
 */
export interface WatchedGlob {
  /** The key path as written, e.g. `preview.code[0]`, `features.charts.paths[1]`. */
  key: string;
  glob: string;
  /** What it must match: a source file (code globs) or any file (config and doc globs). */
  matches: 'source' | 'file';
  location: PolicyLocation;
}

/** The policy as checks see it: merged, validated, defaults applied. */
export interface Policy {
  root: string;
  /** Root policy file, relative to root (usually lifecycle.yaml). */
  file: string;
  files: { include: string[] | undefined; exclude: string[] };
  preview: {
    code: string[];
    tests: string[];
    /** Globs that make a file a test file, wherever it lives (default DEFAULT_TEST_FILES). */
    testFiles: string[];
    label: string;
    maxCycles: number;
    maxRenewals: number | undefined;
    typeOnlyImports: 'forbid' | 'allow';
    crossFeatureImports: 'forbid' | 'allow';
    exceptions: PreviewException[];
    /** Whether a stable file may re-export a preview declaration (`features.<id>.reexports` overrides). */
    reexports: 'forbid' | 'allow';
    /** Which declarations are preview (preview.tags, preview.exportNames, features.<id>.exports), compiled. */
    declarations: DeclarationPolicy;
  };
  /** `api.entryPoints`: stable public entry points for preview-api-leak (empty: the workspace packages'). */
  api: { entryPoints: string[] };
  features: Feature[];
  registry: { minOwners: number; requireTracking: boolean };
  /**
   * `dates`: YYYY-MM-DD by release name, listed in the train or read from its git tags; `inputs`:
   * the package.json files the current version was read from, relative to root.
   */
  releases: ReleaseTrain & { current: string | undefined; dates: Record<string, string>; inputs: string[] };
  /** Effective severity of every check id. */
  severities: Record<string, Severity>;
  config: { files: string[] };
  docs: { files: string[] };
  ci: PolicyFile['ci'];
  watchedGlobs: WatchedGlob[];
}

/** A check the policy may set a level for (`checks: { <id>: … }`), with its level when it does not. */
export interface KnownCheck {
  id: string;
  defaultSeverity: Severity;
}

interface BuildContext {
  /** Every check of the product (src/checks/catalogue.ts); the policy layer itself knows none. */
  checks: readonly KnownCheck[];
  root: string;
  file: string;
  /** Root file first, then its bases. */
  sources: readonly YamlSource[];
}

export function buildPolicy(merged: PolicyFile, context: BuildContext): Policy {
  const where = (path: KeyPath, target: 'key' | 'value' = 'key'): SourcePosition => {
    const source = context.sources.find((candidate) => hasPath(candidate, path)) ?? context.sources[0]!;
    return locate(source, path, target);
  };
  const fail = (path: KeyPath, message: string, target: 'key' | 'value' = 'value'): never => {
    const pos = where(path, target);
    throw new InputError(`${pos.file}:${pos.line}:${pos.column}: ${formatKeyPath(path)}: ${message}`);
  };
  const toLocation = (path: KeyPath): PolicyLocation => {
    const pos = where(path);
    return { file: projectRelative(context.root, pos.file), line: pos.line, column: pos.column };
  };

  const watchedGlobs: WatchedGlob[] = [];
  /** `watch`: record each glob for glob-matches-nothing, with what it must match. */
  const globs = (value: string | string[] | undefined, path: KeyPath, watch?: WatchedGlob['matches']): string[] => {
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    list.forEach((glob, index) => {
      const at = Array.isArray(value) ? [...path, index] : path;
      if (isAbsolute(glob) || /^[A-Za-z]:/.test(glob)) fail(at, `glob "${glob}" must be relative to the project root`);
      if (glob.split('/').includes('..')) fail(at, `glob "${glob}" escapes the project root (${context.root})`);
      if (watch) {
        const pos = where(at, 'value');
        watchedGlobs.push({ key: formatKeyPath(at), glob, matches: watch, location: { file: projectRelative(context.root, pos.file), line: pos.line, column: pos.column } });
      }
    });
    return list;
  };

  const releases = buildReleases(merged, context, fail);
  const knownRelease = (name: string | undefined, path: KeyPath): void => {
    if (name === undefined || releases.names.length === 0 || releases.names.includes(name)) return;
    const hint = nearestKey(name, releases.names);
    fail(path, `unknown release "${name}"; the train has ${releases.names.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
  };

  const preview = merged.preview ?? {};
  const previewCode = globs(preview.code, ['preview', 'code'], 'source');
  const previewTests = globs(preview.tests, ['preview', 'tests']);
  for (const [path, list] of [[['preview', 'code'], previewCode], [['preview', 'tests'], previewTests]] as const) {
    list.forEach((glob) => {
      if (!glob.includes('{feature}')) fail(path, `glob "${glob}" needs the {feature} placeholder (e.g. src/preview/{feature}/**)`);
    });
  }
  const exceptions = (preview.exceptions ?? []).map((entry: ExceptionEntry, index): PreviewException => ({
    path: globs(entry.path, ['preview', 'exceptions', index, 'path'], 'source'),
    reason: entry.reason,
    features: entry.features,
    location: toLocation(['preview', 'exceptions', index]),
  }));

  const features = Object.entries(merged.features ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]): Feature => {
      const base: KeyPath = ['features', id];
      if (entry.status === undefined) fail(base, `feature "${id}" has no status (preview, stable, deprecated or removed)`, 'key');
      knownRelease(entry.introduced, [...base, 'introduced']);
      knownRelease(entry.promoted, [...base, 'promoted']);
      (entry.renewals ?? []).forEach((renewal, index) => knownRelease(renewal.release, [...base, 'renewals', index, 'release']));
      return {
        ...entry,
        id,
        status: entry.status!,
        owners: entry.owners ?? [],
        renewals: entry.renewals ?? [],
        config: entry.config ?? [],
        // A docs glob matching nothing is a preview-docs-label error already; a removed feature's code is meant to be gone.
        docs: globs(entry.docs, [...base, 'docs']),
        packages: entry.packages ?? [],
        paths: [
          ...globs(entry.paths, [...base, 'paths'], entry.status === 'removed' ? undefined : 'source'),
          ...globs(entry.code, [...base, 'code'], entry.status === 'removed' ? undefined : 'source'),
        ],
        tests: globs(entry.tests, [...base, 'tests'], entry.status === 'removed' ? undefined : 'source'),
        exports: (entry.exports ?? []).map((name, index) => {
          const problem = exportNamePatternProblem(name, false);
          return problem ? fail([...base, 'exports', index], problem) : name;
        }),
        location: toLocation(base),
        fieldLocations: Object.fromEntries(Object.keys(entry).map((key) => [key, toLocation([...base, key])])),
        renewalLocations: (entry.renewals ?? []).map((_, index) => toLocation([...base, 'renewals', index])),
      };
    });
  for (const exception of merged.preview?.exceptions ?? []) {
    for (const id of exception.features ?? []) {
      if (!features.some((feature) => feature.id === id)) {
        const index = merged.preview!.exceptions!.indexOf(exception);
        fail(['preview', 'exceptions', index, 'features'], `unknown feature "${id}"`);
      }
    }
  }

  const declarations = buildDeclarationPolicy(preview, features, fail);

  const severities: Record<string, Severity> = {};
  for (const check of context.checks) severities[check.id] = check.defaultSeverity;
  const checkIds = context.checks.map((check) => check.id);
  for (const [id, severity] of Object.entries(merged.checks ?? {}) as [string, Severity][]) {
    if (!checkIds.includes(id)) {
      const hint = nearestKey(id, checkIds);
      fail(['checks', id], `unknown check id "${id}"${hint ? `; did you mean "${hint}"?` : `; known: ${checkIds.join(', ')}`}`);
    }
    severities[id] = severity;
  }

  return {
    root: context.root,
    file: projectRelative(context.root, context.file),
    files: {
      include: merged.files?.include ? globs(merged.files.include, ['files', 'include'], 'source') : undefined,
      exclude: globs(merged.files?.exclude, ['files', 'exclude']),
    },
    preview: {
      code: previewCode,
      tests: previewTests,
      testFiles: preview.testFiles === undefined ? [...DEFAULT_TEST_FILES] : globs(preview.testFiles, ['preview', 'testFiles']),
      label: preview.label ?? 'preview',
      maxCycles: preview.maxCycles ?? 2,
      maxRenewals: preview.maxRenewals,
      typeOnlyImports: preview.typeOnlyImports ?? 'forbid',
      crossFeatureImports: preview.crossFeatureImports ?? 'forbid',
      exceptions,
      reexports: preview.reexports ?? 'forbid',
      declarations,
    },
    api: { entryPoints: globs(merged.api?.entryPoints, ['api', 'entryPoints'], 'source') },
    features,
    registry: {
      minOwners: merged.registry?.minOwners ?? 1,
      requireTracking: merged.registry?.requireTracking ?? true,
    },
    releases,
    severities,
    config: { files: globs(merged.config?.files, ['config', 'files'], 'file') },
    docs: { files: globs(merged.docs?.files, ['docs', 'files']) },
    ci: merged.ci,
    watchedGlobs,
  };
}

function buildDeclarationPolicy(
  preview: NonNullable<PolicyFile['preview']>,
  features: readonly Feature[],
  fail: (path: KeyPath, message: string, target?: 'key' | 'value') => never,
): DeclarationPolicy {
  const featureIds = new Set(features.map((feature) => feature.id));
  const tags: Record<string, string> = {};
  for (const [tag, feature] of Object.entries(preview.tags ?? {})) {
    if (tag === '@preview') fail(['preview', 'tags', tag], '@preview is built in (@preview <feature>); map other tags only', 'key');
    if (feature !== 'from-name' && !featureIds.has(feature)) {
      const hint = nearestKey(feature, [...featureIds]);
      fail(['preview', 'tags', tag], `unknown feature "${feature}"${hint ? ` (did you mean "${hint}"?)` : ''}; a feature id of the registry or "from-name"`);
    }
    tags[tag] = feature;
  }
  const exportNames = (preview.exportNames ?? []).map((pattern, index) => {
    const problem = exportNamePatternProblem(pattern, true);
    return problem ? fail(['preview', 'exportNames', index], problem) : compileExportNamePattern(pattern);
  });
  const featureExports = features.filter((feature) => feature.exports.length > 0).map((feature) => ({ feature: feature.id, names: feature.exports.map(compileExportNamePattern) }));
  return { tags, exportNames, featureExports, featureIds };
}

function buildReleases(
  merged: PolicyFile,
  context: BuildContext,
  fail: (path: KeyPath, message: string) => never,
): Policy['releases'] {
  const { scheme, tags, current: currentSpec } = merged.releases ?? {};
  const derived = scheme !== undefined || tags !== undefined;
  if (derived && merged.releases?.train !== undefined) fail(['releases', tags !== undefined ? 'tags' : 'scheme'], 'the train is either listed (releases.train) or derived (releases.scheme, releases.tags), not both');
  // The version of releases.current: package.json (or deno.json) next to the policy, or a workspace package's.
  const versionFile = typeof currentSpec === 'string' ? versionFileOf(currentSpec) : undefined;
  const read = typeof currentSpec === 'object' ? readCurrentVersion(context.root, currentSpec, fail) : versionFile ? readCurrentVersion(context.root, versionFile, fail) : undefined;
  const version = read?.version;
  const train: DerivedRelease[] = derived ? derivedTrain(context.root, { scheme: scheme ?? 'minor', tags, current: currentSpec, version }, fail) : (merged.releases?.train ?? []).map(listedRelease);
  const names = train.map((release) => release.name);
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) fail(['releases', 'train', index, 'name'], `release "${name}" appears twice in the train`);
  });
  let current = typeof currentSpec === 'object' || versionFile ? undefined : derived && currentSpec !== undefined ? releaseOfVersion(currentSpec, scheme ?? 'minor') : currentSpec;
  if (version !== undefined) {
    const release = derived ? releaseOfVersion(version, scheme ?? 'minor') : releaseForVersion(names, version);
    if (!release) fail(['releases', 'current'], `${typeof currentSpec === 'object' ? `workspace package ${currentSpec.package}` : versionFile} version ${version} matches no release of the train (${names.join(', ')})`);
    current = release;
  } else if (current !== undefined && names.length > 0 && !names.includes(current)) {
    const hint = nearestKey(current, names);
    fail(['releases', 'current'], `unknown release "${current}"; the train has ${names.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`);
  }
  const dates = Object.fromEntries(train.flatMap((release) => (release.date === undefined ? [] : [[release.name, release.date]])));
  return { names, current, currentIndex: current === undefined ? -1 : names.indexOf(current), dates, inputs: read ? [read.from] : [] };
}

function listedRelease(release: { name: string; date?: string | Date | undefined }): DerivedRelease {
  if (release.date === undefined) return { name: release.name };
  return { name: release.name, date: release.date instanceof Date ? release.date.toISOString().slice(0, 10) : String(release.date) };
}

function derivedTrain(
  root: string,
  spec: { scheme: 'minor' | 'major'; tags: string | undefined; current: string | { package: string } | undefined; version: string | undefined },
  fail: (path: KeyPath, message: string) => never,
): DerivedRelease[] {
  const current = spec.version !== undefined ? releaseOfVersion(spec.version, spec.scheme) : typeof spec.current === 'string' ? releaseOfVersion(spec.current, spec.scheme) : undefined;
  if (spec.version !== undefined && current === undefined) fail(['releases', 'current'], `version ${spec.version} is not a semver version (major.minor.patch), so no release can be derived from it`);
  if (spec.tags !== undefined) {
    const train = tagTrain(root, spec.tags, spec.scheme, current);
    return 'problem' in train ? fail(['releases', 'tags'], train.problem) : train;
  }
  if (current === undefined) fail(['releases', 'scheme'], 'a semver-derived train needs the current version: releases.current: package.json, { package: NAME } or a version');
  const train = semverTrain(current!, spec.scheme);
  return 'problem' in train ? fail(['releases', 'current'], train.problem) : train;
}

function readCurrentVersion(root: string, source: string | { package: string }, fail: (path: KeyPath, message: string) => never): { version: string; from: string } {
  if (typeof source === 'object') {
    const found = workspacePackageVersion(root, source.package, readManifest);
    return 'problem' in found ? fail(['releases', 'current', 'package'], found.problem) : found;
  }
  const manifest = join(root, source);
  if (!existsSync(manifest)) fail(['releases', 'current'], `no ${source} next to the policy (${manifest})`);
  const read = readManifest(manifest);
  if ('problem' in read) fail(['releases', 'current'], read.problem);
  const version = (read as { manifest: { version?: unknown } }).manifest.version;
  if (typeof version !== 'string') fail(['releases', 'current'], `${manifest} has no "version"`);
  return { version: version as string, from: source };
}

const readManifest: ReadManifest = (file) => {
  try {
    const parsed = parseJsonText(readFileSync(file, 'utf8'), { comments: !file.endsWith('package.json') });
    // Where the syntax error is, never the text around it (the file may hold secrets).
    if ('problem' in parsed) return { problem: `cannot read the version from ${file}: invalid JSON at ${parsed.problem.line}:${parsed.problem.column} (${parsed.problem.code})` };
    const value = parsed.value;
    return { manifest: value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { name?: unknown; version?: unknown }) : {} };
  } catch (error) {
    return { problem: `cannot read the version from ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
};
