import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

/**
 * The streaming sibling of `writeFileAtomic` (write-atomic.ts), for outputs too large to hold as
 * one string (`--export-ndjson` of a million runs): the lines go to a temporary file in the
 * target's directory, which is renamed over the target only once complete, so a crash or a kill
 * never leaves a truncated file that a later run would read as complete. Missing parent
 * directories are created; the temporary file is removed on failure.
 */
export async function writeLinesAtomic(path: string, lines: Iterable<string>, what: string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EEXIST' || code === 'ENOTDIR' ? 'a parent of it is a file, not a folder' : (code ?? (error as Error).message);
    throw new InputError(`cannot write ${what} ${path} (${why})`);
  }
  try {
    const out = createWriteStream(temp, { encoding: 'utf8', flags: 'wx', highWaterMark: 1 << 20 });
    const failed = new Promise<never>((_, reject) => out.once('error', reject));
    failed.catch(() => undefined);
    await Promise.race([once(out, 'open'), failed]);
    for (const line of lines) {
      if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), failed]);
    }
    out.end();
    await Promise.race([once(out, 'finish'), failed]);
    await Promise.race([once(out, 'close'), failed]);
    renameSync(temp, path);
  } catch (error) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temporary file was never created (e.g. a path component is a file).
    }
    throw new InputError(`cannot write ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
