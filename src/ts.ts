/**
 * The one TypeScript compiler API this package uses: the copy ts-morph bundles (through
 * @ts-morph/common, which ts-morph re-exports as `ts`). Importing it from here instead of from
 * 'ts-morph' skips loading ts-morph's own project layer (about half a second at startup).
 * Never mix its objects with another TypeScript copy's.
 */
export { ts } from '@ts-morph/common';
