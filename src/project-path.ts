import { relative, sep } from 'node:path';

// Project paths: relative to a project root, with POSIX separators, as every finding, policy
// location and cache key writes them. Written once here (it is the bottom of every layer).

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

/** `abs` relative to `root`, with POSIX separators (`..` segments when `abs` lies outside it). */
export function projectRelative(root: string, abs: string): string {
  const rel = plainPathBelow(root, abs) ?? relative(root, abs);
  return sep === '/' ? rel : rel.split(sep).join('/');
}
