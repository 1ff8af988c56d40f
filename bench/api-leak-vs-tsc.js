#!/usr/bin/env node
// Benchmark of the type-aware check preview-api-leak on the generated monorepo, against
// `tsc --noEmit` on the same tsconfig projects, in the same run.
//   npm run build && node bench/api-leak-vs-tsc.js [--runs N] [--files N]   (--help: the usage)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { GENERATOR_VERSION, generateMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const CLI = join(BENCH, '..', 'dist', 'src', 'cli', 'main.js');
const TSC = join(BENCH, '..', 'node_modules', 'typescript', 'bin', 'tsc');
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((path) => existsSync(path)) ?? null;

const USAGE = `Usage: node bench/api-leak-vs-tsc.js [--runs N] [--files N]

Times \`lifecycle check --policy lifecycle.api-leak.yaml --format json\` (every check, with the
type-aware preview-api-leak on) against \`tsc --noEmit -p packages/<pkg>/tsconfig.json\` for every
package (the tsconfig projects the check builds programs for; their times summed), on
bench/.work/mono-<files> (generated with bench/generate-monorepo.js when missing or stale), N runs
each, interleaved, with \`lifecycle check --format json\` (the check off) to show what it adds. Prints
the median wall time, CPU time (user + system) and peak RSS of each.
Floors (exit 1): lifecycle's median wall time is not above tsc's; it reports exactly the planted
preview-api-leak findings (<repo>.expected.json "apiLeaks"). Run \`npm run build\` first.

Options:
  --runs N     runs of each, interleaved (default 3)
  --files N    size of the generated repo, an integer >= 100 (default 2000)
  -h, --help   print this help and exit

Example:
  node bench/api-leak-vs-tsc.js --runs 1
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/api-leak-vs-tsc.js',
    usage: USAGE,
    options: { runs: { type: 'string', default: '3' }, files: { type: 'string', default: '2000' } },
  });
  return { runs: positiveInteger(values.runs, '--runs', fail), files: positiveInteger(values.files, '--files', fail, 100) };
}

function prepareRepo(files) {
  const out = join(BENCH, '.work', `mono-${files}`);
  const expectedPath = `${out}.expected.json`;
  if (existsSync(expectedPath) && existsSync(join(out, 'lifecycle.api-leak.yaml'))) {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    if (expected.generatorVersion === GENERATOR_VERSION && expected.files === files) return { out, expected };
  }
  const started = Date.now();
  const expected = generateMonorepo({ files, out });
  console.log(`generated ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { out, expected };
}

