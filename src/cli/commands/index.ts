import type { SetExitCode } from './shared.js';
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerCheckCommand } from './check.js';
import { registerCiCommands } from './ci.js';
import { registerExplainCommand } from './explain.js';
import { registerInitCommand } from './init.js';
import { registerReportCommand } from './report.js';
// lifecycle.yaml lists this module in preview.exceptions: the stable CLI mounts the preview transition commands.
import { registerTransitionCommands } from '../../preview/transitions/commands.js';

/** Sets the process exit code of the running command. */

/** Each command module exports one `register…` function; this is the one list of them. */
export function registerCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  registerCheckCommand(program, io, setExitCode);
  registerExplainCommand(program, io, setExitCode);
  registerInitCommand(program, io);
  registerCiCommands(program, io, setExitCode);
  registerReportCommand(program, io, setExitCode);
  registerTransitionCommands(program, io, setExitCode);
}
