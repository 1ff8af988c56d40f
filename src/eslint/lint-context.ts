import { projectRelative } from '../project-path.js';
import { createRequire } from 'node:module';
import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { InputError } from '../errors.js';
import { componentFileParts } from '../extract/estree/component-file.js';
import { collectEstreeFacts, EstreeFactsCollector } from '../extract/estree/estree-facts.js';
import { estreeNamespaceUses } from '../extract/estree/namespace-uses.js';
import { assembleFileFacts, extractionNeeds, skippedAsVendored, type AssembledFile, type ExtractionNeeds } from '../extract/shared/file-facts.js';
import { forgetDeclarationFiles } from '../extract/shared/declaration-index.js';
import { SUPPRESSION_DIRECTIVE } from '../extract/shared/suppression-directive.js';
import type { SuppressionComment } from '../facts/suppressions.js';
import { loadPolicy } from '../load-policy.js';
import { policyFileIn, type LoadedPolicy } from '../policy/load.js';
import { bundledTypeScript, type TypeScript } from '../ts.js';
import type { Workspace } from '../workspace/open-workspace.js';
import { diskCheckDue, diskChecksSoFar, lintsWithPauses } from './disk-check.js';
import { prefetchPolicyOnChange } from './policy-prefetch.js';
import { currentWorkspace, WorkspaceNotReady } from './workspace-cache.js';
import type { CheckInput } from '../checks/check.js';
import type { SourceFileFacts } from '../facts/source-file.js';

/** What the rules need about the file being linted, computed once per file for all rules. */
type FileLintContext =
  | { kind: 'ok'; facts: CheckInput; file: SourceFileFacts; suppressions: SuppressionComment[]; workspace: Workspace }
  /** No lifecycle.yaml above the file, or the file is outside its project: nothing to check. */
  | { kind: 'none' }
  | { kind: 'policy-error'; message: string }
  /** The project could not be listed within the budget: reported on the file, never a silent pass. */
  | { kind: 'not-checked'; message: string };

interface LifecycleSettings {
  /** Path of lifecycle.yaml (absolute, or relative to ESLint's cwd). */
  policy?: string;
  /** How long listing the project may block one lint, in ms (default DEFAULT_BUDGET_MS). */
  budgetMs?: number;
}

const DEFAULT_BUDGET_MS = 10_000;

/** Per linted file (SourceCode object), per policy option: computed once for all rules. */
const perSourceCode = new WeakMap<object, Map<string, FileLintContext>>();
/** Per linted file, per policy option: the policy, workspace and class of the file. */
const scopes = new WeakMap<object, Map<string, FileScope>>();
/** Per linted file: the collector fed by ESLint's traversal (registered by the first lifecycle rule). */
const collectors = new WeakMap<object, EstreeFactsCollector>();
const trees = new WeakMap<Workspace, NonNullable<CheckInput['tree']>>();

let editorTs: TypeScript | undefined;

/**
 * The TypeScript used for module resolution inside ESLint: the `typescript` package that
 * @typescript-eslint/parser has already loaded into the process, so the editor does not load a
 * second compiler (ts-morph's) just to resolve paths. Resolution is strings in, strings out, so no
 * compiler objects are shared; the parity test checks that editor and CLI agree. Falls back to
 * the bundled copy when no `typescript` package can be loaded.
 */
function editorTypeScript(): TypeScript {
  if (!editorTs) {
    try {
      editorTs = createRequire(import.meta.url)('typescript') as TypeScript;
    } catch {
      editorTs = bundledTypeScript();
    }
  }
  return editorTs;
}

/** Each policy loaded, with the disk check (diskChecksSoFar) its files were last compared at. */
const policies = new Map<string, { loaded: LoadedPolicy; checkedAt: number }>();

/**
 * loadPolicy (cached, reloaded on change), its files stat'ed again only when a disk check is due,
 * or at the first lint after one that was due at a lint of another project.
 */
function loadPolicyChecked(policyPath: string, checkDisk: boolean): LoadedPolicy {
  const known = policies.get(policyPath);
  if (known && !checkDisk && known.checkedAt === diskChecksSoFar()) return known.loaded;
  const loaded = loadPolicy({ cwd: dirname(policyPath), policyPath });
  policies.set(policyPath, { loaded, checkedAt: diskChecksSoFar() });
  return loaded;
}

