import { Option, type Command } from 'commander';
import { EXIT_CLEAN, EXIT_FINDINGS } from '../../errors.js';
import { runCheck } from '../../engine/run-check.js';
import { CHECK_FORMATS, CHECK_REPORTERS, type CheckFormat } from '../../reporters/index.js';
import type { CliIo } from '../io.js';
import type { SetExitCode } from './index.js';
import { resolveCwd } from './shared.js';

interface CheckFlags {
  format: CheckFormat;
  policy?: string;
  cwd?: string;
  verbose?: boolean;
}

export function registerCheckCommand(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('check')
    .description('check the project against its lifecycle.yaml (the pre-merge CI step)')
    .argument('[paths...]', 'only check these files or directories (default: every file in scope)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('-p, --policy <file>', 'policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', 'directory to run in (default: the current directory)')
    .option('-v, --verbose', 'also list unresolved imports, skipped symlinks and tsconfig problems')
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (warnings allowed), 1 at least one error, 2 usage, policy or input error.

Examples:
  $ lifecycle check                                 # the whole project, human output
  $ lifecycle check --format json > findings.json   # machine-readable, stable order
  $ lifecycle check src/core --verbose              # one folder, list what did not resolve
  $ lifecycle check --cwd examples/netsvc`,
    )
    .action((paths: string[], flags: CheckFlags) => {
      const cwd = resolveCwd(io.cwd, flags.cwd);
      const { result, workspace } = runCheck({ cwd, paths, ...(flags.policy ? { policyPath: flags.policy } : {}) });
      const notes = flags.verbose
        ? [
            ...workspace.notes.map((note) => `${note.path}: ${note.message}`),
            ...workspace.resolver.configProblems().map((problem) => `tsconfig: ${problem}`),
          ]
        : [];
      const reporter = CHECK_REPORTERS[flags.format];
      io.stdout(reporter(result, { color: io.isTTY && !process.env.NO_COLOR, verbose: Boolean(flags.verbose), notes }));
      if (flags.format !== 'stylish' && flags.verbose) {
        for (const item of result.unresolvedImports) io.stderr(`unresolved: ${item.file}:${item.line}:${item.column} "${item.specifier}" (${item.reason})\n`);
        for (const note of notes) io.stderr(`note: ${note}\n`);
      }
      setExitCode(result.summary.errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN);
    });
}
