#!/usr/bin/env node
// ESLint with feature-lifecycle's configs.recommended versus ESLint with @typescript-eslint/parser
// alone, on the generated 2,000-file monorepo, in the same run (interleaved, median of N runs).
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
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;

if (!existsSync(join(REPO, 'lifecycle.yaml'))) generateMonorepo({ files: 2000, out: REPO });

function once(mode) {
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(BENCH, 'eslint-run.js'), REPO, mode], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`eslint-run ${mode} failed: ${child.stderr}`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop());
  result.rssMb = Math.round(Number(child.stderr.trim().split('\n').pop()) / 1024);
  return result;
}

const samples = { parser: [], noop: [], plugin: [] };
for (let i = 0; i < runs; i += 1) {
  for (const mode of ['parser', 'noop', 'plugin']) samples[mode].push(once(mode));
}
const median = (list, key) => [...list].sort((a, b) => a[key] - b[key])[Math.floor(list.length / 2)][key];
const row = (mode) => {
  const list = samples[mode];
  return { mode, files: list[0].files, messages: list[0].messages, wallS: median(list, 'totalMs') / 1000, lintS: median(list, 'lintMs') / 1000, rssMb: median(list, 'rssMb') };
};
const parser = row('parser');
const noop = row('noop');
const plugin = row('plugin');
console.log('ESLint on the generated 2,000-file monorepo (median of %d interleaved runs)', runs);
console.log('config                     files  wall s  lint s  peak RSS MB  lifecycle findings');
const names = { parser: 'parser alone', noop: 'parser + one no-op rule', plugin: 'configs.recommended' };
for (const r of [parser, noop, plugin]) {
  console.log(`${names[r.mode].padEnd(26)} ${String(r.files).padStart(5)}  ${r.wallS.toFixed(2).padStart(6)}  ${r.lintS.toFixed(2).padStart(6)}  ${String(r.rssMb).padStart(11)}  ${String(r.messages).padStart(18)}`);
}
const overhead = plugin.wallS / parser.wallS - 1;
console.log(`plugin overhead: ${(overhead * 100).toFixed(1)}% of wall time (floor: at most ${FLOOR * 100}%); any enabled rule alone costs ${((noop.wallS / parser.wallS - 1) * 100).toFixed(1)}%, the plugin over that ${((plugin.wallS / noop.wallS - 1) * 100).toFixed(1)}%`);
if (plugin.messages === 0) {
  console.log('FAIL the plugin reported nothing on a repo with planted violations');
  process.exitCode = 1;
} else if (overhead > FLOOR) {
  console.log(`FAIL plugin overhead ${(overhead * 100).toFixed(1)}% > ${FLOOR * 100}%`);
  process.exitCode = 1;
} else {
  console.log('PASS');
}
