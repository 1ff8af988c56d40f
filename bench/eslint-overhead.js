#!/usr/bin/env node
// ESLint with feature-lifecycle's configs.recommended versus ESLint with @typescript-eslint/parser
// alone, on the generated 2,000-file monorepo, in the same run. Sequential rounds run every config
// in a rotated order and report wall time, GC time and memory; the overhead judged against the floor
// is the median ratio of concurrent pairs (both configs at once, one per core), which a machine
// whose speed drifts slows alike.
// Floor: the plugin adds at most 10% wall time.
// Usage: node bench/eslint-overhead.js [--runs N] [--pairs a:b,c:d]  (--pairs: only those concurrent
// pairs, e.g. parser:noopFixed,noopFixed:pluginFixed; keys: parser noop listeners plugin noopFixed pluginFixed);
// --help prints the usage.
//
// Two extra configs explain the result: one rule that does nothing (what enabling any rule costs),
// and both of them again on a copy of the installed ESLint whose FileContext.extend() does not
// give each file's rule contexts a prototype of their own (see docs/eslint.md, Performance).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { generateMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH, '.work', 'mono-2000');
const FLOOR = 0.1;
const PAIR_KEYS = ['parser', 'noop', 'listeners', 'plugin', 'noopFixed', 'pluginFixed'];
const USAGE = `Usage: node bench/eslint-overhead.js [--runs N] [--pairs A:B[,C:D...]]

Measures what feature-lifecycle's ESLint plugin (configs.recommended) adds to ESLint with
@typescript-eslint/parser alone, linting bench/.work/mono-2000 (generated when missing), each
configuration in its own process (bench/eslint-run.js): sequential rounds in rotated order, then
concurrent pairs, one process per core. Floor (exit 1): the plugin adds at most +${FLOOR * 100}% wall
time (concurrent-pair median). Takes several minutes; run \`npm run build\` first.

Options:
  --runs N          rounds, and concurrent runs per pair (default 5)
  --pairs A:B,...   run only these concurrent pairs (no sequential rounds, no floor); keys:
                    ${PAIR_KEYS.join(' ')} (default: every pair)
  -h, --help        print this help and exit

Example:
  node bench/eslint-overhead.js --runs 3 --pairs parser:noopFixed,noopFixed:pluginFixed
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/eslint-overhead.js',
    usage: USAGE,
    options: { runs: { type: 'string', default: '5' }, pairs: { type: 'string' } },
  });
  const runs = positiveInteger(values.runs, '--runs', fail);
  let pairs;
  if (values.pairs !== undefined) {
    pairs = values.pairs.split(',').map((pair) => pair.split(':'));
    for (const pair of pairs) {
      if (pair.length !== 2 || !pair.every((key) => PAIR_KEYS.includes(key))) {
        fail(`--pairs takes A:B pairs separated by commas, with keys ${PAIR_KEYS.join(' ')}; got '${pair.join(':')}'`);
      }
    }
  }
  return { runs, onlyPairs: pairs };
}
const { runs, onlyPairs } = parseCommandLine();

if (!existsSync(join(REPO, 'lifecycle.yaml'))) generateMonorepo({ files: 2000, out: REPO });

/**
 * A copy of the installed ESLint (under bench/.work, never committed) in which a rule context is
 * created from the shared FileContext.prototype instead of from the file's own FileContext object.
 * Returns the copy's lib/api.js, or undefined when ESLint's code no longer matches.
 */
function patchedEslint() {
  const installed = dirname(createRequire(import.meta.url).resolve('eslint/package.json'));
  const copy = join(BENCH, '.work', 'eslint-filecontext-fix', 'node_modules', 'eslint');
  rmSync(copy, { recursive: true, force: true });
  cpSync(installed, copy, { recursive: true });
  const file = join(copy, 'lib', 'linter', 'file-context.js');
  const before = 'return Object.freeze(Object.assign(Object.create(this), extension));';
  const source = readFileSync(file, 'utf8');
  if (!source.includes(before)) return undefined;
  writeFileSync(file, source.replace(before, 'return Object.freeze(Object.assign(Object.create(FileContext.prototype), this, extension));'));
  return join(copy, 'lib', 'api.js');
}

const patchedApi = patchedEslint();
const CONFIGS = [
  { key: 'parser', mode: 'parser', label: 'parser alone' },
  { key: 'noop', mode: 'noop', label: 'parser + one no-op rule' },
  // Only in concurrent pairs: a rule with the plugin's listeners, all empty.
  { key: 'listeners', mode: 'listeners', label: 'one rule, empty import listeners', pairOnly: true },
  { key: 'plugin', mode: 'plugin', label: 'configs.recommended' },
  ...(patchedApi
    ? [
        { key: 'noopFixed', mode: 'noop', api: patchedApi, label: 'no-op rule, ESLint fixed*' },
        { key: 'pluginFixed', mode: 'plugin', api: patchedApi, label: 'recommended, ESLint fixed*' },
      ]
    : []),
];

function once(config) {
  const args = ['-f', '%M', process.execPath, join(BENCH, 'eslint-run.js'), REPO, config.mode, ...(config.api ? [config.api] : [])];
  const child = spawnSync('/usr/bin/time', args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`eslint-run ${config.key} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  result.rssMb = Math.round(Number(child.stderr.trim().split('\n').pop()) / 1024);
  return result;
}

/** Two configs at the same time, one per core: whatever slows the machine slows both alike. */
async function together(a, b) {
  const run = (config) =>
    new Promise((resolve, reject) => {
      const args = [join(BENCH, 'eslint-run.js'), REPO, config.mode, ...(config.api ? [config.api] : [])];
      const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop())) : reject(new Error(`eslint-run ${config.key} failed`))));
    });
  return Promise.all([run(a), run(b)]);
}

