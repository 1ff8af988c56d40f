import { projectRelative } from '../project-path.js';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { checkInfo, checkRuleInfos } from '../checks/catalogue.js';
import { CHECK_FUNCTIONS } from '../checks/index.js';
import { suppressionComment } from '../checks/suppression-comment.js';
import { InputError } from '../errors.js';
import picomatch from 'picomatch';
import { compareFindings, type CheckResult, type Finding, type SkippedCounts, type UnresolvedImport } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { withFingerprints } from '../baseline/fingerprint.js';
import { toolInfo } from '../tool-info.js';
import { sourceLines } from '../baseline/source-lines.js';
import { analyzeFile } from './analyze-file.js';
import { collectProjectFiles } from './collect-project-files.js';
import { changedScopeBelow, changedSince, type ChangedScope } from './changed-files.js';
import { joinPrefix } from '../workspace/nested-policies.js';
import { nothingAnalysedError } from './nothing-analysed.js';
import { suppressFindings } from '../checks/suppression-comment.js';
import { openWorkspace, projectsOf, type Workspace } from '../workspace/open-workspace.js';
import type { CheckInput } from '../checks/check.js';
import type { SourceFileFacts } from '../facts/source-file.js';
import type { SuppressionComment } from '../facts/suppressions.js';

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
  /**
   * `check` (default): subtrees with their own lifecycle.yaml are checked by that policy. `skip`:
   * they are only left out (`lifecycle report` reviews one policy at a time).
   */
  nestedPolicies?: 'check' | 'skip';
}

export interface CheckRun {
  result: CheckResult;
  /** The workspace of the policy the run started from (the top project). */
  workspace: Workspace;
  /** What --changed-since limited the run to (paths relative to the top project's root). */
  changed: ChangedScope | undefined;
  /** The facts the top policy's checks ran on (`lifecycle report` derives coverage and fan-in from them). */
  facts: CheckInput;
  /** How the analysed files were read, for --verbose: scanned, parsed in full (by reason), not analysed, vendored (skipped). */
  reading: { scanned: number; parsed: Map<string, number>; unreadable: number; vendored: { file: string; reason: string }[] };
  /**
   * The nested projects (subtrees with their own lifecycle.yaml, at any depth), relative to the top
   * root: checked by their own policy, or only left out of the top one (`nestedPolicies: 'skip'`).
   */
  nested: {
    dir: string;
    policyFile: string;
    /** Its workspace, when it was checked (undefined with `nestedPolicies: 'skip'`). */
    workspace: Workspace | undefined;
    changed: ChangedScope | undefined;
  }[];
}

/** One project's share of a run: its analysed files and findings, paths already relative to the top root. */
interface ProjectRun {
  facts: CheckInput;
  findings: Finding[];
  unresolvedImports: UnresolvedImport[];
  changed: ChangedScope | undefined;
}

/**
 * `lifecycle check` as a function: policy → workspace → facts → checks → suppressions → result.
 * Each file is checked by its nearest policy: the top one, or a nested project's own (loaded up
 * front, so a broken nested policy stops the run before any work); one combined result.
 */
