#!/usr/bin/env node
// What feature-lifecycle's ESLint plugin costs the users who add it to a configuration that already
// has rules, judged the two ways of issue #21, on the generated 2,000- and 20,000-file monorepos:
//   (a) marginal wall time: typescript-eslint's recommended (non-type-checked) flat config alone
//       versus the same plus configs.recommended, alternating in one run; floor: ratio <= 1.05;
//   (b) the plugin's own rule time per linted file as ESLint's TIMING=all reports it (the sum of
//       its rules' rows, first file included, over the files linted); floor: <= 0.25 ms per file;
//       beside it, the same for bench/least-work-rule.js (the same import sites found by one rule
//       without the plugin's generality); a run where the two find different sites fails.
// Then, as extra rows on the 2,000-file repo, the older comparisons against ESLint with
// @typescript-eslint/parser alone: sequential rounds in rotated order (wall time, GC, memory) and
// concurrent pairs (both configs at once, one per core).
// Usage: node bench/eslint-overhead.js [--runs N] [--sizes N,N] [--pairs a:b,c:d] [--no-extra]; --help.
//
// Two extra configs explain the result: one rule that does nothing (what enabling any rule costs),
// and both of them again on a copy of the installed ESLint whose FileContext.extend() does not
// give each file's rule contexts a prototype of their own (see docs/eslint.md, Performance).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { currentMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
let REPO = join(BENCH, '.work', 'mono-2000');
const MARGINAL_FLOOR = 1.05;
const RULE_MS_PER_FILE_FLOOR = 0.25;
const PAIR_KEYS = ['parser', 'noop', 'listeners', 'plugin', 'noopFixed', 'pluginFixed', 'tseslint', 'tseslintPlugin', 'tseslintLeastWork'];
const USAGE = `Usage: node bench/eslint-overhead.js [--runs N] [--sizes N,N] [--pairs A:B[,C:D...]] [--no-extra]

Measures what feature-lifecycle's ESLint plugin (configs.recommended) costs on generated monorepos
(bench/.work/mono-<N>, generated when missing), each configuration in its own process
(bench/eslint-run.js):
  (a) wall time of typescript-eslint's recommended config plus the plugin over that config alone,
      alternating in one run (median ratio); floor: <= ${MARGINAL_FLOOR};
  (b) the plugin's rule time per linted file from ESLint's TIMING=all table; floor: <= ${RULE_MS_PER_FILE_FLOOR} ms;
      beside it, timed alike in each round, bench/least-work-rule.js: one rule that finds the
      same import sites on that repo without the plugin's generality (a reference, not shipped;
      not judged by time, but exit 1 when it finds other sites than the plugin).
Exit 1 when a floor fails on any size. Extra rows on the 2,000-file repo: the older comparisons
against @typescript-eslint/parser alone (sequential rounds, concurrent pairs). Takes many minutes;
run \`npm run build\` first.

Options:
  --runs N          rounds per size for (a) and (b), and for the extra rows (default 5; 3 from
                    10,000 files up)
  --sizes N,N       repo sizes for (a) and (b) (default 2000,20000)
  --pairs A:B,...   run only these concurrent pairs on the 2,000-file repo (nothing else, no floor);
                    keys: ${PAIR_KEYS.join(' ')}
  --no-extra        skip the extra rows
  -h, --help        print this help and exit

Example:
  node bench/eslint-overhead.js --sizes 2000 --runs 3 --no-extra
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/eslint-overhead.js',
    usage: USAGE,
    options: { runs: { type: 'string' }, pairs: { type: 'string' }, sizes: { type: 'string', default: '2000,20000' }, 'no-extra': { type: 'boolean', default: false } },
  });
  const runs = values.runs === undefined ? undefined : positiveInteger(values.runs, '--runs', fail);
  const sizes = values.sizes.split(',').map((size) => size.trim());
  if (sizes.some((size) => !/^\d+$/.test(size) || Number(size) < 100)) fail(`--sizes takes integers >= 100 separated by commas; got '${values.sizes}'`);
  let pairs;
  if (values.pairs !== undefined) {
    pairs = values.pairs.split(',').map((pair) => pair.split(':'));
    for (const pair of pairs) {
      if (pair.length !== 2 || !pair.every((key) => PAIR_KEYS.includes(key))) {
        fail(`--pairs takes A:B pairs separated by commas, with keys ${PAIR_KEYS.join(' ')}; got '${pair.join(':')}'`);
      }
    }
  }
  return { runsOption: runs, onlyPairs: pairs, sizes: sizes.map(Number), extra: !values['no-extra'] };
}
const { runsOption, onlyPairs, sizes, extra } = parseCommandLine();
const runsFor = (files) => runsOption ?? (files >= 10000 ? 3 : 5);
let runs = runsFor(2000);

/** bench/.work/mono-<N>, generated again when missing or made by another generator version (a stale tree would measure old code paths). */
function repoOf(files) {
  return currentMonorepo(files);
}

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
  { key: 'tseslint', mode: 'tseslint', label: 'typescript-eslint recommended', pairOnly: true },
  { key: 'tseslintPlugin', mode: 'tseslint-plugin', label: 'that + configs.recommended', pairOnly: true },
  { key: 'tseslintLeastWork', mode: 'tseslint-least-work', label: 'that + bench/least-work-rule.js', pairOnly: true },
  ...(patchedApi
    ? [
        { key: 'noopFixed', mode: 'noop', api: patchedApi, label: 'no-op rule, ESLint fixed*' },
        { key: 'pluginFixed', mode: 'plugin', api: patchedApi, label: 'recommended, ESLint fixed*' },
      ]
    : []),
];

function once(config, env = process.env) {
  const args = ['-f', '%M', process.execPath, join(BENCH, 'eslint-run.js'), REPO, config.mode, ...(config.api ? [config.api] : [])];
  const child = spawnSync('/usr/bin/time', args, { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`eslint-run ${config.key} failed: ${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  const jsonLine = lines.findIndex((line) => line.startsWith('{'));
  const result = JSON.parse(lines[jsonLine]);
  result.timingTable = lines.slice(jsonLine + 1);
  result.rssMb = Math.round(Number(child.stderr.trim().split('\n').pop()) / 1024);
  return result;
}

