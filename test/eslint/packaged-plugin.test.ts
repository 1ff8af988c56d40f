import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { openWorkspace, projectsOf } from '../../src/workspace/open-workspace.js';
import { FIXTURES, REPO_ROOT } from '../helpers/cli.js';

// Users load the plugin as 'feature-lifecycle/eslint-plugin': the bundle dist/eslint-plugin.js
// (rolldown.config.js, built by npm run build, which npm test runs first). The rest of the tests
// import src/; these prove the bundle is what that specifier loads and that it finds what src/ finds.

const FIXTURES_WITH_FINDINGS = ['import-forms', 'exceptions', 'nested-policies', 'preview-declarations-monorepo', 'cli-and-routes', 'unregistered-folder', 'deadlines'];

/** Every file lifecycle check analyses in the fixture (nested projects' too), as absolute paths. */
function sourceFilesOf(root: string): string[] {
  return projectsOf(openWorkspace({ cwd: root })).flatMap(({ workspace, prefix }) => workspace.sourceFiles.map((file) => join(root, prefix ? `${prefix}/${file}` : file)));
}

/** A child process that lints the files with the packaged plugin, as an eslint.config.js importing it would. */
const CHILD = `
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import lifecycle from 'feature-lifecycle/eslint-plugin';
const [root, filesJson] = process.argv.slice(1);
const eslint = new ESLint({ cwd: root, overrideConfigFile: true, overrideConfig: [{ files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'], languageOptions: { parser: tsParser } }, lifecycle.configs.strict] });
const results = await eslint.lintFiles(JSON.parse(filesJson));
const messages = results.flatMap((r) => r.messages.map((m) => r.filePath.slice(root.length + 1) + ':' + m.line + ':' + m.column + ' ' + m.ruleId + ' ' + m.message));
console.log(JSON.stringify({ resolved: import.meta.resolve('feature-lifecycle/eslint-plugin'), messages }));
`;

function packagedMessages(root: string, files: string[]): { resolved: string; messages: string[] } {
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, root, JSON.stringify(files)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as { resolved: string; messages: string[] };
}

async function sourceMessages(root: string, files: string[]): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'], languageOptions: { parser: tsParser } }, plugin.configs.strict as never],
  });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length + 1)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

describe("the packaged plugin ('feature-lifecycle/eslint-plugin')", () => {
  it('is the single-file bundle, which imports none of the unbundled modules', () => {
    const { resolved } = packagedMessages(join(FIXTURES, 'exceptions'), []);
    expect(resolved).toBe(`file://${join(REPO_ROOT, 'dist', 'eslint-plugin.js')}`);
    const bundle = readFileSync(join(REPO_ROOT, 'dist', 'eslint-plugin.js'), 'utf8');
    const specifiers = [
      ...[...bundle.matchAll(/^(?:import|export)\b[^'";]*?\bfrom\s*["']([^"']+)["']/gm)].map((match) => match[1]!),
      ...[...bundle.matchAll(/^import\s*["']([^"']+)["']/gm)].map((match) => match[1]!),
    ];
    expect(specifiers.length).toBeGreaterThan(0);
    expect(specifiers.filter((specifier) => specifier.startsWith('.') || specifier.startsWith('/'))).toEqual([]);
    // The ESLint and TypeScript the user runs are theirs, never a bundled copy.
    expect(bundle).not.toMatch(/^\/\/ node_modules\/(?:typescript|eslint|@typescript-eslint)\//m);
  });

  it.each(FIXTURES_WITH_FINDINGS)('finds on %s exactly what the plugin built from src/ finds', async (name) => {
    const root = join(FIXTURES, name);
    const files = sourceFilesOf(root);
    const expected = await sourceMessages(root, files);
    expect(expected.length).toBeGreaterThan(0);
    expect(packagedMessages(root, files).messages).toEqual(expected);
  });
});
