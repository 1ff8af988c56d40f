import { posix } from 'node:path';
import { readDenoWorkspace } from '../workspace/deno.js';

interface DenoFeature {
  /** The member's folder name. */
  id: string;
  title: string;
  /** Set for a member still at 0.x: the whole member is the preview feature. */
  packages?: string[];
}

export interface DenoLayout {
  /** Members of the workspace, by directory. */
  members: string[];
  /** One glob per folder holding members with `unstable_*.ts` files: `packages/{feature}/**‍/unstable_*.ts`. */
  codeGlobs: string[];
  /** A feature per member with `unstable_*.ts` files or a 0.x version (one per folder name). */
  features: DenoFeature[];
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
  const features = new Map<string, DenoFeature>();
  for (const member of workspace.members) {
    const id = posix.basename(member.dir);
    const label = member.name ?? member.dir;
    if (files.some((file) => file.startsWith(`${member.dir}/`) && UNSTABLE_FILE.test(file))) {
      const parent = posix.dirname(member.dir);
      codeGlobs.add(parent === '.' ? '{feature}/**/unstable_*.ts' : `${parent}/{feature}/**/unstable_*.ts`);
      features.set(id, { id, title: `Unstable APIs of ${label} (unstable_*.ts)` });
    }
    if (member.name !== undefined && member.version !== undefined && /^0\./.test(member.version)) {
      // A 0.x member is in preview as a whole; its unstable_*.ts files (if any) belong to the same feature.
      features.set(id, { id, title: `${member.name}, still at ${member.version}`, packages: [member.name] });
    }
  }
  return {
    members: workspace.members.map((member) => member.dir),
    codeGlobs: [...codeGlobs].sort(),
    features: [...features.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    ...(workspace.root.version !== undefined ? { version: workspace.root.version } : {}),
  };
}
