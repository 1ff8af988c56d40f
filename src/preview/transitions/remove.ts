import { projectRelative } from '../../project-path.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileConfigPattern } from '../../policy/config-key-owners.js';
import { configFileFacts } from '../../config-files/index.js';
import picomatch from 'picomatch';
import { analyzeFile } from '../../engine/analyze-file.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import { InputError } from '../../errors.js';
import { featureFiles, isGitWorkTree, uncommittedAmong } from './feature-files.js';
import { PlanBuilder, type TransitionPlan } from './plan.js';
import { RegistryEditor } from './registry-edit.js';
import { featureOrFail } from './renew.js';

export interface RemoveRequest {
  feature: string;
  /** Go ahead although stable code imports the feature, or files it deletes have uncommitted changes. */
  force: boolean;
  git: boolean;
}

/**
 * Plans `lifecycle remove`: the feature's code and tests are deleted, its registry entry says
 * `removed` (kept for history). Refuses (InputError) a feature already removed or stable, and,
 * without force, stable code that imports it (listed); its config keys and docs are listed for
 * a person, never edited.
 */
export function planRemoval(workspace: Workspace, request: RemoveRequest, command: string): TransitionPlan {
  const { loaded } = workspace;
  const feature = featureOrFail(loaded, request.feature);
  if (feature.status === 'removed') throw new InputError(`${feature.id} is removed already`);
  if (feature.status === 'stable') throw new InputError(`cannot remove ${feature.id}: it is stable; deprecate it first (status: deprecated), then remove it`);
  const files = featureFiles(workspace, feature);
  const doomed = new Set(files);
  const importers: string[] = [];
  for (const file of workspace.sourceFiles) {
    if (doomed.has(file)) continue;
    for (const fact of analyzeFile(workspace, file).facts.imports) {
      const leadsIn = (fact.target.kind === 'file' && doomed.has(fact.target.file)) || ('class' in fact.target && fact.target.class.feature === feature.id && fact.target.class.zone === 'preview');
      if (leadsIn) importers.push(`${file}:${fact.line}:${fact.column} imports ${fact.specifier ?? '(computed)'}`);
    }
  }
  if (importers.length > 0 && !request.force) {
    throw new InputError(`cannot remove ${feature.id}: ${importers.length} import${importers.length === 1 ? '' : 's'} of it outside its own code would break (remove them first, or pass --force)`, importers);
  }
  const builder = new PlanBuilder(loaded.root);
  for (const file of files) builder.delete(file);
  builder.manualSteps.push(...importers.map((line) => `${line}: it will not resolve once ${feature.id} is gone`));

  const configMatch = picomatch(loaded.policy.config.files, { dot: true });
  for (const file of workspace.allFiles.filter((candidate) => configMatch(candidate))) {
    const facts = configFileFacts(file, readFileSync(join(loaded.root, file), 'utf8'));
    const matchers = feature.config.map((pattern) => compileConfigPattern(pattern, facts.format));
    const keys = facts.keys.filter((key) => matchers.some((matches) => matches(key.path)));
    for (const key of keys) builder.manualSteps.push(`${file}:${key.line}:${key.column}: config key ${key.name ?? key.path.join('.')} of ${feature.id}: remove it once operators no longer set it`);
  }
  const docsMatch = picomatch(feature.docs.length > 0 ? feature.docs : ['\0'], { dot: true });
  for (const file of workspace.allFiles.filter((candidate) => docsMatch(candidate))) builder.manualSteps.push(`${file}: remove or rewrite this doc of ${feature.id}`);
  if (files.length === 0) builder.notes.push(`${feature.id} has no code or tests left to delete`);

  const policyFile = projectRelative(loaded.root, loaded.path);
  const editor = new RegistryEditor(loaded.path, readFileSync(loaded.path, 'utf8'));
  editor.setFeatureField(feature.id, 'status', 'removed');
  builder.edit(policyFile, editor.text);

  const git = request.git && isGitWorkTree(loaded.root);
  if (git && !request.force) {
    const dirty = uncommittedAmong(loaded.root, [...files, policyFile]);
    if (dirty.length > 0) throw new InputError(`cannot remove ${feature.id}: uncommitted changes in files it must touch (${dirty.join(', ')}); commit them first, or pass --force`);
  }
  return builder.build(command, git);
}
