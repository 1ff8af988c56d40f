#!/usr/bin/env node
// Runs `lifecycle check` and dependency-cruiser on one generated repo, measuring wall time and
// peak RSS of each child, and compares their violation sets by (from, to) pairs.
//
// Usage (standalone): node bench/check-vs-depcruise.js <repoDir> [--runs N]   (--help: the usage)
// (the repo must come from bench/generate-monorepo.js; <repoDir>.expected.json is read if present)
// Also imported by bench/run.js; the command line is read only when this file is run directly.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIFECYCLE_CLI = join(ROOT, 'dist/src/cli/main.js');
const DEPCRUISE_CLI = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p)) ?? null;
const RULE = 'no-preview-import';

/**
 * Runs `command args` with cwd, stdout to a file; returns { code, wallSeconds, peakRssMb,
 * stdout, stderr, rssMethod }. Peak RSS from GNU time's %M (max RSS of the child, KiB) when
 * /usr/bin/time exists, else from polling /proc/<pid>/status VmHWM every 20 ms.
 */
export async function measure(command, args, { cwd }) {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-bench-'));
  const outPath = join(dir, 'stdout');
  const errPath = join(dir, 'stderr');
  const rssPath = join(dir, 'rss');
  const outFd = openSync(outPath, 'w');
  const errFd = openSync(errPath, 'w');
  const argv = GNU_TIME ? [GNU_TIME, '-f', '%M %U %S', '-o', rssPath, command, ...args] : [command, ...args];
  let polledKb = 0;
  const started = process.hrtime.bigint();
  const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', outFd, errFd] });
  let timer = null;
  if (!GNU_TIME) {
    timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) polledKb = Math.max(polledKb, Number(m[1]));
      } catch {
        // process already gone
      }
    }, 20);
  }
  const code = await new Promise((res, rej) => {
    child.on('error', rej);
    child.on('close', (c, signal) => res(c ?? (signal ? 128 : 1)));
  });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (timer) clearInterval(timer);
  closeSync(outFd);
  closeSync(errFd);
  let peakKb = polledKb;
  let cpuSeconds = null;
  if (GNU_TIME && existsSync(rssPath)) {
    // GNU time writes "Command exited with non-zero status N" before the format line.
    const lines = readFileSync(rssPath, 'utf8').trim().split('\n');
    const [rss, user, system] = lines[lines.length - 1].split(' ').map(Number);
    peakKb = rss;
    // User + system CPU time: on a shared machine it moves less than the wall time.
    cpuSeconds = user + system;
  }
  const result = {
    code,
    wallSeconds,
    peakRssMb: peakKb / 1024,
    cpuSeconds,
    stdout: readFileSync(outPath, 'utf8'),
    stderr: readFileSync(errPath, 'utf8'),
    rssMethod: GNU_TIME ? `${GNU_TIME} -f %M` : '/proc/<pid>/status VmHWM polling',
  };
  rmSync(dir, { recursive: true, force: true });
  return result;
}

const pairKey = (from, to) => `${from} -> ${to}`;

