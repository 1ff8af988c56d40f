import type { UnresolvedCause } from '../facts/source-file.js';

export type ModuleFormat = 'esm' | 'cjs';

export type Resolution =
  /** A file inside the project (source or asset). */
  | { kind: 'file'; file: string; via: string }
  /** An installed third-party module, or a file outside the project root. */
  | { kind: 'external'; packageName: string; via: string }
  | { kind: 'builtin'; packageName: string; via: string }
  | {
      kind: 'unresolved';
      cause: UnresolvedCause;
      /** The bare package name, when the specifier is one. */
      packageName?: string;
      /** True when a package.json declares the package (so it is merely not installed). */
      declared: boolean;
      reason: string;
    };
