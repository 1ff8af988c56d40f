/**
 * CI readiness on one screen. `lifecycle ci-readiness`, `lifecycle report` and `lifecycle ci vote`
 * call these two functions; the CLI only parses options and prints the result.
 *
 *   plan      the policy's `ci:` section, or the ad-hoc flags → inputs, identities, patterns,
 *             result codes, systems and their criteria (config.ts)
 *   load      every input read once (a file named twice too), normalized to runs (sources/),
 *             deduplicated and grouped (collect.ts)
 *   classify  each run as it is loaded: result code, then log/comment patterns (classify.ts)
 *   collate   runs → one report per patchset the Zuul way; corroborated mass failures relabelled
 *             (evaluate.ts collateHistory, collate.ts, mass-failure.ts)
 *   evaluate  every criterion, the probation clock and the verdict per system (evaluateCollated)
 *   result    a ReadinessResult (result.ts), which reporters/ print
 */
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { CiSection } from '../policy/schema-ci.js';
import { buildPatterns, planAdHoc, planFromPolicy, voteScheme, type AdHocFlags, type ReadinessPlan } from './config.js';
import { collateHistory, evaluateCollated, type CollatedHistory, type ReadinessSpec } from './evaluate.js';
import { loadHistory } from './load-history.js';
import { ResultCodes } from './result-codes.js';
import type { ReadinessResult, VoteResult } from './result.js';
import { scanLogFile, voteFor } from './vote.js';

/** Where the plan comes from: the policy's `ci.systems` (all, or those named), or ad-hoc flags. */
export type PlanSource =
  | { kind: 'policy'; ci: CiSection | undefined; root: string; cwd: string; names: readonly string[] }
  | { kind: 'ad-hoc'; flags: AdHocFlags; ci: CiSection | undefined; cwd: string };

export interface ReadinessRequest {
  plan: PlanSource;
  /** UTC day to evaluate as of (default: the day of the latest record, else `today`). */
  asOfDay?: number | undefined;
  /** Ignore records before this UTC day (also limits live fetches). */
  sinceDay?: number | undefined;
  /** The caller's UTC day, used when there is no data and no as-of day. */
  today: number;
  env: NodeJS.ProcessEnv;
  /** Longest line or JSON record of an input, in characters (default 64 MiB). */
  maxLineLength?: number | undefined;
  /** Page cap of each live source (default 1000). */
  maxPages?: number | undefined;
  /** Messages for stderr (retries of live sources, what an export wrote). */
  onNote?: ((message: string) => void) | undefined;
  /** Also write the normalized runs of every input to this file (absolute path; `display` names it in the note). */
  exportNdjson?: { path: string; display: string } | undefined;
  /** A checked change-URL template that wins over the plan's (`--change-url`). */
  changeUrl?: string | undefined;
}

export interface ReadinessOutcome {
  /** The evaluation; undefined when the request only converts (an export without a system). */
  result: ReadinessResult | undefined;
  /** The link template for change numbers in reports (`--change-url`, else `ci.changeUrl`). */
  changeUrl: string | undefined;
}

/** plan → load and classify → collate → evaluate → result. */
export async function runReadinessPipeline(request: ReadinessRequest): Promise<ReadinessOutcome> {
  const source = request.plan;
  const plan = source.kind === 'policy' ? planFromPolicy(source.ci, source) : planAdHoc(source.flags, source);
  const changeUrl = request.changeUrl ?? plan.changeUrl;
  const spec = { systems: plan.systems, reference: plan.reference, asOfDay: request.asOfDay, today: request.today };
  const collated = await loadAndCollate(plan, spec, request);
  if (!collated) return { result: undefined, changeUrl };
  return { result: evaluateCollated(collated, { ...spec, commentStream: collated.commentStream }), changeUrl };
}

/**
 * Load (classifying every run), export when asked, collate. A function of its own so the runs
 * (possibly millions) are garbage once it returns, before the criteria run.
 */
async function loadAndCollate(
  plan: ReadinessPlan,
  spec: Omit<ReadinessSpec, 'commentStream'>,
  request: ReadinessRequest,
): Promise<CollatedHistory | undefined> {
  const loaded = await loadHistory({
    inputs: plan.inputs,
    identities: plan.identities,
    patterns: plan.patterns,
    resultCodes: plan.resultCodes,
    recheck: plan.recheck,
    sinceDay: request.sinceDay,
    keepRuns: request.exportNdjson !== undefined,
    env: request.env,
    maxLineLength: request.maxLineLength,
    maxPages: request.maxPages,
    onRetry: request.onNote,
  });
  if (request.exportNdjson !== undefined) {
    const { exportNdjson } = await import('./export.js');
    const { runs, patchsets, rechecks } = await exportNdjson(loaded.history, request.exportNdjson.path);
    request.onNote?.(`wrote ${runs} runs, ${patchsets} upstream patchsets and ${rechecks} recheck requests to ${request.exportNdjson.display}`);
    if (plan.systems.length === 0) return undefined;
  }
  return collateHistory(loaded.history, { ...spec, commentStream: loaded.commentStream });
}

export interface VoteRequest {
  /** The run's result code as the CI got it. */
  result: string;
  /** The job log to scan (absolute path) and how to name it in messages. */
  log?: { path: string; display: string } | undefined;
  /** The policy's `ci:` section (patterns, result codes, vote scheme), if one was given. */
  ci: CiSection | undefined;
  /** A system of `ci.systems` whose own vote scheme applies. */
  system?: string | undefined;
  infraPatterns: readonly string[];
  testPatterns: readonly string[];
}

/** plan (vote scheme, result codes, patterns) → classify (result code, log) → the vote. */
export async function decideVote(request: VoteRequest): Promise<VoteResult> {
  const { ci } = request;
  let system;
  if (request.system !== undefined) {
    if (!ci) throw new InputError('--system needs --policy FILE (the system is looked up in its ci.systems)');
    system = ci.systems?.find((s) => s.name === request.system);
    if (!system) {
      throw new InputError(`--system ${JSON.stringify(request.system)}: not in ci.systems (${(ci.systems ?? []).map((s) => s.name).join(', ') || 'none'})`);
    }
  }
  const scheme = voteScheme(ci, system);
  const codes = new ResultCodes(ci?.resultCodes ?? {});
  const patterns = buildPatterns({
    infra: [...(ci?.patterns?.infra ?? []), ...request.infraPatterns],
    test: [...(ci?.patterns?.test ?? []), ...request.testPatterns],
  });
  let found = {};
  if (request.log !== undefined) {
    const { path, display } = request.log;
    if (!existsSync(path)) throw new InputError(`--log ${display}: file not found`);
    if (statSync(path).isDirectory()) throw new InputError(`--log ${display}: is a directory`);
    found = await scanLogFile(path, patterns);
  }
  return voteFor(request.result, found, { scheme, codes });
}
