#!/usr/bin/env node
// ESLint with feature-lifecycle's configs.recommended versus ESLint with @typescript-eslint/parser
// alone, on the generated 2,000-file monorepo, in the same run. Each round runs the three configs
// in a rotated order (so drift of a shared machine does not always hit the same one); the overhead
// is the median over rounds of each round's ratio, shown with its spread.
// Floor: the plugin adds at most 10% wall time. Usage: node bench/eslint-overhead.js [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = join(BENCH, '.work', 'mono-2000');
const FLOOR = 0.1;
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 5;

if (!existsSync(join(REPO, 'lifecycle.yaml'))) generateMonorepo({ files: 2000, out: REPO });

function once(mode) {
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(BENCH, 'eslint-run.js'), REPO, mode], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`eslint-run ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  result.rssMb = Math.round(Number(child.stderr.trim().split('\n').pop()) / 1024);
  return result;
}

const MODES = ['parser', 'noop', 'plugin'];
const samples = { parser: [], noop: [], plugin: [] };
for (let i = 0; i < runs; i += 1) {
  const order = [...MODES.slice(i % 3), ...MODES.slice(0, i % 3)];
  for (const mode of order) samples[mode].push(once(mode));
}
const medianOf = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const row = (mode) => {
  const list = samples[mode];
  return {
    mode,
    files: list[0].files,
    messages: list[0].messages,
    wallS: medianOf(list.map((sample) => sample.totalMs)) / 1000,
    lintS: medianOf(list.map((sample) => sample.lintMs)) / 1000,
    rssMb: medianOf(list.map((sample) => sample.rssMb)),
  };
};
/** Per round, mode's wall time over the parser's; median and range over rounds. */
const ratios = (mode) => samples[mode].map((sample, i) => sample.totalMs / samples.parser[i].totalMs - 1);
const percent = (value) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}%`;
const spread = (values) => `${percent(Math.min(...values))} .. ${percent(Math.max(...values))}`;
const parser = row('parser');
const noop = row('noop');
const plugin = row('plugin');
console.log('ESLint on the generated 2,000-file monorepo (%d rounds, rotated order; medians)', runs);
console.log('config                     files  wall s  lint s  peak RSS MB  lifecycle findings  wall vs parser (median; range)');
const names = { parser: 'parser alone', noop: 'parser + one no-op rule', plugin: 'configs.recommended' };
for (const r of [parser, noop, plugin]) {
  const versus = r.mode === 'parser' ? '' : `${percent(medianOf(ratios(r.mode)))} (${spread(ratios(r.mode))})`;
  console.log(`${names[r.mode].padEnd(26)} ${String(r.files).padStart(5)}  ${r.wallS.toFixed(2).padStart(6)}  ${r.lintS.toFixed(2).padStart(6)}  ${String(r.rssMb).padStart(11)}  ${String(r.messages).padStart(18)}  ${versus}`);
}
const overhead = medianOf(ratios('plugin'));
const overNoop = medianOf(samples.plugin.map((sample, i) => sample.totalMs / samples.noop[i].totalMs - 1));
console.log(`plugin overhead: ${percent(overhead)} of wall time (floor: at most +${FLOOR * 100}%); one no-op rule alone: ${percent(medianOf(ratios('noop')))}; the plugin over the no-op rule: ${percent(overNoop)}`);
if (plugin.messages === 0) {
  console.log('FAIL the plugin reported nothing on a repo with planted violations');
  process.exitCode = 1;
} else if (overhead > FLOOR) {
  console.log(`FAIL plugin overhead ${percent(overhead)} > +${FLOOR * 100}%`);
  process.exitCode = 1;
} else {
  console.log('PASS');
}
