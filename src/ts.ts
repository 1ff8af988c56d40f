import { createRequire } from 'node:module';
import type { ts as TsNamespace } from '@ts-morph/common';

/** The TypeScript compiler API, as a value type (the module object). */
export type TypeScript = typeof TsNamespace;
export type { TsNamespace as TS };

const require = createRequire(import.meta.url);
let bundled: TypeScript | undefined;

/**
 * The TypeScript this package analyses with: the copy ts-morph bundles (through @ts-morph/common,
 * which ts-morph re-exports as `ts`; loading it directly skips ts-morph's project layer). Loaded
 * on first use, so code that never parses (the ESLint rules) does not pay for it. Never mix its
 * objects with another TypeScript copy's.
 */
export function bundledTypeScript(): TypeScript {
  bundled ??= (require('@ts-morph/common') as { ts: TypeScript }).ts;
  return bundled;
}