export async function runCheck(options: CheckOptions): Promise<CheckRun> {
  const workspace = openWorkspace(options);
  const projects = options.nestedPolicies === 'skip' ? [{ workspace, prefix: '' }] : projectsOf(workspace);
  const prefixes = pathPrefixes(workspace, options);
  const allChanged = options.changedSince === undefined ? undefined : changedSince(workspace.root, options.changedSince, []);
  const skipped: SkippedCounts = { total: 0, notIncluded: 0, excluded: 0, vendored: 0, outsidePaths: 0, unchanged: 0 };
  const selected = projects.map(({ workspace: project, prefix }) => {
    const changed = allChanged && changedScopeBelow(allChanged, project, prefix);
    // Unchanged files are not parsed at all; checks about the whole tree use classification only.
    const isChanged = (file: string) => !changed || changed.everything !== undefined || changed.files.has(file);
    const underPaths = prefixes ? project.sourceFiles.filter((file) => underAny(prefixes, joinPrefix(prefix, file))) : project.sourceFiles;
    const files = underPaths.filter(isChanged);
    skipped.notIncluded += project.skipped.notIncluded;
    skipped.excluded += project.skipped.excluded;
    skipped.vendored += project.skipped.vendored.length;
    skipped.outsidePaths += project.sourceFiles.length - underPaths.length;
    skipped.unchanged += underPaths.length - files.length;
    return { project, prefix, changed, isChanged, underPaths: underPaths.length, files };
  });
  const inScopeCount = selected.reduce((sum, { underPaths }) => sum + underPaths, 0);
  if (inScopeCount === 0 && (!prefixes || !somethingElseUnder(workspace, prefixes))) throw nothingAnalysedError(workspace, total(skipped), options.paths);
  const totalSelected = selected.reduce((sum, { files }) => sum + files.length, 0);
  const reading: CheckRun['reading'] = {
    scanned: 0,
    parsed: new Map<string, number>(),
    unreadable: 0,
    vendored: selected.flatMap(({ project, prefix }) => project.skipped.vendored.map((item) => ({ ...item, file: joinPrefix(prefix, item.file) }))),
  };
  let done = 0;
  const runs: ProjectRun[] = [];
  for (const { project, prefix, changed, isChanged, files } of selected) {
    const onAnalyzed = () => options.onProgress?.((done += 1), totalSelected);
    const run = await checkProject(project, files, { ...options, reading, skipped, prefix, onAnalyzed, isChanged });
    const inScope = (finding: Finding) => !prefixes || underAny(prefixes, finding.file);
    runs.push({ ...run, findings: withPrefix(prefix, run).filter(inScope), unresolvedImports: run.unresolvedImports.map((item) => ({ ...item, file: joinPrefix(prefix, item.file) })), changed });
  }
  const files = runs.reduce((sum, run) => sum + run.facts.files.length, 0);
  // Every file in scope turned out to be vendored or minified: as good as nothing analysed
  // (not so when --changed-since left only such files: the others are merely unchanged).
  if (files === 0 && totalSelected > 0 && totalSelected === inScopeCount) throw nothingAnalysedError(workspace, total(skipped), options.paths);
  const findings = withFingerprints(runs.flatMap((run) => run.findings).sort(compareFindings), sourceLines(workspace.root));
  // Each project's list is in file order already; nested projects' files sort among the top's.
  const unresolvedImports = runs.flatMap((run) => run.unresolvedImports);
  if (runs.length > 1) unresolvedImports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  const importCount = runs.reduce((sum, run) => sum + run.facts.files.reduce((count, file) => count + file.imports.length, 0), 0);
  // Each project's discovery counts its own files (a nested project's are not the outer one's).
  const discovered = (pick: (discovery: Workspace['discovery']) => number) => selected.reduce((sum, { project }) => sum + pick(project.discovery), 0);
  return {
    workspace,
    changed: runs[0]!.changed,
    facts: runs[0]!.facts,
    reading,
    nested:
      options.nestedPolicies === 'skip'
        ? workspace.nested.map((nested) => ({ dir: nested.dir, policyFile: nested.policyFile, workspace: undefined, changed: undefined }))
        : selected.slice(1).map(({ project, prefix }, index) => ({ dir: prefix, policyFile: project.loaded.path, workspace: project, changed: runs[index + 1]!.changed })),
    result: {
      version: 1,
      findings,
      tool: toolInfo(),
      rules: checkRuleInfos(),
      summary: {
        errors: findings.filter((finding) => finding.severity === 'error').length,
        warnings: findings.filter((finding) => finding.severity === 'warn').length,
        files,
        unresolved: unresolvedImports.length,
        resolved: importCount - unresolvedImports.length,
        skipped: total(skipped),
        discovered: {
          files: discovered((discovery) => discovery.files),
          sourceFiles: discovered((discovery) => discovery.sourceFiles),
          gitignoredFiles: discovered((discovery) => discovery.gitignored.files),
          gitignoredDirectories: discovered((discovery) => discovery.gitignored.directories),
          unreadableDirectories: discovered((discovery) => discovery.unreadableDirectories.length),
        },
      },
      unresolvedImports,
    },
  };
}

