import { describe, expect, it } from 'vitest';
import { loadPolicy } from '../../src/load-policy.js';
import { compileFeatureGlob, featureIdOf } from '../../src/policy/feature-globs.js';
import { Classifier } from '../../src/workspace/classify.js';
import { readWorkspacePackages } from '../../src/workspace/packages.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

describe('compileFeatureGlob', () => {
  it('captures the feature id wherever the placeholder stands', () => {
    expect(compileFeatureGlob('src/preview/{feature}/**').regex.exec('src/preview/fwaas/a/b.ts')?.[1]).toBe('fwaas');
    expect(compileFeatureGlob('packages/*/src/labs-{feature}/**').regex.exec('packages/x/src/labs-charts/c.ts')?.[1]).toBe('charts');
    expect(compileFeatureGlob('**/experimental/{feature}/**').regex.exec('a/b/experimental/q/r.ts')?.[1]).toBe('q');
    expect(compileFeatureGlob('src/preview/{feature}/**').regex.exec('src/core/a.ts')).toBeNull();
  });

  it('binds part of a segment: packages/{feature}-experimental/** (issue #20)', () => {
    const glob = compileFeatureGlob('packages/{feature}-experimental/**');
    expect(featureIdOf(glob, 'packages/charts-experimental/src/index.ts')).toBe('charts');
    expect(featureIdOf(glob, 'packages/big-charts-experimental/index.ts')).toBe('big-charts');
    expect(featureIdOf(glob, 'packages/charts/src/index.ts')).toBeUndefined();
    expect(featureIdOf(compileFeatureGlob('src/labs-{feature}/**'), 'src/labs-maps/a.ts')).toBe('maps');
  });

  it('binds the feature, not the alternation, next to brace alternation: src/{preview,labs}/{feature}/** (issue #20)', () => {
    const glob = compileFeatureGlob('src/{preview,labs}/{feature}/**');
    expect(featureIdOf(glob, 'src/preview/charts/a.ts')).toBe('charts');
    expect(featureIdOf(glob, 'src/labs/maps/b/c.ts')).toBe('maps');
    expect(featureIdOf(glob, 'src/labs/loose.ts')).toBe(''); // a file directly in the preview folder
    expect(featureIdOf(glob, 'src/core/x/a.ts')).toBeUndefined();
    expect(featureIdOf(compileFeatureGlob('{src,lib}/{preview,labs}/{feature}/**/*.{ts,tsx}'), 'lib/labs/maps/ui/view.tsx')).toBe('maps');
    // A second {feature} binds the same id.
    const twice = compileFeatureGlob('src/{a,b}/{feature}/test/{feature}.test.ts');
    expect(featureIdOf(twice, 'src/b/maps/test/maps.test.ts')).toBe('maps');
    expect(featureIdOf(twice, 'src/b/maps/test/charts.test.ts')).toBeUndefined();
  });
});

describe('Classifier', () => {
  const classifierFor = (extra: string, files: Record<string, string> = {}) => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml(extra), ...files });
    const { policy } = loadPolicy({ cwd: root });
    return new Classifier(policy, readWorkspacePackages(root, Object.keys(files)));
  };

  it('sorts files into preview (with feature), preview tests, unregistered, exceptions and stable', () => {
    const classifier = classifierFor(
      `  legacy:
    status: stable
  charts:
    status: preview
    introduced: 2026.2
    paths: [src/legacy/charts-*.ts]
`,
    );
    expect(classifier.classify('src/preview/fwaas/rules.ts')).toMatchObject({ zone: 'preview', feature: 'fwaas', registered: true });
    expect(classifier.classify('test/preview/fwaas/rules.test.ts')).toMatchObject({ zone: 'preview', feature: 'fwaas', isTest: true });
    expect(classifier.classify('src/preview/ghost/x.ts')).toMatchObject({ zone: 'preview', feature: 'ghost', registered: false });
    expect(classifier.classify('src/preview/legacy/x.ts')).toMatchObject({ zone: 'stable', feature: 'legacy' });
    expect(classifier.classify('src/legacy/charts-bar.ts')).toMatchObject({ zone: 'preview', feature: 'charts', matchedBy: 'features.charts.paths: src/legacy/charts-*.ts' });
    expect(classifier.classify('src/core/x.ts')).toMatchObject({ zone: 'stable', matchedBy: 'no preview glob matched' });
    expect(classifier.classify(undefined).zone).toBe('outside');
    expect(classifier.classify('node_modules/x/index.js').zone).toBe('outside');
  });

  it('gives a file directly in the preview folder, or in a folder no feature registers, to the feature whose paths name it', () => {
    const classifier = classifierFor('  shared:\n    status: preview\n    introduced: 2026.2\n    paths: [src/preview/*, src/preview/utils/**]\n');
    expect(classifier.classify('src/preview/index.ts')).toMatchObject({ zone: 'preview', feature: 'shared', registered: true, matchedBy: 'features.shared.paths: src/preview/*' });
    expect(classifier.classify('src/preview/utils/dates.ts')).toMatchObject({ zone: 'preview', feature: 'shared', matchedBy: 'features.shared.paths: src/preview/utils/**' });
    // A registered feature's folder stays that feature's; a path no feature names stays unregistered.
    expect(classifier.classify('src/preview/fwaas/rules.ts')).toMatchObject({ feature: 'fwaas', matchedBy: 'preview.code: src/preview/{feature}/**' });
    expect(classifier.classify('src/preview/ghost/x.ts')).toMatchObject({ zone: 'preview', feature: 'ghost', registered: false });
    expect(classifierFor('').classify('src/preview/index.ts')).toMatchObject({ zone: 'preview', registered: false });
  });

  it('classifies every file of a preview workspace package by the package directory', () => {
    const classifier = classifierFor('  charts:\n    status: preview\n    packages: ["@acme/labs-charts"]\n', {
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'packages/labs-charts/package.json': JSON.stringify({ name: '@acme/labs-charts' }),
    });
    expect(classifier.classify('packages/labs-charts/src/index.ts')).toMatchObject({ zone: 'preview', feature: 'charts' });
    expect(classifier.classify('packages/labs-chartsX/src/index.ts').zone).toBe('stable');
    expect(classifier.featureOfPackage('@acme/labs-charts')?.id).toBe('charts');
  });
});
