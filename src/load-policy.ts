import { join } from 'node:path';
import { CHECKS } from './checks/catalogue.js';
import { packageRoot } from './package-root.js';
import { loadPolicyFile, type LoadedPolicy } from './policy/load.js';

/**
 * Loads lifecycle.yaml as this package reads it: judged against its check catalogue, with its
 * built-in presets (policies/). The policy layer (src/policy/) knows neither, so it stays at the
 * bottom; this is the one place that brings them together. Cached as loadPolicyFile is.
 */
export function loadPolicy(options: { cwd: string; policyPath?: string }): LoadedPolicy {
  presetsDir ??= join(packageRoot(), 'policies');
  return loadPolicyFile({ ...options, checks: CHECKS, presetsDir });
}

let presetsDir: string | undefined;
