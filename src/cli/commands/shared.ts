import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';

/** The directory a command runs in: --cwd (relative to the process cwd) or the process cwd. */
export function resolveCwd(processCwd: string, flag: string | undefined): string {
  if (!flag) return processCwd;
  const dir = resolve(processCwd, flag);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(`--cwd: no such directory: ${dir}`);
  return dir;
}

/** How a command sets the process exit code (0 clean, 1 findings, 2 the run cannot be trusted). */
export type SetExitCode = (code: number) => void;
