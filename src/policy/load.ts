// Placeholder: the policy loader is being written (issue 2). Signature is the contract.
import type { PolicyFile } from './schema.js';

export interface LoadedPolicy {
  /** Absolute path of the root lifecycle.yaml. */
  path: string;
  /** Project root: the directory holding the root lifecycle.yaml. */
  root: string;
  /** The merged, validated policy files (extends applied). */
  merged: PolicyFile;
}

export function loadPolicy(options: { cwd: string; policyPath?: string }): LoadedPolicy {
  throw new Error(`policy loader not implemented yet (${options.cwd})`);
}
