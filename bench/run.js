#!/usr/bin/env node
// npm run bench — `lifecycle check` vs dependency-cruiser on generated monorepos, then the
// CI-readiness benchmark (bench/ci-readiness.js) if it exists, then `lifecycle report` on the
// 2,000-file repo (bench/report.js), then preview-api-leak vs `tsc --noEmit` on it
// (bench/api-leak-vs-tsc.js), then the ESLint plugin's overhead (bench/eslint-overhead.js), its
// rule time with and without the parse between files (bench/eslint-replay.js, not judged) and its
// editor latency (bench/eslint-editor.js).
//
// Options: --sizes 2000,20000   sizes to run (default both)
//          --keep               reuse generated repos in bench/.work/ when they are current
//          --runs N             runs per tool and size, interleaved; the median wall time is
//                               reported (default 3 below 10,000 files, 1 from 10,000 up)
//          -h, --help           print the usage and exit
// Floors (exit 1 when one fails): lifecycle >= 3x faster than dependency-cruiser on every size;
// lifecycle peak RSS <= 300 MB at 20,000 files; the same violations (by (from, to) pair) as
// dependency-cruiser.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { GENERATOR_VERSION, generateMonorepo } from './generate-monorepo.js';
import { compareOnRepo } from './check-vs-depcruise.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const WORK = join(BENCH, '.work');
const SPEED_FLOOR = 3;
const RSS_FLOOR_MB = 300;
const RSS_FLOOR_AT = 20000;

