import { isAbsolute, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import type { CiCriteriaEntry, CiHistoryInput, CiSection, CiSystemEntry } from '../policy/schema-ci.js';
import type { MatrixRule } from './collate.js';
import type { CriteriaSettings } from './criteria/types.js';
import { DEFAULT_CRITERIA, DEFAULT_RECHECK, mergeCriteria } from './defaults.js';
import type { SystemSpec } from './evaluate.js';
import type { IdentitySpec, InputPlan } from './load-history.js';
import { recheckRule } from './recheck.js';
import { builtinPatterns, compilePatterns, compileUserPattern, type CompiledPattern, type PatternSpec, type TextMatcher } from './patterns.js';
import { DAY_MS, dayOf, parseTimestamp } from './time.js';
import { ResultCodes } from './result-codes.js';
import { DEFAULT_VOTE_SCHEME, SOURCE_FORMATS, type SourceFormat, type VoteScheme } from './types.js';

/** What to read and how to judge it: built from the policy's `ci:` section or from ad-hoc flags. */
export interface ReadinessPlan {
  inputs: InputPlan[];
  identities: IdentitySpec[];
  patterns: CompiledPattern[];
  recheck: TextMatcher;
  systems: SystemSpec[];
  reference?: string | undefined;
  /** Result codes and their classes: the built-ins plus ci.resultCodes. */
  resultCodes: ResultCodes;
  /** `ci.changeUrl` (or --change-url): the link template for change numbers in reports. */
  changeUrl?: string | undefined;
}

/** The vote scheme of `ci.vote`/`ci.unexplainedFailure`, with a system's own over it. */
export function voteScheme(
  ci: Pick<CiSection, 'vote' | 'unexplainedFailure'> | undefined,
  system?: Pick<CiSystemEntry, 'vote' | 'unexplainedFailure'> | undefined,
): VoteScheme {
  const pick = <K extends 'label' | 'pass' | 'fail' | 'neutral'>(key: K): VoteScheme[K] =>
    (system?.vote?.[key] ?? ci?.vote?.[key] ?? DEFAULT_VOTE_SCHEME[key]) as VoteScheme[K];
  const scheme: VoteScheme = {
    label: pick('label'),
    pass: pick('pass'),
    fail: pick('fail'),
    neutral: pick('neutral'),
    unexplainedFailure: system?.unexplainedFailure ?? ci?.unexplainedFailure ?? DEFAULT_VOTE_SCHEME.unexplainedFailure,
  };
  if (!(scheme.fail < scheme.neutral && scheme.neutral < scheme.pass)) {
    throw new InputError(
      `ci vote ${scheme.label}: expected fail < neutral < pass, got fail ${scheme.fail}, neutral ${scheme.neutral}, pass ${scheme.pass}`,
    );
  }
  return scheme;
}

/** ci.criteria with the top-level ci.massFailure over it. */
function baseCriteria(ci: CiSection | undefined): CriteriaSettings {
  const criteria = mergeCriteria(DEFAULT_CRITERIA, ci?.criteria as CiCriteriaEntry | undefined);
  return ci?.massFailure === undefined ? criteria : mergeCriteria(criteria, { massFailure: ci.massFailure });
}

/** A path for messages and output: relative to `base`, POSIX separators. */
export function displayPath(path: string, base: string): string {
  const rel = relative(base, path);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return shown.split(sep).join('/');
}

/** A user's pattern on the linear-time engine; an InputError naming it (and `what`) when invalid. */
export function compileRegex(pattern: string, what: string): TextMatcher {
  try {
    return compileUserPattern(pattern);
  } catch (error) {
    throw new InputError(`${what} ${(error as Error).message.replace(/^pattern /, '')}`);
  }
}

/** Built-in patterns plus extra ones (policy entries or --infra-pattern/--test-pattern flags). */
export function buildPatterns(extra: { infra?: ReadonlyArray<string | { pattern: string; id?: string | undefined; reason?: string | undefined }> | undefined; test?: ReadonlyArray<string | { pattern: string; id?: string | undefined; reason?: string | undefined }> | undefined }): CompiledPattern[] {
  const specs: PatternSpec[] = [];
  for (const kind of ['infra', 'test'] as const) {
    for (const entry of extra[kind] ?? []) {
      const item = typeof entry === 'string' ? { pattern: entry } : entry;
      specs.push({ id: item.id ?? 'custom', kind, pattern: item.pattern, reason: item.reason ?? `matched ${kind} pattern /${item.pattern}/` });
    }
  }
  let custom: CompiledPattern[];
  try {
    custom = compilePatterns(specs);
  } catch (error) {
    throw new InputError(`${(error as Error).message}`);
  }
  // Custom patterns first: a project's own knowledge of its logs wins over the built-ins.
  return [...custom, ...builtinPatterns()];
}

function parseFormat(value: string | undefined, flag: string): SourceFormat | undefined {
  if (value === undefined) return undefined;
  if (!(SOURCE_FORMATS as readonly string[]).includes(value)) {
    throw new InputError(`${flag} ${JSON.stringify(value)}: expected one of ${SOURCE_FORMATS.join(', ')}`);
  }
  return value as SourceFormat;
}

function matrixRules(entry: CiSystemEntry['matrix']): MatrixRule[] {
  return (entry ?? []).map((cell) => {
    let until: number | undefined;
    if (cell.disabled?.until !== undefined) {
      const t = cell.disabled.until instanceof Date ? cell.disabled.until.getTime() : parseTimestamp(cell.disabled.until);
      if (t === undefined) throw new InputError(`ci matrix cell ${cell.cell}: disabled.until ${JSON.stringify(cell.disabled.until)} is not a date (YYYY-MM-DD)`);
      until = (dayOf(t) + 1) * DAY_MS - 1;
    }
    return {
      cell: cell.cell,
      voting: cell.voting ?? true,
      required: cell.required ?? false,
      disabled: cell.disabled ? { reason: cell.disabled.reason, until } : undefined,
    };
  });
}

function historyInputs(entries: readonly CiHistoryInput[] | undefined, assign: string, root: string, cwd: string): InputPlan[] {
  const out: InputPlan[] = [];
  for (const entry of entries ?? []) {
    if (entry.from !== undefined) {
      out.push({ from: entry.from, display: entry.from, assign, workflow: entry.workflow });
      continue;
    }
    for (const file of entry.paths ?? (entry.path !== undefined ? [entry.path] : [])) {
      const path = resolve(root, file);
      out.push({ path, format: entry.format, display: displayPath(path, cwd), assign, workflow: entry.workflow });
    }
  }
  return out;
}

/** Builds the plan from the policy's merged `ci:` section (paths relative to the policy root). */
export function planFromPolicy(ci: CiSection | undefined, options: { root: string; cwd: string; names: readonly string[] }): ReadinessPlan {
  const systems = ci?.systems ?? [];
  if (systems.length === 0) {
    throw new InputError('the policy has no ci.systems; add them to lifecycle.yaml, or evaluate ad hoc with --history FILE --system NAME');
  }
  const known = new Set(systems.map((s) => s.name));
  const unknown = options.names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new InputError(`unknown CI system ${unknown.map((n) => JSON.stringify(n)).join(', ')}; ci.systems has ${[...known].sort().join(', ')}`);
  }
  const chosen = options.names.length ? systems.filter((s) => options.names.includes(s.name)) : systems;
  const base = baseCriteria(ci);
  const defaultRecheck = ci?.recheck ?? DEFAULT_RECHECK;
  const inputs: InputPlan[] = [];
  const identities: IdentitySpec[] = [];
  const specs: SystemSpec[] = [];
  const recheckSources = new Set<string>([defaultRecheck]);
  for (const system of chosen) {
    identities.push({ name: system.name, aliases: system.aliases ?? [] });
    inputs.push(...historyInputs(system.history, system.name, options.root, options.cwd));
    const recheck = system.recheck ?? defaultRecheck;
    recheckSources.add(recheck);
    const others = [...systems.filter((s) => s !== system), ...(ci?.reference ? [ci.reference] : [])].flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    specs.push(systemSpec(system, mergeCriteria(base, system.criteria), recheck, voteScheme(ci, system), others, system.recheck !== undefined));
  }
  const reference = ci?.reference;
  if (reference) {
    identities.push({ name: reference.name, aliases: reference.aliases ?? [] });
    inputs.push(...historyInputs(reference.history, reference.name, options.root, options.cwd));
  }
  for (const system of systems) {
    if (!chosen.includes(system)) identities.push({ name: system.name, aliases: system.aliases ?? [] });
  }
  return {
    inputs,
    identities,
    patterns: buildPatterns(ci?.patterns ?? {}),
    recheck: unionRegex([...recheckSources]),
    systems: specs,
    reference: reference?.name,
    resultCodes: new ResultCodes(ci?.resultCodes ?? {}),
    changeUrl: ci?.changeUrl,
  };
}

