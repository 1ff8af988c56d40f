import { PREVIEW_PACKAGE_PREFIXES, PREVIEW_PACKAGE_SUFFIXES } from './preview-words.js';
import { NOTHING_DETECTED, type Detection, type DetectedFeature } from './detection.js';
import type { RepositoryScan } from './scan.js';

/**
 * Workspace packages whose name says they are not stable yet: `*-experimental`, `*-alpha`,
 * `*-beta`, `*-preview`, `labs-*` (also scoped: `@acme/labs-maps`). Each is a feature of its own
 * (`features.<id>.packages`), its id the name without scope and preview word (`charts`, `maps`),
 * or without scope only when two packages would share an id.
 */
export function detectPreviewPackages(scan: RepositoryScan): Detection {
  const features: (DetectedFeature & { bare: string })[] = [];
  for (const pkg of [...scan.packageByDir.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1))) {
    const bare = pkg.name.startsWith('@') ? pkg.name.slice(pkg.name.indexOf('/') + 1) : pkg.name;
    const suffix = PREVIEW_PACKAGE_SUFFIXES.find((word) => bare.endsWith(`-${word}`) && bare.length > word.length + 1);
    const prefix = PREVIEW_PACKAGE_PREFIXES.find((word) => bare.startsWith(`${word}-`) && bare.length > word.length + 1);
    if (!suffix && !prefix) continue;
    const id = suffix ? bare.slice(0, -(suffix.length + 1)) : bare.slice(prefix!.length + 1);
    features.push({
      id,
      bare,
      title: pkg.name,
      where: pkg.dir,
      why: suffix ? `package name ends in -${suffix}` : `package name starts with ${prefix}-`,
      kind: 'package',
      word: suffix ?? prefix!,
      packages: [pkg.name],
    });
  }
  // Two packages for one id (@a/charts-beta, @b/charts-experimental) are two features: each keeps its whole name.
  const taken = (id: string) => features.filter((feature) => feature.id === id).length > 1;
  const unique = features.map(({ bare, ...feature }) => (taken(feature.id) ? { ...feature, id: bare } : feature));
  return { ...NOTHING_DETECTED, features: unique, claimedDirs: unique.map((feature) => feature.where) };
}
