import { spawnSync } from 'node:child_process';
import semver from 'semver';

/** Which part of a semver version makes a release: each minor (5.0, 5.1, …) or each major (4, 5, …). */
type ReleaseScheme = 'minor' | 'major';

export interface DerivedRelease {
  name: string;
  /** YYYY-MM-DD: the commit date of the earliest tag of the release (tag-derived trains). */
  date?: string;
}

/** The release of a semver version under the scheme: 5.102.3 → 5.102 (minor) or 5 (major). */
export function releaseOfVersion(version: string, scheme: ReleaseScheme): string | undefined {
  const parsed = semver.coerce(version, { loose: true });
  if (!parsed) return undefined;
  return scheme === 'major' ? String(parsed.major) : `${parsed.major}.${parsed.minor}`;
}

function nextRelease(name: string, scheme: ReleaseScheme): string {
  const [major, minor] = name.split('.').map(Number) as [number, number | undefined];
  return scheme === 'major' ? String(major + 1) : `${major}.${(minor ?? 0) + 1}`;
}

function compareReleases(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number) as [number, number | undefined];
  const [bm, bn] = b.split('.').map(Number) as [number, number | undefined];
  return am - bm || (an ?? 0) - (bn ?? 0);
}

/**
 * The train of a semver scheme without tags: every release of the current major up to the current
 * one (`current` is a version or a release name) (minor: 5.0 … 5.102; major: 1 … 5), then the next one, so a deadline one release ahead has a
 * name.
 */
export function semverTrain(current: string, scheme: ReleaseScheme): DerivedRelease[] | { problem: string } {
  const parsed = semver.coerce(current, { loose: true });
  if (!parsed) return { problem: `"${current}" is not a semver version (major.minor.patch), so no train can be derived from it` };
  const names: string[] = [];
  if (scheme === 'major') for (let major = parsed.major === 0 ? 0 : 1; major <= parsed.major + 1; major += 1) names.push(String(major));
  else for (let minor = 0; minor <= parsed.minor + 1; minor += 1) names.push(`${parsed.major}.${minor}`);
  return names.map((name) => ({ name }));
}

/**
 * The train from the git tags that match `pattern` (one `{version}` placeholder, e.g. `v{version}`
 * or `@acme/core@{version}`): one release per minor (or major) that has a tag, dated by the commit
 * of its earliest tag; pre-release tags are left out. The current release is added when it has no
 * tag yet (it is under development), and the next release after the last one.
 */
export function tagTrain(root: string, pattern: string, scheme: ReleaseScheme, current: string | undefined): DerivedRelease[] | { problem: string } {
  const parts = pattern.split('{version}');
  if (parts.length !== 2) return { problem: `tag pattern "${pattern}" must hold {version} exactly once, e.g. "v{version}"` };
  const git = spawnSync('git', ['-C', root, 'for-each-ref', 'refs/tags', '--format=%(refname:strip=2)%09%(*committerdate:short)%09%(committerdate:short)'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (git.error) return { problem: `cannot run git to read the tags (${(git.error as NodeJS.ErrnoException).code ?? git.error.message})` };
  if (git.status !== 0) return { problem: `cannot read the git tags of ${root}: ${git.stderr.trim().split('\n')[0] ?? `git exited ${git.status}`}` };
  const [prefix, suffix] = parts as [string, string];
  const earliest = new Map<string, { version: string; date: string }>();
  let tagCount = 0;
  for (const line of git.stdout.split('\n')) {
    const [tag, annotatedDate, commitDate] = line.split('\t');
    if (!tag || !tag.startsWith(prefix) || !tag.endsWith(suffix) || tag.length < prefix.length + suffix.length) continue;
    const version = semver.valid(tag.slice(prefix.length, tag.length - suffix.length));
    if (!version || semver.prerelease(version)) continue;
    tagCount += 1;
    const release = releaseOfVersion(version, scheme)!;
    const date = annotatedDate || commitDate || '';
    const seen = earliest.get(release);
    if (!seen || semver.lt(version, seen.version)) earliest.set(release, { version, date });
  }
  if (tagCount === 0) return { problem: `no git tag matches "${pattern}" (with a release version in place of {version}) in ${root}; a shallow clone has no tags: git fetch --tags` };
  const names = [...earliest.keys()];
  if (current !== undefined && !earliest.has(current)) names.push(current);
  names.sort(compareReleases);
  names.push(nextRelease(names.at(-1)!, scheme));
  return names.map((name) => {
    const date = earliest.get(name)?.date;
    return date ? { name, date } : { name };
  });
}
