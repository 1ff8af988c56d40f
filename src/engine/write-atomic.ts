import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readlinkSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/** What a writer may hand over: the whole text, its pieces in order (large exports), or bytes (a file restored as it was). */
export type WriteContent = string | Uint8Array | Iterable<string>;

/** Symbolic links followed before giving up (Linux's own limit, MAXSYMLINKS). */
const MAX_LINK_HOPS = 40;

/**
 * Test hook: the process kills itself (SIGKILL) after this many chunks were written to a temporary
 * file, so the tests can reproduce a crash mid-write at an exact point instead of racing a signal.
 */
const KILL_AFTER_WRITES_ENV = 'LIFECYCLE_TEST_KILL_AFTER_WRITES';

export interface AtomicWriteOptions {
  /**
   * Create the file, never replace one: the complete temporary file is hard-linked to the target,
   * which fails when anything exists there, even a file written while this one was being prepared.
   */
  exclusive?: boolean;
  /** Called with the complete temporary file before it becomes visible; throwing aborts the write. */
  beforePublish?: (temporaryPath: string) => void;
}

/**
 * Writes `content` to `path` without ever destroying what is there:
 * - a regular file (or a new one) is replaced atomically: a temporary file in the same directory,
 *   flushed, then renamed over it, so a reader or a crash sees the old file or the new one, never half;
 * - a symbolic link is followed to its real path, which is written the same way (the link stays);
 * - a FIFO, a character device (`/dev/null`, a terminal) or a descriptor path (`/dev/stdout`,
 *   `/dev/fd/N`) is written directly, never replaced;
 * - anything else (a directory, a socket, a block device) is refused with an InputError.
 * Missing parent directories are created. Temporary files left by a writer that was killed are
 * removed by the next write to the same target. `what` names the target in errors (`--output`).
 */
export function writeFileAtomic(path: string, content: WriteContent, what: string, options: AtomicWriteOptions = {}): void {
  const fail = (reason: string): never => {
    throw new InputError(`cannot write ${what} ${path} (${reason})`);
  };
  try {
    if (options.exclusive) return replaceFile(resolve(path), content, undefined, options);
    if (isDescriptorPath(path)) return writeDirect(path, content, 'a');
    const target = followLinks(resolve(path), fail);
    const kind = kindOf(target);
    if (kind === 'stream') return writeDirect(target, content, 'w');
    if (kind !== 'file' && kind !== 'absent') return fail(`it is ${kind}; only regular files, FIFOs and character devices are written`);
    replaceFile(target, content, kind === 'file' ? statSync(target).mode & 0o7777 : undefined, options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') fail('a parent of it is a file, not a folder');
    if (code === 'EEXIST' && options.exclusive) fail('it already exists; not overwriting it');
    fail(code ?? (error as Error).message);
  }
}

/** `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the caller's own descriptors. */
function isDescriptorPath(path: string): boolean {
  return /^\/dev\/(stdout|stderr|stdin|fd\/\d+)$/.test(path) || /^\/proc\/(self|\d+)\/fd\/\d+$/.test(path);
}

/** The path a chain of symbolic links ends at (which need not exist yet: a dangling link is written through). */
function followLinks(start: string, fail: (reason: string) => never): string {
  let current = start;
  for (let hop = 0; hop < MAX_LINK_HOPS; hop += 1) {
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return current;
      throw error;
    }
    if (!isLink) return current;
    current = resolve(dirname(current), readlinkSync(current));
  }
  return fail(`more than ${MAX_LINK_HOPS} symbolic links`);
}

type TargetKind = 'absent' | 'file' | 'stream' | 'a directory' | 'a socket' | 'a block device' | 'a special file';

function kindOf(target: string): TargetKind {
  let stat;
  try {
    stat = statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  if (stat.isFile()) return 'file';
  if (stat.isFIFO() || stat.isCharacterDevice()) return 'stream';
  if (stat.isDirectory()) return 'a directory';
  if (stat.isSocket()) return 'a socket';
  if (stat.isBlockDevice()) return 'a block device';
  return 'a special file';
}

function writeDirect(target: string, content: WriteContent, flag: 'a' | 'w' | 'wx'): void {
  const fd = openSync(target, flag);
  try {
    writeChunks(fd, content);
  } finally {
    closeSync(fd);
  }
}

function replaceFile(target: string, content: WriteContent, mode: number | undefined, options: AtomicWriteOptions): void {
  const dir = dirname(target);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    // A file where a folder of the path should be: mkdir says EEXIST (or ENOTDIR further down).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw Object.assign(new Error('a parent is a file'), { code: 'ENOTDIR' });
    throw error;
  }
  removeAbandonedTemporaries(dir, basename(target));
  const temp = join(dir, `${temporaryPrefix(basename(target))}${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = openSync(temp, 'wx', mode ?? 0o666);
    try {
      writeChunks(fd, content, countdownFromEnv());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    options.beforePublish?.(temp);
    if (options.exclusive) publishExclusively(temp, target, content);
    else renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

/** A hard link fails when the target exists; where the file system has none, an O_EXCL create does the same. */
function publishExclusively(temp: string, target: string, content: WriteContent): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw error;
    writeDirect(target, content, 'wx');
  }
}

function temporaryPrefix(name: string): string {
  return `.${name}.`;
}

/** Removes `.<name>.<pid>.<hex>.tmp` files whose writer is no longer running (a kill, a power cut). */
function removeAbandonedTemporaries(dir: string, name: string): void {
  const prefix = temporaryPrefix(name);
  for (const entry of readdirSync(dir)) {
    if (!entry.startsWith(prefix)) continue;
    const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length));
    if (match && !isRunning(Number(match[1]))) rmSync(join(dir, entry), { force: true });
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // an earlier writer of this process would have cleaned up
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function countdownFromEnv(): number | undefined {
  const value = process.env[KILL_AFTER_WRITES_ENV];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Writes every chunk in full (writeSync may write less than asked). */
function writeChunks(fd: number, content: WriteContent, killAfter?: number): void {
  let written = 0;
  for (const chunk of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    for (let offset = 0; offset < bytes.length; ) {
      if (killAfter !== undefined && written >= killAfter) process.kill(process.pid, 'SIGKILL');
      offset += writeSync(fd, bytes, offset, Math.min(bytes.length - offset, CHUNK_BYTES));
      written += 1;
    }
  }
  if (killAfter !== undefined && written >= killAfter) process.kill(process.pid, 'SIGKILL');
}

const CHUNK_BYTES = 64 * 1024;
