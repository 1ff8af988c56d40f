import { describe, expect, it } from 'vitest';
import { noPreviewImport } from '../../src/checks/no-preview-import.js';
import { unresolvedImport } from '../../src/checks/unresolved-import.js';
import type { DeclarationRef, FollowedName } from '../../src/facts/declarations.js';
import type { FileClass } from '../../src/facts/source-file.js';
import { factsOf, importOf, policyWith, preview, sourceFile, stable } from '../helpers/facts.js';

/** The base policy (features fwaas, …) with declaration rules: experimental_{feature} names, @alpha → fwaas. */
const policy = (extra = '', preview = '') =>
  policyWith(extra, (yaml) => yaml.replace('preview:\n', `preview:\n  exportNames: ['experimental_{feature}']\n  tags: { '@alpha': fwaas }\n${preview}`));

const declaration = (name: string, overrides: Partial<DeclarationRef> = {}): DeclarationRef => ({
  file: 'src/lib/api.ts',
  name,
  declarationKind: 'function',
  line: 3,
  column: 17,
  tags: [],
  class: { zone: 'stable' },
  ...overrides,
});

const followed = (name: string, ends: FollowedName['ends'], overrides: Partial<FollowedName> = {}): FollowedName => ({ name, line: 1, column: 10, typeOnly: false, ends, ...overrides });
const through = [{ file: 'src/index.ts', line: 2, column: 10, name: 'x' }];

/** A stable file importing `names` from the stable index src/index.ts. */
function importing(names: FollowedName[], fileClass: FileClass = stable, form: 'import' | 'export-from' = 'import') {
  return sourceFile('src/app/a.ts', fileClass, [importOf('src/index.ts', stable, { form, names })]);
}

