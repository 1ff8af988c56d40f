import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ReadinessResult } from '../ci/result.js';
import { runCheck } from '../engine/run-check.js';
import type { CiSection } from '../policy/schema-ci.js';
import type { ReportInput } from './model.js';

export interface GatherOptions {
  cwd: string;
  policyPath?: string | undefined;
  /** The release to review (default: releases.current). */
  release?: string | undefined;
  /** Parse every file in full (`--full-parse`). */
  fullParse?: boolean;
  /** Messages for stderr (retries of live CI sources). */
  onNote?: (message: string) => void;
}

/**
 * Everything the report is built from: runs `lifecycle check` (as of the release under review)
 * and, when the policy has `ci.systems`, the CI readiness evaluation of `lifecycle ci-readiness`.
 */
export async function gatherReportInput(options: GatherOptions): Promise<ReportInput> {
  const run = await runCheck({
    cwd: options.cwd,
    ...(options.policyPath !== undefined ? { policyPath: options.policyPath } : {}),
    ...(options.release !== undefined ? { release: options.release } : {}),
    ...(options.fullParse ? { fullParse: true } : {}),
    // One policy's review: a subtree with its own lifecycle.yaml is left out (not counted twice).
    nestedPolicies: 'skip',
  });
  for (const nested of run.nested) {
    options.onNote?.(`${nested.dir}/ has its own policy and is not part of this report: lifecycle report --cwd ${nested.dir}`);
  }
  const { loaded } = run.workspace;
  const ci = loaded.merged.ci;
  const readiness = (ci?.systems?.length ?? 0) > 0 ? await evaluateCiSystems(ci!, loaded.root, options) : undefined;
  return {
    project: loaded.merged.project?.name ?? projectName(loaded.root),
    result: run.result,
    facts: run.facts,
    dates: run.workspace.loaded.policy.releases.dates,
    releaseSource: options.release !== undefined ? 'flag' : 'current',
    readiness,
  };
}

/** The verdicts of every system of `ci.systems`, through the one CI readiness pipeline. */
async function evaluateCiSystems(ci: CiSection, root: string, options: GatherOptions): Promise<ReadinessResult | undefined> {
  const [{ runReadinessPipeline }, { dayOf }] = await Promise.all([import('../ci/pipeline.js'), import('../ci/time.js')]);
  // As `lifecycle ci-readiness` does: as of the day of the latest record (today when there is none).
  const outcome = await runReadinessPipeline({
    plan: { kind: 'policy', ci, root, cwd: options.cwd, names: [] },
    today: dayOf(Date.now()),
    env: process.env,
    onNote: options.onNote,
  });
  return outcome.result;
}

/** Root package names that name no project: a workspace root's placeholder. */
const PLACEHOLDER_NAME = /^(@[^/]+\/)?(root|monorepo|workspace|workspaces|workspace-root|[\w.-]+-(root|monorepo|workspace))$/i;

/** package.json `name` next to the policy (unless a placeholder such as `root`), else the project folder's name. */
function projectName(root: string): string {
  const manifest = join(root, 'package.json');
  if (existsSync(manifest)) {
    try {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name;
      if (typeof name === 'string' && name.trim() !== '' && !PLACEHOLDER_NAME.test(name.trim())) return name;
    } catch {
      // An unreadable package.json is lifecycle check's business, not the report's.
    }
  }
  return basename(root);
}
