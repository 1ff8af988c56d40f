import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkInfo } from '../checks/ids.js';
import { CHECK_FUNCTIONS } from '../checks/index.js';
import type { ProjectFacts, SourceFileFacts } from '../checks/facts.js';
import { InputError } from '../errors.js';
import { compareFindings, type CheckResult, type Finding, type UnresolvedImport } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { withFingerprints } from '../baseline/fingerprint.js';
import { sourceLines } from '../baseline/source-lines.js';
import { analyzeFile } from './analyze-file.js';
import { collectProjectFiles } from './collect-project-files.js';
import { changedScopeOf, type ChangedScope } from './changed-files.js';
import { applySuppressions, type SuppressionComment } from './suppressions.js';
import { openWorkspace, type Workspace } from './workspace.js';

export interface CheckOptions {
  cwd: string;
  policyPath?: string;
  /** Limit the analysed files (and reported findings) to these files or directories. */
  paths?: readonly string[];
  /** Only analyse and report files changed since this git ref (everything when the policy changed). */
  changedSince?: string;
  /** Called after each analysed file (the progress display). */
  onProgress?: (done: number, total: number) => void;
  /** Evaluate as of this release of the train instead of `releases.current` (`lifecycle report --release`). */
  release?: string;
  /** Parse every file with TypeScript's parser instead of scanning most (reports every syntax error). */
  fullParse?: boolean;
}

export interface CheckRun {
  result: CheckResult;
  workspace: Workspace;
  /** What --changed-since limited the run to. */
  changed: ChangedScope | undefined;
  /** The facts the checks ran on (`lifecycle report` derives coverage and fan-in from them). */
  facts: ProjectFacts;
  /** How the analysed files were read, for --verbose: scanned, parsed in full (by reason), not analysed. */
  reading: { scanned: number; parsed: Map<string, number>; unreadable: number };
}

/** `lifecycle check` as a function: policy → workspace → facts → checks → suppressions → result. */
export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const workspace = openWorkspace(options);
  const changed = options.changedSince === undefined ? undefined : changedScopeOf(workspace, options.changedSince);
  // Unchanged files are not parsed at all; checks about the whole tree use classification only.
  const isChanged = (file: string) => !changed || changed.everything !== undefined || changed.files.has(file);
  const selected = selectFiles(workspace, options).filter(isChanged);
  const files: SourceFileFacts[] = [];
  const suppressions = new Map<string, SuppressionComment[]>();
  const reading = { scanned: 0, parsed: new Map<string, number>(), unreadable: 0 };
  for (const file of selected) {
    const analyzed = analyzeFile(workspace, file, { fullParse: options.fullParse ?? false });
    const { readBy } = analyzed;
    if (readBy.kind === 'scan') reading.scanned += 1;
    else if (readBy.kind === 'parse') reading.parsed.set(readBy.because, (reading.parsed.get(readBy.because) ?? 0) + 1);
    else reading.unreadable += 1;
    files.push(analyzed.facts);
    if (analyzed.suppressions.length > 0) suppressions.set(file, analyzed.suppressions);
    options.onProgress?.(files.length, selected.length);
  }
  const policy = workspace.loaded.policy;
  const facts: ProjectFacts = {
    policy,
    files,
    tree: workspace.sourceFiles.map((file) => ({ file, class: workspace.classifier.classify(file) })),
    ...(await collectProjectFiles(workspace, isChanged)),
  };
  const raw = CHECK_FUNCTIONS.flatMap((check) => check.run(facts));
  const inScope = scopeFilter(workspace, options);
  const kept = withPolicySeverity(applySuppressions(raw, suppressions), policy).filter((finding) => inScope(finding) && isChanged(finding.file));
  const findings = withFingerprints(kept.sort(compareFindings), sourceLines(workspace.root));
  const unresolvedImports: UnresolvedImport[] = files.flatMap((file) =>
    file.imports.flatMap((fact) =>
      fact.target.kind === 'unresolved'
        ? [{ file: file.file, line: fact.line, column: fact.column, specifier: fact.specifier ?? '(computed)', reason: fact.target.reason, cause: fact.target.cause }]
        : [],
    ),
  );
  return {
    workspace,
    changed,
    facts,
    reading,
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

/** The project-relative prefixes named by `lifecycle check <paths…>` (undefined: the whole project). */
function pathPrefixes(workspace: Workspace, options: CheckOptions): string[] | undefined {
  if (!options.paths || options.paths.length === 0) return undefined;
  return options.paths.map((path) => {
    const abs = resolve(options.cwd, path);
    if (!existsSync(abs)) throw new InputError(`no such file or directory: ${path}`);
    const rel = relative(workspace.root, abs).split('\\').join('/');
    if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`${path} is outside the project root ${workspace.root}`);
    return rel;
  });
}

function underAny(prefixes: readonly string[], file: string): boolean {
  return prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}

function selectFiles(workspace: Workspace, options: CheckOptions): string[] {
  const prefixes = pathPrefixes(workspace, options);
  return prefixes ? workspace.sourceFiles.filter((file) => underAny(prefixes, file)) : workspace.sourceFiles;
}

/** With paths given, only findings in files under them are reported (source, config, docs, the policy). */
function scopeFilter(workspace: Workspace, options: CheckOptions): (finding: Finding) => boolean {
  const prefixes = pathPrefixes(workspace, options);
  return prefixes ? (finding) => underAny(prefixes, finding.file) : () => true;
}
