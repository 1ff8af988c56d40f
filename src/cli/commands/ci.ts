import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import type { SetExitCode } from './index.js';

/** `lifecycle ci-readiness` and `lifecycle ci vote` (placeholder until CI readiness lands). */
export function registerCiCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  void program;
  void io;
  void setExitCode;
}
