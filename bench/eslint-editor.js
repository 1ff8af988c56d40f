#!/usr/bin/env node
// Editor latency of feature-lifecycle's ESLint plugin (issue #21, item 3): one long-lived ESLint
// instance, as an editor's ESLint server keeps it, on a copy of the generated 20,000-file monorepo.
// Lints one stable file that imports preview code: cold (policy, workspace), then again after an
// edit of that file, after an edit of lifecycle.yaml, and after a file is added to a preview
// folder; checks the findings of each lint and the plugin's own rule time (ESLint's per-rule
// `stats`, the figures TIMING=all sums). Floor: every re-lint <= 5 ms of plugin time.
// Usage: node bench/eslint-editor.js [--files N] [--runs N]; --help.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';
import { currentMonorepo } from './generate-monorepo.js';

const BENCH = dirname(fileURLToPath(import.meta.url));
const RELINT_FLOOR_MS = 5;
/** The plugin looks at the disk again on the first lint after a pause of 250 ms (docs/eslint.md). */
const EDITOR_PAUSE_MS = 300;
const USAGE = `Usage: node bench/eslint-editor.js [--files N] [--runs N]

Editor latency of feature-lifecycle's ESLint plugin: one ESLint instance (lintText, as an editor's
ESLint server calls it) on a copy of the generated N-file monorepo (bench/.work/editor-<N>, made
from bench/.work/mono-<N>, generated when missing). Lints one stable file that imports preview
code: cold, after an edit of the file, after an edit of lifecycle.yaml, after a file is added to a
preview folder; checks each lint's findings and reports the plugin's rule time (ESLint stats,
first lint included). Floor: each re-lint <= ${RELINT_FLOOR_MS} ms of plugin time (median of --runs).
Exit 1 when a finding is wrong or the floor fails. Run \`npm run build\` first.

Options:
  --files N   repo size (integer >= 100, default 20000)
  --runs N    rounds of the three re-lints, each in a fresh copy state (default 5)
  -h, --help  print this help and exit

Example:
  node bench/eslint-editor.js --files 2000 --runs 3
`;

const { values, fail } = readCommandLine({
  script: 'bench/eslint-editor.js',
  usage: USAGE,
  options: { files: { type: 'string', default: '20000' }, runs: { type: 'string', default: '5' } },
});
const files = positiveInteger(values.files, '--files', fail, 100);
const runs = positiveInteger(values.runs, '--runs', fail);

const source = currentMonorepo(files);
const repo = join(BENCH, '.work', `editor-${files}`);
rmSync(repo, { recursive: true, force: true });
cpSync(source, repo, { recursive: true });

const expected = JSON.parse(readFileSync(`${source}.expected.json`, 'utf8'));
// A stable file whose only planted violation is a plain relative import of one preview file (a
// file that also imports a preview declaration by name would keep that finding in every step).
const onlyViolationOf = (file) => [...expected.violations, ...(expected.nameViolations ?? [])].filter((violation) => violation.from === file).length === 1;
const planted = expected.violations.find((violation) => violation.form === 'relative-js' && onlyViolationOf(violation.from));
if (!planted) throw new Error(`no relative-js violation planted in ${source}`);
const stableFile = join(repo, planted.from);
const previewDir = dirname(join(repo, planted.to));
const feature = planted.to.split('/preview/')[1].split('/')[0];
const policyFile = join(repo, 'lifecycle.yaml');
const originalStable = readFileSync(stableFile, 'utf8');
const originalPolicy = readFileSync(policyFile, 'utf8');

const { ESLint } = await import('eslint');
const tsParser = (await import('@typescript-eslint/parser')).default;
const plugin = (await import('feature-lifecycle/eslint-plugin')).default;
const eslint = new ESLint({
  cwd: repo,
  stats: true,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
});

