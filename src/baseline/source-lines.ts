import { join } from 'node:path';
import { readSourceText } from '../engine/read-source.js';
import type { LineLookup } from './fingerprint.js';

/** Reads lines of project files on demand, each file once, for fingerprints. */
export function sourceLines(root: string): LineLookup {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, readLines(join(root, file)));
    return cache.get(file)?.[line - 1];
  };
}

function readLines(abs: string): string[] | undefined {
  const read = readSourceText(abs);
  return 'text' in read ? read.text.split(/\r\n|\r|\n|\u2028|\u2029/) : undefined;
}
