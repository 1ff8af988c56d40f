import type { UnresolvedImport } from '../findings.js';

/** Each cause of an unresolved import, in the order `--verbose` lists them: reported ones first. */
const CAUSES: readonly { cause: string; label: string }[] = [
  { cause: 'missing-file', label: 'no such file (reported)' },
  { cause: 'missing-paths-target', label: 'a tsconfig paths pattern matches, no such file (reported)' },
  { cause: 'workspace-entry', label: 'workspace package entry without a source file (reported)' },
  { cause: 'unknown-package', label: 'package neither in the workspace, installed nor declared (reported)' },
  { cause: 'not-installed', label: 'package declared in a package.json, not installed (not reported)' },
  { cause: 'computed', label: 'module name computed at run time (not reported)' },
];

export interface UnresolvedGroup {
  cause: string;
  label: string;
  imports: UnresolvedImport[];
}

/** Unresolved imports grouped by cause (empty groups left out), each group in input order. */
export function groupUnresolved(imports: readonly UnresolvedImport[]): UnresolvedGroup[] {
  const known = CAUSES.map(({ cause, label }) => ({ cause, label, imports: imports.filter((item) => item.cause === cause) }));
  const other = imports.filter((item) => !CAUSES.some(({ cause }) => cause === item.cause));
  return [...known, { cause: 'other', label: 'other', imports: other }].filter((group) => group.imports.length > 0);
}

/** `3 unresolved imports: 2 no such file (reported), 1 module name computed at run time (not reported)`. */
export function unresolvedHeadline(groups: readonly UnresolvedGroup[]): string {
  const total = groups.reduce((sum, group) => sum + group.imports.length, 0);
  return `${total} unresolved import${total === 1 ? '' : 's'}: ${groups.map((group) => `${group.imports.length} ${group.label}`).join(', ')}`;
}
