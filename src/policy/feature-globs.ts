import picomatch from 'picomatch';

/**
 * Policy globs with a `{feature}` placeholder (`preview.code`, `preview.tests`), compiled once:
 * which feature id a path binds. Used by the classifier, the checks and the report alike.
 */
export interface FeatureGlob {
  glob: string;
  /** The feature id is the named group `feature` (brace alternation such as `{preview,labs}` adds groups of its own). */
  regex: RegExp;
  /**
   * True when the segment holding the placeholder is a folder (`…/{feature}/…`,
   * `…/{feature}-experimental/…`), so a file in the folder above cannot be a feature.
   */
  featureIsFolder: boolean;
}

const FEATURE_TOKEN = 'LIFECYCLEFEATURETOKEN';

/**
 * Compiles `src/preview/{feature}/**` into a regex whose group `feature` captures the feature id.
 * The placeholder may be part of a segment (`packages/{feature}-experimental/**`) and may sit next
 * to brace alternation (`src/{preview,labs}/{feature}/**`); a second `{feature}` in the same glob
 * must bind the same id.
 */
export function compileFeatureGlob(glob: string): FeatureGlob {
  const re = picomatch.makeRe(glob.split('{feature}').join(FEATURE_TOKEN), { dot: true });
  const [first, ...rest] = re.source.split(FEATURE_TOKEN);
  const source = rest.length === 0 ? re.source : `${first}(?<feature>[^/]+?)${rest.join('\\k<feature>')}`;
  const at = glob.indexOf('{feature}');
  return { glob, regex: new RegExp(source, `${re.flags}d`), featureIsFolder: at >= 0 && glob.indexOf('/', at) >= 0 };
}

/** The feature id a path binds in a compiled glob; '' for a file directly in the preview folder. */
export function featureIdOf(glob: FeatureGlob, path: string): string | undefined {
  const match = glob.regex.exec(path);
  const id = match?.groups?.feature;
  const span = match?.indices?.groups?.feature;
  if (!match || !span || id === undefined) return undefined;
  // The rest of the placeholder's segment (`-experimental`) and a `/` must follow for a folder.
  return glob.featureIsFolder && !path.slice(span[1]).includes('/') ? '' : id;
}
