import { join } from 'node:path';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import tsParser from '@typescript-eslint/parser';
import astroParser from 'astro-eslint-parser';
import svelteParser from 'svelte-eslint-parser';
import vueParser from 'vue-eslint-parser';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { openWorkspace, projectsOf } from '../../src/workspace/open-workspace.js';
import { FIXTURES, REPO_ROOT, runLifecycle } from '../helpers/cli.js';

/**
 * Rules whose findings sit at the same place in both. preview-deadline differs by design: the CLI
 * reports once at the feature's entry in lifecycle.yaml, the editor at the top of each of its
 * files; for it, the features reported must agree.
 */
const SHARED_RULES = Object.keys(plugin.rules).filter((id) => id !== 'preview-deadline');

/** ESLint as installed (10) and ESLint 9 (devDependency `eslint-v9`): the plugin supports both. */
const ESLINTS = [
  ['ESLint 10', ESLint],
  ['ESLint 9', ESLint9 as unknown as typeof ESLint],
] as const;

/** The parsers users set up for component files, each with @typescript-eslint/parser for the scripts (docs/eslint.md). */
const COMPONENT_PARSERS = [
  { files: ['**/*.vue'], languageOptions: { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } },
  { files: ['**/*.svelte'], languageOptions: { parser: svelteParser, parserOptions: { parser: tsParser } } },
  { files: ['**/*.astro'], languageOptions: { parser: astroParser, parserOptions: { parser: tsParser } } },
];
/** @typescript-eslint/parser for every file (and the component parsers for .vue, .svelte, .astro). */
const TS_PARSER_EVERYWHERE = [{ files: ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.mjs', '**/*.jsx'], languageOptions: { parser: tsParser } }, ...COMPONENT_PARSERS];
/** @typescript-eslint/parser for TypeScript only: JavaScript files get ESLint's default parser (espree). */
const ESPREE_FOR_JAVASCRIPT = [
  { files: ['**/*.ts', '**/*.cts', '**/*.mts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  { files: ['**/*.jsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' as const } },
  { files: ['**/*.{js,mjs,cjs,jsx}'] },
];

async function eslintMessages(root: string, Eslint: typeof ESLint = ESLint, parsers: object[] = TS_PARSER_EVERYWHERE) {
  // Every file lifecycle check analyses, nested projects' (checked by their own policy) included.
  const files = projectsOf(openWorkspace({ cwd: root })).flatMap(({ workspace, prefix }) => workspace.sourceFiles.map((file) => (prefix ? `${prefix}/${file}` : file)));
  const eslint = new Eslint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [...(parsers as never[]), plugin.configs.strict as never],
  });
  const results = await eslint.lintFiles(files.map((file) => join(root, file)));
  return results.flatMap((result) =>
    result.messages.map((message) => {
      expect(message.fatal, `${result.filePath}: ${message.message}`).not.toBe(true);
      return { file: result.filePath.slice(root.length + 1), line: message.line, column: message.column, rule: String(message.ruleId).replace('lifecycle/', ''), message: message.message };
    }),
  );
}

async function eslintFindings(root: string, Eslint: typeof ESLint = ESLint, parsers: object[] = TS_PARSER_EVERYWHERE): Promise<string[]> {
  return (await eslintMessages(root, Eslint, parsers))
    .filter((message) => SHARED_RULES.includes(message.rule))
    .map((message) => `${message.file}:${message.line}:${message.column} ${message.rule}`)
    .sort();
}

const cliRuns = new Map<string, string[]>();
function cliFindings(root: string): string[] {
  const known = cliRuns.get(root);
  if (known) return known;
  const run = runLifecycle(['check', '--format', 'json', '--cwd', root]);
  const output = JSON.parse(run.stdout) as { findings: { rule: string; file: string; line: number; column: number }[] };
  const findings = output.findings
    .filter((finding) => SHARED_RULES.includes(finding.rule) && !/(?:^|\/)lifecycle\.yaml$/.test(finding.file))
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`)
    .sort();
  cliRuns.set(root, findings);
  return findings;
}

const projects = [
  join(REPO_ROOT, 'examples', 'netsvc'),
  ...['import-forms', 'type-only-allowed', 'tsconfig-paths', 'workspaces-unbuilt', 'pnpm-workspace-unbuilt', 'project-references', 'exceptions', 'suppressions', 'cross-feature', 'unregistered-folder', 'gitignored', 'cli-and-routes', 'js-and-jsx', 'workspace-outdir-dot', 'workspace-several-tsconfigs', 'project-references-outdir', 'asset-imports', 'single-file-components', 'nested-policies', 'deno-workspace', 'preview-declarations-monorepo', 'preview-declarations-index'].map((name) => join(FIXTURES, name)),
];

describe.each(ESLINTS)('parity (%s): the ESLint plugin and lifecycle check report the same findings', (_name, Eslint) => {
  it.each(projects)('%s', async (root) => {
    const fromCli = cliFindings(root);
    const fromEslint = await eslintFindings(root, Eslint);
    expect(fromEslint).toEqual(fromCli);
  });
});

describe('parity: the ESLint plugin and lifecycle check report the same findings', () => {
  it('runs on two major versions of ESLint', () => {
    expect(ESLINTS.map(([, Eslint]) => Eslint.version.split('.')[0])).toEqual(['10', '9']);
  });

  it('preview-deadline: the editor reports in the files of exactly the features the CLI reports', async () => {
    const root = join(REPO_ROOT, 'examples', 'netsvc');
    const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root]).stdout) as { findings: { rule: string; feature?: string }[] };
    const fromCli = new Set(cli.findings.filter((finding) => finding.rule === 'preview-deadline').map((finding) => finding.feature));
    const messages = (await eslintMessages(root)).filter((message) => message.rule === 'preview-deadline');
    const fromEslint = new Set(messages.map((message) => /preview feature "([^"]+)"/.exec(message.message)?.[1]));
    expect(fromCli.size).toBeGreaterThan(0);
    expect(fromEslint).toEqual(fromCli);
    expect(messages.every((message) => message.line === 1 && message.column === 1)).toBe(true);
  });

  it('JavaScript files linted with ESLint\'s default parser (espree) give the same findings', async () => {
    const root = join(FIXTURES, 'js-and-jsx');
    const fromEspree = await eslintFindings(root, ESLint, ESPREE_FOR_JAVASCRIPT);
    expect(fromEspree.filter((finding) => /\.(?:js|mjs|cjs|jsx):/.test(finding)).length).toBeGreaterThan(3);
    expect(fromEspree).toEqual(cliFindings(root));
  });

  it('nested policies: with settings.lifecycle.policy, one policy checks every file, as lifecycle check --policy does', async () => {
    const root = join(FIXTURES, 'nested-policies');
    const policy = join(root, 'lifecycle.yaml');
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [...(TS_PARSER_EVERYWHERE as never[]), plugin.configs.strict as never, { settings: { lifecycle: { policy } } }],
    });
    const files = openWorkspace({ cwd: root, policyPath: policy }).sourceFiles;
    const results = await eslint.lintFiles(files.map((file) => join(root, file)));
    const fromEslint = results
      .flatMap((result) => result.messages.map((message) => ({ file: result.filePath.slice(root.length + 1), line: message.line, column: message.column, rule: String(message.ruleId).replace('lifecycle/', '') })))
      .filter((message) => SHARED_RULES.includes(message.rule))
      .map((message) => `${message.file}:${message.line}:${message.column} ${message.rule}`)
      .sort();
    const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root, '--policy', 'lifecycle.yaml']).stdout) as { findings: { rule: string; file: string; line: number; column: number }[] };
    const fromCli = cli.findings
      .filter((finding) => SHARED_RULES.includes(finding.rule) && finding.file !== 'lifecycle.yaml')
      .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`)
      .sort();
    expect(fromCli).toContain('packages/labs/src/stable.ts:2:23 no-preview-import');
    expect(fromEslint).toEqual(fromCli);
  });

  it('follows names to preview declarations in the editor too (not trivially equal)', async () => {
    expect(await eslintFindings(join(FIXTURES, 'preview-declarations-monorepo'))).toEqual([
      'packages/app/src/dashboard.ts:1:36 no-preview-import',
      'packages/app/src/exporter.ts:2:10 no-preview-import',
      'packages/app/src/meter.ts:2:10 no-preview-import',
      'packages/app/src/meter.ts:5:37 no-preview-import',
      'packages/app/src/namespace.ts:4:26 no-preview-import',
      'packages/app/src/subpath.ts:2:10 no-preview-import',
      'packages/sdk/src/index.ts:3:10 no-preview-import',
      'packages/sdk/src/tracing.ts:5:17 preview-unregistered',
    ]);
  });

  it('is not trivially empty', async () => {
    expect((await eslintFindings(join(FIXTURES, 'import-forms'))).length).toBe(19);
  });
});

