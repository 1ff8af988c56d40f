import picomatch from 'picomatch';
import type { Policy } from './model.js';
import { compileFeatureGlob, featureIdOf, type FeatureGlob } from './feature-globs.js';

interface TestFileInfo {
  /** Matched by `preview.testFiles` or by a `preview.tests` glob. */
  isTest: boolean;
  /**
   * The feature id bound by the first `preview.tests` glob that matches ('' for a file directly
   * in the preview test folder), else the feature whose `features.<id>.tests` matches, or
   * undefined outside every test home.
   */
  subtreeFeature: string | undefined;
}

interface Compiled {
  isTestFile: (file: string) => boolean;
  tests: FeatureGlob[];
  featureTests: { id: string; match: (file: string) => boolean }[];
}

const cache = new WeakMap<Policy, Compiled>();

/** Which files are tests, and which feature's test subtree they sit in (pure; cached per policy). */
export function testFileInfo(policy: Policy, file: string): TestFileInfo {
  let compiled = cache.get(policy);
  if (!compiled) {
    compiled = {
      isTestFile: policy.preview.testFiles.length > 0 ? picomatch(policy.preview.testFiles, { dot: true }) : () => false,
      tests: policy.preview.tests.map(compileFeatureGlob),
      featureTests: policy.features.flatMap((feature) => feature.tests.map((glob) => ({ id: feature.id, match: picomatch(glob, { dot: true }) }))),
    };
    cache.set(policy, compiled);
  }
  let subtreeFeature: string | undefined;
  for (const glob of compiled.tests) {
    subtreeFeature = featureIdOf(glob, file);
    if (subtreeFeature !== undefined) break;
  }
  // A feature's own test globs (features.<id>.tests) are its test home too.
  subtreeFeature ??= compiled.featureTests.find(({ match }) => match(file))?.id;
  return { isTest: subtreeFeature !== undefined || compiled.isTestFile(file), subtreeFeature };
}
