/** The release train: an ordered list of releases on which preview cycles are counted. */
export interface ReleaseTrain {
  names: readonly string[];
  /** Index of the current release in `names`, or -1 when the policy names none. */
  currentIndex: number;
}

function releaseIndex(train: ReleaseTrain, name: string): number {
  return train.names.indexOf(name);
}

/** Releases from `from` to `to` (positive when `to` is later); undefined if either is unknown. */
export function cyclesBetween(train: ReleaseTrain, from: string, to: string): number | undefined {
  const a = releaseIndex(train, from);
  const b = releaseIndex(train, to);
  return a < 0 || b < 0 ? undefined : b - a;
}

/** The release `cycles` releases after `name`; undefined past the end of the train. */
export function releaseAfter(train: ReleaseTrain, name: string, cycles: number): string | undefined {
  const index = releaseIndex(train, name);
  return index < 0 ? undefined : train.names[index + cycles];
}

/** The files whose `version` `releases.current` may name as the current release (deno.json and deno.jsonc are JSONC). */
const VERSION_FILES: readonly string[] = ['package.json', 'deno.json', 'deno.jsonc'];

/** The version file `releases.current` names (`package.json`, `deno.json`, `deno.jsonc`), if it names one. */
export function versionFileOf(current: string | undefined): string | undefined {
  return current !== undefined && VERSION_FILES.includes(current) ? current : undefined;
}

/**
 * Maps a package.json (or deno.json) version to a release of the train: the exact name, or the longest train
 * name that the version starts with at a dot boundary (2026.2.0 → 2026.2).
 */
export function releaseForVersion(names: readonly string[], version: string): string | undefined {
  if (names.includes(version)) return version;
  const matches = names.filter((name) => version.startsWith(`${name}.`) || version.startsWith(`${name}-`));
  return matches.sort((a, b) => b.length - a.length)[0];
}