function parseJson(text, what) {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${what}: output is not JSON (${error.message}); first bytes: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/** lifecycle check --format json → { files, findings, pairs:Set, unresolved, raw summary }. */
export function readLifecycle(run) {
  if (run.code !== 0 && run.code !== 1) {
    const why = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(0, 5).join('\n    ');
    return { error: `exit ${run.code}: ${why}` };
  }
  let report;
  try {
    report = parseJson(run.stdout, 'lifecycle check');
  } catch (error) {
    const why = run.stderr.trim().split('\n').slice(0, 5).join('\n    ');
    return { error: `exit ${run.code}, ${error.message}${why ? `; stderr: ${why}` : ''}` };
  }
  // File-level findings (an import of a preview file) are what dependency-cruiser sees too; the
  // name-following ones (a preview declaration, reached through stable files) only lifecycle does.
  const all = (report.findings ?? []).filter((f) => f.rule === RULE);
  const byName = (f) => /preview declaration/.test(f.message);
  const findings = all.filter((f) => !byName(f));
  const pairs = new Set(findings.map((f) => pairKey(f.file, f.target ?? '(no target)')));
  return {
    files: report.summary?.files ?? null,
    findings: findings.length,
    pairs,
    namePairs: new Set(all.filter(byName).map((f) => pairKey(f.file, f.target ?? '(no target)'))),
    unresolved: report.summary?.unresolved ?? null,
    otherRules: [...new Set((report.findings ?? []).map((f) => f.rule).filter((r) => r !== RULE))],
  };
}

/** depcruise --output-type json → the same shape. */
export function readDepcruise(run) {
  if (run.code !== 0) {
    const why = (run.stderr.trim() || run.stdout.trim()).split('\n').slice(0, 5).join('\n    ');
    return { error: `exit ${run.code}: ${why}` };
  }
  let report;
  try {
    report = parseJson(run.stdout, 'depcruise');
  } catch (error) {
    return { error: error.message };
  }
  const violations = (report.summary?.violations ?? []).filter((v) => v.rule?.name === RULE);
  const files = (report.modules ?? []).filter((m) => !m.coreModule && !m.couldNotResolve && /^packages\//.test(m.source)).length;
  const unresolved = (report.modules ?? []).reduce((n, m) => n + m.dependencies.filter((d) => d.couldNotResolve).length, 0);
  return {
    files,
    findings: violations.length,
    pairs: new Set(violations.map((v) => pairKey(v.from, v.to))),
    unresolved,
    otherRules: [],
  };
}

export function lifecycleCommand(repoDir) {
  return { command: process.execPath, args: [LIFECYCLE_CLI, 'check', '--cwd', repoDir, '--format', 'json'], cwd: ROOT };
}

export function depcruiseCommand(repoDir) {
  return {
    command: process.execPath,
    args: [DEPCRUISE_CLI, 'packages', '--config', '.dependency-cruiser.cjs', '--output-type', 'json'],
    cwd: repoDir,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

function summarize(all) {
  const wall = median(all.map((r) => r.wallSeconds));
  const chosen = all.find((r) => r.wallSeconds === wall);
  const cpu = all.every((r) => r.cpuSeconds !== null) ? median(all.map((r) => r.cpuSeconds)) : null;
  return { ...chosen, wallSeconds: wall, cpuSeconds: cpu, peakRssMb: Math.max(...all.map((r) => r.peakRssMb)), walls: all.map((r) => r.wallSeconds) };
}

/** Runs both tools on repoDir; returns rows and the comparison. */
export async function compareOnRepo(repoDir, { runs = 1, expected = null } = {}) {
  // Interleaved (depcruise, lifecycle, depcruise, …) so background load hits both alike;
  // the median wall time and the highest peak RSS over the runs are reported.
  const dcRuns = [];
  const lcRuns = [];
  const dcSpec = depcruiseCommand(repoDir);
  const lcSpec = lifecycleCommand(repoDir);
  for (let i = 0; i < runs; i++) {
    dcRuns.push(await measure(dcSpec.command, dcSpec.args, { cwd: dcSpec.cwd }));
    lcRuns.push(await measure(lcSpec.command, lcSpec.args, { cwd: lcSpec.cwd }));
  }
  const dcRun = summarize(dcRuns);
  const lcRun = summarize(lcRuns);
  const dc = readDepcruise(dcRun);
  const lc = readLifecycle(lcRun);
  const row = (tool, run, parsed) => ({
    tool,
    files: parsed.error ? null : (parsed.files ?? expected?.files ?? null),
    wallSeconds: run.wallSeconds,
    cpuSeconds: run.cpuSeconds,
    walls: run.walls,
    filesPerSecond: (parsed.files ?? expected?.files ?? 0) / run.wallSeconds,
    peakRssMb: run.peakRssMb,
    violations: parsed.error ? null : parsed.findings,
    pairs: parsed.pairs ?? null,
    unresolved: parsed.unresolved ?? null,
    error: parsed.error ?? null,
    otherRules: parsed.otherRules ?? [],
    rssMethod: run.rssMethod,
  });
  const lifecycle = row('lifecycle check', lcRun, lc);
  const depcruise = row('dependency-cruiser', dcRun, dc);
  const diff = (a, b) => (a && b ? [...a].filter((k) => !b.has(k)).sort() : []);
  const expectedPairs = expected ? new Set(expected.violations.map((v) => pairKey(v.from, v.to))) : null;
  return {
    repoDir,
    lifecycle,
    depcruise,
    onlyLifecycle: diff(lc.pairs, dc.pairs),
    onlyDepcruise: diff(dc.pairs, lc.pairs),
    expectedCount: expectedPairs?.size ?? null,
    lifecycleVsExpected: expectedPairs ? { extra: diff(lc.pairs, expectedPairs), missing: diff(expectedPairs, lc.pairs) } : null,
    depcruiseVsExpected: expectedPairs ? { extra: diff(dc.pairs, expectedPairs), missing: diff(expectedPairs, dc.pairs) } : null,
    expectedByPair: expected ? new Map(expected.violations.map((v) => [pairKey(v.from, v.to), v])) : new Map(),
    // The planted name-level violations (generator version 5) must all be found; more may come through re-export chains.
    names: expected?.nameViolations && lc.namePairs
      ? { planted: expected.nameViolations.length, found: lc.namePairs.size, missing: expected.nameViolations.map((v) => pairKey(v.from, v.to)).filter((k) => !lc.namePairs.has(k)).sort() }
      : null,
  };
}

const USAGE = `Usage: node bench/check-vs-depcruise.js <repoDir> [--runs N]

Runs \`lifecycle check\` and dependency-cruiser on one repo made by bench/generate-monorepo.js,
interleaved, and prints each tool's median wall time, peak RSS and violation count, and how many
(from, to) violation pairs only one of them found (<repoDir>.expected.json is read when present).
No floors here: \`npm run bench\` (bench/run.js) judges them. Run \`npm run build\` first.

Arguments:
  <repoDir>    a generated repo, e.g. bench/.work/mono-2000
Options:
  --runs N     runs per tool, interleaved; the median wall time is reported (default 1)
  -h, --help   print this help and exit

Example:
  node bench/check-vs-depcruise.js bench/.work/mono-2000 --runs 3
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, positionals, fail } = readCommandLine({
    script: 'bench/check-vs-depcruise.js',
    usage: USAGE,
    options: { runs: { type: 'string', default: '1' } },
    allowPositionals: true,
  });
  const runs = positiveInteger(values.runs, '--runs', fail);
  if (positionals.length !== 1) fail(positionals.length === 0 ? 'missing <repoDir>' : `expected one <repoDir>, got ${positionals.length} arguments`);
  if (!existsSync(positionals[0])) fail(`repo not found: ${positionals[0]} (make one with node bench/generate-monorepo.js)`);
  return { repoDir: resolve(positionals[0]), runs };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { repoDir, runs } = parseCommandLine();
  const expectedPath = `${repoDir}.expected.json`;
  const expected = existsSync(expectedPath) ? JSON.parse(readFileSync(expectedPath, 'utf8')) : null;
  const result = await compareOnRepo(repoDir, { runs, expected });
  for (const r of [result.lifecycle, result.depcruise]) {
    console.log(`${r.tool}: files ${r.files}, wall ${r.wallSeconds.toFixed(2)} s${r.cpuSeconds != null ? `, CPU ${r.cpuSeconds.toFixed(2)} s` : ""}, peak RSS ${r.peakRssMb.toFixed(0)} MB, violations ${r.violations ?? '-'}${r.error ? `, ERROR ${r.error}` : ''}`);
  }
  console.log(`only lifecycle: ${result.onlyLifecycle.length}, only depcruise: ${result.onlyDepcruise.length}, expected: ${result.expectedCount ?? '?'}`);
  if (result.names) console.log(`lifecycle name-following: ${result.names.found} findings; ${result.names.planted - result.names.missing.length} of ${result.names.planted} planted found`);
}
