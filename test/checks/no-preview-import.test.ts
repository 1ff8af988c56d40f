import { describe, expect, it } from 'vitest';
import { noPreviewImport } from '../../src/checks/no-preview-import.js';
import { factsOf, importOf, policyWith, preview, sourceFile, stable } from '../helpers/facts.js';

const fwaasFile = 'src/preview/fwaas/rules.ts';

describe('no-preview-import', () => {
  it('reports stable code importing preview code, with feature and target', () => {
    const facts = factsOf(policyWith(), [sourceFile('src/core/a.ts', stable, [importOf(fwaasFile, preview('fwaas'))])]);
    expect(noPreviewImport.run(facts)).toEqual([
      {
        rule: 'no-preview-import',
        severity: 'error',
        file: 'src/core/a.ts',
        line: 1,
        column: 20,
        message: `stable code imports preview feature "fwaas" (${fwaasFile})`,
        feature: 'fwaas',
        target: fwaasFile,
      },
    ]);
  });

  it('allows stable → stable, preview → stable, preview → same feature, and external modules', () => {
    const facts = factsOf(policyWith(), [
      sourceFile('src/core/a.ts', stable, [importOf('src/core/b.ts', stable), importOf('x', stable, { target: { kind: 'external', packageName: 'x' } })]),
      sourceFile(fwaasFile, preview('fwaas'), [importOf('src/core/b.ts', stable), importOf('src/preview/fwaas/model.ts', preview('fwaas'))]),
    ]);
    expect(noPreviewImport.run(facts)).toEqual([]);
  });

  it('type-only imports: reported under forbid, allowed under allow', () => {
    const typeImport = importOf(fwaasFile, preview('fwaas'), { typeOnly: true, form: 'import-type' });
    const forbid = factsOf(policyWith(), [sourceFile('src/core/a.ts', stable, [typeImport])]);
    expect(noPreviewImport.run(forbid).map((finding) => finding.message)).toEqual([
      `stable code imports types from preview feature "fwaas" (${fwaasFile}) (type-only imports count: preview.typeOnlyImports is forbid)`,
    ]);
    const allow = factsOf(policyWith('', (yaml) => yaml.replace('preview:\n', 'preview:\n  typeOnlyImports: allow\n')), [sourceFile('src/core/a.ts', stable, [typeImport])]);
    expect(noPreviewImport.run(allow)).toEqual([]);
  });

  it('honours exceptions, limited to their features when they name some', () => {
    const policy = policyWith('  vpnaas:\n    status: preview\n', (yaml) =>
      yaml.replace('preview:\n', 'preview:\n  exceptions:\n    - { path: src/db/**, reason: migrations, features: [fwaas] }\n'),
    );
    const exception = policy.preview.exceptions[0]!;
    const migration = { zone: 'stable' as const, matchedBy: 'exception', exceptions: [exception] };
    const facts = factsOf(policy, [
      sourceFile('src/db/0001.ts', migration, [importOf(fwaasFile, preview('fwaas')), importOf('src/preview/vpnaas/x.ts', preview('vpnaas'))]),
    ]);
    expect(noPreviewImport.run(facts).map((finding) => finding.feature)).toEqual(['vpnaas']);
  });

  it('cross-feature preview imports: forbidden by default, allowed when configured', () => {
    const files = [sourceFile(fwaasFile, preview('fwaas'), [importOf('src/preview/vpnaas/x.ts', preview('vpnaas'))])];
    expect(noPreviewImport.run(factsOf(policyWith(), files))[0]?.message).toBe(
      'preview feature "fwaas" imports preview feature "vpnaas" (src/preview/vpnaas/x.ts); preview features must not depend on each other (preview.crossFeatureImports: forbid)',
    );
    const allow = policyWith('', (yaml) => yaml.replace('preview:\n', 'preview:\n  crossFeatureImports: allow\n'));
    expect(noPreviewImport.run(factsOf(allow, files))).toEqual([]);
  });

  it('names unregistered preview code and packages known only by name', () => {
    const facts = factsOf(policyWith(), [
      sourceFile('src/core/a.ts', stable, [
        importOf('src/preview/ghost/x.ts', preview('ghost', false)),
        importOf('', preview('fwaas'), { specifier: '@acme/labs', target: { kind: 'package', packageName: '@acme/labs', class: preview('fwaas') } }),
      ]),
    ]);
    expect(noPreviewImport.run(facts).map((finding) => finding.message)).toEqual([
      'stable code imports unregistered preview code "ghost" (src/preview/ghost/x.ts)',
      'stable code imports preview feature "fwaas" (@acme/labs)',
    ]);
  });
});
