import { dirname, resolve } from 'node:path';

/** What TypeScript tries, in order, for a relative specifier with this ending (matched with endsWith: this runs once per import). */
const CANDIDATE_SUFFIXES: readonly [string, readonly string[]][] = [
  ['.js', ['.ts', '.tsx', '.d.ts', '.js', '.jsx']],
  ['.jsx', ['.tsx', '.d.ts', '.jsx']],
  ['.mjs', ['.mts', '.d.mts', '.mjs']],
  ['.cjs', ['.cts', '.d.cts', '.cjs']],
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
  extensionless = true,
): string | undefined {
  return resolveCandidateFast(joinRelative(containingAbs, specifier), fileExists, directoryExists, extensionless);
}

/**
 * path.resolve(dirname(containingAbs), specifier) for the usual `./x` and `../../x` of a POSIX
 * path by slicing (this runs once per relative import); path.resolve for anything else.
 */
function joinRelative(containingAbs: string, specifier: string): string {
  let dirEnd = containingAbs.lastIndexOf('/');
  let rest = specifier;
  for (;;) {
    if (rest.startsWith('./')) rest = rest.slice(2);
    else if (rest.startsWith('../') && dirEnd > 0) {
      rest = rest.slice(3);
      dirEnd = containingAbs.lastIndexOf('/', dirEnd - 1);
    } else break;
  }
  const plain = dirEnd > 0 && containingAbs.charCodeAt(0) === 47 && rest !== '' && !rest.includes('/.') && !rest.includes('//') && !rest.startsWith('.') && !rest.includes('\\') && !rest.endsWith('/');
  return plain ? `${containingAbs.slice(0, dirEnd)}/${rest}` : resolve(dirname(containingAbs), specifier);
}

/**
 * TypeScript's "load as file, then as directory" for one absolute candidate path (what a relative
 * specifier or a tsconfig `paths` substitution names); undefined when nothing is found or unsure.
 * `extensionless: false` (an ES module under node16/nodenext resolution, where TypeScript adds
 * no extension and loads no directory index): only specifiers with an extension are answered.
 */
export function resolveCandidateFast(
  target: string,
  fileExists: (path: string) => boolean,
  directoryExists: (path: string) => boolean,
  extensionless = true,
): string | undefined {
  for (const [ending, suffixes] of CANDIDATE_SUFFIXES) {
    if (!target.endsWith(ending)) continue;
    const stem = target.slice(0, target.length - ending.length);
    for (const suffix of suffixes) {
      if (fileExists(stem + suffix)) return stem + suffix;
    }
    return undefined;
  }
  if (EXPLICIT.test(target)) return fileExists(target) ? target : undefined;
  if (!extensionless) return undefined;
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

/**
 * The absolute path a tsconfig `paths` entry maps a bare specifier to, TypeScript's way: an exact
 * key wins, else the `*` pattern with the longest prefix; its first substitution, with the star
 * replaced, relative to baseUrl (or the directory of the tsconfig that declared `paths`).
 * Undefined when no key matches or when TypeScript would do more than load a file or directory
 * (a substitution with an extension, or one inside node_modules).
 */
export function pathsCandidate(specifier: string, paths: Record<string, string[]>, baseDirectory: string): string | undefined {
  let best: { key: string; star: string | undefined } | undefined;
  let bestPrefix = -1;
  for (const key of Object.keys(paths)) {
    const star = key.indexOf('*');
    if (star < 0) {
      if (key === specifier) {
        best = { key, star: undefined };
        break;
      }
      continue;
    }
    if (key.indexOf('*', star + 1) >= 0) continue; // TypeScript ignores patterns with two stars
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (specifier.length >= prefix.length + suffix.length && specifier.startsWith(prefix) && specifier.endsWith(suffix) && prefix.length > bestPrefix) {
      best = { key, star: specifier.slice(prefix.length, specifier.length - suffix.length) };
      bestPrefix = prefix.length;
    }
  }
  const substitution = best ? paths[best.key]?.[0] : undefined;
  if (substitution === undefined || !best) return undefined;
  const path = best.star === undefined ? substitution : substitution.replace('*', best.star);
  if ((/\.[a-z]+$/i.test(substitution) && !substitution.endsWith('*')) || path.endsWith('/')) return undefined;
  const candidate = resolve(baseDirectory, path);
  return candidate.includes('/node_modules/') ? undefined : candidate;
}