/**
 * A policy file changed (./policy-prefetch.ts): its policy and workspace are loaded now, between
 * lints. A policy that does not load is left to the next lint, which reports it.
 */
function reloadBetweenLints(policyPath: string, single: boolean, budgetMs: number): void {
  try {
    const loaded = loadPolicy({ cwd: dirname(policyPath), policyPath });
    policies.set(policyPath, { loaded, checkedAt: diskChecksSoFar() });
    currentWorkspace(loaded, single, editorTypeScript(), false, budgetMs);
  } catch {
    // InputError, WorkspaceNotReady: the next lint meets the same and says so.
  }
}

const policyFileByDir = new Map<string, string | undefined>();
/**
 * Per resolver a lint has used, the disk check its listings were last compared at (diskChecksSoFar):
 * a new one needs no comparison on its first use (its listings are fresh); one that missed a disk
 * check (the lint that was due belonged to another project) is compared at its next use.
 */
const resolverChecks = new WeakMap<object, number>();
/** The workspace of the last file linted: its directory listings answer where policy files are. */
let lastWorkspace: Workspace | undefined;

/**
 * findPolicyFile, remembered per directory until the next disk check (editors lint many
 * siblings); a directory without a policy file of its own asks its parent, so each directory is
 * looked at once. `listed`: between disk checks, a directory of the last workspace is looked up
 * in its resolver's listings (compared with the disk at the last check) instead of by two stats.
 */
function policyFileAbove(dir: string, listed: boolean): string | undefined {
  if (policyFileByDir.has(dir)) return policyFileByDir.get(dir);
  const parent = dirname(dir);
  // Only listings compared with the disk at the last disk check answer (not those of a project whose lints missed it).
  const workspace = listed && lastWorkspace && resolverChecks.get(lastWorkspace.resolver) === diskChecksSoFar() ? lastWorkspace : undefined;
  const inWorkspace = workspace !== undefined && (dir === workspace.root || dir.startsWith(`${workspace.root}${sep}`));
  const path = policyFileIn(dir, inWorkspace ? (candidate) => workspace.resolver.fileExists(candidate) : undefined) ?? (parent === dir ? undefined : policyFileAbove(parent, listed));
  policyFileByDir.set(dir, path);
  return path;
}

/** The classified file tree, once per workspace (not once per linted file). */
function treeOf(workspace: Workspace): NonNullable<CheckInput['tree']> {
  let tree = trees.get(workspace);
  if (!tree) {
    tree = workspace.sourceFiles.map((path) => ({ file: path, class: workspace.classifier.classify(path) }));
    trees.set(workspace, tree);
  }
  return tree;
}

/**
 * The facts of the linted file, from the policy found for it (settings.lifecycle.policy, or the
 * nearest lifecycle.yaml above the file). Policy, policy lookups, directory listings and tsconfig
 * files are cached, and checked against the disk when a disk check is due (./disk-check.ts); the
 * workspace follows the disk by directory mtime (./workspace-cache.ts).
 */
export function lintContextFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string): FileLintContext {
  return cachedPerFile(perSourceCode, context, optionPolicy, () => computeContext(context, optionPolicy));
}

/**
 * Listeners for the first lifecycle rule created for a file: they collect the file's imports
 * (and, in preview code, CLI-help and route texts) during ESLint's own traversal, so no rule
 * walks the tree again. Empty for later rules and for files with nothing to check.
 */
export function collectingListeners(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  optionPolicy?: string,
): Record<string, (node: TSESTree.Node) => void> {
  const sourceCode = context.sourceCode;
  if (collectors.has(sourceCode)) return {};
  const scope = fileScopeFor(context, optionPolicy);
  if (scope.kind !== 'ok') return {};
  const collector = new EstreeFactsCollector(scope.needs);
  collectors.set(sourceCode, collector);
  return collector.listeners();
}

