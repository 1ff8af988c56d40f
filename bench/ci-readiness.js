// Benchmark of `lifecycle ci-readiness` on 1,000,000 runs of normalized NDJSON.
//   npm run build && node bench/ci-readiness.js [--runs N]   (--help: the usage)
// Generates bench/.work/ci-runs.ndjson (gitignored; reused when it already has the same size),
// then evaluates it through the built CLI's entry (runCli) in a child process, which reports its
// own wall time and peak RSS (process.resourceUsage().maxRSS). Two cases: the file named once
// (--history), and the same file named as both --history and --reference (the CI and its
// reference gate in one file, which must be read once). Floor: <= 10 s, <= 500 MB for each.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const work = join(here, '.work');
const file = join(work, 'ci-runs.ndjson');
const stamp = join(work, 'ci-runs.meta.json');

if (process.argv[2] === '--child' || process.argv[2] === '--child-command') {
  // Child: run the CLI in-process so the RSS measured is the evaluation's own.
  //   --child          the full CLI entry (runCli: every command module is loaded, TypeScript too)
  //   --child-command  only the ci command module, registered on a commander program as runCli does
  const io = { stdout: (t) => (out += t), stderr: (t) => process.stderr.write(t), cwd: root, isTTY: false };
  let out = '';
  let run;
  if (process.argv[2] === '--child') {
    const { runCli } = await import(pathToFileURL(join(root, 'dist', 'src', 'cli', 'program.js')).href);
    run = (argv) => runCli(argv, io);
  } else {
    const { Command } = await import('commander');
    const { registerCiCommands } = await import(pathToFileURL(join(root, 'dist', 'src', 'cli', 'commands', 'ci.js')).href);
    run = async (argv) => {
      let exit = 0;
      const program = new Command('lifecycle').exitOverride();
      registerCiCommands(program, io, (c) => (exit = c));
      await program.parseAsync(argv, { from: 'user' });
      return exit;
    };
  }
  const started = process.hrtime.bigint();
  const code = await run(process.argv.slice(3));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  process.stdout.write(JSON.stringify({ code, seconds, cpuSeconds, maxRssKb: usage.maxRSS, output: out }));
  process.exit(0);
}

const USAGE = `Usage: node bench/ci-readiness.js [--runs N]

Measures \`lifecycle ci-readiness\` on N runs of normalized NDJSON (a CI and its reference
gate): generates bench/.work/ci-runs.ndjson (reused when it already holds N runs), then evaluates
it in child processes, in two cases: the file named once (--history), and the same file named as
both --history and --reference (read once). Each case runs through the ci command module alone
and through the full CLI entry; each prints wall time, runs/s and peak RSS. Floor (exit 1), for
the ci command in both cases: <= 10 s and <= 500 MB. Run \`npm run build\` first.

Options:
  --runs N     CI runs to generate and evaluate (default 1000000)
  -h, --help   print this help and exit
  (--child and --child-command, as the first argument, are internal: the benchmark spawns itself
  with them to measure one evaluation; the arguments after them go to the lifecycle CLI.)

Example:
  node bench/ci-readiness.js --runs 100000
`;

const { values, fail } = readCommandLine({ script: 'bench/ci-readiness.js', usage: USAGE, options: { runs: { type: 'string', default: '1000000' } } });
const RUNS = positiveInteger(values.runs, '--runs', fail);
const JOBS = ['tempest-full', 'tempest-slow', 'py312', 'functional'];
const PER_PATCHSET = JOBS.length + 1; // 4 jobs of the CI + 1 of the reference gate
const PATCHSETS = Math.ceil(RUNS / PER_PATCHSET);
const DAYS = 60;
const START = Date.UTC(2026, 0, 1);

