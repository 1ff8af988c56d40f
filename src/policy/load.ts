import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { z } from 'zod';
import { InputError } from '../errors.js';
import { policyFileSchema, policyJsonSchema, type PolicyFile } from './schema.js';
import { keysAt, nearestKey } from './suggest.js';
import { formatKeyPath, locate, readYamlSource, type KeyPath, type YamlSource } from './yaml-source.js';
import { buildPolicy, type KnownCheck, type Policy } from './model.js';

export const POLICY_FILE_NAMES = ['lifecycle.yaml', 'lifecycle.yml'] as const;

/** Policy files one extends chain may hold (the root included): more is a mistake or a bomb. */
export const MAX_EXTENDS_DEPTH = 32;

export interface LoadedPolicy {
  /** Absolute path of the root lifecycle.yaml. */
  path: string;
  /** Project root: the directory holding the root lifecycle.yaml. */
  root: string;
  /** The merged, validated policy files (extends applied). */
  merged: PolicyFile;
  /** The model the checks use (defaults applied, releases resolved). */
  policy: Policy;
  /** Every file read, root first, for positions and cache invalidation. */
  sources: YamlSource[];
}

/** The policy file directly in `dir` (lifecycle.yaml, else lifecycle.yml), if any. */
export function policyFileIn(dir: string, isFile: (path: string) => boolean = existsSync): string | undefined {
  for (const name of POLICY_FILE_NAMES) {
    const candidate = join(dir, name);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

/** Finds lifecycle.yaml in `cwd` or the nearest parent; undefined when there is none. */
export function findPolicyFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    const found = policyFileIn(dir);
    if (found) return found;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Resolves which policy file applies: `--policy` if given, else discovery from cwd. */
export function resolvePolicyPath(options: { cwd: string; policyPath?: string }): string {
  if (options.policyPath) {
    const path = resolve(options.cwd, options.policyPath);
    if (!existsSync(path)) throw new InputError(`policy file not found: ${path}`);
    if (statSync(path).isDirectory()) throw new InputError(`the policy path must name a file, not a directory: ${path}`);
    return path;
  }
  const found = findPolicyFile(options.cwd);
  if (!found) {
    throw new InputError(
      `no lifecycle.yaml in ${resolve(options.cwd)} or any parent directory (run \`lifecycle init\` to create one, or pass --policy FILE)`,
    );
  }
  return found;
}

/** Which policy to load, and what the product that reads it brings: its checks and its built-in presets. */
interface PolicyLoadOptions {
  cwd: string;
  policyPath?: string;
  /** Every check id the policy may set a level for, with its default (the catalogue). */
  checks: readonly KnownCheck[];
  /** Where built-in presets (`extends: [recommended]`) live: `<dir>/<name>.yaml`. */
  presetsDir: string;
}

interface CacheEntry {
  loaded: LoadedPolicy;
  stamps: string;
  options: PolicyLoadOptions;
}
const cache = new Map<string, CacheEntry>();

/**
 * Loads, merges and validates the policy. Synchronous (ESLint rules are) and cached per root
 * file; the cache is invalidated when any file of the extends chain changes on disk.
 */
export function loadPolicyFile(options: PolicyLoadOptions): LoadedPolicy {
  const path = resolvePolicyPath(options);
  const hit = cache.get(path);
  const sameProduct = hit !== undefined && hit.options.checks === options.checks && hit.options.presetsDir === options.presetsDir;
  if (hit && sameProduct && hit.stamps === stampOf(filesBehind(hit.loaded))) return hit.loaded;
  const loaded = loadUncached(path, options);
  cache.set(path, { loaded, stamps: stampOf(filesBehind(loaded)), options });
  return loaded;
}

/** The files a loaded policy was built from: its YAML files, and the package.json (or deno.json) that gives the current release. */
export function filesBehind(loaded: LoadedPolicy): string[] {
  const files = loaded.sources.map((source) => source.file);
  return [...files, ...loaded.policy.releases.inputs.map((file) => join(loaded.root, file))];
}

function stampOf(files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        const stat = statSync(file);
        return `${file}:${stat.mtimeMs}:${stat.size}`;
      } catch {
        return `${file}:missing`;
      }
    })
    .join('|');
}

