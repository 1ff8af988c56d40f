import type { Finding } from '../findings.js';
import type { Policy } from '../policy/model.js';
import { testFileInfo } from '../policy/test-locations.js';
import { colocatedTestGlob, testHome } from '../policy/test-home-hint.js';
import type { Check } from './check.js';
import type { ImportFact, SourceFileFacts } from '../facts/source-file.js';
import type { CheckInput } from './check.js';

const RULE = 'preview-test-location';

/**
 * Tests that import a preview feature's code live under that feature's test subtree
 * (`preview.tests`), and every folder of the preview test subtree belongs to a registered
 * feature that is still in preview.
 */
export const previewTestLocation: Check = {
  id: RULE,
  run(facts: CheckInput): Finding[] {
    const { policy } = facts;
    if (policy.preview.tests.length === 0) return [];
    return [...misplacedTests(facts.files, policy, facts.listing?.files), ...testSubtreeFolders(facts)];
  },
};

/**
 * Whether a test file's import of preview code is this check's business rather than
 * no-preview-import's: a test outside the preview test subtree importing a registered preview
 * feature. no-preview-import leaves exactly these imports alone, so no import is reported twice.
 */
export function isMisplacedTestImport(file: Pick<SourceFileFacts, 'file' | 'class'>, fact: ImportFact, policy: Policy): boolean {
  const feature = previewFeatureOf(fact, policy);
  if (feature === undefined || policy.preview.tests.length === 0) return false;
  const info = testFileInfo(policy, file.file);
  if (!info.isTest || info.subtreeFeature !== undefined) return false;
  // A test in another feature's code importing this one is a cross-feature import (no-preview-import).
  return file.class.zone === 'stable' || file.class.feature === feature;
}

function misplacedTests(files: readonly SourceFileFacts[], policy: Policy, listedFiles: readonly string[] | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const file of files) {
    const reported = new Set<string>();
    for (const fact of file.imports) {
      if (!isMisplacedTestImport(file, fact, policy)) continue;
      const feature = previewFeatureOf(fact, policy)!;
      if (reported.has(feature)) continue;
      reported.add(feature);
      const expected = testHome(policy.preview.tests, feature, listedFiles);
      const home = expected.globs.join(', ');
      const target = fact.target.kind === 'file' ? fact.target.file : fact.target.kind === 'package' ? fact.target.packageName : '';
      // Never "move it" into a folder that does not exist: say how the policy can describe the layout instead.
      const message = !expected.exists
        ? `test of preview feature "${feature}" sits outside ${home} (preview.tests), and no such folder exists: if the project keeps tests there on purpose, say so with features.${feature}.tests: ["${colocatedTestGlob(file.file)}"]`
        : file.class.zone === 'preview'
          ? `test of preview feature "${feature}" sits in its code tree; tests of "${feature}" live under ${home} (preview.tests): move it there`
          : `test imports preview feature "${feature}" (${target}); tests of "${feature}" live under ${home} (preview.tests): move it there, or split out the part that tests "${feature}"`;
      findings.push({ rule: RULE, severity: 'error', file: file.file, line: fact.line, column: fact.column, feature, target, message });
    }
  }
  return findings;
}

/** Folders of the preview test subtree: unregistered ids, stable features, files outside any feature folder. */
function testSubtreeFolders(facts: CheckInput): Finding[] {
  if (!facts.tree) return [];
  const { policy } = facts;
  const findings: Finding[] = [];
  const firstFile = new Map<string, string>();
  for (const { file } of facts.tree) {
    const id = testFileInfo(policy, file).subtreeFeature;
    if (id === undefined) continue;
    if (id === '') {
      findings.push({
        rule: RULE,
        severity: 'error',
        file,
        line: 1,
        column: 1,
        message: `file sits directly in the preview test tree, outside any feature folder (preview.tests: ${policy.preview.tests.join(', ')}); move it into the test folder of the feature it tests`,
      });
    } else if (!firstFile.has(id)) {
      firstFile.set(id, file);
    }
  }
  for (const [id, file] of firstFile) {
    const feature = policy.features.find((candidate) => candidate.id === id);
    const at = { rule: RULE, severity: 'error' as const, file, line: 1, column: 1, feature: id };
    if (!feature) {
      findings.push({ ...at, message: `tests of "${id}" are in the preview test subtree, but no feature "${id}" is registered: add features.${id} to ${policy.file}, or move the tests` });
    } else if (feature.status === 'stable' || feature.status === 'deprecated') {
      findings.push({ ...at, message: `tests of ${feature.status} feature "${id}" are still in the preview test subtree: move them next to the stable tests, as its code was` });
    }
  }
  return findings;
}

/** The registered preview feature whose code an import reaches, if any. */
function previewFeatureOf(fact: ImportFact, policy: Policy): string | undefined {
  const { target } = fact;
  if (target.kind !== 'file' && target.kind !== 'package') return undefined;
  const { zone, feature, registered } = target.class;
  if (zone !== 'preview' || feature === undefined || registered === false) return undefined;
  return policy.features.find((candidate) => candidate.id === feature)?.status === 'preview' ? feature : undefined;
}
