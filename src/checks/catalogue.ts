import type { CheckRuleInfo } from '../findings.js';
import type { Severity } from '../policy/schema.js';

export interface CheckInfo {
  id: string;
  /** Its level when the policy does not set one; the `recommended` preset and ESLint's `configs.recommended` use it too. */
  defaultSeverity: Severity;
  /** One line: what the check enforces. */
  description: string;
  /** False for ids of the product contract that this version does not implement yet. */
  implemented: boolean;
  /** True when the check itself reports both levels (e.g. due soon = warn, overdue = error). */
  graded?: boolean;
  /**
   * True when it also runs in the editor: the ESLint rule `lifecycle/<id>` (rules/<id>.ts), at the
   * level `editorLevel` gives it in each shared config of the plugin.
   */
  editor?: boolean;
  /** True when it needs TypeScript's type checker: the CLI builds programs only when it is on; its ESLint rule needs type information. */
  typeAware?: boolean;
}

/** The shared configs of the ESLint plugin (`configs.recommended`, `configs.strict`). */
export type EditorConfig = 'recommended' | 'strict';

/** A check's ESLint level in a shared config: `recommended` is its default severity, `strict` makes it an error. */
export function editorLevel(check: CheckInfo, config: EditorConfig): Severity {
  return config === 'strict' ? 'error' : check.defaultSeverity;
}

/**
 * Every check id of the product, in one place: the CLI, the policy's defaults and validation, the
 * ESLint plugin's rules and configs, SARIF and the docs' tables are derived from it (test/meta.test.ts
 * proves the presets and docs agree).
 */
export const CHECKS: readonly CheckInfo[] = [
  { id: 'no-preview-import', defaultSeverity: 'error', implemented: true, editor: true, description: 'Stable code imports no preview module (and preview features do not import each other unless allowed).' },
  { id: 'preview-unregistered', defaultSeverity: 'error', implemented: true, editor: true, description: 'Every folder under the preview subtree belongs to a registered feature, and every preview feature has code.' },
  { id: 'preview-registry', defaultSeverity: 'warn', implemented: true, description: 'Registry sanity: enough owners, an http(s) tracking link, a known introduction release; no stable code left under the preview tree, no code of removed features.' },
  { id: 'suppression-comment', defaultSeverity: 'error', implemented: true, description: 'lifecycle-disable-next-line comments name a known check, give a reason, and suppress something.' },
  { id: 'parse-error', defaultSeverity: 'error', implemented: true, description: 'A source file could not be analysed (syntax error, binary content, too large, unreadable), or a directory could not be listed.' },
  { id: 'glob-matches-nothing', defaultSeverity: 'warn', implemented: true, description: 'A policy glob (files.include, preview.code, exceptions, features.*.paths, config.files) matches no file, so a typo cannot turn a check off silently.' },
  { id: 'unresolved-import', defaultSeverity: 'warn', implemented: true, description: 'An import of a project file could not be resolved, so it cannot be checked.' },
  { id: 'preview-test-location', defaultSeverity: 'error', implemented: true, description: 'Tests of preview code live under the preview test subtree.' },
  { id: 'preview-config-label', defaultSeverity: 'error', implemented: true, description: 'Config keys of preview features carry the label; stable features carry none.' },
  { id: 'preview-docs-label', defaultSeverity: 'error', implemented: true, description: 'Docs of preview features carry the label; docs of stable features carry none.' },
  { id: 'preview-cli-label', defaultSeverity: 'error', implemented: true, editor: true, description: 'CLI command, option and argument descriptions in preview code contain the label.' },
  { id: 'preview-route-label', defaultSeverity: 'off', implemented: true, editor: true, description: 'HTTP route paths registered in preview code contain the label.' },
  { id: 'preview-deadline', defaultSeverity: 'error', implemented: true, graded: true, editor: true, description: 'Preview features are promoted, renewed or removed within maxCycles releases.' },
  { id: 'preview-api-leak', defaultSeverity: 'off', implemented: true, editor: true, typeAware: true, description: 'Exported declarations of stable public entry points expose no preview declaration in their public types (type-aware: off in recommended, on in strict).' },
];

export const CHECK_IDS: readonly string[] = CHECKS.map((check) => check.id);

export function checkInfo(id: string): CheckInfo | undefined {
  return CHECKS.find((check) => check.id === id);
}

/** Every check as a check result lists it for its reporters (SARIF's rule descriptors). */
export function checkRuleInfos(): CheckRuleInfo[] {
  return CHECKS.map(({ id, description, defaultSeverity }) => ({ id, description, defaultSeverity }));
}