function loadUncached(path: string, options: PolicyLoadOptions): LoadedPolicy {
  const sources: YamlSource[] = [];
  const merged = loadWithExtends(path, [], sources, options.presetsDir);
  const root = dirname(path);
  // sources were collected depth-first (bases first); positions prefer the root file.
  const ordered = [...sources].reverse();
  const policy = buildPolicy(merged, { checks: options.checks, root, file: path, sources: ordered });
  return { path, root, merged, policy, sources: ordered };
}

function loadWithExtends(file: string, chain: readonly string[], sources: YamlSource[], presetsDir: string): PolicyFile {
  const source = readYamlSource(file);
  const own = validate(source);
  let merged: Record<string, unknown> = {};
  (own.extends ?? []).forEach((reference, index) => {
    const target = resolveExtends(reference, source, index, presetsDir);
    if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
      const pos = locate(source, ['extends', index]);
      throw new InputError(`${pos.file}:${pos.line}:${pos.column}: extends[${index}]: extends chain deeper than ${MAX_EXTENDS_DEPTH} files (starting at ${chain[0] ?? file})`);
    }
    if (target === file || chain.includes(target)) {
      const pos = locate(source, ['extends', index]);
      const cycle = [...chain, file, target].map((path) => relative(dirname(chain[0] ?? file), path) || path);
      throw new InputError(`${pos.file}:${pos.line}:${pos.column}: extends[${index}]: cyclic extends: ${cycle.join(' -> ')}`);
    }
    merged = deepMerge(merged, loadWithExtends(target, [...chain, file], sources, presetsDir) as Record<string, unknown>);
  });
  sources.push(source);
  const { extends: _ignored, ...rest } = own;
  return deepMerge(merged, rest as Record<string, unknown>) as PolicyFile;
}

function resolveExtends(reference: string, source: YamlSource, index: number, presetsDir: string): string {
  const looksLikePath = reference.includes('/') || reference.endsWith('.yaml') || reference.endsWith('.yml');
  const target = looksLikePath
    ? resolve(dirname(source.file), reference)
    : join(presetsDir, `${reference}.yaml`);
  if (!existsSync(target)) {
    const pos = locate(source, ['extends', index]);
    const what = looksLikePath ? `file ${target}` : `built-in preset "${reference}" (presets live in policies/)`;
    throw new InputError(`${pos.file}:${pos.line}:${pos.column}: extends[${index}]: no ${what}`);
  }
  return target;
}

let jsonSchema: Record<string, unknown> | undefined;
/** Validated once per parse (readYamlSource returns the same source for the same text). */
const validated = new WeakMap<YamlSource, PolicyFile>();

function validate(source: YamlSource): PolicyFile {
  let own = validated.get(source);
  if (!own) {
    own = validateUncached(source);
    validated.set(source, own);
  }
  return own;
}

function validateUncached(source: YamlSource): PolicyFile {
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new InputError(`${source.file}:1:1: a policy file must be a YAML mapping (start with \`version: 1\`)`);
  }
  const result = policyFileSchema.safeParse(source.value);
  if (result.success) return result.data;
  jsonSchema ??= policyJsonSchema();
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, source, jsonSchema!));
  throw new InputError(`invalid policy: ${problems[0]}`, problems.slice(1));
}

function describeIssue(issue: z.core.$ZodIssue, source: YamlSource, schema: Record<string, unknown>): string[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath: KeyPath = [...path, key];
      const pos = locate(source, keyPath);
      const valid = keysAt(schema, path);
      const suggestion = nearestKey(key, valid);
      const hint = suggestion ? `did you mean "${suggestion}"?` : `valid keys: ${valid.join(', ')}`;
      return `${pos.file}:${pos.line}:${pos.column}: ${formatKeyPath(keyPath)}: unknown key "${key}"; ${hint}`;
    });
  }
  const pos = locate(source, path, 'value');
  return [`${pos.file}:${pos.line}:${pos.column}: ${formatKeyPath(path)}: ${issue.message}`];
}

/** Objects merge key by key (later wins); arrays and scalars are replaced. */
export function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = out[key];
    out[key] = isPlainObject(previous) && isPlainObject(value) ? deepMerge(previous, value) : value;
  }
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}
