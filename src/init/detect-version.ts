import semver from 'semver';
import type { RepositoryScan } from './scan.js';

/** The version many monorepo roots carry in place of one. */
const PLACEHOLDER_VERSION = '0.0.0';

/** Where the current release comes from, as `releases` in the starter policy will say it. */
export type DetectedRelease =
  /** A version at the root (package.json, or deno.json of a Deno workspace): its major.minor, written as is. */
  | { kind: 'root'; release: string; version: string; file: string }
  /** No root version, but workspace packages have one: `current: { package }` on a semver-derived train. */
  | { kind: 'package'; release: string; version: string; name: string; why: string }
  | { kind: 'none'; rootPlaceholder: boolean };

/**
 * The release under development: the root package.json (or deno.json) version's major.minor; else
 * the version most workspace packages share (their major.minor), read from the one package with
 * the highest such version; else none (never an invented one). Preview packages (`previewNames`)
 * and 0.0.0 placeholders do not count.
 */
export function detectVersion(scan: RepositoryScan, previewNames: ReadonlySet<string>, denoVersion: string | undefined): DetectedRelease {
  if (denoVersion !== undefined) {
    const release = majorMinor(denoVersion);
    if (release) return { kind: 'root', release, version: denoVersion, file: 'deno.json' };
  }
  const rootVersion = scan.packages.manifestsByDir.get('')?.version;
  // 0.0.0 is the placeholder many monorepo roots carry, not a release.
  const rootRelease = typeof rootVersion === 'string' && rootVersion !== PLACEHOLDER_VERSION ? majorMinor(rootVersion) : undefined;
  if (rootRelease) return { kind: 'root', release: rootRelease, version: rootVersion!, file: 'package.json' };
  const versioned = [...scan.packageByDir.values()]
    .filter((pkg) => !previewNames.has(pkg.name) && !pkg.denoConfig && typeof pkg.manifest.version === 'string' && semver.valid(pkg.manifest.version) && pkg.manifest.version !== PLACEHOLDER_VERSION)
    .map((pkg) => ({ name: pkg.name, version: pkg.manifest.version!, release: majorMinor(pkg.manifest.version!)! }));
  if (versioned.length === 0) return { kind: 'none', rootPlaceholder: rootVersion === PLACEHOLDER_VERSION };
  const count = (release: string) => versioned.filter((pkg) => pkg.release === release).length;
  const chosen = [...versioned].sort((a, b) => count(b.release) - count(a.release) || semver.rcompare(a.version, b.version) || (a.name < b.name ? -1 : 1))[0]!;
  const sharing = count(chosen.release);
  const why = `the root package.json has ${rootVersion === PLACEHOLDER_VERSION ? `the placeholder version ${PLACEHOLDER_VERSION}` : 'no version'}; ${sharing} of ${versioned.length} versioned workspace package${versioned.length === 1 ? ' is' : 's are'} at ${chosen.release}`;
  return { kind: 'package', release: chosen.release, version: chosen.version, name: chosen.name, why };
}

function majorMinor(version: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : undefined;
}
