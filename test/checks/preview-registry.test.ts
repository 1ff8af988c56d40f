import { describe, expect, it } from 'vitest';
import { previewRegistry } from '../../src/checks/preview-registry.js';
import { factsOf, policyWith, preview, stable } from '../helpers/facts.js';

describe('preview-registry', () => {
  it('is quiet for a complete entry', () => {
    expect(previewRegistry.run(factsOf(policyWith('registry:\n  minOwners: 2\n'), []))).toEqual([]);
  });

  it('reports too few owners at the owners key, a missing or non-URL tracking link, and a missing introduced', () => {
    const policy = policyWith(
      `  solo:
    status: preview
    owners: [carol@example.org]
    tracking: see wiki
  bare:
    status: preview
    introduced: 2026.2
registry:
  minOwners: 2
`,
    );
    const findings = previewRegistry.run(factsOf(policy, []));
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.feature} ${finding.message}`)).toEqual([
      '21:3 bare preview feature "bare" has 0 owner(s); at least 2 are required (registry.minOwners), so someone answers when one is away',
      '21:3 bare preview feature "bare" has no tracking link (features.bare.tracking)',
      '19:5 solo preview feature "solo" has 1 owner(s); at least 2 are required (registry.minOwners), so someone answers when one is away',
      '20:5 solo tracking link of "solo" is not an http(s) URL: see wiki',
      '17:3 solo preview feature "solo" does not say in which release it was introduced (features.solo.introduced)',
    ]);
  });

  it('ignores features that are not in preview', () => {
    expect(previewRegistry.run(factsOf(policyWith('  old:\n    status: stable\n'), []))).toEqual([]);
  });

  it('reports a feature introduced after the current release', () => {
    const policy = policyWith(`  early:
    status: preview
    introduced: 2027.1
    tracking: https://tracker.example/early
    owners: [a@example.org, b@example.org]
`);
    expect(previewRegistry.run(factsOf(policy, [])).map((finding) => `${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      '19:5 preview feature "early" is introduced in 2027.1, after the current release 2026.2; a feature in the tree today was introduced in the current release or earlier',
    ]);
  });

  it('reports stable features with code still under the preview tree, and removed features with code or tests anywhere (once each)', () => {
    const policy = policyWith(`  promoted:
    status: stable
  gone:
    status: removed
    paths: [src/legacy/gone-*.ts]
  clean:
    status: removed
`);
    const tree = [
      { file: 'src/preview/promoted/a.ts', class: { ...stable, feature: 'promoted', registered: true } },
      { file: 'src/preview/promoted/b.ts', class: { ...stable, feature: 'promoted', registered: true } },
      { file: 'src/core/promoted.ts', class: stable },
      { file: 'src/legacy/gone-widget.ts', class: preview('gone') },
      { file: 'test/preview/gone/a.test.ts', class: { ...preview('gone'), isTest: true } },
      { file: 'src/preview/fwaas/a.ts', class: preview('fwaas') },
    ];
    expect(previewRegistry.run(factsOf(policy, [], tree)).map((finding) => `${finding.line}:${finding.column} ${finding.feature} ${finding.message}`)).toEqual([
      '20:5 gone removed feature "gone" still has code or tests in the tree (2 files, e.g. src/legacy/gone-widget.ts): delete them',
      '18:5 promoted stable feature "promoted" still has code under the preview tree (2 files, e.g. src/preview/promoted/a.ts): move it out of src/preview/promoted/** and rewrite its imports',
    ]);
  });

  it('does not report a preview feature without code (preview-unregistered does)', () => {
    expect(previewRegistry.run(factsOf(policyWith(), [], []))).toEqual([]);
  });
});
