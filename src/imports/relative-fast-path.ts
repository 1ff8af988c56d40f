import { dirname, resolve } from 'node:path';

/** What TypeScript tries, in order, for a relative specifier with this ending. */
const CANDIDATE_SUFFIXES: readonly [RegExp, readonly string[]][] = [
  [/\.js$/, ['.ts', '.tsx', '.d.ts', '.js', '.jsx']],
  [/\.jsx$/, ['.tsx', '.d.ts', '.jsx']],
  [/\.mjs$/, ['.mts', '.d.mts', '.mjs']],
  [/\.cjs$/, ['.cts', '.d.cts', '.cjs']],
];
const EXTENSIONLESS = ['.ts', '.tsx', '.d.ts', '.js', '.jsx'];
const EXPLICIT = /\.(?:[mc]?tsx?|json)$/;

/**
 * Resolves the common relative specifiers (`./x`, `./x.js`, `../y/index.ts`, `./dir`) from
 * directory listings, in TypeScript's own order of candidates (`.js` → `.ts` first), without
 * TypeScript's general machinery. Returns undefined when unsure (a directory with a
 * package.json, a file that does not exist); the caller then asks TypeScript.
 */
export function resolveRelativeFast(
  specifier: string,
  containingAbs: string,
  fileExists: (path: string) => boolean,
  directoryExists: (path: string) => boolean,
): string | undefined {
  const target = resolve(dirname(containingAbs), specifier);
  for (const [pattern, suffixes] of CANDIDATE_SUFFIXES) {
    if (!pattern.test(target)) continue;
    const stem = target.replace(pattern, '');
    for (const suffix of suffixes) {
      if (fileExists(stem + suffix)) return stem + suffix;
    }
    return undefined;
  }
  if (EXPLICIT.test(target)) return fileExists(target) ? target : undefined;
  for (const suffix of EXTENSIONLESS) {
    if (fileExists(target + suffix)) return target + suffix;
  }
  if (directoryExists(target) && !fileExists(`${target}/package.json`)) {
    for (const suffix of EXTENSIONLESS) {
      if (fileExists(`${target}/index${suffix}`)) return `${target}/index${suffix}`;
    }
  }
  return undefined;
}
