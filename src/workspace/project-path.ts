import { sep } from 'node:path';

/**
 * `abs` relative to `root` when it is a plain path below it (POSIX separators, no `.` or `..`
 * segment, no doubled slash), by slicing: path.relative is a measurable cost on the per-import
 * hot path. Undefined otherwise; the caller then asks path.relative.
 */
export function plainPathBelow(root: string, abs: string): string | undefined {
  if (sep !== '/' || !abs.startsWith(root) || abs.charCodeAt(root.length) !== 47) return undefined;
  if (abs.includes('/.', root.length) || abs.includes('//', root.length)) return undefined;
  return abs.slice(root.length + 1);
}
