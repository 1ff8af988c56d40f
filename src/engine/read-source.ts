import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Larger files (source, config, docs) are reported, not parsed (generated ones belong in files.exclude). */
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

type SourceText = { text: string } | { problem: string };

/**
 * Reads a source file as UTF-8 text (BOM dropped), refusing what cannot be source: files over
 * MAX_SOURCE_BYTES and binary content (NUL bytes in the first 8 KiB). Never throws.
 */
export function readSourceText(abs: string): SourceText {
  let fd: number | undefined;
  try {
    fd = openSync(abs, 'r');
    const size = fstatSync(fd).size;
    if (size > MAX_SOURCE_BYTES) {
      return { problem: `file is ${size} bytes, over the ${MAX_SOURCE_BYTES}-byte limit; not analysed (add it to files.exclude if it is generated)` };
    }
    const buffer = Buffer.alloc(size);
    let offset = 0;
    while (offset < size) {
      const count = readSync(fd, buffer, offset, size - offset, offset);
      if (count === 0) break;
      offset += count;
    }
    if (buffer.subarray(0, Math.min(offset, 8192)).includes(0)) {
      return { problem: 'binary content (NUL bytes); not analysed' };
    }
    const text = buffer.toString('utf8', 0, offset);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch (error) {
    return { problem: `cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