const USAGE = `Usage: node bench/run.js [--sizes N,N...] [--keep] [--runs N]   (npm run bench -- [options])

Measures \`lifecycle check\` against dependency-cruiser on generated monorepos (wall time, peak RSS,
violations compared by (from, to) pair), then runs bench/ci-readiness.js, bench/report.js,
bench/api-leak-vs-tsc.js, bench/eslint-overhead.js, bench/eslint-replay.js and bench/eslint-editor.js with
their defaults.
Floors (exit 1): lifecycle >= ${SPEED_FLOOR}x faster on every size, peak RSS <= ${RSS_FLOOR_MB} MB at ${RSS_FLOOR_AT} files, the same violations as dependency-cruiser; and
each section's own floor. Takes many minutes; run \`npm run build\` first.

Options:
  --sizes N,N...   repo sizes in files, integers >= 100 (default 2000,20000); also --sizes=N,N
  --keep           reuse repos in bench/.work/ when they are current (default: regenerate)
  --runs N         runs per tool and size, interleaved; the median wall time is reported
                   (default 3 below 10,000 files, 1 from 10,000 up); also --runs=N
  -h, --help       print this help and exit

Example:
  npm run bench -- --sizes 2000 --keep --runs 5
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/run.js',
    usage: USAGE,
    options: { sizes: { type: 'string', default: '2000,20000' }, keep: { type: 'boolean', default: false }, runs: { type: 'string' } },
  });
  const sizes = values.sizes.split(',').map((size) => size.trim());
  if (sizes.some((size) => !/^\d+$/.test(size) || Number(size) < 100)) fail(`--sizes takes integers >= 100 separated by commas, e.g. --sizes 2000; got '${values.sizes}'`);
  const runs = values.runs === undefined ? null : positiveInteger(values.runs, '--runs', fail);
  return { sizes: sizes.map(Number), keep: values.keep, runs };
}

function prepareRepo(size, keep) {
  const out = join(WORK, `mono-${size}`);
  const expectedPath = `${out}.expected.json`;
  if (keep && existsSync(expectedPath) && existsSync(join(out, 'lifecycle.yaml'))) {
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8'));
    if (expected.generatorVersion === GENERATOR_VERSION && expected.files === size) {
      console.log(`reusing ${out} (--keep)`);
      return { out, expected };
    }
  }
  const started = Date.now();
  const expected = generateMonorepo({ files: size, out });
  console.log(`generated ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${expected.files} files, ${expected.packages} packages, ${expected.features} preview features, ${expected.violations.length} expected violations`);
  return { out, expected };
}

const fmt = (n, digits) => (n === null || n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

function printTable(results) {
  const header = ['tool', 'files', 'wall s', 'files/s', 'peak RSS MB', 'violations', 'unresolved'];
  const rows = [];
  for (const r of results) {
    for (const t of [r.lifecycle, r.depcruise]) {
      rows.push([
        t.tool,
        String(t.files ?? '-'),
        fmt(t.wallSeconds, 2),
        t.error ? '-' : fmt(t.filesPerSecond, 0),
        fmt(t.peakRssMb, 0),
        t.error ? 'ERROR' : String(t.violations),
        String(t.unresolved ?? '-'),
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  rows.forEach((row, i) => {
    console.log(line(row));
    if (i % 2 === 1 && i < rows.length - 1) console.log('');
  });
}

function judge(result, size) {
  const failures = [];
  const notes = [];
  const { lifecycle: lc, depcruise: dc } = result;
  const ratio = dc.wallSeconds / lc.wallSeconds;
  console.log(`\n[${size} files] speed ratio (dependency-cruiser wall / lifecycle wall): ${lc.error || dc.error ? 'n/a (a tool failed)' : `${fmt(ratio, 2)}x`}`);
  if (lc.error) failures.push(`[${size}] lifecycle check did not produce a result: ${lc.error}`);
  if (dc.error) failures.push(`[${size}] dependency-cruiser did not produce a result: ${dc.error}`);
  if (!lc.error) {
    if (!(ratio >= SPEED_FLOOR)) failures.push(`[${size}] lifecycle is ${fmt(ratio, 2)}x faster than dependency-cruiser; floor is ${SPEED_FLOOR}x (${fmt(lc.wallSeconds, 2)} s vs ${fmt(dc.wallSeconds, 2)} s)`);
    if (size >= RSS_FLOOR_AT && lc.peakRssMb > RSS_FLOOR_MB) failures.push(`[${size}] lifecycle peak RSS ${fmt(lc.peakRssMb, 0)} MB > ${RSS_FLOOR_MB} MB`);
  }
  if (!lc.error && !dc.error) {
    const same = result.onlyLifecycle.length === 0 && result.onlyDepcruise.length === 0;
    if (!same || lc.violations !== dc.violations) {
      failures.push(`[${size}] violations differ: lifecycle ${lc.violations} (${lc.pairs.size} pairs) vs dependency-cruiser ${dc.violations} (${dc.pairs.size} pairs); ${result.onlyLifecycle.length} only in lifecycle, ${result.onlyDepcruise.length} only in dependency-cruiser`);
    }
    const show = (title, keys) => {
      if (!keys.length) return;
      console.log(`  ${title} (${keys.length}):`);
      for (const k of keys.slice(0, 25)) {
        const v = result.expectedByPair.get(k);
        console.log(`    ${k}${v ? `   [${v.form}: '${v.specifier}']` : ''}`);
      }
      if (keys.length > 25) console.log(`    … ${keys.length - 25} more`);
    };
    show('only in lifecycle', result.onlyLifecycle);
    show('only in dependency-cruiser', result.onlyDepcruise);
  }
  if (result.expectedCount !== null) {
    for (const [tool, vs] of [['lifecycle', result.lifecycleVsExpected], ['dependency-cruiser', result.depcruiseVsExpected]]) {
      if ((tool === 'lifecycle' && lc.error) || (tool !== 'lifecycle' && dc.error)) continue;
      const ok = vs.extra.length === 0 && vs.missing.length === 0;
      notes.push(`[${size}] ${tool} vs generator's ${result.expectedCount} planted violations: ${ok ? 'exact match' : `${vs.missing.length} missed, ${vs.extra.length} extra`}`);
      for (const k of vs.missing.slice(0, 25)) {
        const v = result.expectedByPair.get(k);
        notes.push(`    missed ${k}   [${v.form}: '${v.specifier}']`);
      }
      for (const k of vs.extra.slice(0, 25)) notes.push(`    extra  ${k}`);
    }
  }
  if (result.names && !lc.error) {
    const { planted, found, missing } = result.names;
    notes.push(`[${size}] lifecycle name-following: ${found} findings at preview declarations (not compared with dependency-cruiser, which cannot see them); ${planted - missing.length} of the generator's ${planted} planted ones found`);
    if (missing.length > 0) failures.push(`[${size}] lifecycle missed ${missing.length} planted name-level violations: ${missing.slice(0, 5).join('; ')}`);
  }
  if (lc.otherRules.length) notes.push(`[${size}] lifecycle also reported other rules (not compared): ${lc.otherRules.join(', ')}`);
  if (lc.cpuSeconds != null && dc.cpuSeconds != null) notes.push(`[${size}] CPU time (user + system, median): lifecycle ${lc.cpuSeconds.toFixed(2)} s, dependency-cruiser ${dc.cpuSeconds.toFixed(2)} s (${(dc.cpuSeconds / lc.cpuSeconds).toFixed(2)}x)`);
  if (lc.walls.length > 1) notes.push(`[${size}] wall times per run: lifecycle ${lc.walls.map((w) => w.toFixed(2)).join(', ')}; dependency-cruiser ${dc.walls.map((w) => w.toFixed(2)).join(', ')}`);
  return { failures, notes };
}

