import { describe, expect, it } from 'vitest';
import { previewRegistry } from '../../src/checks/preview-registry.js';
import { factsOf, policyWith } from '../helpers/facts.js';

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
});
