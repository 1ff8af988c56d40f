import { projectRelative } from '../../project-path.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { analyzeFile, type AnalyzedFile } from '../../engine/analyze-file.js';
import { SOURCE_FILE, type Workspace } from '../../workspace/open-workspace.js';
import { InputError } from '../../errors.js';
import type { Policy } from '../../policy/model.js';
import { hasPath } from '../../policy/yaml-source.js';
import { dropCliLabels, dropConfigLabels, dropDocLabels } from './drop-labels.js';
import { featureFiles, isGitWorkTree, plannedFolders, uncommittedAmong } from './feature-files.js';
import { isManifest, rewriteManifestPaths } from './manifest-paths.js';
import { PlanBuilder, type TransitionPlan } from './plan.js';
import { RegistryEditor } from './registry-edit.js';
import { featureOrFail } from './renew.js';
import { mockCallSites, rewriteReferences, type ExpectedImport, type FolderMove, type ReferenceSite } from './rewrite-imports.js';
import { applyTextEdits, lineAround, offsetOf, type TextEdit } from './text-edits.js';

export interface PromoteRequest {
  feature: string;
  to?: string;
  /** Stage the moves in git (default: when the project is in a git work tree). */
  git: boolean;
  /** Go ahead although files it must touch have uncommitted changes. */
  force: boolean;
}

export interface PromotionPlan {
  plan: TransitionPlan;
  folders: FolderMove[];
  /** What the moved tree must resolve (checked before the journal goes). */
  expected: ExpectedImport[];
}

/**
 * Plans `lifecycle promote`: the feature's folders move to their stable place; every reference to
 * a moved file (and every reference out of one) is rewritten; stale labels, suppressions and
 * exceptions that only served the preview go; the registry says stable. Refuses (InputError,
 * nothing written) a feature not in preview, a destination that exists, preview imports the
 * stable code would then make, and uncommitted changes in files it must touch (unless force).
 */
export function planPromotion(workspace: Workspace, request: PromoteRequest, command: string): PromotionPlan {
  const { loaded } = workspace;
  const { policy, root } = loaded;
  const feature = featureOrFail(loaded, request.feature);
  if (feature.status !== 'preview') throw new InputError(`cannot promote ${feature.id}: it is ${feature.status}, not in preview`);
  if (feature.packages.length > 0) throw new InputError(`cannot promote ${feature.id}: it is a workspace package (${feature.packages.join(', ')}); promote it by editing the package`);
  if (policy.releases.current === undefined) throw new InputError(`cannot promote ${feature.id}: the policy has no releases.current to record as its promotion`);
  const folders = plannedFolders(workspace, feature, request.to);
  const files = featureFiles(workspace, feature);
  const moves = new Map<string, string>();
  for (const file of files) {
    const folder = folders.find((candidate) => file.startsWith(`${candidate.from}/`));
    if (folder) moves.set(file, `${folder.to}${file.slice(folder.from.length)}`);
  }
  const builder = new PlanBuilder(root);
  for (const [from, to] of moves) builder.move(from, to);

  const sources = [...new Set([...workspace.sourceFiles, ...[...moves.keys()].filter((file) => SOURCE_FILE.test(file))])].sort();
  const analyzed = new Map(sources.map((file) => [file, analyzeFile(workspace, file)]));
  refuseImportsOfOtherPreviewFeatures(feature.id, [...moves.keys()], analyzed);

  const expected: ExpectedImport[] = [];
  for (const [file, result] of analyzed) {
    const edited = referenceEdits(workspace, file, result, moves, folders, feature.id, builder);
    if (edited) expected.push(...edited);
  }
  for (const file of workspace.allFiles.filter(isManifest)) {
    const text = readFileSync(join(root, file), 'utf8');
    builder.edit(file, rewriteManifestPaths(file, text, folders));
  }
  const stablePolicy: Policy = { ...policy, features: policy.features.map((entry) => (entry.id === feature.id ? { ...entry, status: 'stable' } : entry)) };
  const configMatch = picomatch(policy.config.files, { dot: true });
  const docsMatch = picomatch(feature.docs.length > 0 ? feature.docs : ['\0'], { dot: true });
  for (const file of workspace.allFiles) {
    const fix = configMatch(file) ? dropConfigLabels : docsMatch(file) && /\.mdx?$/i.test(file) ? dropDocLabels : undefined;
    if (!fix) continue;
    const result = fix(file, builder.textOf(file), stablePolicy, feature.id);
    builder.edit(file, result.text);
    builder.manualSteps.push(...result.manual);
  }
  editRegistry(workspace, feature.id, builder);

  const git = request.git && isGitWorkTree(root);
  const plan = builder.build(command, git);
  if (git && !request.force) {
    const touched = plan.operations.flatMap((operation) => (operation.kind === 'move' ? [operation.from] : operation.kind === 'write' ? [builder.originOf(operation.path)] : [operation.path]));
    const dirty = uncommittedAmong(root, touched);
    if (dirty.length > 0) throw new InputError(`cannot promote ${feature.id}: uncommitted changes in files it must touch (${dirty.join(', ')}); commit them first, or pass --force`);
  }
  return { plan, folders, expected };
}

