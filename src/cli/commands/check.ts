import { InvalidArgumentError, Option, type Command } from 'commander';
import { relative, resolve } from 'node:path';
import { applyBaseline, readBaseline, readBaselineForUpdate, serializeBaseline, updateBaseline } from '../../baseline/baseline.js';
import { EXIT_CLEAN, EXIT_FINDINGS, InputError } from '../../errors.js';
import { createProgress, progressWanted } from '../../engine/progress.js';
import type { CheckOptions, CheckRun } from '../../engine/run-check.js';
import { writeFileAtomic } from '../../engine/write-atomic.js';
import { CHECK_FORMATS, CHECK_REPORTERS, type CheckFormat } from '../../formats/check/index.js';
import { escapeControl } from '../../formats/check/escape.js';
import { groupUnresolved, unresolvedHeadline } from '../../formats/check/unresolved-groups.js';
import type { CliIo } from '../io.js';
import type { SetExitCode } from './shared.js';
import { resolveCwd } from './shared.js';

interface CheckFlags {
  format: CheckFormat;
  policy?: string;
  cwd?: string;
  verbose?: boolean;
  output?: string;
  maxWarnings?: number;
  baseline?: string;
  updateBaseline?: boolean;
  changedSince?: string;
  fullParse?: boolean;
}

export function registerCheckCommand(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('check')
    .description('check the project against its lifecycle.yaml (the pre-merge CI step)')
    .argument('[paths...]', 'only check these files or directories (default: every file in scope)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('stylish'))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--max-warnings <n>', 'also exit 1 when there are more than n warnings', parseCount)
    .option('--baseline <file>', 'ignore the findings listed in this baseline file (adopting the tool on existing code)')
    .option('--update-baseline', 'write the current findings to the --baseline file (fixed ones are pruned) and exit 0')
    .option('--changed-since <ref>', 'only check files changed since this git ref (everything when the policy changed)')
    .option('-p, --policy <file>', 'check every file with this one policy (default: lifecycle.yaml in --cwd or the nearest parent, and below it each subtree\'s own lifecycle.yaml)')
    .option('-C, --cwd <dir>', 'directory to run in; relative paths of the other options start here (default: the current directory)')
    .option('--full-parse', 'parse every file with the TypeScript parser, so any syntax error is a parse-error finding (slower; default: scan most files)')
    .option('-v, --verbose', 'also list unresolved imports (grouped by cause, with counts), skipped symlinks, vendored and minified files not analysed, tsconfig problems and which files were parsed in full')
    .addHelpText(
      'after',
      `
Exit codes: 0 no errors (warnings allowed, up to --max-warnings), 1 at least one error (or too many
warnings), 2 usage, policy or input error, or nothing analysed (no source file in scope: the line
says what discovery saw and what files.include, .gitignore and the vendored rules removed).
--update-baseline exits 0 once the file is written. --changed-since with no changed source file is
not "nothing analysed": it exits 0 and says so.

Nested policies: a subtree with its own lifecycle.yaml is checked by that policy (its globs relative
to its directory), in the same report and exit code; paths stay relative to the project root.

Examples:
  $ lifecycle check                                  # the whole project, human output
  $ lifecycle check --format json > findings.json    # machine-readable, stable order
  $ lifecycle check --format sarif -o lifecycle.sarif  # for GitHub code scanning
  $ lifecycle check --format github                  # annotations in a GitHub Actions log
  $ lifecycle check --baseline .lifecycle-baseline.json --update-baseline  # accept today's findings
  $ lifecycle check --baseline .lifecycle-baseline.json  # then fail only on new ones
  $ lifecycle check --changed-since origin/main      # only the files this branch changed
  $ lifecycle check src/core --verbose               # one folder, list what did not resolve
  $ lifecycle check --full-parse                     # also report syntax errors the scan cannot see
  $ lifecycle check --cwd examples/netsvc

Formats, baselines and --changed-since: docs/output-formats.md; nested policies: docs/policy.md`,
    )
    .action(async (paths: string[], flags: CheckFlags) => {
      const cwd = resolveCwd(io.cwd, flags.cwd);
      if (flags.updateBaseline && !flags.baseline) throw new InputError('--update-baseline needs --baseline <file>: the file to write');
      if (flags.updateBaseline && (paths.length > 0 || flags.changedSince !== undefined)) {
        throw new InputError('--update-baseline needs a full run: drop the paths and --changed-since');
      }
      const baselinePath = flags.baseline === undefined ? undefined : resolve(cwd, flags.baseline);
      // Read the baseline first: a missing or broken one fails before any work is done.
      const baseline = baselinePath && !flags.updateBaseline ? readBaseline(baselinePath) : undefined;
      const run = await runWithProgress(io, flags, {
        cwd,
        paths,
        ...(flags.policy ? { policyPath: flags.policy } : {}),
        ...(flags.changedSince !== undefined ? { changedSince: flags.changedSince } : {}),
        ...(flags.fullParse ? { fullParse: true } : {}),
      });
      if (flags.updateBaseline && baselinePath) {
        const update = updateBaseline(readBaselineForUpdate(baselinePath), run.result.findings);
        writeFileAtomic(baselinePath, serializeBaseline(update.baseline), 'baseline');
        const count = update.baseline.entries.length;
        io.stderr(`lifecycle: wrote ${count} finding${count === 1 ? '' : 's'} to ${flags.baseline} (${update.kept} kept, ${update.added} added, ${update.pruned} pruned)\n`);
        setExitCode(EXIT_CLEAN);
        return;
      }
      const result = baseline ? applyBaseline(run.result, baseline) : run.result;
      const projects = [{ dir: '', workspace: run.workspace }, ...run.nested.flatMap(({ dir, workspace }) => (workspace ? [{ dir, workspace }] : []))];
      const notes = [
        ...changedNotes(run),
        ...unreadNotes(run.workspace.unreadSources, Boolean(flags.verbose)),
        ...(flags.verbose
          ? [
              ...run.nested.map((nested) => `${relative(cwd, nested.policyFile) || nested.policyFile} applies to ${nested.dir}/ (a nested policy: the outer one does not analyse it)`),
              ...projects.flatMap(({ dir, workspace }) => workspace.notes.map((note) => `${dir ? `${dir}/` : ''}${note.path}: ${note.message}`)),
              ...run.reading.vendored.map((item) => `${item.file}: not analysed, ${item.reason} (name it in files.include to analyse it)`),
              ...projects.flatMap(({ dir, workspace }) => workspace.resolver.configProblems().map((problem) => `tsconfig${dir ? ` (${dir}/)` : ''}: ${problem}`)),
              parseNote(run),
            ]
          : []),
      ];
      const text = CHECK_REPORTERS[flags.format](result, { color: io.isTTY && !flags.output && !process.env.NO_COLOR, verbose: Boolean(flags.verbose), notes });
      if (flags.output) writeFileAtomic(resolve(cwd, flags.output), text, '--output');
      else io.stdout(text);
      if (flags.format !== 'stylish' && flags.verbose) {
        const groups = groupUnresolved(result.unresolvedImports);
        if (groups.length > 0) io.stderr(`note: ${unresolvedHeadline(groups)}\n`);
        for (const group of groups) {
          for (const item of group.imports) io.stderr(`unresolved: ${escapeControl(`${item.file}:${item.line}:${item.column} "${item.specifier}" (${group.label}: ${item.reason})`)}\n`);
        }
        for (const note of notes) io.stderr(`note: ${escapeControl(note)}\n`);
      } else if (flags.format !== 'stylish') {
        // Machine formats have no notes; files left unread are said on stderr all the same.
        for (const note of unreadNotes(run.workspace.unreadSources, false)) io.stderr(`note: ${escapeControl(note)}\n`);
      }
      const { errors, warnings } = result.summary;
      const tooManyWarnings = flags.maxWarnings !== undefined && warnings > flags.maxWarnings;
      if (tooManyWarnings) io.stderr(`lifecycle: ${warnings} warnings, more than --max-warnings ${flags.maxWarnings}\n`);
      setExitCode(errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN);
    });
}

