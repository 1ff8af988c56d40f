import { createRequire } from 'node:module';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ProjectFacts, SourceFileFacts } from '../checks/facts.js';
import { resolveImportSites, statementEnds } from '../engine/resolve-sites.js';
import { findSuppressions, type SuppressionComment } from '../engine/suppressions.js';
import { workspaceFor, type Workspace } from '../engine/workspace.js';
import { InputError } from '../errors.js';
import { findPolicyFile, loadPolicy, type LoadedPolicy } from '../policy/load.js';
import { bundledTypeScript, type TypeScript } from '../ts.js';
import { collectEstreeFacts } from './estree-facts.js';

/** What the rules need about the file being linted, computed once per file for all rules. */
export type FileLintContext =
  | { kind: 'ok'; facts: ProjectFacts; file: SourceFileFacts; suppressions: SuppressionComment[]; workspace: Workspace }
  /** No lifecycle.yaml above the file, or the file is outside its project: nothing to check. */
  | { kind: 'none' }
  | { kind: 'policy-error'; message: string };

export interface LifecycleSettings {
  /** Path of lifecycle.yaml (absolute, or relative to ESLint's cwd). */
  policy?: string;
}

const workspaces = new WeakMap<LoadedPolicy, Workspace>();
/** Per linted file (SourceCode object), per policy option: computed once for all rules. */
const perSourceCode = new WeakMap<object, Map<string, FileLintContext>>();
/** How long directory listings may be trusted in a long-lived editor process. */
const FILE_SYSTEM_TTL_MS = 2_000;
/** How long the file tree (for preview-unregistered) and workspace packages may be trusted. */
const WORKSPACE_TTL_MS = 10_000;
const workspaceBuiltAt = new WeakMap<Workspace, number>();
const lastRefresh = new WeakMap<Workspace, number>();
const trees = new WeakMap<Workspace, NonNullable<ProjectFacts['tree']>>();

const SUPPRESSION_DIRECTIVE = 'lifecycle-disable-next-line';
const DEEP_IMPORT_HINT = /\b(?:import|require)\s*\(/;

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

const recentPolicies = new Map<string, { loaded: LoadedPolicy; at: number }>();
/** How long a loaded policy is trusted before its files are stat'ed again. */
const POLICY_TTL_MS = 500;

/** loadPolicy (cached, reloaded on change), checked on disk at most every POLICY_TTL_MS. */
function loadPolicyThrottled(policyPath: string): LoadedPolicy {
  const now = Date.now();
  const recent = recentPolicies.get(policyPath);
  if (recent && now - recent.at < POLICY_TTL_MS) return recent.loaded;
  const loaded = loadPolicy({ cwd: dirname(policyPath), policyPath });
  recentPolicies.set(policyPath, { loaded, at: now });
  return loaded;
}

const policyFileByDir = new Map<string, { path: string | undefined; at: number }>();

/** findPolicyFile, remembered per directory for a couple of seconds (editors lint many siblings). */
function policyFileAbove(dir: string): string | undefined {
  const now = Date.now();
  const hit = policyFileByDir.get(dir);
  if (hit && now - hit.at < FILE_SYSTEM_TTL_MS) return hit.path;
  const path = findPolicyFile(dir);
  policyFileByDir.set(dir, { path, at: now });
  return path;
}

/** The classified file tree, once per workspace (not once per linted file). */
function treeOf(workspace: Workspace): NonNullable<ProjectFacts['tree']> {
  let tree = trees.get(workspace);
  if (!tree) {
    tree = workspace.sourceFiles.map((path) => ({ file: path, class: workspace.classifier.classify(path) }));
    trees.set(workspace, tree);
  }
  return tree;
}

/**
 * The facts of the linted file, from the policy found for it (settings.lifecycle.policy, or the
 * nearest lifecycle.yaml above the file). The policy is cached and reloaded when it changes on
 * disk (checked at most twice a second); the workspace is rebuilt then and every ten seconds;
 * directory listings are refreshed every two seconds.
 */
export function lintContextFor(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string): FileLintContext {
  const sourceCode = context.sourceCode;
  let byOption = perSourceCode.get(sourceCode);
  if (!byOption) {
    byOption = new Map();
    perSourceCode.set(sourceCode, byOption);
  }
  const key = optionPolicy ?? '';
  let result = byOption.get(key);
  if (!result) {
    result = computeContext(context, optionPolicy);
    byOption.set(key, result);
  }
  return result;
}

function computeContext(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>, optionPolicy?: string): FileLintContext {
  const filename = context.filename;
  if (!isAbsolute(filename)) return { kind: 'none' }; // <input> / <text>: no place on disk
  const settings = (context.settings as { lifecycle?: LifecycleSettings }).lifecycle ?? {};
  const configured = optionPolicy ?? settings.policy;
  const policyPath = configured ? resolve(context.cwd, configured) : policyFileAbove(dirname(filename));
  if (!policyPath) return { kind: 'none' };
  let loaded: LoadedPolicy;
  try {
    loaded = loadPolicyThrottled(policyPath);
  } catch (error) {
    if (error instanceof InputError) return { kind: 'policy-error', message: [error.message, ...error.details].join('; ') };
    throw error;
  }
  let workspace = workspaces.get(loaded);
  if (!workspace || Date.now() - (workspaceBuiltAt.get(workspace) ?? 0) > WORKSPACE_TTL_MS) {
    workspace = workspaceFor(loaded, { typescript: editorTypeScript() });
    workspaces.set(loaded, workspace);
    workspaceBuiltAt.set(workspace, Date.now());
    lastRefresh.set(workspace, Date.now());
  } else if (Date.now() - (lastRefresh.get(workspace) ?? 0) > FILE_SYSTEM_TTL_MS) {
    workspace.resolver.forgetFileSystem();
    lastRefresh.set(workspace, Date.now());
  }
  const file = relative(workspace.root, filename).split('\\').join('/');
  // Only what `lifecycle check` analyses: files.include/exclude and .gitignore apply here too.
  if (file.startsWith('..') || isAbsolute(file) || !workspace.inScope(file)) return { kind: 'none' };

  const fileClass = workspace.classifier.classify(file);
  const program = context.sourceCode.ast as TSESTree.Program;
  const extracted = collectEstreeFacts(program, context.sourceCode.visitorKeys, {
    labelledTexts: fileClass.zone === 'preview',
    // Without import( / require( in the text, all imports are top-level declarations.
    deep: DEEP_IMPORT_HINT.test(context.sourceCode.text),
  });
  const facts: SourceFileFacts = {
    file,
    class: fileClass,
    imports: resolveImportSites(workspace, file, extracted.imports),
    problem: undefined,
    ...(fileClass.zone === 'preview' ? { labelledTexts: extracted.labelledTexts } : {}),
  };
  const text = context.sourceCode.text;
  const literalRanges = !text.includes(SUPPRESSION_DIRECTIVE)
    ? []
    : program.tokens?.filter((token) => token.type === 'String' || token.type === 'Template' || token.type === 'JSXText' || token.type === 'RegularExpression')
    .map((token) => token.range);
  return {
    kind: 'ok',
    workspace,
    file: facts,
    facts: {
      policy: loaded.policy,
      files: [facts],
      tree: treeOf(workspace),
    },
    suppressions: findSuppressions(text, statementEnds(extracted.imports), literalRanges ?? []),
  };
}
