import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { LineLookup } from './fingerprint.js';

/** Files larger than this are not read for fingerprints (their findings fall back to the message). */
const MAX_BYTES = 4 * 1024 * 1024;

/** Reads lines of project files on demand, each file once, for fingerprints. */
export function sourceLines(root: string): LineLookup {
  const cache = new Map<string, string[] | undefined>();
  return (file, line) => {
    if (!cache.has(file)) cache.set(file, readLines(join(root, file)));
    return cache.get(file)?.[line - 1];
  };
}

function readLines(abs: string): string[] | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_BYTES) return undefined;
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const count = readSync(fd, buffer, offset, size - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    if (buffer.subarray(0, Math.min(offset, 8192)).includes(0)) return undefined;
    const text = buffer.toString('utf8', 0, offset);
    return (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n|\u2028|\u2029/);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
