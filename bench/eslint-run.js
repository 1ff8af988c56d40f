#!/usr/bin/env node
// One ESLint run on a generated repo, in its own process: `node bench/eslint-run.js <repo> parser|plugin`.
// Prints one JSON line: files linted, lifecycle messages, wall ms (of the lint itself and in all).
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';

const started = performance.now();
const [repoArg, mode] = process.argv.slice(2);
const repo = repoArg && (await import('node:path')).resolve(repoArg);
if (!repo || !['parser', 'noop', 'plugin'].includes(mode)) {
  console.error('usage: node bench/eslint-run.js <repo> parser|noop|plugin');
  process.exit(2);
}
const plugin = mode === 'plugin' ? (await import('../dist/src/eslint-plugin.js')).default : undefined;
const eslint = new ESLint({
  cwd: repo,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
    ...(plugin ? [plugin.configs.recommended] : []),
    // noop: one rule that does nothing, to show what any enabled rule costs (ESLint's traversal).
    ...(mode === 'noop' ? [{ plugins: { noop: { rules: { noop: { create: () => ({}) } } } }, rules: { 'noop/noop': 'error' } }] : []),
  ],
});
const lintStarted = performance.now();
const results = await eslint.lintFiles(['packages/**/*.ts']);
const lintMs = performance.now() - lintStarted;
const messages = results.reduce((sum, result) => sum + result.messages.filter((m) => m.ruleId?.startsWith('lifecycle/')).length, 0);
const fatal = results.reduce((sum, result) => sum + result.messages.filter((m) => m.fatal).length, 0);
console.log(JSON.stringify({ mode, files: results.length, messages, fatal, lintMs: Math.round(lintMs), totalMs: Math.round(performance.now() - started) }));