function systemSpec(system: CiSystemEntry, settings: CriteriaSettings, recheck: string, vote: VoteScheme, others: readonly string[], explicit: boolean): SystemSpec {
  return {
    vote,
    name: system.name,
    voting: system.voting ?? false,
    contacts: system.contacts ?? [],
    projects: system.projects ?? [],
    recheck: recheckRule(compileRegex(recheck, 'recheck pattern'), [system.name, ...(system.aliases ?? [])], others, explicit),
    matrix: matrixRules(system.matrix),
    settings,
  };
}

/** One matcher for several recheck patterns (each checked on its own first, for the message). */
function unionRegex(patterns: readonly string[]): TextMatcher {
  const matchers = patterns.map((p) => compileRegex(p, 'recheck pattern'));
  return matchers.length === 1 ? (matchers[0] as TextMatcher) : { source: patterns.join('|'), test: (text) => matchers.some((m) => m.test(text)) };
}

/** The ad-hoc flags of `ci-readiness`. */
export interface AdHocFlags {
  history: readonly string[];
  from: readonly string[];
  sourceFormat?: string | undefined;
  system?: string | undefined;
  aliases: readonly string[];
  reference: readonly string[];
  referenceFormat?: string | undefined;
  referenceSystem: string;
  voting: boolean;
  contacts: readonly string[];
  projects: readonly string[];
  workflow?: string | undefined;
  referenceWorkflow?: string | undefined;
  infraPatterns: readonly string[];
  testPatterns: readonly string[];
  recheck?: string | undefined;
  changeUrl?: string | undefined;
}

