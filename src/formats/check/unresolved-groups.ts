import type { UnresolvedImport } from '../../findings.js';

/** Each cause of an unresolved import, in the order `--verbose` lists them: reported ones first. */
const CAUSES: readonly { cause: string; name: string; reported: boolean }[] = [
  { cause: 'missing-file', name: 'missing file', reported: true },
  { cause: 'missing-paths-target', name: 'missing tsconfig paths target', reported: true },
  { cause: 'workspace-entry', name: 'workspace package entry without a source', reported: true },
  { cause: 'unknown-package', name: 'unknown package', reported: true },
  { cause: 'not-installed', name: 'declared package not installed', reported: false },
  { cause: 'computed', name: 'computed module name', reported: false },
];

interface UnresolvedGroup {
  cause: string;
  /** `missing file`, `declared package not installed (not reported)`. */
  label: string;
  imports: UnresolvedImport[];
}

/** Unresolved imports grouped by cause (empty groups left out), each group in input order. */
export function groupUnresolved(imports: readonly UnresolvedImport[]): UnresolvedGroup[] {
  const known = CAUSES.map(({ cause, name, reported }) => ({
    cause,
    label: reported ? name : `${name} (not reported)`,
    imports: imports.filter((item) => item.cause === cause),
  }));
  const other = imports.filter((item) => !CAUSES.some(({ cause }) => cause === item.cause));
  return [...known, { cause: 'other', label: 'other', imports: other }].filter((group) => group.imports.length > 0);
}

/** `4 unresolved imports: 1 missing file, 1 unknown package, 2 declared package not installed (not reported)`. */
export function unresolvedHeadline(groups: readonly UnresolvedGroup[]): string {
  const total = groups.reduce((sum, group) => sum + group.imports.length, 0);
  return `${total} unresolved import${total === 1 ? '' : 's'}: ${groups.map((group) => `${group.imports.length} ${group.label}`).join(', ')}`;
}