function cachedPerFile<T>(
  cache: WeakMap<object, Map<string, T>>,
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  optionPolicy: string | undefined,
  compute: () => T,
): T {
  let byOption = cache.get(context.sourceCode);
  if (!byOption) {
    byOption = new Map();
    cache.set(context.sourceCode, byOption);
  }
  const key = optionPolicy ?? '';
  let result = byOption.get(key);
  if (result === undefined) {
    result = compute();
    byOption.set(key, result);
  }
  return result;
}

/** Where the linted file stands: its policy, workspace, project path and class. */
type FileScope =
  | { kind: 'ok'; loaded: LoadedPolicy; workspace: Workspace; file: string; fileClass: SourceFileFacts['class']; needs: ExtractionNeeds }
  | Exclude<FileLintContext, { kind: 'ok' }>;

function fileScopeFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string): FileScope {
  return cachedPerFile(scopes, context, optionPolicy, () => computeScope(context, optionPolicy));
}

function computeScope(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string, retried = false): FileScope {
  const filename = context.filename;
  if (!isAbsolute(filename)) return { kind: 'none' }; // <input> / <text>: no place on disk
  // A code block a processor extracted (README.md/0.ts): not a project file `lifecycle check` reads.
  if (context.physicalFilename !== filename) return { kind: 'none' };
  const settings = (context.settings as { lifecycle?: LifecycleSettings }).lifecycle ?? {};
  if (optionPolicy === undefined && settings.policy !== undefined && (typeof settings.policy !== 'string' || settings.policy === '')) {
    return { kind: 'policy-error', message: `settings.lifecycle.policy must be the path of lifecycle.yaml (a non-empty string), not ${JSON.stringify(settings.policy)}` };
  }
  if (settings.budgetMs !== undefined && !(typeof settings.budgetMs === 'number' && settings.budgetMs > 0 && Number.isFinite(settings.budgetMs))) {
    return { kind: 'policy-error', message: `settings.lifecycle.budgetMs must be a positive number of milliseconds, not ${JSON.stringify(settings.budgetMs)}` };
  }
  const configured = optionPolicy ?? settings.policy;
  const check = diskCheckDue();
  const checkDisk = retried || check !== false;
  if (checkDisk) policyFileByDir.clear();
  const policyPath = configured ? resolve(context.cwd, configured) : policyFileAbove(dirname(filename), !checkDisk);
  if (!policyPath) return { kind: 'none' };
  let loaded: LoadedPolicy;
  try {
    loaded = loadPolicyChecked(policyPath, checkDisk);
  } catch (error) {
    if (!configured && !retried && !existsSync(policyPath)) {
      // The lifecycle.yaml found a moment ago was renamed or deleted: look again.
      policyFileByDir.clear();
      return computeScope(context, optionPolicy, true);
    }
    return policyErrorOf(error);
  }
  // A policy named in the configuration checks every file alone, like `lifecycle check --policy`;
  // a policy found for the file leaves the subtrees with a lifecycle.yaml of their own to theirs.
  let workspace: Workspace;
  try {
    workspace = currentWorkspace(loaded, configured !== undefined, editorTypeScript(), check, settings.budgetMs ?? DEFAULT_BUDGET_MS);
  } catch (error) {
    if (error instanceof WorkspaceNotReady) return { kind: 'not-checked', message: error.message };
    throw error;
  }
  // A resolver built by this very lint (a new walk) has just read its listings: nothing to check yet.
  const comparedAt = resolverChecks.get(workspace.resolver);
  if (comparedAt !== undefined && (retried || comparedAt !== diskChecksSoFar())) {
    workspace.resolver.forgetFileSystem();
    forgetDeclarationFiles(workspace);
  }
  resolverChecks.set(workspace.resolver, diskChecksSoFar());
  lastWorkspace = workspace;
  if (lintsWithPauses()) prefetchPolicyOnChange(loaded, () => reloadBetweenLints(policyPath, configured !== undefined, settings.budgetMs ?? DEFAULT_BUDGET_MS));
  const file = projectPathOf(workspace.root, filename);
  // Only what `lifecycle check` analyses: files.include/exclude and .gitignore apply here too.
  if (file === undefined || !workspace.inScope(file)) return { kind: 'none' };
  // Minified and vendored files by their content, as `lifecycle check` skips them.
  if (skippedAsVendored(file, context.sourceCode.text, loaded.policy.files.include) !== undefined) return { kind: 'none' };
  const fileClass = workspace.classifier.classify(file);
  return { kind: 'ok', loaded, workspace, file, fileClass, needs: extractionNeeds(fileClass, context.sourceCode.text) };
}