/** Rows of ESLint's TIMING table (`rule | ms | relative`), as [rule, ms]. */
function timingRows(table) {
  return table.flatMap((line) => {
    const cells = line.split('|').map((cell) => cell.trim());
    return cells.length === 3 && /^\d+(\.\d+)?$/.test(cells[1]) ? [[cells[0], Number(cells[1])]] : [];
  });
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
  REPO = repoOf(2000);
  for (const [first, second] of onlyPairs) {
    if (!byKey[first] || !byKey[second]) throw new Error(`unknown config in --pairs: ${first}:${second} (known: ${Object.keys(byKey).join(' ')})`);
    const pairRatios = await concurrentRatios(first, second);
    console.log(`${byKey[second].label} vs ${byKey[first].label}: ${percent(medianOf(pairRatios))} (${spread(pairRatios)})`);
  }
  process.exit(0);
}
// (a) and (b), per size: what users who already run typescript-eslint's recommended config pay.
const failures = [];
for (const files of sizes) {
  REPO = repoOf(files);
  const rounds = runsFor(files);
  const base = byKey.tseslint;
  const withPlugin = byKey.tseslintPlugin;
  const marginal = [];
  const marginalCpu = [];
  const perFile = [];
  const relative = [];
  const leastPerFile = [];
  const overLeast = [];
  const anchorProblems = new Set();
  let findings = 0;
  let linted = 0;
  let topRows = [];
  for (let i = 0; i < rounds; i += 1) {
    // Alternating order: every other round the plugin's config runs first.
    const order = i % 2 === 0 ? [base, withPlugin] : [withPlugin, base];
    const [first, second] = order.map((config) => once(config));
    const [alone, plus] = order[0] === base ? [first, second] : [second, first];
    marginal.push(plus.totalMs / alone.totalMs);
    marginalCpu.push(plus.cpuMs / alone.cpuMs);
    // (b) from ESLint's own TIMING=all table, in a run of its own (timing slows every rule alike);
    // beside it the anchor, bench/least-work-rule.js, timed alike, the two in alternating order.
    const timedOrder = i % 2 === 0 ? [withPlugin, byKey.tseslintLeastWork] : [byKey.tseslintLeastWork, withPlugin];
    const timedRuns = timedOrder.map((config) => once(config, { ...process.env, TIMING: 'all' }));
    const [timed, least] = timedOrder[0] === withPlugin ? timedRuns : [timedRuns[1], timedRuns[0]];
    const rows = timingRows(timed.timingTable);
    if (rows.length === 0) throw new Error('ESLint printed no TIMING table with TIMING=all');
    const ours = rows.filter(([rule]) => rule.startsWith('lifecycle/'));
    const oursMs = ours.reduce((sum, [, ms]) => sum + ms, 0);
    perFile.push(oursMs / timed.files);
    const leastMs = timingRows(least.timingTable).filter(([rule]) => rule.startsWith('least-work/')).reduce((sum, [, ms]) => sum + ms, 0);
    // An anchor that does not find what the plugin finds measures another job: said, never printed as a ratio.
    if (least.fatal > 0 || least.importSites !== timed.importSites || leastMs <= 0) {
      anchorProblems.add(`${files} files: the anchor (bench/least-work-rule.js) does not find the plugin's no-preview-import sites (${least.messages} messages against the plugin's ${timed.messages}${least.fatal > 0 ? `; ${least.fatal} fatal errors` : ''}${leastMs <= 0 ? '; no rule time' : ''})`);
    } else {
      leastPerFile.push(leastMs / least.files);
      overLeast.push(oursMs / leastMs);
    }
    // The same time over typescript-eslint's rules of that run: a machine that got slower slows
    // both alike, so this ratio compares two versions across runs when ms per file cannot.
    const theirsMs = rows.filter(([rule]) => rule.startsWith('@typescript-eslint/')).reduce((sum, [, ms]) => sum + ms, 0);
    if (theirsMs > 0) relative.push(oursMs / theirsMs);
    findings = timed.messages;
    linted = timed.files;
    if (i === 0) topRows = rows.slice(0, 6);
  }
  const ratio = medianOf(marginal);
  const msPerFile = medianOf(perFile);
  console.log(`ESLint on the generated ${files.toLocaleString('en-US')}-file monorepo (${linted} files linted, ${rounds} rounds; medians)`);
  console.log(`  (a) typescript-eslint recommended + configs.recommended over it alone: x${ratio.toFixed(3)} wall time (range x${Math.min(...marginal).toFixed(3)} .. x${Math.max(...marginal).toFixed(3)}; floor <= x${MARGINAL_FLOOR})`);
  console.log(`      the same in CPU time (user + system; less disturbed by other jobs, not the floor): x${medianOf(marginalCpu).toFixed(3)} (range x${Math.min(...marginalCpu).toFixed(3)} .. x${Math.max(...marginalCpu).toFixed(3)})`);
  console.log(`  (b) the plugin's rule time (TIMING=all, first file included): ${msPerFile.toFixed(3)} ms per file (range ${Math.min(...perFile).toFixed(3)} .. ${Math.max(...perFile).toFixed(3)}; floor <= ${RULE_MS_PER_FILE_FLOOR})`);
  if (relative.length > 0) console.log(`      over the typescript-eslint rules' time in the same runs (not the floor; steadier across runs than ms): x${medianOf(relative).toFixed(3)} (range x${Math.min(...relative).toFixed(3)} .. x${Math.max(...relative).toFixed(3)})`);
  if (leastPerFile.length > 0) {
    console.log(`      anchor, the same import sites found by one rule without the plugin's generality (bench/least-work-rule.js, not shipped): ${medianOf(leastPerFile).toFixed(3)} ms per file (range ${Math.min(...leastPerFile).toFixed(3)} .. ${Math.max(...leastPerFile).toFixed(3)}); the plugin over it: x${medianOf(overLeast).toFixed(2)} (range x${Math.min(...overLeast).toFixed(2)} .. x${Math.max(...overLeast).toFixed(2)})`);
  }
  failures.push(...anchorProblems);
  console.log(`      most expensive rules of that configuration (first round): ${topRows.map(([rule, ms]) => `${rule} ${(ms / linted).toFixed(3)} ms/file`).join(', ')}`);
  if (findings === 0) failures.push(`${files} files: the plugin reported nothing on a repo with planted violations`);
  if (ratio > MARGINAL_FLOOR) failures.push(`${files} files: (a) x${ratio.toFixed(3)} > x${MARGINAL_FLOOR}`);
  if (msPerFile > RULE_MS_PER_FILE_FLOOR) failures.push(`${files} files: (b) ${msPerFile.toFixed(3)} ms per file > ${RULE_MS_PER_FILE_FLOOR}`);
}
REPO = repoOf(2000);
runs = runsFor(2000);
if (!extra) finish();
console.log('extra rows: the older comparisons on the 2,000-file repo, against @typescript-eslint/parser alone');
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
  `plugin overhead (concurrent pairs): ${percent(overhead)} of wall time (not judged); one no-op rule alone: ` +
    `${percent(pairMedians['parser:noop'])}; one rule with empty import listeners: ${percent(pairMedians['parser:listeners'])}; ` +
    `the plugin over the no-op rule: ${percent(pairMedians['noop:plugin'])}` +
    (patchedApi ? `; with ESLint fixed*: ${percent(pairMedians['parser:pluginFixed'])} (no-op rule ${percent(pairMedians['parser:noopFixed'])}, plugin over it ${percent(pairMedians['noopFixed:pluginFixed'])})` : ''),
);
console.log(`(the plugin over the parser alone is no longer judged: see (a) and (b) above)`);
finish();

function finish() {
  for (const failure of failures) console.log(`FAIL ${failure}`);
  console.log(failures.length === 0 ? 'PASS' : 'FAIL');
  process.exit(failures.length === 0 ? 0 : 1);
}