/** Stable code imports no preview code: the promoted files must not import another preview feature. */
function refuseImportsOfOtherPreviewFeatures(id: string, moved: readonly string[], analyzed: ReadonlyMap<string, AnalyzedFile>): void {
  const problems: string[] = [];
  for (const file of moved) {
    const result = analyzed.get(file);
    if (!result || result.facts.class.isTest) continue;
    for (const fact of result.facts.imports) {
      if (!('class' in fact.target) || fact.target.class.zone !== 'preview' || fact.target.class.feature === id) continue;
      problems.push(`${file}:${fact.line}:${fact.column} imports ${fact.specifier ?? '(computed)'} of preview feature ${fact.target.class.feature ?? '(none)'}`);
    }
  }
  if (problems.length > 0) throw new InputError(`cannot promote ${id}: once stable, its code would import preview code (no-preview-import); promote or cut those first`, problems);
}

/** Plans one file's edits: CLI labels (promoted code), references, suppressions that only allowed the feature. */
function referenceEdits(
  workspace: Workspace,
  file: string,
  result: AnalyzedFile,
  moves: ReadonlyMap<string, string>,
  folders: readonly FolderMove[],
  id: string,
  builder: PlanBuilder,
): ExpectedImport[] | undefined {
  const { facts } = result;
  const moved = moves.has(file);
  const sites: ReferenceSite[] = facts.imports.map((fact) => ({ ...fact, target: fact.target.kind === 'file' ? fact.target.file : undefined }));
  let text: string | undefined;
  const read = () => (text ??= readFileSync(join(workspace.root, file), 'utf8'));
  if (/\b(?:vi|jest)\s*\.\s*\w*[mM]ock|\b(?:vi|jest)\s*\.\s*(?:require|import)Actual/.test(read())) {
    for (const site of mockCallSites(read())) {
      const resolution = workspace.resolver.resolve(site.specifier, file, 'esm');
      sites.push({ ...site, form: 'dynamic-import', target: resolution.kind === 'file' ? resolution.file : undefined });
    }
  }
  if (!moved && !sites.some((site) => site.target !== undefined && moves.has(site.target))) return undefined;
  let current = read();
  if (moved && facts.labelledTexts) {
    const cli = dropCliLabels(file, current, facts.labelledTexts, workspace.loaded.policy.preview.label);
    current = cli.text;
    builder.manualSteps.push(...cli.manual);
  }
  const rewrites = rewriteReferences(file, current, sites, moves, folders);
  builder.manualSteps.push(...rewrites.manual);
  const edits: TextEdit[] = [...rewrites.edits, ...unusedSuppressions(file, current, result, id, builder)];
  builder.edit(file, applyTextEdits(current, edits));
  return rewrites.expected;
}

/** `lifecycle-disable-next-line no-preview-import` comments whose line only imports the promoted feature: they would suppress nothing. */
function unusedSuppressions(file: string, text: string, result: AnalyzedFile, id: string, builder: PlanBuilder): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const suppression of result.suppressions) {
    const covered = result.facts.imports.filter((fact) => fact.line > suppression.line && fact.line <= suppression.coversUntilLine);
    const onlyFeature = covered.length > 0 && covered.every((fact) => 'class' in fact.target && fact.target.class.zone === 'preview' && fact.target.class.feature === id);
    if (!onlyFeature || !suppression.rules.includes('no-preview-import')) continue;
    if (suppression.rules.length > 1) {
      builder.manualSteps.push(`${file}:${suppression.line}:${suppression.column}: drop no-preview-import from this suppression (it suppresses nothing once ${id} is stable)`);
      continue;
    }
    const [start, end] = lineAround(text, offsetOf(text, suppression.line, suppression.column));
    if (text.slice(start, offsetOf(text, suppression.line, suppression.column)).trim() !== '') {
      builder.manualSteps.push(`${file}:${suppression.line}:${suppression.column}: remove this suppression by hand (it suppresses nothing once ${id} is stable)`);
      continue;
    }
    edits.push({ offset: start, length: end - start, text: '' });
    builder.notes.push(`removed the suppression at ${builder.destinationOf(file)}:${suppression.line} (it suppressed only imports of ${id})`);
  }
  return edits;
}

/** Status stable, `promoted: <current release>`, and the exceptions that only allowed this feature go. */
function editRegistry(workspace: Workspace, id: string, builder: PlanBuilder): void {
  const { loaded } = workspace;
  const policyFile = projectRelative(loaded.root, loaded.path);
  const editor = new RegistryEditor(loaded.path, builder.textOf(policyFile));
  editor.setFeatureField(id, 'status', 'stable');
  editor.setFeatureField(id, 'promoted', loaded.policy.releases.current!);
  const exceptions = loaded.merged.preview?.exceptions ?? [];
  // Arrays replace on merge: the indices are the root file's only when it writes the list itself.
  const ownList = hasPath(loaded.sources[0]!, ['preview', 'exceptions']);
  for (let index = exceptions.length - 1; index >= 0; index -= 1) {
    const entry = exceptions[index]!;
    if (entry.features?.length !== 1 || entry.features[0] !== id) continue;
    if (!ownList) {
      builder.manualSteps.push(`remove the preview.exceptions entry for ${[entry.path].flat().join(', ')} from the policy file that defines it: it allowed only ${id}`);
      continue;
    }
    editor.removeException(index);
    builder.notes.push(`removed preview.exceptions[${index}] (${[entry.path].flat().join(', ')}): it allowed only ${id}`);
  }
  builder.edit(policyFile, editor.text);
}