/** Builds the plan from ad-hoc flags; `ci` (from --policy, if given) supplies criteria and patterns. */
export function planAdHoc(flags: AdHocFlags, options: { cwd: string; ci?: CiSection | undefined }): ReadinessPlan {
  const format = parseFormat(flags.sourceFormat, '--source-format');
  const referenceFormat = parseFormat(flags.referenceFormat, '--reference-format') ?? format;
  const system = flags.system ?? '';
  const file = (path: string, fmt: SourceFormat | undefined, assign: string, workflow?: string): InputPlan => {
    const absolute = resolve(options.cwd, path);
    return { path: absolute, format: fmt, display: displayPath(absolute, options.cwd), assign, workflow };
  };
  const inputs: InputPlan[] = [
    ...flags.history.map((p) => file(p, format, system, flags.workflow)),
    ...flags.from.map((f) => ({ from: f, display: f, assign: system, workflow: flags.workflow })),
    ...flags.reference.map((p) => file(p, referenceFormat, flags.referenceSystem, flags.referenceWorkflow)),
  ];
  const ci = options.ci;
  const recheck = flags.recheck ?? ci?.recheck ?? DEFAULT_RECHECK;
  const patterns = buildPatterns({
    infra: [...(ci?.patterns?.infra ?? []), ...flags.infraPatterns],
    test: [...(ci?.patterns?.test ?? []), ...flags.testPatterns],
  });
  const systems: SystemSpec[] = flags.system
    ? [
        systemSpec(
          { name: flags.system, voting: flags.voting, contacts: [...flags.contacts], projects: [...flags.projects], aliases: [...flags.aliases] },
          baseCriteria(ci),
          recheck,
          voteScheme(ci),
          [flags.referenceSystem],
          flags.recheck !== undefined,
        ),
      ]
    : [];
  return {
    inputs,
    identities: [
      ...(flags.system ? [{ name: flags.system, aliases: flags.aliases }] : []),
      { name: flags.referenceSystem, aliases: [] },
    ],
    patterns,
    recheck: unionRegex([recheck]),
    systems,
    // Gerrit and NDJSON histories may carry the reference gate's reports themselves.
    reference: flags.referenceSystem,
    resultCodes: new ResultCodes(ci?.resultCodes ?? {}),
    changeUrl: checkChangeUrl(flags.changeUrl) ?? ci?.changeUrl,
  };
}

/** A --change-url template: an http(s) URL with {change} (the policy key is checked by the schema). */
export function checkChangeUrl(template: string | undefined): string | undefined {
  if (template === undefined) return undefined;
  if (!/^https?:\/\/\S*\{change\}/.test(template)) {
    throw new InputError(`--change-url ${JSON.stringify(template)}: expected an http(s) URL template with {change}, e.g. https://review.example.org/c/{change}/{patchset}`);
  }
  return template;
}