/** One child process: wall seconds, CPU seconds (user + system) and peak RSS in MB (GNU time; null without it). */
function timeRun(args, cwd) {
  const command = GNU_TIME ? [GNU_TIME, '-f', 'measured %U %S %M', process.execPath] : [process.execPath];
  const started = process.hrtime.bigint();
  const run = spawnSync(command[0], [...command.slice(1), ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (run.error) throw run.error;
  const measured = /measured ([\d.]+) ([\d.]+) (\d+)\s*$/.exec(run.stderr);
  return { wall, cpu: measured ? Number(measured[1]) + Number(measured[2]) : null, rssMb: measured ? Number(measured[3]) / 1024 : null, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const median = (values) => {
  const sorted = values.filter((value) => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (value, digits, unit) => (value === null ? '-' : `${value.toFixed(digits)}${unit}`);

/** `tsc --noEmit` over every package's tsconfig, one after the other: the times summed, the largest RSS. */
function runTsc(repo, projects) {
  const total = { wall: 0, cpu: 0, rssMb: 0, diagnostics: 0 };
  for (const project of projects) {
    const run = timeRun([TSC, '--noEmit', '-p', project], repo);
    if (run.status !== 0 && run.status !== 1 && run.status !== 2) throw new Error(`tsc -p ${project} failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    total.wall += run.wall;
    total.cpu = total.cpu === null || run.cpu === null ? null : total.cpu + run.cpu;
    total.rssMb = total.rssMb === null || run.rssMb === null ? null : Math.max(total.rssMb, run.rssMb);
    total.diagnostics += (run.stdout.match(/error TS\d+/g) ?? []).length;
  }
  return total;
}

function main(args) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  if (!existsSync(TSC)) throw new Error(`${TSC} is missing: run npm ci first`);
  const { out: repo, expected } = prepareRepo(args.files);
  const projects = readdirSync(join(repo, 'packages')).sort().map((dir) => `packages/${dir}/tsconfig.json`);
  const tscVersion = JSON.parse(readFileSync(join(dirname(TSC), '..', 'package.json'), 'utf8')).version;
  console.log(`node ${process.version}; ${os.cpus().length} CPUs; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${args.runs} runs each, interleaved; tsc ${tscVersion} over ${projects.length} tsconfig projects`);
  const lifecycle = [];
  const withoutLeakCheck = [];
  const tsc = [];
  const failures = [];
  const wanted = (expected.apiLeaks ?? []).map((leak) => `${leak.file} ${leak.declaration} → ${leak.preview}`).sort();
  for (let i = 0; i < args.runs; i++) {
    const run = timeRun([CLI, 'check', '--cwd', repo, '--policy', 'lifecycle.api-leak.yaml', '--format', 'json'], repo);
    if (run.status !== 0 && run.status !== 1) throw new Error(`lifecycle check failed (exit ${run.status}): ${run.stderr.slice(0, 500)}`);
    const findings = JSON.parse(run.stdout).findings.filter((finding) => finding.rule === 'preview-api-leak');
    const found = findings.map((finding) => `${finding.file} ${/: (\S+) → /.exec(finding.message)?.[1]} → ${/ → (\S+) \(/.exec(finding.message)?.[1]}`).sort();
    if (i === 0 && JSON.stringify(found) !== JSON.stringify(wanted)) failures.push(`preview-api-leak found ${found.length} leaks, ${wanted.length} planted: ${found.filter((leak) => !wanted.includes(leak)).slice(0, 3).join('; ') || 'none extra'} | missed ${wanted.filter((leak) => !found.includes(leak)).slice(0, 3).join('; ') || 'none'}`);
    lifecycle.push({ ...run, leaks: findings.length });
    withoutLeakCheck.push(timeRun([CLI, 'check', '--cwd', repo, '--format', 'json'], repo));
    tsc.push(runTsc(repo, projects));
  }
  const summary = (name, runs) => {
    const wall = median(runs.map((run) => run.wall));
    console.log(`${name.padEnd(42)} wall ${fmt(wall, 2, ' s').padStart(8)} (runs ${runs.map((run) => run.wall.toFixed(2)).join(', ')})   CPU ${fmt(median(runs.map((run) => run.cpu)), 2, ' s').padStart(8)}   peak RSS ${fmt(median(runs.map((run) => run.rssMb)), 0, ' MB')}`);
    return wall;
  };
  const lifecycleWall = summary(`lifecycle check + preview-api-leak (${lifecycle[0].leaks} leaks)`, lifecycle);
  summary('lifecycle check (preview-api-leak off)', withoutLeakCheck);
  const tscWall = summary(`tsc --noEmit, ${projects.length} projects (${tsc[0].diagnostics} errors)`, tsc);
  console.log(`ratio (tsc wall / lifecycle wall): ${(tscWall / lifecycleWall).toFixed(2)}x`);
  if (!(lifecycleWall <= tscWall)) failures.push(`lifecycle check with preview-api-leak takes ${lifecycleWall.toFixed(2)} s, tsc --noEmit ${tscWall.toFixed(2)} s: it must not be slower`);
  for (const failure of failures) console.log(`FAIL ${failure}`);
  if (failures.length === 0) console.log(`PASS preview-api-leak (in a full lifecycle check) is not slower than tsc --noEmit on the same projects, and finds exactly the ${wanted.length} planted leaks`);
  process.exitCode = failures.length > 0 ? 1 : 0;
}

const args = parseCommandLine();
try {
  main(args);
} catch (error) {
  console.error(`bench/api-leak-vs-tsc: ${error.message}`);
  process.exitCode = 2;
}
