import { posix } from 'node:path';
import { readDenoWorkspace } from '../workspace/deno.js';
import { NOTHING_DETECTED, type Detection, type DetectedFeature } from './detection.js';

export interface DenoLayout {
  /** A feature per member with `unstable_*.ts` files or a 0.x version (one per folder name), with a `code` glob per folder holding such members. */
  detection: Detection;
  /** The version of the root deno.json(c), when it has one. */
  version?: string;
}

const UNSTABLE_FILE = /(?:^|\/)unstable_[^/]*\.ts$/;

/**
 * What a Deno workspace marks as not yet stable, the way Deno libraries do it: files named
 * `unstable_*.ts` (a preview feature per member that has them, bound by its folder name) and
 * members whose version is still 0.x (the whole member is a preview feature, by its name).
 * Undefined when the project root has no deno.json(c) with workspace members.
 */
export function detectDenoLayout(root: string, files: readonly string[]): DenoLayout | undefined {
  const workspace = readDenoWorkspace(root, files);
  if (!workspace || workspace.members.length === 0) return undefined;
  const codeGlobs = new Set<string>();
  const features = new Map<string, DetectedFeature>();
  for (const member of workspace.members) {
    const id = posix.basename(member.dir);
    const label = member.name ?? member.dir;
    const unstable = files.filter((file) => file.startsWith(`${member.dir}/`) && UNSTABLE_FILE.test(file)).map((file) => posix.basename(file));
    if (unstable.length > 0) {
      const parent = posix.dirname(member.dir);
      codeGlobs.add(parent === '.' ? '{feature}/**/unstable_*.ts' : `${parent}/{feature}/**/unstable_*.ts`);
      const why = `files named unstable_*.ts in Deno workspace member ${label}: ${unstable.join(', ')}`;
      features.set(id, { id, title: `Unstable APIs of ${label} (unstable_*.ts)`, where: member.dir, why, kind: 'Deno member', word: 'unstable' });
    }
    if (member.name !== undefined && member.version !== undefined && /^0\./.test(member.version)) {
      // A 0.x member is in preview as a whole; its unstable_*.ts files (if any) belong to the same feature.
      const why = `Deno workspace member ${member.name} is still at ${member.version}`;
      features.set(id, { id, title: `${member.name}, still at ${member.version}`, where: member.dir, why, kind: 'Deno member', word: '', packages: [member.name] });
    }
  }
  return {
    detection: {
      ...NOTHING_DETECTED,
      features: [...features.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      code: [...codeGlobs].sort(),
      claimedDirs: workspace.members.map((member) => member.dir),
      notes: [`Deno workspace: members ${workspace.members.map((member) => member.dir).join(', ')} (preview: files named unstable_*.ts, and members at 0.x)`],
    },
    ...(workspace.root.version !== undefined ? { version: workspace.root.version } : {}),
  };
}
