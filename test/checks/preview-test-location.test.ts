import { describe, expect, it } from 'vitest';
import { noPreviewImport } from '../../src/checks/no-preview-import.js';
import { previewTestLocation } from '../../src/checks/preview-test-location.js';
import { testFileInfo } from '../../src/policy/test-locations.js';
import { factsOf, importOf, policyWith, preview, sourceFile, stable } from '../helpers/facts.js';
import type { FileClass } from '../../src/facts/source-file.js';

const policy = policyWith(`  dvr:
    status: stable
`);
const previewTest = (feature: string, registered = true): FileClass => ({ ...preview(feature, registered), isTest: true });
const lines = (findings: ReturnType<typeof previewTestLocation.run>): string[] =>
  findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.feature ?? '-'} ${finding.message}`);

describe('preview-test-location', () => {
  it('knows test files by name and the preview test subtree by preview.tests', () => {
    expect(['test/core/a.test.ts', 'src/a.spec.tsx', 'packages/x/__tests__/a.ts', 'tests/helpers.ts', 'src/core/a.ts'].map((file) => testFileInfo(policy, file).isTest)).toEqual([
      true, true, true, true, false,
    ]);
    expect(testFileInfo(policy, 'test/preview/fwaas/a.test.ts')).toEqual({ isTest: true, subtreeFeature: 'fwaas' });
    expect(testFileInfo(policyWith('', (yaml) => yaml.replace('preview:\n', 'preview:\n  testFiles: ["spec/**"]\n')), 'test/core/a.test.ts').isTest).toBe(false);
  });

  it('accepts tests of a feature under its test subtree, and stable tests of stable code', () => {
    const files = [
      sourceFile('test/preview/fwaas/rules.test.ts', previewTest('fwaas'), [importOf('src/preview/fwaas/rules.ts', preview('fwaas'))]),
      sourceFile('test/core/router.test.ts', stable, [importOf('src/core/router.ts', stable)]),
      sourceFile('src/core/helper.ts', stable, [importOf('src/preview/fwaas/rules.ts', preview('fwaas'))]),
    ];
    expect(previewTestLocation.run(factsOf(policy, files))).toEqual([]);
  });

  it('reports a stable test importing preview code once per feature, at the first import; no-preview-import leaves it alone', () => {
    const file = sourceFile('test/core/router.test.ts', stable, [
      importOf('src/preview/fwaas/rules.ts', preview('fwaas'), { line: 2, column: 25 }),
      importOf('src/preview/fwaas/model.ts', preview('fwaas'), { line: 3, column: 25 }),
    ]);
    const facts = factsOf(policy, [file]);
    expect(lines(previewTestLocation.run(facts))).toEqual([
      'test/core/router.test.ts:2:25 fwaas test imports preview feature "fwaas" (src/preview/fwaas/rules.ts); tests of "fwaas" live under test/preview/fwaas/** (preview.tests): move it there, or split out the part that tests "fwaas"',
    ]);
    expect(noPreviewImport.run(facts)).toEqual([]);
  });

  it('reports a test that sits in the code tree of its own feature', () => {
    const file = sourceFile('src/preview/fwaas/rules.test.ts', preview('fwaas'), [importOf('src/preview/fwaas/rules.ts', preview('fwaas'))]);
    expect(lines(previewTestLocation.run(factsOf(policy, [file])))).toEqual([
      'src/preview/fwaas/rules.test.ts:1:20 fwaas test of preview feature "fwaas" sits in its code tree; tests of "fwaas" live under test/preview/fwaas/** (preview.tests): move it there',
    ]);
  });

  it('leaves cross-feature imports of preview tests to no-preview-import', () => {
    const file = sourceFile('test/preview/fwaas/a.test.ts', previewTest('fwaas'), [importOf('src/preview/vpnaas/a.ts', preview('vpnaas'))]);
    const facts = factsOf(policy, [file]);
    expect(previewTestLocation.run(facts)).toEqual([]);
    expect(noPreviewImport.run(facts).map((finding) => finding.rule)).toEqual(['no-preview-import']);
  });

  it('reports test folders of unregistered and stable features once, and files outside any feature folder', () => {
    const tree = [
      { file: 'test/preview/ghost/a.test.ts', class: previewTest('ghost', false) },
      { file: 'test/preview/ghost/b.test.ts', class: previewTest('ghost', false) },
      { file: 'test/preview/dvr/a.test.ts', class: { ...stable, feature: 'dvr', isTest: true } },
      { file: 'test/preview/helpers.ts', class: { zone: 'preview', registered: false, isTest: true, matchedBy: 'test' } as FileClass },
      { file: 'test/preview/fwaas/a.test.ts', class: previewTest('fwaas') },
    ];
    expect(lines(previewTestLocation.run(factsOf(policy, [], tree)))).toEqual([
      'test/preview/helpers.ts:1:1 - file sits directly in the preview test tree, outside any feature folder (preview.tests: test/preview/{feature}/**); move it into the test folder of the feature it tests',
      'test/preview/ghost/a.test.ts:1:1 ghost tests of "ghost" are in the preview test subtree, but no feature "ghost" is registered: add features.ghost to lifecycle.yaml, or move the tests',
      'test/preview/dvr/a.test.ts:1:1 dvr tests of stable feature "dvr" are still in the preview test subtree: move them next to the stable tests, as its code was',
    ]);
  });

  it('does nothing without preview.tests (there is no place to ask for)', () => {
    const bare = policyWith('', (yaml) => yaml.replace('  tests: test/preview/{feature}/**\n', ''));
    const file = sourceFile('test/core/a.test.ts', stable, [importOf('src/preview/fwaas/rules.ts', preview('fwaas'))]);
    expect(previewTestLocation.run(factsOf(bare, [file]))).toEqual([]);
    expect(noPreviewImport.run(factsOf(bare, [file])).map((finding) => finding.rule)).toEqual(['no-preview-import']);
  });
});
