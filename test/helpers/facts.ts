import { loadPolicy } from '../../src/load-policy.js';
import type { Policy } from '../../src/policy/model.js';
import { policyYaml, tempProject } from './temp-project.js';
import type { FileClass, ImportFact, SourceFileFacts } from '../../src/facts/source-file.js';
import type { CheckInput } from '../../src/checks/check.js';

/** A real Policy model, loaded from a throwaway lifecycle.yaml (the base policy plus `extra`). */
export function policyWith(extra = '', transform: (yaml: string) => string = (yaml) => yaml): Policy {
  const root = tempProject({ 'lifecycle.yaml': transform(policyYaml(extra)) });
  return loadPolicy({ cwd: root }).policy;
}

export const stable: FileClass = { zone: 'stable', matchedBy: 'no preview glob matched' };
export const preview = (feature: string, registered = true): FileClass => ({ zone: 'preview', feature, registered, matchedBy: 'test' });

export function importOf(target: string, targetClass: FileClass, overrides: Partial<ImportFact> = {}): ImportFact {
  return {
    specifier: `./${target}`,
    form: 'import',
    typeOnly: false,
    line: 1,
    column: 20,
    target: { kind: 'file', file: target, class: targetClass },
    via: 'test',
    ...overrides,
  };
}

export function sourceFile(file: string, fileClass: FileClass, imports: ImportFact[] = []): SourceFileFacts {
  return { file, class: fileClass, imports, problem: undefined };
}

export function factsOf(policy: Policy, files: SourceFileFacts[], tree?: CheckInput['tree']): CheckInput {
  return { policy, files, tree: tree ?? files.map((file) => ({ file: file.file, class: file.class })) };
}
