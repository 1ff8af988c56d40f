import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkInfo } from '../checks/ids.js';
import { CHECK_FUNCTIONS } from '../checks/index.js';
import type { ProjectFacts, SourceFileFacts } from '../checks/facts.js';
import { InputError } from '../errors.js';
import { compareFindings, type CheckResult, type Finding, type UnresolvedImport } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { analyzeFile } from './analyze-file.js';
import { applySuppressions, type SuppressionComment } from './suppressions.js';
import { openWorkspace, type Workspace } from './workspace.js';

export interface CheckOptions {
  cwd: string;
  policyPath?: string;
  /** Limit the analysed files (and reported findings) to these files or directories. */
  paths?: readonly string[];
}

export interface CheckRun {
  result: CheckResult;
  workspace: Workspace;
}

/** `lifecycle check` as a function: policy → workspace → facts → checks → suppressions → result. */
export function runCheck(options: CheckOptions): CheckRun {
  const workspace = openWorkspace(options);
  const selected = selectFiles(workspace, options);
  const files: SourceFileFacts[] = [];
  const suppressions = new Map<string, SuppressionComment[]>();
  for (const file of selected) {
    const analyzed = analyzeFile(workspace, file);
    files.push(analyzed.facts);
    if (analyzed.suppressions.length > 0) suppressions.set(file, analyzed.suppressions);
  }
  const policy = workspace.loaded.policy;
  const facts: ProjectFacts = {
    policy,
    files,
    tree: workspace.sourceFiles.map((file) => ({ file, class: workspace.classifier.classify(file) })),
  };
  const raw = CHECK_FUNCTIONS.flatMap((check) => check.run(facts));
  const inScope = scopeFilter(workspace, selected, options);
  const findings = withPolicySeverity(applySuppressions(raw, suppressions), policy).filter(inScope).sort(compareFindings);
  const unresolvedImports: UnresolvedImport[] = files.flatMap((file) =>
    file.imports.flatMap((fact) =>
      fact.target.kind === 'unresolved'
        ? [{ file: file.file, line: fact.line, column: fact.column, specifier: fact.specifier ?? '(computed)', reason: fact.target.reason }]
        : [],
    ),
  );
  return {
    workspace,
    result: {
      version: 1,
      findings,
      summary: {
        errors: findings.filter((finding) => finding.severity === 'error').length,
        warnings: findings.filter((finding) => finding.severity === 'warn').length,
        files: files.length,
        unresolved: unresolvedImports.length,
      },
      unresolvedImports,
    },
  };
}

/**
 * The policy decides the level: `checks: { id: off | warn | error }` (default: the check's own
 * default). A graded check (one that reports both levels by itself) keeps its own levels under
 * `error` and is capped under `warn`.
 */
function withPolicySeverity(findings: readonly Finding[], policy: Policy): Finding[] {
  return findings.flatMap((finding) => {
    const configured = policy.severities[finding.rule] ?? 'error';
    if (configured === 'off') return [];
    const severity = checkInfo(finding.rule)?.graded && configured === 'error' ? finding.severity : configured;
    return [severity === finding.severity ? finding : { ...finding, severity }];
  });
}

function selectFiles(workspace: Workspace, options: CheckOptions): string[] {
  if (!options.paths || options.paths.length === 0) return workspace.sourceFiles;
  const prefixes = options.paths.map((path) => {
    const abs = resolve(options.cwd, path);
    if (!existsSync(abs)) throw new InputError(`no such file or directory: ${path}`);
    const rel = relative(workspace.root, abs).split('\\').join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`${path} is outside the project root ${workspace.root}`);
    return rel;
  });
  return workspace.sourceFiles.filter((file) => prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`)));
}

/** With paths given, only findings in those files are reported (policy-file findings too when it is named). */
function scopeFilter(workspace: Workspace, selected: readonly string[], options: CheckOptions): (finding: Finding) => boolean {
  const paths = options.paths;
  if (!paths || paths.length === 0) return () => true;
  const set = new Set(selected);
  const policyFile = workspace.loaded.policy.file;
  const policyNamed = paths.some((path) => relative(workspace.root, resolve(options.cwd, path)) === policyFile);
  return (finding) => set.has(finding.file) || (policyNamed && finding.file === policyFile);
}
