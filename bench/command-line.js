// Command-line handling shared by the bench/ scripts: node:util parseArgs (strict) plus -h/--help,
// and usage errors that name the problem, print the usage on stderr and exit 2.
import { parseArgs } from 'node:util';

/**
 * Parses argv strictly against `options` plus -h/--help: prints `usage` and exits 0 on --help.
 * `fail(problem)` writes `<script>: <problem>` and the usage to stderr and exits 2; parse errors go
 * through it. `script` is the name printed, e.g. 'bench/run.js'.
 * @returns {{ values: Record<string, any>, positionals: string[], fail: (problem: string) => never }}
 */
export function readCommandLine({ script, usage, options = {}, allowPositionals = false, argv = process.argv.slice(2) }) {
  const fail = (problem) => {
    process.stderr.write(`${script}: ${problem}\n\n${usage}`);
    process.exit(2);
  };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals });
  } catch (error) {
    if (!String(error.code).startsWith('ERR_PARSE_ARGS_')) throw error;
    fail(error.message.replace(/\s*\n\s*/g, ' '));
  }
  if (parsed.values.help) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return { values: parsed.values, positionals: parsed.positionals, fail };
}

/** Returns `value` as a number if it is an integer >= `min`, else calls `fail` naming `flag`. */
export function positiveInteger(value, flag, fail, min = 1) {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    fail(`${flag} takes ${min === 1 ? 'a positive integer' : `an integer >= ${min}`}, got '${value}'`);
  }
  return Number(value);
}
