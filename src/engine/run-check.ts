import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { checkInfo } from '../checks/ids.js';
import { CHECK_FUNCTIONS } from '../checks/index.js';
import type { ProjectFacts, SourceFileFacts } from '../checks/facts.js';
import { InputError } from '../errors.js';
import picomatch from 'picomatch';
import { compareFindings, type CheckResult, type Finding, type SkippedCounts, type UnresolvedImport } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { withFingerprints } from '../baseline/fingerprint.js';
import { sourceLines } from '../baseline/source-lines.js';
import { analyzeFile } from './analyze-file.js';
import { collectProjectFiles } from './collect-project-files.js';
import { changedScopeOf, type ChangedScope } from './changed-files.js';
import { nothingAnalysedError } from './nothing-analysed.js';
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
  /** How the analysed files were read, for --verbose: scanned, parsed in full (by reason), not analysed, vendored (skipped). */
  reading: { scanned: number; parsed: Map<string, number>; unreadable: number; vendored: { file: string; reason: string }[] };
}

/** `lifecycle check` as a function: policy → workspace → facts → checks → suppressions → result. */
export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const workspace = openWorkspace(options);
  const prefixes = pathPrefixes(workspace, options);
  const changed = options.changedSince === undefined ? undefined : changedScopeOf(workspace, options.changedSince);
  // Unchanged files are not parsed at all; checks about the whole tree use classification only.
  const isChanged = (file: string) => !changed || changed.everything !== undefined || changed.files.has(file);
  const underPaths = prefixes ? workspace.sourceFiles.filter((file) => underAny(prefixes, file)) : workspace.sourceFiles;
  const selected = underPaths.filter(isChanged);
  const skipped: SkippedCounts = {
    total: 0,
    notIncluded: workspace.skipped.notIncluded,
    excluded: workspace.skipped.excluded,
    vendored: workspace.skipped.vendored.length,
    outsidePaths: workspace.sourceFiles.length - underPaths.length,
    unchanged: underPaths.length - selected.length,
  };
  if (underPaths.length === 0 && (!prefixes || !somethingElseUnder(workspace, prefixes))) throw nothingAnalysedError(workspace, total(skipped), options.paths);
  const files: SourceFileFacts[] = [];
  const suppressions = new Map<string, SuppressionComment[]>();
  const reading: CheckRun['reading'] = { scanned: 0, parsed: new Map<string, number>(), unreadable: 0, vendored: [...workspace.skipped.vendored] };
  const include = workspace.loaded.policy.files.include;
  for (const [index, file] of selected.entries()) {
    const analyzed = analyzeFile(workspace, file, { fullParse: options.fullParse ?? false, include });
    const { readBy } = analyzed;
    options.onProgress?.(index + 1, selected.length);
    if (readBy.kind === 'vendored') {
      reading.vendored.push({ file, reason: readBy.reason });
      skipped.vendored += 1;
      continue;
    }
    if (readBy.kind === 'scan') reading.scanned += 1;
    else if (readBy.kind === 'parse') reading.parsed.set(readBy.because, (reading.parsed.get(readBy.because) ?? 0) + 1);
    else reading.unreadable += 1;
    files.push(analyzed.facts);
    if (analyzed.suppressions.length > 0) suppressions.set(file, analyzed.suppressions);
  }
  // Every file in scope turned out to be vendored or minified: as good as nothing analysed
  // (not so when --changed-since left only such files: the others are merely unchanged).
  if (files.length === 0 && selected.length > 0 && selected.length === underPaths.length) throw nothingAnalysedError(workspace, total(skipped), options.paths);
  const policy = workspace.loaded.policy;
  const facts: ProjectFacts = {
    policy,
    files,
    tree: workspace.sourceFiles.map((file) => ({ file, class: workspace.classifier.classify(file) })),
    unreadableDirectories: workspace.discovery.unreadableDirectories,
    listing: { files: workspace.allFiles, sourceFiles: workspace.discoveredSourceFiles },
    ...(await collectProjectFiles(workspace, isChanged)),
  };
  const raw = CHECK_FUNCTIONS.flatMap((check) => check.run(facts));
  const inScope: (finding: Finding) => boolean = prefixes ? (finding) => underAny(prefixes, finding.file) : () => true;
  const kept = withPolicySeverity(applySuppressions(raw, suppressions), policy).filter((finding) => inScope(finding) && isChanged(finding.file));
  const findings = withFingerprints(kept.sort(compareFindings), sourceLines(workspace.root));
  const unresolvedImports: UnresolvedImport[] = files.flatMap((file) =>
    file.imports.flatMap((fact) =>
      fact.target.kind === 'unresolved'
        ? [{ file: file.file, line: fact.line, column: fact.column, specifier: fact.specifier ?? '(computed)', reason: fact.target.reason }]
        : [],
    ),
  );
  const importCount = files.reduce((sum, file) => sum + file.imports.length, 0);
  const { discovery } = workspace;
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
        resolved: importCount - unresolvedImports.length,
        skipped: total(skipped),
        discovered: {
          files: discovery.files,
          sourceFiles: discovery.sourceFiles,
          gitignoredFiles: discovery.gitignored.files,
          gitignoredDirectories: discovery.gitignored.directories,
          unreadableDirectories: discovery.unreadableDirectories.length,
        },
      },
      unresolvedImports,
    },
  };
}

function total(skipped: SkippedCounts): SkippedCounts {
  return { ...skipped, total: skipped.notIncluded + skipped.excluded + skipped.vendored + skipped.outsidePaths + skipped.unchanged };
}

/**
 * With paths given and no source file under them: whether they still hold something the run
 * reports on (the policy file, a config or doc file), so `lifecycle check etc/` is not "nothing".
 */
function somethingElseUnder(workspace: Workspace, prefixes: readonly string[]): boolean {
  const { policy } = workspace.loaded;
  const globs = [...policy.config.files, ...policy.features.flatMap((feature) => feature.docs)];
  const isReported = globs.length > 0 ? picomatch(globs, { dot: true }) : () => false;
  return workspace.allFiles.some((file) => underAny(prefixes, file) && (file === policy.file || isReported(file)));
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