/** Typed linting for the type-aware rule: the fixture's tsconfig.json, by `project` or by the project service. */
const typedParsers = (root: string, service: boolean) => [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { ...(service ? { projectService: true } : { project: './tsconfig.json' }), tsconfigRootDir: root } } },
];

describe.each([...ESLINTS.map(([name, Eslint]) => [`${name}, parserOptions.project`, Eslint, false] as const), ['ESLint 10, parserOptions.projectService', ESLint, true] as const])(
  'parity (%s): preview-api-leak with type information',
  (_name, Eslint, service) => {
    it('test/fixtures/preview-api-leak-monorepo: the same findings, places and messages as lifecycle check', async () => {
      const root = join(FIXTURES, 'preview-api-leak-monorepo');
      const fromEslint = (await eslintMessages(root, Eslint, typedParsers(root, service)))
        .filter((message) => SHARED_RULES.includes(message.rule))
        .map((message) => `${message.file}:${message.line}:${message.column} ${message.rule} ${message.message}`)
        .sort();
      const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root]).stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] };
      const fromCli = cli.findings
        .filter((finding) => SHARED_RULES.includes(finding.rule))
        .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.message}`)
        .sort();
      expect(fromEslint).toEqual(fromCli);
      expect(fromEslint.filter((finding) => finding.includes(' preview-api-leak '))).toHaveLength(10);
    });
  },
);
