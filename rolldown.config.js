// @ts-check
// The ESLint plugin as one ES module (dist/eslint-plugin.js, the package's ./eslint-plugin export),
// built from tsc's output after it. Every ESLint process and editor server loads the plugin: one
// file instead of some 80 modules of ours and the many small ones of zod, yaml and picomatch
// halves that load (about 120 ms to about 55 ms after typescript-eslint; docs/eslint.md,
// Performance). The CLI and the library stay unbundled.
//
// Bundled: our modules and the pure-JS libraries below. Left to the user's install: ESLint,
// typescript-eslint and TypeScript (the plugin must use the copies the user's ESLint runs), and
// the rest (a dependency not listed here still works, loaded from node_modules).
const BUNDLED = new Set(['zod', 'yaml', 'picomatch', 're2js', 'semver', 'ignore', 'fastest-levenshtein']);

/** The package a bare specifier names (`zod/v4/core` → `zod`, `@scope/x/y` → `@scope/x`). */
function packageOf(/** @type {string} */ specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export default {
  input: 'dist/src/eslint-plugin.js',
  platform: 'node',
  external: (/** @type {string} */ id) => {
    if (id.startsWith('.') || id.startsWith('/') || id.startsWith('\0')) return false;
    if (id.startsWith('node:')) return true;
    return !BUNDLED.has(packageOf(id));
  },
  output: { file: 'dist/eslint-plugin.js', format: 'esm', codeSplitting: false },
};