const byKey = Object.fromEntries(CONFIGS.map((config) => [config.key, config]));
/** Per pair, the ratios of the second config's wall time to the first's, one per round. */
async function concurrentRatios(first, second) {
  const pairRatios = [];
  for (let i = 0; i < runs; i += 1) {
    const [a, b] = i % 2 === 0 ? await together(byKey[first], byKey[second]) : (await together(byKey[second], byKey[first])).reverse();
    pairRatios.push(b.totalMs / a.totalMs - 1);
  }
  return pairRatios;
}
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
const spread = (values) => `${percent(Math.min(...values))} .. ${percent(Math.max(...values))}`;
const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
if (onlyPairs) {
  for (const [first, second] of onlyPairs) {
    if (!byKey[first] || !byKey[second]) throw new Error(`unknown config in --pairs: ${first}:${second} (known: ${Object.keys(byKey).join(' ')})`);
    const pairRatios = await concurrentRatios(first, second);
    console.log(`${byKey[second].label} vs ${byKey[first].label}: ${percent(medianOf(pairRatios))} (${spread(pairRatios)})`);
  }
  process.exit(0);
}
const SEQUENTIAL = CONFIGS.filter((config) => !config.pairOnly);
const samples = Object.fromEntries(SEQUENTIAL.map((config) => [config.key, []]));
for (let i = 0; i < runs; i += 1) {
  const shift = i % SEQUENTIAL.length;
  for (const config of [...SEQUENTIAL.slice(shift), ...SEQUENTIAL.slice(0, shift)]) samples[config.key].push(once(config));
}
/** Per round, one config's wall time over another's; median and range over rounds. */
const ratios = (key, base = 'parser') => samples[key].map((sample, i) => sample.totalMs / samples[base][i].totalMs - 1);
const median = (key, field) => medianOf(samples[key].map((sample) => sample[field]));

console.log('ESLint on the generated 2,000-file monorepo (%d rounds, rotated order; medians)', runs);
console.log('config                       files  wall s  lint s  minor GC s  peak RSS MB  findings  wall vs parser alone (median; range)');
for (const config of SEQUENTIAL) {
  const first = samples[config.key][0];
  const versus = config.key === 'parser' ? '' : `${percent(medianOf(ratios(config.key)))} (${spread(ratios(config.key))})`;
  console.log(
    `${config.label.padEnd(28)} ${String(first.files).padStart(5)}  ${(median(config.key, 'totalMs') / 1000).toFixed(2).padStart(6)}  ` +
      `${(median(config.key, 'lintMs') / 1000).toFixed(2).padStart(6)}  ${(median(config.key, 'gcMinorMs') / 1000).toFixed(2).padStart(10)}  ` +
      `${String(median(config.key, 'rssMb')).padStart(11)}  ${String(first.messages).padStart(8)}  ${versus}`,
  );
}
if (patchedApi) {
  console.log('* a copy of the installed ESLint whose FileContext.extend() builds rule contexts on FileContext.prototype');
  console.log(`  (one line changed; see docs/eslint.md). Plugin over parser alone there: ${percent(medianOf(ratios('pluginFixed')))}; no-op rule there: ${percent(medianOf(ratios('noopFixed')))}`);
} else {
  console.log('(ESLint\'s FileContext.extend() no longer matches the known code; the comparison with a fixed copy is skipped)');
}
// The steadier figures on a machine whose speed drifts: configs run in concurrent pairs (each on
// its own core, garbage-collector threads competing), launch order swapped every round. The pairs
// split the overhead into ESLint's part (any enabled rule) and the plugin's own part.
const pairs = [
  ['parser', 'plugin'],
  ['parser', 'noop'],
  ['parser', 'listeners'],
  ['noop', 'plugin'],
  ...(patchedApi ? [['parser', 'pluginFixed'], ['parser', 'noopFixed'], ['noopFixed', 'pluginFixed']] : []),
];
console.log(`concurrent pairs (${runs} rounds each; median ratio of the second config's wall time to the first's, with range):`);
const pairMedians = {};
for (const [first, second] of pairs) {
  const pairRatios = await concurrentRatios(first, second);
  pairMedians[`${first}:${second}`] = medianOf(pairRatios);
  console.log(`  ${byKey[second].label} vs ${byKey[first].label}: ${percent(medianOf(pairRatios))} (${spread(pairRatios)})`);
}
// Judged on the concurrent pair: sequential rounds on this kind of machine drift by up to 40%.
const overhead = pairMedians['parser:plugin'];
console.log(
  `plugin overhead (concurrent pairs): ${percent(overhead)} of wall time (floor: at most +${FLOOR * 100}%); one no-op rule alone: ` +
    `${percent(pairMedians['parser:noop'])}; one rule with empty import listeners: ${percent(pairMedians['parser:listeners'])}; ` +
    `the plugin over the no-op rule: ${percent(pairMedians['noop:plugin'])}` +
    (patchedApi ? `; with ESLint fixed*: ${percent(pairMedians['parser:pluginFixed'])} (no-op rule ${percent(pairMedians['parser:noopFixed'])}, plugin over it ${percent(pairMedians['noopFixed:pluginFixed'])})` : ''),
);
const findings = samples.plugin[0].messages;
if (findings === 0) {
  console.log('FAIL the plugin reported nothing on a repo with planted violations');
  process.exitCode = 1;
} else if (overhead > FLOOR) {
  console.log(`FAIL plugin overhead ${percent(overhead)} > +${FLOOR * 100}%`);
  process.exitCode = 1;
} else {
  console.log('PASS');
}
