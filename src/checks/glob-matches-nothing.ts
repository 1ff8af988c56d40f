import picomatch from 'picomatch';
import type { Finding } from '../findings.js';
import type { WatchedGlob } from '../policy/model.js';
import { compileFeatureGlob } from '../policy/feature-globs.js';
import type { Check } from './check.js';
import type { CheckInput } from './check.js';

/**
 * A policy glob that matches no file: `files.include`, `preview.code`, `preview.exceptions[].path`,
 * `features.*.paths` (no source file) and `config.files` (no file at all; `features.*.docs` matching
 * nothing is a preview-docs-label error already). A typo
 * there would silently turn a check off, so each one is a warning at the glob in the policy.
 * Needs the listing of the whole project, so only `lifecycle check` reports it.
 */
export const globMatchesNothing: Check = {
  id: 'glob-matches-nothing',
  run(facts: CheckInput): Finding[] {
    const { listing } = facts;
    if (!listing) return [];
    return facts.policy.watchedGlobs.flatMap((watched) => {
      const candidates = watched.matches === 'source' ? listing.sourceFiles : listing.files;
      const matches = matcherOf(watched.glob);
      if (candidates.some((file) => matches(file))) return [];
      return [{ rule: 'glob-matches-nothing', severity: 'warn' as const, ...watched.location, message: messageOf(watched) }];
    });
  },
};

/** `{feature}` stands for any one feature id (as the classifier reads preview.code). */
function matcherOf(glob: string): (file: string) => boolean {
  if (glob.includes('{feature}')) {
    const { regex } = compileFeatureGlob(glob);
    return (file) => regex.test(file);
  }
  return picomatch(glob, { dot: true });
}

function messageOf(watched: WatchedGlob): string {
  const what = watched.matches === 'source' ? 'no source file' : 'no file';
  return `${watched.key}: glob "${watched.glob}" matches ${what} in the project, so nothing is checked through it; fix the glob (a typo?) or remove it`;
}
