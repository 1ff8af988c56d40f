import { describe, expect, it } from 'vitest';
import { previewRouteLabel } from '../../src/checks/preview-route-label.js';
import { factsOf, policyWith, preview, sourceFile } from '../helpers/facts.js';

describe('preview-route-label', () => {
  it('reports route paths in preview code that lack the label, and only route paths', () => {
    const file = {
      ...sourceFile('src/preview/fwaas/routes.ts', preview('fwaas')),
      labelledTexts: [
        { kind: 'route-path' as const, where: '.get() path', text: '/v2/fw/rules', line: 4, column: 9 },
        { kind: 'route-path' as const, where: '.get() path', text: '/v2/preview/fw/rules', line: 5, column: 9 },
        { kind: 'command-description' as const, where: '.description()', text: 'no label', line: 6, column: 9 },
      ],
    };
    expect(previewRouteLabel.run(factsOf(policyWith(), [file]))).toEqual([
      {
        rule: 'preview-route-label',
        severity: 'error',
        file: 'src/preview/fwaas/routes.ts',
        line: 4,
        column: 9,
        feature: 'fwaas',
        message: 'route path "/v2/fw/rules" (.get() path) in preview feature "fwaas" does not say "preview"',
      },
    ]);
  });
});