/** The checks of one project's policy over its selected files; paths relative to its own root. */
async function checkProject(
  workspace: Workspace,
  selected: readonly string[],
  options: CheckOptions & { reading: CheckRun['reading']; skipped: SkippedCounts; prefix: string; onAnalyzed: () => void; isChanged: (file: string) => boolean },
): Promise<Omit<ProjectRun, 'changed'>> {
  const { reading, skipped, isChanged } = options;
  const files: SourceFileFacts[] = [];
  const suppressions = new Map<string, SuppressionComment[]>();
  for (const file of selected) {
    const analyzed = analyzeFile(workspace, file, { fullParse: options.fullParse ?? false });
    const { readBy } = analyzed;
    options.onAnalyzed();
    if (readBy.kind === 'vendored') {
      reading.vendored.push({ file: joinPrefix(options.prefix, file), reason: readBy.reason });
      skipped.vendored += 1;
      continue;
    }
    if (readBy.kind === 'scan') reading.scanned += 1;
    else if (readBy.kind === 'parse') reading.parsed.set(readBy.because, (reading.parsed.get(readBy.because) ?? 0) + 1);
    else reading.unreadable += 1;
    files.push(analyzed.facts);
    if (analyzed.suppressions.length > 0) suppressions.set(file, analyzed.suppressions);
  }
  const policy = workspace.loaded.policy;
  const facts: CheckInput = {
    policy,
    files,
    tree: workspace.sourceFiles.map((file) => ({ file, class: workspace.classifier.classify(file) })),
    unreadableDirectories: workspace.discovery.unreadableDirectories,
    listing: { files: workspace.allFiles, sourceFiles: workspace.discoveredSourceFiles },
    ...(await collectProjectFiles(workspace, isChanged)),
    // TypeScript's checker only when preview-api-leak is on: loaded here, never otherwise.
    ...(policy.severities['preview-api-leak'] === 'off' ? {} : { apiSurface: (await import('../extract/typed/project-programs.js')).projectApiSurface(workspace) }),
  };
  // Every check over the facts, then suppression-comment over the directives those findings were matched against.
  const raw = CHECK_FUNCTIONS.filter((check) => check !== suppressionComment).flatMap((check) => check.run(facts));
  const { kept, uses } = suppressFindings(raw, suppressions);
  const judged = [...kept, ...suppressionComment.run({ ...facts, suppressions: uses })];
  const findings = withPolicySeverity(judged, policy).filter((finding) => isChanged(finding.file));
  const unresolvedImports: UnresolvedImport[] = files.flatMap((file) =>
    file.imports.flatMap((fact) =>
      fact.target.kind === 'unresolved'
        ? [{ file: file.file, line: fact.line, column: fact.column, specifier: fact.specifier ?? '(computed)', reason: fact.target.reason, cause: fact.target.cause }]
        : [],
    ),
  );
  return { facts, findings, unresolvedImports };
}

/** A nested project's findings with `file` (and a file `target`) relative to the top root. */
function withPrefix(prefix: string, run: Omit<ProjectRun, 'changed'>): Finding[] {
  if (prefix === '') return run.findings;
  const fileTargets = new Set(run.facts.files.flatMap((file) => file.imports.flatMap((fact) => (fact.target.kind === 'file' ? [fact.target.file] : []))));
  return run.findings.map((finding) => {
    const file = joinPrefix(prefix, finding.file);
    if (finding.target === undefined || finding.rule !== 'no-preview-import' || !fileTargets.has(finding.target)) return { ...finding, file };
    // The message names the target as `(path)`, like `target`: both relative to the top root.
    const target = joinPrefix(prefix, finding.target);
    return { ...finding, file, target, message: finding.message.replace(`(${finding.target})`, `(${target})`) };
  });
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
    const rel = projectRelative(workspace.root, abs);
    if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`${path} is outside the project root ${workspace.root}`);
    return rel;
  });
}

function underAny(prefixes: readonly string[], file: string): boolean {
  return prefixes.some((prefix) => prefix === '' || file === prefix || file.startsWith(`${prefix}/`));
}