/** Runs the check with a progress line on stderr (only on a terminal, outside CI, for stylish). */
async function runWithProgress(io: CliIo, flags: CheckFlags, options: CheckOptions): Promise<CheckRun> {
  const progress = createProgress({ write: io.stderr, enabled: progressWanted(process.env, Boolean(io.stderrIsTTY), flags.format) });
  try {
    const { runCheck } = await import('../../engine/run-check.js');
    return await runCheck({ ...options, onProgress: progress.update });
  } finally {
    progress.finish();
  }
}

/** `read 2000 source files: 1760 scanned, 240 parsed in full (240 preview code (CLI help and routes))`. */
function parseNote(run: CheckRun): string {
  const { scanned, parsed, unreadable } = run.reading;
  const reasons = [...parsed].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const parsedCount = reasons.reduce((sum, [, count]) => sum + count, 0);
  const total = scanned + parsedCount + unreadable;
  const why = reasons.map(([reason, count]) => `${count} ${reason}`).join(', ');
  return (
    `read ${total} source file${total === 1 ? '' : 's'}: ${scanned} scanned, ${parsedCount} parsed in full${why ? ` (${why})` : ''}` +
    (unreadable > 0 ? `, ${unreadable} not analysed (see parse-error)` : '')
  );
}

/** `2 files not analysed: their imports are in a format lifecycle check does not read (.marko 1, .riot 1)`; --verbose lists them. */
function unreadNotes(files: readonly string[], verbose: boolean): string[] {
  if (files.length === 0) return [];
  const byFormat = new Map<string, number>();
  for (const file of files) {
    const format = file.slice(file.lastIndexOf('.'));
    byFormat.set(format, (byFormat.get(format) ?? 0) + 1);
  }
  const formats = [...byFormat].sort((a, b) => a[0].localeCompare(b[0])).map(([format, count]) => `${format} ${count}`).join(', ');
  const summary = `${files.length} file${files.length === 1 ? '' : 's'} not analysed: their imports are in a format lifecycle check does not read (${formats})${verbose ? '' : '; --verbose lists them'}`;
  return [summary, ...(verbose ? files.map((file) => `not analysed: ${file}`) : [])];
}

function changedNotes(run: CheckRun): string[] {
  const { changed } = run;
  if (!changed) return [];
  // A nested policy that changed makes its own subtree "everything"; a tsconfig makes the whole run.
  const ownEverything = run.nested.filter((nested) => nested.changed?.everything !== undefined && nested.changed.everything !== changed.everything);
  const nestedNotes = ownEverything.map((nested) => `--changed-since ${changed.ref}: ${nested.changed!.everything} changed, so every file under ${nested.dir}/ was checked`);
  if (changed.everything !== undefined) {
    const which = run.nested.some((nested) => nested.changed?.everything !== changed.everything) ? ' of the root policy' : '';
    return [`--changed-since ${changed.ref}: ${changed.everything} changed, so every file${which} was checked`, ...nestedNotes];
  }
  return [`--changed-since ${changed.ref}: only the ${changed.files.size} file${changed.files.size === 1 ? '' : 's'} changed since then were considered`, ...nestedNotes];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number (0 or more)');
  return Number(value);
}
