import { detectDenoLayout } from './deno-starter.js';
import { detectPreviewFolders } from './detect-preview-folders.js';
import { detectPreviewNames } from './detect-preview-names.js';
import { detectPreviewPackages } from './detect-preview-packages.js';
import { detectVersion } from './detect-version.js';
import { scanRepository } from './scan.js';
import { assembleStarterPolicy, type StarterPolicy } from './starter-policy.js';

/**
 * Reads the repository at `root` and plans its starter policy: preview packages first (a package
 * is its own feature, so the folder and name detectors leave its files alone), then preview
 * folders, then preview file and export names outside both, and the Deno workspace's own marks.
 */
export function planStarterPolicy(root: string): StarterPolicy {
  const scan = scanRepository(root);
  const deno = detectDenoLayout(root, scan.files);
  const packages = detectPreviewPackages(scan);
  const folders = detectPreviewFolders(scan, packages.claimedDirs);
  const names = detectPreviewNames(scan, [...packages.claimedDirs, ...folders.claimedDirs, ...(deno?.detection.claimedDirs ?? [])]);
  const detections = [packages, folders, names, ...(deno ? [deno.detection] : [])];
  const release = detectVersion(scan, new Set(packages.features.flatMap((feature) => feature.packages ?? [])), deno?.version);
  const vendored = scan.vendored.map(({ part, reason, files }) => `not looked at: ${part} (${files} source file${files === 1 ? '' : 's'}): ${reason}`);
  return assembleStarterPolicy(detections, release, vendored);
}