async function generate() {
  mkdirSync(work, { recursive: true });
  const out = createWriteStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const iso = (t) => new Date(t).toISOString().replace('.000Z', 'Z');
  let runs = 0;
  let buffer = '';
  const flush = async () => {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  };
  for (let i = 0; i < PATCHSETS && runs < RUNS; i++) {
    const created = START + Math.floor((i / PATCHSETS) * DAYS * 86_400_000);
    const change = String(100000 + Math.floor(i / 2));
    const patchset = String((i % 2) + 1);
    buffer += `{"type":"patchset","project":"bench","change":"${change}","patchset":"${patchset}","time":"${iso(created)}"}\n`;
    const ok = random() > 0.08;
    buffer += `{"type":"run","system":"zuul","id":"z${i}","buildset":"zb${i}","project":"bench","change":"${change}","patchset":"${patchset}","pipeline":"check","job":"unit","cell":"","voting":true,"start":"${iso(created + 60_000)}","end":"${iso(created + 900_000)}","result":"${ok ? 'SUCCESS' : 'FAILURE'}","log":"https://zuul.bench.example/${change}/${patchset}/"}\n`;
    runs++;
    const infra = random() < 0.01;
    for (let j = 0; j < JOBS.length && runs < RUNS; j++) {
      const result = infra && j === 0 ? 'NODE_FAILURE' : ok ? 'SUCCESS' : j === 0 ? 'FAILURE' : 'SUCCESS';
      const end = created + (40 + j * 7) * 60_000;
      buffer += `{"type":"run","system":"bench-ci","id":"b${i}-${j}","buildset":"bb${i}","project":"bench","change":"${change}","patchset":"${patchset}","pipeline":"check","job":"${JOBS[j]}","cell":"","voting":${j !== 3},"start":"${iso(created + 120_000)}","end":"${iso(end)}","result":"${result}","log":"https://logs.bench.example/${change}/${patchset}/${JOBS[j]}/"}\n`;
      runs++;
    }
    if (buffer.length > 1 << 20) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  writeFileSync(stamp, JSON.stringify({ runs: RUNS }));
  return runs;
}

const fresh = !existsSync(stamp) || JSON.parse(readFileSync(stamp, 'utf8')).runs !== RUNS;
let generatedIn = 0;
if (fresh) {
  const t = Date.now();
  await generate();
  generatedIn = (Date.now() - t) / 1000;
}

const common = ['--source-format', 'ndjson', '--system', 'bench-ci', '--reference-system', 'zuul',
  '--contact', 'ops@bench.example', '--contact', 'oncall@bench.example', '--format', 'json'];
const CASES = [
  { label: 'file named once (--history)', args: ['ci-readiness', '--history', file, ...common] },
  { label: 'file named twice (--history and --reference)', args: ['ci-readiness', '--history', file, '--reference', file, ...common] },
];
function measure(mode, args) {
  const spawnedAt = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), mode, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const processSeconds = Number(process.hrtime.bigint() - spawnedAt) / 1e9;
  if (child.status !== 0) {
    console.error(child.stderr);
    process.exit(1);
  }
  const { code, seconds, cpuSeconds, maxRssKb, output } = JSON.parse(child.stdout);
  return { code, seconds, cpuSeconds, processSeconds, rssMb: maxRssKb / 1024, system: JSON.parse(output).systems[0] };
}

console.log(`ci-readiness benchmark: ${RUNS.toLocaleString('en-US')} runs of NDJSON (${fresh ? `generated in ${generatedIn.toFixed(1)} s` : 'reused'}: ${file})`);
let ok = true;
let verdicts;
for (const { label, args } of CASES) {
  const command = measure('--child-command', args);
  const full = measure('--child', args);
  const shown = `${command.system.verdict}, exit ${command.code}, criteria: ${command.system.criteria.map((c) => `${c.id}=${c.value}`).join(' ')}`;
  // Naming the file twice must change nothing but the cost.
  if (verdicts !== undefined && verdicts !== shown) {
    console.error(`  the verdicts differ between the cases:\n    ${verdicts}\n    ${shown}`);
    ok = false;
  }
  verdicts = shown;
  console.log(`  ${label}: verdict ${shown}`);
  for (const [entry, m] of [['ci command (lifecycle ci-readiness)', command], ['full CLI entry (all commands loaded)', full]]) {
    console.log(
      `    ${entry}: wall ${m.processSeconds.toFixed(2)} s for the whole process (${m.seconds.toFixed(2)} s in ci-readiness), ` +
        `${Math.round(RUNS / m.processSeconds).toLocaleString('en-US')} runs/s, CPU ${m.cpuSeconds.toFixed(2)} s (user + system; less noisy on a shared machine), peak RSS ${m.rssMb.toFixed(0)} MB`,
    );
  }
  const met = command.processSeconds <= 10 && command.rssMb <= 500;
  console.log(`    floor (<= 10 s, <= 500 MB) for the ci command: ${met ? 'met' : 'NOT MET'}; full CLI entry: ${full.processSeconds <= 10 && full.rssMb <= 500 ? 'met' : 'NOT MET'}`);
  ok &&= met;
}
process.exit(ok ? 0 : 1);
