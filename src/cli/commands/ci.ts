import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerCiReadinessCommand } from './ci-readiness.js';
import { registerCiVoteCommand } from './ci-vote.js';
import type { SetExitCode } from './shared.js';

/** `lifecycle ci-readiness` and `lifecycle ci vote`. */
export function registerCiCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  registerCiReadinessCommand(program, io, setExitCode);
  const ci = program
    .command('ci')
    .description('tools for CI operators: the vote a run deserves')
    .addHelpText('after', '\nExample:\n  $ lifecycle ci vote --result FAILURE --log job-output.txt\n');
  registerCiVoteCommand(ci, io);
}
