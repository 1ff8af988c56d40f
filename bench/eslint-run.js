#!/usr/bin/env node
// One ESLint run on a generated repo, in its own process:
//   node bench/eslint-run.js <repo> parser|noop|listeners|plugin|tseslint|tseslint-plugin|tseslint-least-work [another ESLint's lib/api.js]
// Prints one JSON line: files linted, lifecycle messages (least-work messages in that mode), a digest of
// no-preview-import's sites, wall ms (of the lint itself and in all), CPU ms, and the time spent
// in garbage collection (minor and major pauses, from perf_hooks).
// Spawned by bench/eslint-overhead.js; --help prints the usage.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { readCommandLine } from './command-line.js';
import tsParser from '@typescript-eslint/parser';

const started = performance.now();
const gc = { minorMs: 0, majorMs: 0 };
const countGc = (entries) => {
  for (const entry of entries) {
    // detail.kind: 1 minor (scavenge), 2 major (mark-compact), 4 incremental, 8 weak callbacks.
    if (entry.detail?.kind === 1) gc.minorMs += entry.duration;
    else gc.majorMs += entry.duration;
  }
};
const gcObserver = new PerformanceObserver((list) => countGc(list.getEntries()));
gcObserver.observe({ entryTypes: ['gc'] });

const MODES = ['parser', 'noop', 'listeners', 'plugin', 'tseslint', 'tseslint-plugin', 'tseslint-least-work'];
const USAGE = `Usage: node bench/eslint-run.js <repo> <mode> [eslint lib/api.js]

One ESLint run (Node API) over <repo>/packages/**/*.ts in this process; prints one JSON line:
files, lifecycle (or least-work) messages, a digest of no-preview-import's sites, fatal errors, lint ms, total ms, CPU ms (user + system), minor/major GC ms. Used by
bench/eslint-overhead.js, which runs each configuration in its own process.

Arguments:
  <repo>               a repo from bench/generate-monorepo.js, e.g. bench/.work/mono-2000
  parser               @typescript-eslint/parser alone
  noop                 the parser plus one rule that does nothing
  listeners            the parser plus one rule with empty import listeners
  plugin               the parser plus feature-lifecycle's configs.recommended, loaded as users do
                       ('feature-lifecycle/eslint-plugin': the bundle dist/eslint-plugin.js; needs npm run build)
  tseslint             typescript-eslint's recommended (non-type-checked) flat config: what users run
  tseslint-plugin      that plus feature-lifecycle's configs.recommended
  tseslint-least-work  typescript-eslint's recommended plus bench/least-work-rule.js (one rule that
                       finds the plugin's no-preview-import sites on a generated repo without its
                       generality; a reference, not shipped)
  With TIMING=all in the environment, ESLint prints its rule-time table after the JSON line.
  [eslint lib/api.js]  another ESLint's lib/api.js to load instead of the installed eslint
Options:
  -h, --help           print this help and exit

Example:
  node bench/eslint-run.js bench/.work/mono-2000 plugin
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { positionals, fail } = readCommandLine({ script: 'bench/eslint-run.js', usage: USAGE, allowPositionals: true });
  if (positionals.length < 2 || positionals.length > 3) fail(`expected 2 or 3 arguments (<repo> <mode> [eslint lib/api.js]), got ${positionals.length}`);
  const [repoArg, modeArg, apiArg] = positionals;
  if (!MODES.includes(modeArg)) fail(`unknown mode '${modeArg}' (one of ${MODES.join(' ')})`);
  if (!existsSync(repoArg)) fail(`repo not found: ${repoArg}`);
  if (apiArg !== undefined && !existsSync(apiArg)) fail(`ESLint lib/api.js not found: ${apiArg}`);
  return { repo: resolve(repoArg), mode: modeArg, eslintApi: apiArg };
}
const { repo, mode, eslintApi } = parseCommandLine();
const { ESLint } = await import(eslintApi ? pathToFileURL(eslintApi).href : 'eslint');
const plugin = mode === 'plugin' || mode === 'tseslint-plugin' ? (await import('feature-lifecycle/eslint-plugin')).default : undefined;
const tseslint = mode.startsWith('tseslint') ? (await import('typescript-eslint')).default : undefined;
const leastWork = mode === 'tseslint-least-work' ? (await import('./least-work-rule.js')).default : undefined;
const eslint = new ESLint({
  cwd: repo,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    ...(tseslint ? tseslint.configs.recommended.map((config) => ({ ...config, files: ['**/*.ts'] })) : []),
    ...(plugin ? [plugin.configs.recommended] : []),
    ...(leastWork ? [{ plugins: { 'least-work': leastWork }, rules: { 'least-work/no-preview-import': 'error' } }] : []),
    // noop: one rule that does nothing, to show what any enabled rule costs (ESLint's traversal).
    ...(mode === 'noop' ? [{ plugins: { noop: { rules: { noop: { create: () => ({}) } } } }, rules: { 'noop/noop': 'error' } }] : []),
    // listeners: one rule with the listeners of the plugin's first rule (the node types that hold
    // import declarations, and Program:exit), all empty: about the least a rule that reads imports costs.
    ...(mode === 'listeners' ? [{ plugins: { noop: { rules: { noop: { create: () => emptyImportListeners() } } } }, rules: { 'noop/noop': 'error' } }] : []),
  ],
});
function emptyImportListeners() {
  const nothing = () => {};
  const types = ['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'TSImportEqualsDeclaration', 'ImportExpression', 'TSImportType', 'Program:exit'];
  return Object.fromEntries(types.map((type) => [type, nothing]));
}
const lintStarted = performance.now();
const results = await eslint.lintFiles(['packages/**/*.ts']);
const lintMs = performance.now() - lintStarted;
countGc(gcObserver.takeRecords());
gcObserver.disconnect();
const messages = results.reduce((sum, result) => sum + result.messages.filter((m) => m.ruleId?.startsWith(leastWork ? 'least-work/' : 'lifecycle/')).length, 0);
const fatal = results.reduce((sum, result) => sum + result.messages.filter((m) => m.fatal).length, 0);
// Where no-preview-import (the plugin's, or the least-work rule's) reported, as one digest, so that
// bench/eslint-overhead.js can check that both found the same import sites.
const noPreviewImport = leastWork ? 'least-work/no-preview-import' : 'lifecycle/no-preview-import';
const sites = results.flatMap((result) => result.messages.filter((m) => m.ruleId === noPreviewImport).map((m) => `${result.filePath.slice(repo.length + 1)}:${m.line}:${m.column}`)).sort();
const importSites = createHash('sha256').update(sites.join('\n')).digest('hex').slice(0, 16);
console.log(JSON.stringify({
  mode,
  files: results.length,
  messages,
  importSites,
  fatal,
  lintMs: Math.round(lintMs),
  totalMs: Math.round(performance.now() - started),
  // CPU time of the whole process (user + system): less disturbed than wall time by other jobs on the machine.
  cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
  gcMinorMs: Math.round(gc.minorMs),
  gcMajorMs: Math.round(gc.majorMs),
}));
