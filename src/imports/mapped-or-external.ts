import type { WorkspacePackage, WorkspacePackages } from '../workspace/packages.js';
import { parseExternalSpecifier, type ExternalSpecifier } from './external-specifier.js';
import { filePathOfAddress, type DenoImportMaps } from './import-map.js';
import type { ModuleFormat, Resolution } from './resolution.js';

export interface MappedOrExternalContext {
  importMaps: DenoImportMaps | undefined;
  packages: WorkspacePackages;
  /** The resolver's own answer for a workspace package specifier (`@scope/pkg/sub`). */
  resolveWorkspace(pkg: WorkspacePackage, specifier: string, format: ModuleFormat): Resolution;
  /** The project file an absolute path names (extensions and directory indexes tried), or undefined. */
  projectFileAt(abs: string): string | undefined;
}

/**
 * What the resolver answers before asking TypeScript: a specifier an import map maps (Deno), or an
 * external specifier (`jsr:`, `npm:`, `https:`, `http:`, `data:`; in any project). A `jsr:` or
 * `npm:` specifier naming a workspace package resolves to its source, whatever the version range
 * (the workspace is its own source). Undefined: not for this step (e.g. `node:fs`, bare names).
 */
export function resolveMappedOrExternal(context: MappedOrExternalContext, specifier: string, containingFile: string, format: ModuleFormat): Resolution | undefined {
  const hit = context.importMaps?.lookup(specifier, containingFile);
  if (hit) return resolveAddress(context, hit.address, hit.explanation, format);
  if (specifier.startsWith('node:')) return undefined; // a builtin: the resolver's own answer
  const external = parseExternalSpecifier(specifier);
  return external ? resolveExternal(context, external, specifier, format, undefined) : undefined;
}

function resolveAddress(context: MappedOrExternalContext, address: string, explanation: string, format: ModuleFormat): Resolution {
  const path = filePathOfAddress(address);
  if (path !== undefined) {
    const file = context.projectFileAt(path);
    if (file !== undefined) return { kind: 'file', file, via: explanation };
    return { kind: 'unresolved', cause: 'missing-file', declared: false, reason: `${explanation}, and no such file exists in the project` };
  }
  const external = parseExternalSpecifier(address);
  if (external) return resolveExternal(context, external, address, format, explanation);
  return { kind: 'external', packageName: address, via: `${explanation}: a URL, never fetched` };
}

function resolveExternal(context: MappedOrExternalContext, external: ExternalSpecifier, written: string, format: ModuleFormat, mappedBy: string | undefined): Resolution {
  const prefix = mappedBy === undefined ? '' : `${mappedBy}: `;
  switch (external.scheme) {
    case 'jsr':
    case 'npm': {
      const member = context.packages.byName.get(external.packageName);
      if (!member) return { kind: 'external', packageName: external.packageName, via: `${prefix}${external.scheme}: package, not fetched` };
      const resolved = context.resolveWorkspace(member, `${member.name}${external.subpath.slice(1)}`, format);
      const ours = `${written} names this workspace's own ${member.name}, whatever the version`;
      if (resolved.kind === 'unresolved') return { ...resolved, reason: `${prefix}${ours}: ${resolved.reason}` };
      // The member first, so that explain says what resolved it ("deno workspace member …"), unless an import map did.
      return { ...resolved, via: mappedBy === undefined ? `${resolved.via}; ${ours}` : `${prefix}${resolved.via}` };
    }
    case 'node':
      return { kind: 'builtin', packageName: external.packageName, via: `${prefix}node builtin` };
    case 'data':
      return { kind: 'external', packageName: external.packageName, via: `${prefix}data: URL, an inline module` };
    default:
      return { kind: 'external', packageName: external.packageName, via: `${prefix}remote URL, never fetched (not even one that points into this repository)` };
  }
}
