import { describe, expect, it } from 'vitest';
import { colocatedTestGlob, testHome } from '../../src/policy/test-home-hint.js';
import { fixture, runLifecycle } from '../helpers/cli.js';

describe('preview-test-location: tests next to their code (issue #20)', () => {
  it('accepts tests matched by features.<id>.tests, and never asks to move a test into a folder that does not exist', () => {
    const run = runLifecycle(['check', '--format', 'json', '--cwd', fixture('tests-colocated')]);
    const findings = (JSON.parse(run.stdout) as { findings: { file: string; message: string }[] }).findings;
    expect(findings.map((finding) => finding.file)).toEqual(['packages/maps/src/__tests__/map.ts']);
    expect(findings[0]!.message).toBe(
      'test of preview feature "maps" sits outside test/preview/maps/** (preview.tests), and no such folder exists: if the project keeps tests there on purpose, say so with features.maps.tests: ["packages/maps/src/__tests__/**"]',
    );
    const report = JSON.parse(runLifecycle(['report', '--format', 'json', '--cwd', fixture('tests-colocated')]).stdout) as { features: { id: string; tests: unknown }[] };
    expect(report.features.find((feature) => feature.id === 'charts')!.tests).toEqual({ inPreviewTree: 1, coLocated: 0, misplaced: [] });
  });

  it('knows whether the expected test folder exists, and derives the glob from the test file', () => {
    expect(testHome(['test/preview/{feature}/**'], 'maps', ['test/preview/maps/a.test.ts'])).toEqual({ globs: ['test/preview/maps/**'], exists: true });
    expect(testHome(['test/preview/{feature}/**'], 'maps', ['test/preview/charts/a.test.ts', 'test/preview/mapsx/a.ts'])).toEqual({ globs: ['test/preview/maps/**'], exists: false });
    expect(colocatedTestGlob('packages/x/src/deep/a.test.ts')).toBe('packages/x/src/deep/**/*.test.ts');
    expect(colocatedTestGlob('packages/x/src/b.spec.tsx')).toBe('packages/x/src/**/*.spec.tsx');
    expect(colocatedTestGlob('packages/x/__tests__/deep/a.ts')).toBe('packages/x/__tests__/**');
  });
});
