import type { FileClass, Zone } from '../facts/source-file.js';
import picomatch from 'picomatch';
import { compileFeatureGlob, featureIdOf, type FeatureGlob } from '../policy/feature-globs.js';
import type { Feature, Policy, PreviewException } from '../policy/model.js';
import type { WorkspacePackages } from './packages.js';

/**
 * Decides for any project-relative path whether it is preview code (of which feature), stable
 * code (maybe an allowed exception) or outside the project. Built once per policy + workspace.
 */
export class Classifier {
  private readonly code: FeatureGlob[];
  private readonly tests: FeatureGlob[];
  private readonly featurePaths: { feature: Feature; glob: string; match: picomatch.Matcher }[];
  private readonly featureTests: { feature: Feature; glob: string; match: picomatch.Matcher }[];
  private readonly featurePackages: { feature: Feature; name: string; dir: string }[];
  private readonly exceptions: { exception: PreviewException; match: picomatch.Matcher }[];
  private readonly featuresById: Map<string, Feature>;
  private readonly memo = new Map<string, FileClass>();

  constructor(
    readonly policy: Policy,
    readonly packages: WorkspacePackages,
  ) {
    this.code = policy.preview.code.map(compileFeatureGlob);
    this.tests = policy.preview.tests.map(compileFeatureGlob);
    this.featuresById = new Map(policy.features.map((feature) => [feature.id, feature]));
    this.featurePaths = policy.features.flatMap((feature) =>
      feature.paths.map((glob) => ({ feature, glob, match: picomatch(glob, { dot: true }) })),
    );
    this.featureTests = policy.features.flatMap((feature) => feature.tests.map((glob) => ({ feature, glob, match: picomatch(glob, { dot: true }) })));
    this.featurePackages = policy.features.flatMap((feature) =>
      feature.packages.flatMap((name) => {
        const pkg = packages.byName.get(name);
        return pkg ? [{ feature, name, dir: pkg.dir }] : [];
      }),
    );
    this.exceptions = policy.preview.exceptions.map((exception) => ({
      exception,
      match: picomatch(exception.path, { dot: true }),
    }));
  }

  feature(id: string): Feature | undefined {
    return this.featuresById.get(id);
  }

  /** The feature a package name belongs to (for imports of preview packages that are not even installed). */
  featureOfPackage(name: string): Feature | undefined {
    return this.policy.features.find((feature) => feature.packages.includes(name));
  }

  /** Classifies a project-relative POSIX path; `undefined` means outside the project. */
  classify(path: string | undefined): FileClass {
    if (path === undefined || path.startsWith('../') || path.includes('/node_modules/') || path.startsWith('node_modules/')) {
      return { zone: 'outside', matchedBy: 'outside the project' };
    }
    let result = this.memo.get(path);
    if (!result) {
      result = this.classifyUncached(path);
      this.memo.set(path, result);
    }
    return result;
  }

  private classifyUncached(path: string): FileClass {
    // A feature's own test globs (tests next to its code) come first: such a file is its test.
    for (const { feature, glob, match } of this.featureTests) {
      if (match(path)) return { ...this.fromFeature(feature, `features.${feature.id}.tests: ${glob}`), isTest: true };
    }
    for (const [globs, isTest] of [[this.code, false], [this.tests, true]] as const) {
      for (const compiled of globs) {
        const id = featureIdOf(compiled, path);
        if (id === undefined) continue;
        const matchedBy = `preview.${isTest ? 'tests' : 'code'}: ${compiled.glob}`;
        // A file directly in the preview folder, or in a folder no feature registers, belongs to the
        // feature whose paths name it; else it is preview code of no (registered) feature.
        if (id === '' || !this.featuresById.has(id)) {
          const claimed = this.featurePaths.find(({ match }) => match(path));
          if (claimed) return { ...this.fromFeature(claimed.feature, `features.${claimed.feature.id}.paths: ${claimed.glob}`), isTest };
        }
        if (id === '') return { zone: 'preview', registered: false, matchedBy, isTest };
        return this.fromFeatureId(id, matchedBy, isTest);
      }
    }
    for (const { feature, glob, match } of this.featurePaths) {
      if (match(path)) return this.fromFeature(feature, `features.${feature.id}.paths: ${glob}`);
    }
    for (const { feature, name, dir } of this.featurePackages) {
      if (dir === '' || path.startsWith(`${dir}/`)) return this.fromFeature(feature, `features.${feature.id}.packages: ${name} (${dir}/)`);
    }
    const exceptions = this.exceptions.filter(({ match }) => match(path)).map(({ exception }) => exception);
    return exceptions.length > 0
      ? { zone: 'stable', matchedBy: `preview.exceptions: ${exceptions[0]!.path.join(', ')}`, exceptions }
      : { zone: 'stable', matchedBy: 'no preview glob matched' };
  }

  private fromFeatureId(id: string, matchedBy: string, isTest: boolean): FileClass {
    const feature = this.featuresById.get(id);
    if (!feature) return { zone: 'preview', feature: id, registered: false, matchedBy, isTest };
    return { ...this.fromFeature(feature, matchedBy), isTest };
  }

  /** Code of a feature that is no longer in preview (stable, deprecated) counts as stable. */
  private fromFeature(feature: Feature, matchedBy: string): FileClass {
    const zone: Zone = feature.status === 'preview' || feature.status === 'removed' ? 'preview' : 'stable';
    return { zone, feature: feature.id, registered: true, matchedBy };
  }
}