/** Runs one section's script with its defaults; returns why it failed, or null. */
function runSection(file, title, cwd) {
  const script = join(BENCH, file);
  console.log(`\n== ${title} (bench/${file}) ==`);
  const res = spawnSync(process.execPath, [script], { stdio: 'inherit', ...(cwd ? { cwd } : {}) });
  if (res.status === 0) return null;
  return `bench/${file} failed (exit ${res.status ?? res.signal ?? res.error?.message})`;
}

function runCiReadiness() {
  if (!existsSync(join(BENCH, 'ci-readiness.js'))) {
    console.log('\n== CI readiness benchmark (bench/ci-readiness.js) ==\nbench/ci-readiness.js not present; skipped');
    return null;
  }
  return runSection('ci-readiness.js', 'CI readiness benchmark', join(BENCH, '..'));
}

async function main(args) {
  console.log('== lifecycle check vs dependency-cruiser ==');
  const runsFor = (size) => args.runs ?? (size < 10000 ? 3 : 1);
  console.log(`node ${process.version}; ${os.cpus().length} CPUs; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log(`sizes ${args.sizes.map((s) => `${s} (${runsFor(s)} run${runsFor(s) > 1 ? 's' : ''} per tool, median wall)`).join(', ')}`);
  const results = [];
  const failures = [];
  const notes = [];
  for (const size of args.sizes) {
    const { out, expected } = prepareRepo(size, args.keep);
    const result = await compareOnRepo(out, { runs: runsFor(size), expected });
    results.push({ size, ...result });
  }
  console.log(`\nload average after the runs ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; peak RSS measured with ${results[0]?.lifecycle.rssMethod ?? '-'}\n`);
  printTable(results);
  for (const r of results) {
    const j = judge(r, r.size);
    failures.push(...j.failures);
    notes.push(...j.notes);
  }
  if (notes.length) console.log(`\n${notes.join('\n')}`);
  console.log('');
  if (failures.length) {
    for (const f of failures) console.log(`FAIL ${f}`);
  } else {
    console.log(`PASS lifecycle >= ${SPEED_FLOOR}x faster on ${args.sizes.join(' and ')} files, same violations as dependency-cruiser${args.sizes.some((s) => s >= RSS_FLOOR_AT) ? `, peak RSS <= ${RSS_FLOOR_MB} MB at ${RSS_FLOOR_AT} files` : ''}`);
  }
  const ci = runCiReadiness();
  if (ci) console.log(`FAIL ${ci}`);
  const sections = [
    ['report.js', 'lifecycle report benchmark', join(BENCH, '..')],
    ['api-leak-vs-tsc.js', 'preview-api-leak vs tsc --noEmit', join(BENCH, '..')],
    ['eslint-overhead.js', 'ESLint plugin overhead'],
    ['eslint-replay.js', 'ESLint plugin rule time, with and without the parse between files; not judged'],
    ['eslint-editor.js', 'ESLint plugin in an editor: one long-lived instance'],
  ];
  const sectionFailures = [];
  for (const [file, title, cwd] of sections) {
    const failure = runSection(file, title, cwd);
    if (failure) {
      console.log(`FAIL ${failure}`);
      sectionFailures.push(failure);
    }
  }
  process.exitCode = failures.length || ci || sectionFailures.length ? 1 : 0;
}

main(parseCommandLine()).catch((error) => {
  console.error(`bench: ${error.stack ?? error.message}`);
  process.exitCode = 2;
});
