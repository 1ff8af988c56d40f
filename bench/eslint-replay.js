#!/usr/bin/env node
// The ESLint plugin's own work with and without ESLint's parse between two files' plugin work
// (issue #21: where the rule time goes). configs.recommended with @typescript-eslint/parser over the
// generated N-file monorepo, through ESLint's Linter, in two modes, each in its own process:
//   interleaved  each file read, parsed and linted in turn (what lintFiles does)
//   pre-parsed   every file read and parsed first, then the plugin run over the parsed SourceCode
// Prints the plugin's rule time per file (its rules' create() and listeners, first file included)
// in both, medians and ranges over alternating rounds; checks that both report the same messages.
// Not judged: it explains (b) of bench/eslint-overhead.js, it is not a floor.
// Usage: node bench/eslint-replay.js [--files N] [--runs N]; --help.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { currentMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const MODES = ['interleaved', 'pre-parsed'];
const USAGE = `Usage: node bench/eslint-replay.js [--files N] [--runs N]

The ESLint plugin's own rule time per file, with and without ESLint's parse between two files'
plugin work: configs.recommended and @typescript-eslint/parser over bench/.work/mono-<N> (generated
when missing) through ESLint's Linter, "interleaved" (each file read, parsed and linted in turn, as
lintFiles does) and "pre-parsed" (all files parsed first, then the plugin run over the parsed
trees), each mode in its own process, alternating. Prints medians and ranges; exit 1 when the two
modes report different messages. Not a floor. Run \`npm run build\` first.

Options:
  --files N   repo size (integer >= 100, default 2000)
  --runs N    rounds, each running both modes (default 3)
  -h, --help  print this help and exit

Example:
  node bench/eslint-replay.js --files 2000 --runs 5
`;

const { values, fail } = readCommandLine({
  script: 'bench/eslint-replay.js',
  usage: USAGE,
  options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '3' }, mode: { type: 'string' } },
});
const files = positiveInteger(values.files, '--files', fail, 100);
const runs = positiveInteger(values.runs, '--runs', fail);
if (values.mode !== undefined && !MODES.includes(values.mode)) fail(`--mode is one of ${MODES.join(', ')} (internal: one process's run), got '${values.mode}'`);
// The repo's path; made (or made again) by the parent only, before any child runs.
const repo = values.mode === undefined ? currentMonorepo(files) : join(BENCH, '.work', `mono-${files}`);

if (values.mode !== undefined) {
  process.stdout.write(`${JSON.stringify(await runMode(values.mode))}\n`);
} else {
  const rounds = { interleaved: [], 'pre-parsed': [] };
  for (let round = 0; round < runs; round += 1) {
    // Alternating which mode goes first, so a slow moment of a shared machine does not always hit the same one.
    for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--files', String(files), '--mode', mode], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (child.status !== 0) throw new Error(`${mode} run failed (exit ${child.status}):\n${child.stderr}`);
      rounds[mode].push(JSON.parse(child.stdout.trim().split('\n').at(-1)));
    }
  }
  const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor((numbers.length - 1) / 2)];
  const perFile = (run) => run.pluginMs / run.files;
  const row = (mode) => {
    const values = rounds[mode].map(perFile);
    return `${median(values).toFixed(3)} ms per file (range ${Math.min(...values).toFixed(3)} .. ${Math.max(...values).toFixed(3)})`;
  };
  console.log(`ESLint plugin rule time on the generated ${files.toLocaleString('en-US')}-file monorepo (configs.recommended, @typescript-eslint/parser; ${runs} rounds; medians)`);
  console.log(`  interleaved with the parse (as lintFiles runs): ${row('interleaved')}`);
  console.log(`  on pre-parsed files (no parse between files):   ${row('pre-parsed')}`);
  const ratios = rounds.interleaved.map((run, index) => perFile(run) / perFile(rounds['pre-parsed'][index]));
  console.log(`  interleaved over pre-parsed: x${median(ratios).toFixed(2)} (range x${Math.min(...ratios).toFixed(2)} .. x${Math.max(...ratios).toFixed(2)})`);
  const signatures = new Set([...rounds.interleaved, ...rounds['pre-parsed']].map((run) => run.messages));
  if (signatures.size !== 1 || rounds.interleaved[0].messageCount === 0) {
    console.log(`FAIL the modes report different messages (or none): ${[...new Set([...rounds.interleaved, ...rounds['pre-parsed']].map((run) => run.messageCount))].join(', ')} messages`);
    process.exitCode = 1;
  } else {
    console.log(`  both modes: the same ${rounds.interleaved[0].messageCount} messages`);
  }
}

/** One mode's run in this process: the plugin's rule time and what it reported. */
async function runMode(mode) {
  const { Linter } = await import('eslint');
  const tsParser = (await import('@typescript-eslint/parser')).default;
  const plugin = (await import('feature-lifecycle/eslint-plugin')).default;
  // Every .ts file under packages/ (what eslint-overhead.js lints), in code-unit order.
  const packages = join(repo, 'packages');
  const paths = readdirSync(packages, { recursive: true }).filter((file) => file.endsWith('.ts')).sort().map((file) => join(packages, file));
  let pluginMs = 0;
  const timed = Object.fromEntries(
    Object.entries(plugin.rules).map(([name, rule]) => [
      name,
      {
        ...rule,
        create(context) {
          const started = performance.now();
          const listeners = rule.create(context);
          pluginMs += performance.now() - started;
          return Object.fromEntries(
            Object.entries(listeners).map(([selector, listener]) => [
              selector,
              function timedListener(...args) {
                const begun = performance.now();
                const result = listener.apply(this, args);
                pluginMs += performance.now() - begun;
                return result;
              },
            ]),
          );
        },
      },
    ]),
  );
  const parserOnly = { files: ['**/*.ts'], languageOptions: { parser: tsParser } };
  const config = [parserOnly, { ...plugin.configs.recommended, plugins: { lifecycle: { ...plugin, rules: timed } } }];
  const linter = new Linter({ cwd: repo });
  const messages = [];
  const record = (path, found) => messages.push(...found.map((message) => `${path.slice(repo.length + 1)}:${message.line}:${message.column} ${message.ruleId}`));
  if (mode === 'interleaved') {
    for (const path of paths) record(path, linter.verify(readFileSync(path, 'utf8'), config, path));
  } else {
    const parsed = new Map();
    const keep = { create: (context) => (parsed.set(context.filename, context.sourceCode), {}) };
    const parseOnly = [parserOnly, { plugins: { keep: { rules: { keep } } }, rules: { 'keep/keep': 'error' } }];
    for (const path of paths) linter.verify(readFileSync(path, 'utf8'), parseOnly, path);
    for (const path of paths) record(path, linter.verify(parsed.get(path), config, path));
  }
  return { mode, files: paths.length, pluginMs, messageCount: messages.length, messages: messages.sort().join('\n') };
}
