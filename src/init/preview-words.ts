/**
 * The words `lifecycle init` recognises as "not stable yet", in folder, package, file and export
 * names (with PREVIEW_FOLDER_NAMES, src/policy/preview-folders.ts). Imports nothing, so
 * `lifecycle init --help` can name them cheaply.
 */

/** Folders that are preview only when they hold code (`docs/next/` of a docs site is not). */
export const PREVIEW_FOLDER_NAMES_WHEN_CODE = ['alpha', 'beta', 'next'] as const;

/** Package name endings and beginnings that make a workspace package a preview feature. */
export const PREVIEW_PACKAGE_SUFFIXES = ['experimental', 'alpha', 'beta', 'preview'] as const;
export const PREVIEW_PACKAGE_PREFIXES = ['labs'] as const;

/** File and export name prefixes of preview code (`unstable_cache.ts`, `export const experimental_flag`). */
export const PREVIEW_NAME_PREFIXES = ['experimental_', 'unstable_'] as const;

/**
 * Folder names that group code of every kind, never one feature: a sub-folder of a preview folder
 * with one of these names is the preview folder's own shared code, and an ancestor with one of
 * these names does not name the preview folder's feature.
 */
export const GENERIC_FOLDER_NAMES: ReadonlySet<string> = new Set([
  'utils', 'util', 'shared', 'types', 'typings', 'common', 'lib', 'libs', 'helpers', 'internal', 'src', 'source',
  'dist', 'build', 'out', 'packages', 'apps', 'modules', 'components', 'hooks', '__mocks__', 'fixtures', 'assets',
]);

/** A folder name that makes the files under it tests. */
export const TEST_FOLDER = /^(?:test|tests|__tests__|spec)$/;
