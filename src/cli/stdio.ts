import { writeSync } from 'node:fs';
import { EXIT_INPUT_ERROR } from '../errors.js';

/** The status of a process ended by SIGPIPE (128 + 13): what `yes | head` reports for `yes`. */
const EXIT_BROKEN_PIPE = 141;

/**
 * Makes write errors on stdout and stderr end the run the way a command-line tool should:
 * a reader that went away (`| head`, EPIPE) ends it quietly with the broken-pipe status; any other
 * error (ENOSPC on a full disk, EIO) prints one line on stderr and exits 2, since output that
 * could not be written cannot be trusted. Never exit 1 (which means findings) and never a stack trace.
 */
export function exitOnStandardStreamErrors(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => onStreamError(error, 'standard output'));
  process.stderr.on('error', (error: NodeJS.ErrnoException) => onStreamError(error, 'standard error'));
}

function onStreamError(error: NodeJS.ErrnoException, stream: 'standard output' | 'standard error'): never {
  if (error.code === 'EPIPE') process.exit(EXIT_BROKEN_PIPE);
  if (stream === 'standard output') {
    try {
      writeSync(2, `lifecycle: cannot write standard output: ${describe(error)}\n`);
    } catch {
      // stderr is gone too: the exit status is all that is left to tell.
    }
  }
  process.exit(EXIT_INPUT_ERROR);
}

/** `no space left on device (ENOSPC)`: the reason without Node's `, write` suffix. */
function describe(error: NodeJS.ErrnoException): string {
  const reason = error.message.replace(/^[A-Z]+: /, '').replace(/, write$/, '');
  return error.code ? `${reason} (${error.code})` : reason;
}
