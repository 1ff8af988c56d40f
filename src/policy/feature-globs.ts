import picomatch from 'picomatch';

/**
 * Policy globs with a `{feature}` placeholder (`preview.code`, `preview.tests`), compiled once:
 * which feature id a path binds. Used by the classifier, the checks and the report alike.
 */
export interface FeatureGlob {
  glob: string;
  regex: RegExp;
  /** True when the placeholder is a whole folder (`…/{feature}/…`), so a file cannot be a feature. */
  featureIsFolder: boolean;
}

const FEATURE_TOKEN = 'LIFECYCLEFEATURETOKEN';

/**
 * Compiles `src/preview/{feature}/**` into a regex whose first group captures the feature id
 * (a second `{feature}` in the same glob must bind the same id).
 */
export function compileFeatureGlob(glob: string): FeatureGlob {
  const re = picomatch.makeRe(glob.split('{feature}').join(FEATURE_TOKEN), { dot: true });
  const [first, ...rest] = re.source.split(FEATURE_TOKEN);
  const source = rest.length === 0 ? re.source : `${first}([^/]+?)${rest.join('\\1')}`;
  return { glob, regex: new RegExp(source, `${re.flags}d`), featureIsFolder: glob.includes('{feature}/') };
}

/** The feature id a path binds in a compiled glob; '' for a file directly in the preview folder. */
export function featureIdOf(glob: FeatureGlob, path: string): string | undefined {
  const match = glob.regex.exec(path);
  const span = match?.indices?.[1];
  if (!match || !span || match[1] === undefined) return undefined;
  return glob.featureIsFolder && path[span[1]] !== '/' ? '' : match[1];
}
