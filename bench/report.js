#!/usr/bin/env node
// Benchmark of `lifecycle report` on the generated 2,000-file monorepo (bench/.work/mono-2000).
//   npm run build && node bench/report.js [--runs N] [--files N]   (--help: the usage)
// Generates the repo with bench/generate-monorepo.js when it is missing or stale, then runs
// `lifecycle report --format json` and `lifecycle check --format json` N times each, interleaved
// (default 5), and prints the median wall times. Floor (exit 1): report median < 2 s at 2,000 files.
// Also checks that every report run printed the same bytes.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import os from 'node:os';
import { GENERATOR_VERSION, generateMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const CLI = join(BENCH, '..', 'dist', 'src', 'cli', 'main.js');
const FLOOR_SECONDS = 2;
const FLOOR_AT = 2000;
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path)) ?? null;

const USAGE = `Usage: node bench/report.js [--runs N] [--files N]

Measures \`lifecycle report --format json\` against \`lifecycle check --format json\` on
bench/.work/mono-<files> (generated with bench/generate-monorepo.js when missing or stale): N runs
each, interleaved; prints both median wall times and what the report adds. Floor (exit 1): the
report's median is under ${FLOOR_SECONDS} s at ${FLOOR_AT} files, and every report run printed the same bytes.
Run \`npm run build\` first.

Options:
  --runs N     runs of each command, interleaved (default 5)
  --files N    size of the generated repo, an integer >= 100 (default 2000)
  -h, --help   print this help and exit

Example:
  node bench/report.js --runs 3
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/report.js',
    usage: USAGE,
    options: { runs: { type: 'string', default: '5' }, files: { type: 'string', default: '2000' } },
  });
  return { runs: positiveInteger(values.runs, '--runs', fail), files: positiveInteger(values.files, '--files', fail, 100) };
}

function prepareRepo(files) {
  const out = join(BENCH, '.work', `mono-${files}`);
  const expectedPath = `${out}.expected.json`;
  if (existsSync(expectedPath) && existsSync(join(out, 'lifecycle.yaml'))) {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    if (expected.generatorVersion === GENERATOR_VERSION && expected.files === files) return out;
  }
  const started = Date.now();
  generateMonorepo({ files, out });
  console.log(`generated ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

/** Wall seconds, and CPU seconds (user + system, from GNU time when installed, else null). */
function timeRun(args) {
  const command = GNU_TIME ? [GNU_TIME, '-f', 'cpu %U %S', process.execPath] : [process.execPath];
  const started = process.hrtime.bigint();
  const run = spawnSync(command[0], [...command.slice(1), CLI, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) throw run.error;
  if (run.status === 2) throw new Error(`lifecycle ${args[0]} failed: ${run.stderr}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { seconds, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : null, stdout: run.stdout };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function main(args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const repo = prepareRepo(args.files);
  console.log(`node ${process.version}; ${os.cpus().length} CPUs; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${args.runs} runs each, interleaved`);
  const report = [];
  const check = [];
  const reportCpu = [];
  const outputs = new Set();
  for (let i = 0; i < args.runs; i++) {
    const run = timeRun(['report', '--cwd', repo, '--format', 'json']);
    report.push(run.seconds);
    if (run.cpu !== null) reportCpu.push(run.cpu);
    outputs.add(run.stdout);
    check.push(timeRun(['check', '--cwd', repo, '--format', 'json']).seconds);
  }
  const model = JSON.parse([...outputs][0]);
  const reportMedian = median(report);
  const checkMedian = median(check);
  console.log(`lifecycle report, ${args.files} files (${model.summary.features.total} features, ${model.check.errors} errors): median ${reportMedian.toFixed(2)} s (runs ${report.map((s) => s.toFixed(2)).join(', ')})`);
  if (reportCpu.length > 0) console.log(`lifecycle report CPU time (user + system): median ${median(reportCpu).toFixed(2)} s`);
  console.log(`lifecycle check,  ${args.files} files: median ${checkMedian.toFixed(2)} s (runs ${check.map((s) => s.toFixed(2)).join(', ')}); the report adds ${(reportMedian - checkMedian).toFixed(2)} s`);
  const failures = [];
  if (outputs.size !== 1) failures.push(`the report printed ${outputs.size} different outputs for the same input`);
  if (args.files === FLOOR_AT && !(reportMedian < FLOOR_SECONDS)) failures.push(`report median ${reportMedian.toFixed(2)} s; the floor is < ${FLOOR_SECONDS} s at ${FLOOR_AT} files`);
  for (const failure of failures) console.log(`FAIL ${failure}`);
  if (failures.length === 0) console.log(`PASS report median < ${FLOOR_SECONDS} s at ${FLOOR_AT} files, byte-identical output across runs`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

const args = parseCommandLine();
try {
  main(args);
} catch (error) {
  console.error(`bench/report: ${error.message}`);
  process.exitCode = 2;
}