/** Lints the stable file's text as an editor does; its lifecycle findings, wall ms and plugin rule ms. */
async function lint(text) {
  const started = performance.now();
  const [result] = await eslint.lintText(text, { filePath: stableFile });
  const wallMs = performance.now() - started;
  let pluginMs = 0;
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [rule, time] of Object.entries(pass.rules ?? {})) if (rule.startsWith('lifecycle/')) pluginMs += time.total;
  }
  const findings = result.messages.filter((message) => message.ruleId?.startsWith('lifecycle/') || message.fatal);
  return { findings: findings.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`), wallMs, pluginMs };
}

const problems = [];
function expectFindings(step, got, test, what) {
  if (!test(got.findings)) problems.push(`${step}: expected ${what}, got ${JSON.stringify(got.findings)}`);
}
const previewImport = (findings) => findings.filter((finding) => finding.includes('lifecycle/no-preview-import'));
const pause = () => new Promise((resolve) => setTimeout(resolve, EDITOR_PAUSE_MS));

const cold = await lint(originalStable);
expectFindings('cold lint', cold, (found) => previewImport(found).length === 1, `one no-preview-import finding (the planted import of ${planted.to})`);

const samples = { edit: [], policy: [], added: [] };
const addedFile = join(previewDir, 'editor-bench-added.ts');
const addedSpecifier = `./${relative(dirname(stableFile), addedFile).replace(/\.ts$/, '.js')}`.replace(/^\.\/\.\.\//, '../');
for (let round = 0; round < runs; round += 1) {
  // 1. The user deletes the planted import in the buffer: the finding goes.
  const withoutImport = originalStable.split('\n').filter((line) => !line.includes(planted.specifier)).join('\n');
  const edited = await lint(withoutImport);
  expectFindings(`round ${round + 1}, edit of the file`, edited, (found) => previewImport(found).length === 0, 'no no-preview-import finding');
  samples.edit.push(edited);
  // 2. lifecycle.yaml lists the stable file as an exception for the feature: the planted import is allowed.
  const exception = `    - { path: "${planted.from}", features: [${feature}], reason: "editor bench" }\n`;
  writeFileSync(policyFile, originalPolicy.replace('  exceptions:\n', `  exceptions:\n${exception}`));
  await pause();
  const afterPolicy = await lint(originalStable);
  expectFindings(`round ${round + 1}, edit of lifecycle.yaml`, afterPolicy, (found) => previewImport(found).length === 0, 'no no-preview-import finding (the import is an allowed exception now)');
  samples.policy.push(afterPolicy);
  writeFileSync(policyFile, originalPolicy);
  // 3. The buffer imports a preview file that does not exist yet; the user creates it.
  const importsNew = `import { added } from '${addedSpecifier}';\n${withoutImport}\nexport const usesAdded = added;\n`;
  await pause();
  const beforeAdd = await lint(importsNew);
  expectFindings(`round ${round + 1}, import of a missing preview file`, beforeAdd, (found) => previewImport(found).length === 0, 'no no-preview-import finding (the target does not exist)');
  writeFileSync(addedFile, 'export const added = 1;\n');
  await pause();
  const afterAdd = await lint(importsNew);
  expectFindings(`round ${round + 1}, file added to the preview folder`, afterAdd, (found) => previewImport(found).some((finding) => finding.startsWith('1:')), 'a no-preview-import finding on line 1 (the new preview file)');
  samples.added.push(afterAdd);
  rmSync(addedFile);
  await pause();
  await lint(originalStable);
}
// What the watch does between lints after a save of lifecycle.yaml (docs/eslint.md): loading the
// policy again (YAML parse, validation, build). Timed here in this process, since ESLint's stats
// only count the lint; a lint that comes before the watch's event pays it instead.
const { loadPolicy } = await import('../dist/src/load-policy.js');
const policyLoads = [];
for (let round = 0; round < runs; round += 1) {
  writeFileSync(policyFile, `${originalPolicy}\n# editor bench ${round}\n`);
  const started = performance.now();
  loadPolicy({ cwd: repo, policyPath: policyFile });
  policyLoads.push(performance.now() - started);
}
writeFileSync(policyFile, originalPolicy);
rmSync(repo, { recursive: true, force: true });

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const row = (label, taken) => {
  const plugin = taken.map((sample) => sample.pluginMs);
  const wall = taken.map((sample) => sample.wallMs);
  return `  ${label.padEnd(40)} plugin ${median(plugin).toFixed(2).padStart(7)} ms (max ${Math.max(...plugin).toFixed(2)})   lintText wall ${median(wall).toFixed(1).padStart(7)} ms`;
};
console.log(`ESLint editor latency on the generated ${files.toLocaleString('en-US')}-file monorepo (one ESLint instance, lintText; ${runs} rounds, medians)`);
console.log(row('cold: first lint (policy, workspace)', [cold]));
console.log(row('re-lint after an edit of the file', samples.edit));
console.log(row('re-lint after an edit of lifecycle.yaml', samples.policy));
console.log(row('re-lint after a file added to preview/', samples.added));
console.log(
  `  ${'policy load after a save (between lints)'.padEnd(40)} ${median(policyLoads).toFixed(2).padStart(7)} ms (max ${Math.max(...policyLoads).toFixed(2)}; ${readFileSync(join(source, 'lifecycle.yaml')).length.toLocaleString('en-US')}-byte policy; run by the watch, not in the lint)`,
);
for (const [label, taken] of Object.entries(samples)) {
  const ms = median(taken.map((sample) => sample.pluginMs));
  if (ms > RELINT_FLOOR_MS) problems.push(`re-lint (${label}): ${ms.toFixed(2)} ms of plugin time > ${RELINT_FLOOR_MS}`);
}
for (const problem of problems) console.log(`FAIL ${problem}`);
console.log(problems.length === 0 ? 'PASS' : 'FAIL');
process.exit(problems.length === 0 ? 0 : 1);
