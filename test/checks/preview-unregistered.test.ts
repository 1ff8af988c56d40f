import { describe, expect, it } from 'vitest';
import { previewUnregistered } from '../../src/checks/preview-unregistered.js';
import { factsOf, policyWith, preview, stable } from '../helpers/facts.js';

describe('preview-unregistered', () => {
  it('reports an unregistered preview folder once, at its first file', () => {
    const tree = [
      { file: 'src/preview/fwaas/a.ts', class: preview('fwaas') },
      { file: 'src/preview/ghost/a.ts', class: preview('ghost', false) },
      { file: 'src/preview/ghost/b.ts', class: preview('ghost', false) },
      { file: 'src/core/x.ts', class: stable },
    ];
    const findings = previewUnregistered.run(factsOf(policyWith(), [], tree));
    expect(findings).toEqual([
      {
        rule: 'preview-unregistered',
        severity: 'error',
        file: 'src/preview/ghost/a.ts',
        line: 1,
        column: 1,
        feature: 'ghost',
        message: 'preview code of "ghost" is not registered: add features.ghost to lifecycle.yaml, or move it out of the preview tree',
      },
    ]);
  });

  it('reports a preview feature without code at its registry entry; tests alone do not count as code', () => {
    const policy = policyWith();
    const tree = [{ file: 'test/preview/fwaas/a.test.ts', class: { ...preview('fwaas'), isTest: true } }];
    expect(previewUnregistered.run(factsOf(policy, [], tree))).toEqual([
      {
        rule: 'preview-unregistered',
        severity: 'error',
        file: 'lifecycle.yaml',
        line: 12,
        column: 3,
        feature: 'fwaas',
        message: 'preview feature "fwaas" has no code: nothing found at src/preview/fwaas/**',
      },
    ]);
  });

  it('does nothing without a view of the whole tree (single-file extractors)', () => {
    expect(previewUnregistered.run({ policy: policyWith(), files: [], tree: undefined })).toEqual([]);
  });
});