/** A policy that cannot be loaded is one report on the file; anything else is a bug to surface. */
function policyErrorOf(error: unknown): Extract<FileLintContext, { kind: 'policy-error' }> {
  if (error instanceof InputError) return { kind: 'policy-error', message: [error.message, ...error.details].join('; ') };
  throw error;
}

/** The linted file's path relative to the project root, POSIX separators ('..' when outside). */
function projectPath(root: string, filename: string): string {
  return projectRelative(root, filename);
}

/**
 * The linted file's project path, or undefined when it lies outside the project. A file outside
 * the root by its name may still be inside it by its real path: a project opened through a
 * symlink, with the policy named by its real path (`import.meta.dirname` in eslint.config.js).
 */
function projectPathOf(root: string, filename: string): string | undefined {
  const outside = (path: string) => path.startsWith('..') || isAbsolute(path);
  const file = projectPath(root, filename);
  if (!outside(file)) return file;
  const real = projectPath(realPathOf(root), realPathOf(filename));
  return outside(real) ? undefined : real;
}

/** The real path of `path`, or of its nearest existing ancestor followed by the rest (an unsaved file). */
function realPathOf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : join(realPathOf(parent), basename(path));
  }
}

function computeContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string): FileLintContext {
  const scope = fileScopeFor(context, optionPolicy);
  if (scope.kind !== 'ok') return scope;
  const { loaded, workspace, file, fileClass, needs } = scope;
  const program = context.sourceCode.ast as TSESTree.Program;
  // The collector saw every node if ESLint's traversal fed it with what this file needs; else
  // (a rule called outside a traversal, rules with different policies) walk the tree here.
  const collector = collectors.get(context.sourceCode);
  const fromProgram =
    collector && (collector.options.deep || !needs.deep) && (collector.options.labelledTexts || !needs.labelledTexts)
      ? collector.facts()
      : collectEstreeFacts(program, context.sourceCode.visitorKeys, needs);
  const component = componentFileParts(file, context.sourceCode.text, needs.labelledTexts);
  const directiveText = component?.scriptText ?? context.sourceCode.text;
  let assembled: AssembledFile;
  try {
    // A target in a nested project is classified by its policy, loaded here on first need.
    assembled = assembleFileFacts(
      workspace,
      file,
      fileClass,
      {
        imports: component ? [...fromProgram.imports, ...component.imports] : fromProgram.imports,
        labelledTexts: component ? [...fromProgram.labelledTexts, ...component.labelledTexts] : fromProgram.labelledTexts,
        directiveText,
        literalRanges: directiveText.includes(SUPPRESSION_DIRECTIVE) ? literalRangesOf(program) : [],
      },
      undefined, // syntax errors are ESLint's to report
      // Names are followed as in `lifecycle check`; export tables are checked against the disk.
      // The linted text is never what its importers see (it may be an unsaved buffer): they read the disk, as `lifecycle check` does.
      { ts: editorTypeScript(), revalidate: true, text: directiveText, namespaceUses: (locals) => estreeNamespaceUses(program, context.sourceCode.visitorKeys, locals) },
    );
  } catch (error) {
    return policyErrorOf(error);
  }
  return {
    kind: 'ok',
    workspace,
    file: assembled.facts,
    // The tree only matters to preview-unregistered, whose findings on a source file are on preview
    // code that is not a test: for any other file, classifying the whole tree would be wasted.
    facts: { policy: loaded.policy, files: [assembled.facts], tree: fileClass.zone === 'preview' && !fileClass.isTest ? treeOf(workspace) : undefined },
    suppressions: assembled.suppressions,
  };
}

/** The ranges of the Program's string, template, JSX text and regex tokens. */
function literalRangesOf(program: TSESTree.Program): [number, number][] {
  return (program.tokens ?? [])
    .filter((token) => token.type === 'String' || token.type === 'Template' || token.type === 'JSXText' || token.type === 'RegularExpression')
    .map((token) => token.range);
}