describe('no-preview-import follows names (facts → findings)', () => {
  it('reports a stable import of a preview declaration at the specifier, naming declaration, feature, reason and chain', () => {
    const names = [followed('experimental_fwaas_rule', [{ declaration: declaration('experimental_fwaas_rule'), chain: through, typeOnly: false }])];
    expect(noPreviewImport.run(factsOf(policy(), [importing(names)]))).toEqual([
      {
        rule: 'no-preview-import',
        severity: 'error',
        file: 'src/app/a.ts',
        line: 1,
        column: 10,
        feature: 'fwaas',
        target: 'src/lib/api.ts',
        message:
          'stable code imports preview declaration "experimental_fwaas_rule" of preview feature "fwaas" [name matches experimental_{feature} (preview.exportNames)], defined at src/lib/api.ts:3:17 through src/index.ts:2:10',
      },
    ]);
  });

  it('stable declarations, and names not followed, give nothing', () => {
    const names = [followed('createRule', [{ declaration: declaration('createRule'), chain: through, typeOnly: false }])];
    expect(noPreviewImport.run(factsOf(policy(), [importing(names), importing([])]))).toEqual([]);
  });

  it('tags decide too; an unregistered feature is named as such', () => {
    const alpha = declaration('rule', { tags: [{ tag: '@alpha', text: '' }] });
    const unknown = declaration('other', { tags: [{ tag: '@preview', text: 'nosuch' }] });
    const findings = noPreviewImport.run(factsOf(policy(), [importing([followed('rule', [{ declaration: alpha, chain: [], typeOnly: false }]), followed('other', [{ declaration: unknown, chain: [], typeOnly: false }])])]));
    expect(findings.map((finding) => finding.message.replace(/, defined at .*/, ''))).toEqual([
      'stable code imports preview declaration "rule" of preview feature "fwaas" [tagged @alpha (preview.tags: @alpha → fwaas)]',
      'stable code imports preview declaration "other" of unregistered feature "nosuch" [tagged @preview nosuch]',
    ]);
  });

  it('type-only names: reported under forbid, allowed under preview.typeOnlyImports: allow', () => {
    const names = [followed('experimental_fwaas_T', [{ declaration: declaration('experimental_fwaas_T'), chain: [], typeOnly: true }])];
    expect(noPreviewImport.run(factsOf(policy(), [importing(names)]))[0]?.message).toMatch(/^stable code imports the type preview declaration .*\(type-only imports count: preview.typeOnlyImports is forbid\)$/);
    expect(noPreviewImport.run(factsOf(policy('', '  typeOnlyImports: allow\n'), [importing(names)]))).toEqual([]);
  });

  it('exceptions apply, limited to their features', () => {
    const exceptionPolicy = policy('  vpnaas:\n    status: preview\n', '  exceptions:\n    - { path: src/app/**, reason: migration, features: [fwaas] }\n');
    const exceptionClass: FileClass = { zone: 'stable', matchedBy: 'exception', exceptions: [exceptionPolicy.preview.exceptions[0]!] };
    const names = [
      followed('experimental_fwaas_a', [{ declaration: declaration('experimental_fwaas_a'), chain: [], typeOnly: false }]),
      followed('experimental_vpnaas_b', [{ declaration: declaration('experimental_vpnaas_b'), chain: [], typeOnly: false }], { column: 30 }),
    ];
    expect(noPreviewImport.run(factsOf(exceptionPolicy, [importing(names, exceptionClass)])).map((finding) => `${finding.column} ${finding.feature}`)).toEqual(['30 vpnaas']);
  });

  it('preview code: same feature allowed, another feature is a cross-feature finding unless allowed', () => {
    const names = [followed('experimental_fwaas_a', [{ declaration: declaration('experimental_fwaas_a'), chain: [], typeOnly: false }])];
    const withVpnaas = policy('  vpnaas:\n    status: preview\n');
    expect(noPreviewImport.run(factsOf(withVpnaas, [importing(names, preview('fwaas'))]))).toEqual([]);
    expect(noPreviewImport.run(factsOf(withVpnaas, [importing(names, preview('vpnaas'))]))[0]?.message).toMatch(/^preview feature "vpnaas" imports preview declaration "experimental_fwaas_a" .*preview features must not depend on each other/);
    expect(noPreviewImport.run(factsOf(policy('  vpnaas:\n    status: preview\n', '  crossFeatureImports: allow\n'), [importing(names, preview('vpnaas'))]))).toEqual([]);
  });

  it('a stable file declaring preview declarations of a feature may use that feature’s declarations', () => {
    const file = importing([followed('experimental_fwaas_a', [{ declaration: declaration('experimental_fwaas_a'), chain: [], typeOnly: false }])]);
    file.declarations = [{ kind: 'local', name: 'experimental_fwaas_b', declarationKind: 'function', line: 3, column: 17, tags: [] }];
    expect(noPreviewImport.run(factsOf(policy(), [file]))).toEqual([]);
  });

  it('re-exports: the crossing point, allowed by preview.reexports or features.<id>.reexports', () => {
    const names = [followed('experimental_fwaas_a', [{ declaration: declaration('experimental_fwaas_a'), chain: [], typeOnly: false }])];
    const reexporting = importing(names, stable, 'export-from');
    expect(noPreviewImport.run(factsOf(policy(), [reexporting]))[0]?.message).toMatch(/^stable code re-exports preview declaration .*; a stable file re-exporting it is the crossing point: allow it with features\.fwaas\.reexports: allow$/);
    expect(noPreviewImport.run(factsOf(policy('', '  reexports: allow\n'), [reexporting]))).toEqual([]);
    const fwaasAllows = policyWith('', (yaml) => yaml.replace('preview:\n', "preview:\n  exportNames: ['experimental_{feature}']\n").replace('  fwaas:\n', '  fwaas:\n    reexports: allow\n'));
    expect(fwaasAllows.features.find((feature) => feature.id === 'fwaas')?.reexports).toBe('allow');
    expect(noPreviewImport.run(factsOf(fwaasAllows, [reexporting]))).toEqual([]);
  });

  it('a re-export of preview code itself (file level) is allowed by reexports: allow too', () => {
    const file = sourceFile('src/index.ts', stable, [importOf('src/preview/fwaas/a.ts', preview('fwaas'), { form: 'export-from' })]);
    expect(noPreviewImport.run(factsOf(policy(), [file]))).toHaveLength(1);
    expect(noPreviewImport.run(factsOf(policy('', '  reexports: allow\n'), [file]))).toEqual([]);
  });

  it('export * and a namespace used whole: one finding at the site, listing the preview declarations', () => {
    const ends = ['experimental_fwaas_a', 'createRule', 'experimental_fwaas_b'].map((name) => ({ declaration: declaration(name), chain: [], typeOnly: false }));
    const [finding] = noPreviewImport.run(factsOf(policy(), [importing([followed('*', ends)], stable, 'export-from')]));
    expect(finding?.message).toMatch(/^stable code re-exports 2 preview declarations through export \*: "experimental_fwaas_a" .*; "experimental_fwaas_b" /);
  });

  it('a name that cannot be followed is an unresolved-import warning at the name (fail closed), never stable', () => {
    const names = [followed('x', [{ unresolved: 'cannot resolve "./gone" at src/index.ts:2:20: no such file', chain: through }])];
    const facts = factsOf(policy(), [importing(names)]);
    expect(noPreviewImport.run(facts)).toEqual([]);
    expect(unresolvedImport.run(facts)).toEqual([
      {
        rule: 'unresolved-import',
        severity: 'warn',
        file: 'src/app/a.ts',
        line: 1,
        column: 10,
        message: 'cannot follow "x" from "./src/index.ts" to its declaration: cannot resolve "./gone" at src/index.ts:2:20: no such file; a preview declaration behind it would go unnoticed',
        target: './src/index.ts',
      },
    ]);
  });
});
