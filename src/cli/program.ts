import { Command, CommanderError } from 'commander';
import { InputError, EXIT_INPUT_ERROR } from '../errors.js';
import { escapeControl } from '../formats/check/escape.js';
import { toolInfo } from '../tool-info.js';
import type { CliIo } from './io.js';
import { registerCommands } from './commands/index.js';

/** Runs the `lifecycle` CLI with argv (without node and script) and returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const debug = argv.includes('--debug');
  const program = new Command('lifecycle')
    .description('Keep preview features honest, and CI systems honest before they may vote.')
    .version(toolInfo().version, '-V, --version', 'print the version of feature-lifecycle')
    .option('--debug', 'print stack traces of errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  let exitCode = 0;
  registerCommands(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exitCode 0; usage errors with 1, which we map to 2.
      return error.exitCode === 0 ? 0 : EXIT_INPUT_ERROR;
    }
    if (error instanceof InputError) {
      io.stderr(`lifecycle: ${escapeControl(error.message)}\n`);
      for (const line of error.details) io.stderr(`  ${escapeControl(line)}\n`);
      if (debug && error.stack) io.stderr(`${error.stack}\n`);
      return EXIT_INPUT_ERROR;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`lifecycle: internal error: ${escapeControl(message)}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    else io.stderr('  (run with --debug for the stack trace)\n');
    return EXIT_INPUT_ERROR;
  }
}
