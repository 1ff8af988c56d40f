import { Option, type Command } from 'commander';
import { escapeControl } from '../../formats/check/escape.js';
import type { CliIo } from '../io.js';
import type { SetExitCode } from './shared.js';
import { resolveCwd } from './shared.js';

/** The formats of src/formats/report (listed here so `--help` does not load the reporters). */
export const REPORT_FORMAT_NAMES = ['text', 'markdown', 'json', 'html'] as const;

interface ReportFlags {
  release?: string;
  format: (typeof REPORT_FORMAT_NAMES)[number];
  output?: string;
  failOn: string[];
  cwd?: string;
  policy?: string;
  fullParse?: boolean;
}

const HELP = `
Per preview feature: age, deadline and state, label coverage (config keys, docs, CLI help,
routes), stable code importing it, exceptions used, test location, findings by check, and a
recommendation (promote / renew / remove / keep) with its reason. Per CI system of ci.systems:
the readiness verdict and its failing criteria.

Exit codes: 0 (also when there is much to do: the report informs), 1 when a --fail-on condition
holds, 2 usage, policy or input error.
  --fail-on overdue      a preview feature is overdue as of the release
  --fail-on violations   lifecycle check has error-level findings as of the release
  --fail-on ci           a system of ci.systems may not vote

Examples:
  $ lifecycle report                                    # text, as of releases.current
  $ lifecycle report --release 2027.1                   # preview next release's review
  $ lifecycle report --format markdown > review.md      # paste into the release issue
  $ lifecycle report --format html -o review.html       # one self-contained file
  $ lifecycle report --fail-on overdue,ci --format json # a gate for the release pipeline

Docs: docs/report.md`;

/** `lifecycle report`: the release review in one command. */
export function registerReportCommand(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('report')
    .description('the release review: deadlines, labels, fan-in and a recommendation per feature; CI verdicts')
    .option('-r, --release <name>', 'evaluate as of this release of the train (default: releases.current)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(REPORT_FORMAT_NAMES).default('text'))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--fail-on <conditions>', 'exit 1 when overdue, violations or ci holds (repeatable, or comma-separated)', (value: string, previous: string[]) => [...previous, value], [])
    .option('--full-parse', 'as in lifecycle check: parse every file, so any syntax error counts as a parse-error finding')
    .option('-p, --policy <file>', 'policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', 'directory to run in; relative paths of the other options start here (default: the current directory)')
    .addHelpText('after', HELP)
    .action(async (flags: ReportFlags) => {
      const cwd = resolveCwd(io.cwd, flags.cwd);
      const { parseFailOn, failingConditions } = await import('../../report/fail-on.js');
      const conditions = parseFailOn(flags.failOn);
      const { gatherReportInput } = await import('../../report/gather.js');
      const { buildReport } = await import('../../report/build-report.js');
      const { REPORT_REPORTERS } = await import('../../formats/report/index.js');
      const input = await gatherReportInput({
        cwd,
        policyPath: flags.policy,
        release: flags.release,
        fullParse: Boolean(flags.fullParse),
        onNote: (message) => io.stderr(`lifecycle: ${escapeControl(message)}\n`),
      });
      const model = buildReport(input);
      const reasons = failingConditions(model, conditions);
      const text = REPORT_REPORTERS[flags.format](model, { color: flags.format === 'text' && io.isTTY && !flags.output && !process.env.NO_COLOR });
      if (flags.output) {
        const { resolve } = await import('node:path');
        const { writeFileAtomic } = await import('../../engine/write-atomic.js');
        writeFileAtomic(resolve(cwd, flags.output), text, '--output');
      } else {
        io.stdout(text);
      }
      for (const reason of reasons) io.stderr(`lifecycle: ${escapeControl(reason)}\n`);
      setExitCode(reasons.length > 0 ? 1 : 0);
    });
}
