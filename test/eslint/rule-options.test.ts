import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { fixture, REPO_ROOT } from '../helpers/cli.js';

const ruleIds = Object.keys(plugin.rules) as (keyof typeof plugin.rules)[];

const eslints = [
  ['ESLint 10', ESLint],
  ['ESLint 9', ESLint9 as unknown as typeof ESLint],
] as const;

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-options-'));
  temps.push(dir);
  return dir;
}

/** The fixture copied into a fresh temporary directory (at `sub` below it when given); its path. */
function copyOf(name: string, sub?: string): { tmp: string; project: string } {
  const tmp = tempDir();
  const project = sub ? join(tmp, sub) : tmp;
  mkdirSync(project, { recursive: true });
  cpSync(fixture(name), project, { recursive: true });
  return { tmp, project };
}

type Rules = Record<string, unknown>;

function eslintAt(cwd: string, rules: Rules, options: { settings?: Record<string, unknown>; Eslint?: typeof ESLint } = {}): ESLint {
  const Eslint = options.Eslint ?? ESLint;
  return new Eslint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.cts'],
        languageOptions: { parser: tsParser },
        plugins: { lifecycle: plugin as never },
        rules: rules as never,
        ...(options.settings ? { settings: options.settings } : {}),
      },
    ],
  });
}

/** `line:column ruleId message` of every message, per file (paths relative to `root`). */
function messagesOf(results: ESLint.LintResult[], root: string): Record<string, string[]> {
  return Object.fromEntries(
    results.map((result) => [
      result.filePath.slice(root.length + 1).split('\\').join('/'),
      result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`),
    ]),
  );
}

describe('rule options: schema and metadata', () => {
  it('the plugin has the six rules', () => {
    expect(ruleIds).toEqual(['no-preview-import', 'preview-unregistered', 'preview-cli-label', 'preview-route-label', 'preview-deadline', 'preview-api-leak']);
  });

  it.each(ruleIds)('%s: one option object with a described `policy` string and nothing else; defaults [{}]; docs URL', (id) => {
    const meta = plugin.rules[id].meta;
    expect(meta.schema).toEqual([
      {
        type: 'object',
        properties: { policy: { type: 'string', minLength: 1, description: expect.any(String) } },
        additionalProperties: false,
      },
    ]);
    const [options] = meta.schema as unknown as [{ properties: { policy: { description: string } } }];
    expect(options.properties.policy.description).toMatch(/relative to ESLint's cwd/);
    expect(meta.defaultOptions).toEqual([{}]);
    expect(meta.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    expect(existsSync(join(REPO_ROOT, 'docs', 'rules', `${id}.md`))).toBe(true);
    expect(meta.messages).toMatchObject({ finding: '{{message}}', policyError: 'lifecycle policy error: {{message}}' });
  });
});

describe('rule options: ESLint validates them', () => {
  const file = fixture('import-forms/src/stable/static-imports.ts');

  it.each(ruleIds)('%s: a misspelt option ({ polcy }) is a configuration error naming the property', async (id) => {
    const eslint = eslintAt(fixture('import-forms'), { [`lifecycle/${id}`]: ['error', { polcy: 'x' }] });
    const expected = new RegExp(`Key "lifecycle/${id}":[\\s\\S]*should NOT have additional properties[\\s\\S]*Unexpected property "polcy"\\. Expected properties: "policy"`);
    await expect(eslint.lintText('export const a = 1;', { filePath: file })).rejects.toThrow(expected);
    await expect(eslint.lintFiles([file])).rejects.toThrow(expected);
  });

  it('ESLint 9: the same configuration error', async () => {
    const eslint = eslintAt(fixture('import-forms'), { 'lifecycle/no-preview-import': ['error', { polcy: 'x' }] }, { Eslint: ESLint9 as unknown as typeof ESLint });
    await expect(eslint.lintFiles([file])).rejects.toThrow(/Key "lifecycle\/no-preview-import":[\s\S]*Unexpected property "polcy"\. Expected properties: "policy"/);
  });

  it('a policy that is not a string is a configuration error', async () => {
    const eslint = eslintAt(fixture('import-forms'), { 'lifecycle/no-preview-import': ['error', { policy: 42 }] });
    await expect(eslint.lintFiles([file])).rejects.toThrow(/Key "lifecycle\/no-preview-import":\s*Value 42 should be string/);
  });

  it('an empty policy path is a configuration error (it would otherwise mean "no option" to some rules only)', async () => {
    const eslint = eslintAt(fixture('import-forms'), { 'lifecycle/no-preview-import': ['error', { policy: '' }] });
    await expect(eslint.lintFiles([file])).rejects.toThrow(/Key "lifecycle\/no-preview-import":[\s\S]*Value "" should NOT be shorter than 1 characters/);
  });

  it('control: the correctly spelt option is accepted', async () => {
    const eslint = eslintAt(fixture('import-forms'), { 'lifecycle/no-preview-import': ['error', { policy: 'lifecycle.yaml' }] });
    const [result] = await eslint.lintText("import { a } from '../preview/charts/index.js';\nexport { a };", { filePath: file });
    expect(result!.messages.map((message) => `${message.line}:${message.column} ${message.messageId}`)).toEqual(['1:19 finding']);
  });
});

describe('a relative policy path is resolved against ESLint\'s cwd', () => {
  // tmp/ is ESLint's cwd and has no policy; the project (import-forms) sits in tmp/project/.
  // The process cwd (the repository) has a lifecycle.yaml of its own, and the linted file's folder
  // has none: only resolution against ESLint's cwd finds tmp/project/lifecycle.yaml.
  const code = "import { a } from '../preview/charts/index.js';\nexport { a };";
  const finding = '1:19 lifecycle/no-preview-import stable code imports preview feature "charts" (src/preview/charts/index.ts)';

  it.each(eslints)('%s: the option', async (_name, Eslint) => {
    const { tmp, project } = copyOf('import-forms', 'project');
    const filePath = join(project, 'src/stable/new.ts');
    const lint = async (policy: string) =>
      messagesOf(await eslintAt(tmp, { 'lifecycle/no-preview-import': ['error', { policy }] }, { Eslint }).lintText(code, { filePath }), tmp);

    expect(await lint('project/lifecycle.yaml')).toEqual({ 'project/src/stable/new.ts': [finding] });
    expect(await lint('./project/lifecycle.yaml')).toEqual({ 'project/src/stable/new.ts': [finding] });
    // Right against the project folder or the linted file's folder, wrong against ESLint's cwd.
    expect(await lint('lifecycle.yaml')).toEqual({
      'project/src/stable/new.ts': [`1:1 lifecycle/no-preview-import lifecycle policy error: policy file not found: ${join(tmp, 'lifecycle.yaml')}`],
    });
    expect(await lint('../../lifecycle.yaml')).toEqual({
      'project/src/stable/new.ts': [`1:1 lifecycle/no-preview-import lifecycle policy error: policy file not found: ${join(tmp, '..', '..', 'lifecycle.yaml')}`],
    });
  });

  it('settings.lifecycle.policy', async () => {
    const { tmp, project } = copyOf('import-forms', 'project');
    const filePath = join(project, 'src/stable/new.ts');
    const lint = async (policy: string) =>
      messagesOf(await eslintAt(tmp, { 'lifecycle/no-preview-import': 'error' }, { settings: { lifecycle: { policy } } }).lintText(code, { filePath }), tmp);

    expect(await lint('project/lifecycle.yaml')).toEqual({ 'project/src/stable/new.ts': [finding] });
    expect(await lint('lifecycle.yaml')).toEqual({
      'project/src/stable/new.ts': [`1:1 lifecycle/no-preview-import lifecycle policy error: policy file not found: ${join(tmp, 'lifecycle.yaml')}`],
    });
  });

  it('lintFiles on the files of the project, policy given relative to the cwd', async () => {
    const { tmp } = copyOf('import-forms', 'project');
    const eslint = eslintAt(tmp, { 'lifecycle/no-preview-import': ['error', { policy: 'project/lifecycle.yaml' }] });
    const results = messagesOf(await eslint.lintFiles(['project/src/stable/static-imports.ts', 'project/src/stable/legacy-require.cts']), tmp);
    // The positions `lifecycle check` reports for these files (test/fixtures/import-forms/EXPECTED.md).
    expect(Object.fromEntries(Object.entries(results).map(([file, messages]) => [file, messages.map((message) => message.split(' ')[0])]))).toEqual({
      'project/src/stable/static-imports.ts': ['1:19', '2:25', '3:19', '4:8', '5:24', '6:32'],
      'project/src/stable/legacy-require.cts': ['1:25', '3:23'],
    });
  });
});

describe('a broken policy through ESLint: one report at 1:1 per file, whatever the number of rules', () => {
  const allRules = Object.fromEntries(ruleIds.map((id) => [`lifecycle/${id}`, 'error']));

  async function lintAll(name: string, Eslint: typeof ESLint) {
    const { tmp } = copyOf(name);
    const results = await eslintAt(tmp, allRules, { Eslint }).lintFiles(['src/**/*.ts']);
    return { tmp, results };
  }

  function expectOneReportPerFile(results: ESLint.LintResult[], message: RegExp) {
    expect(results.map((result) => result.filePath.slice(result.filePath.lastIndexOf('src')).split('\\').join('/')).sort()).toEqual(['src/preview/charts/index.ts', 'src/stable/app.ts']);
    for (const result of results) {
      expect(result.messages).toHaveLength(1);
      const [report] = result.messages;
      expect(report).toMatchObject({ line: 1, column: 1, severity: 2, messageId: 'policyError' });
      expect(report!.fatal).toBeUndefined();
      expect(report!.ruleId).toMatch(/^lifecycle\//);
      expect(report!.message).toMatch(/^lifecycle policy error: /);
      expect(report!.message).toMatch(message);
    }
  }

  it.each(eslints)('%s: malformed YAML (the message names line:column)', async (_name, Eslint) => {
    const { tmp, results } = await lintAll('bad-malformed-yaml', Eslint);
    expectOneReportPerFile(results, /^lifecycle policy error: invalid YAML: .*lifecycle\.yaml:7:5: Flow map in block collection/);
    expect(results[0]!.messages[0]!.message).toContain(`${join(tmp, 'lifecycle.yaml')}:7:5`);
  });

  it.each(eslints)('%s: cyclic extends', async (_name, Eslint) => {
    const { tmp, results } = await lintAll('bad-cyclic-extends', Eslint);
    expectOneReportPerFile(results, /cyclic extends: lifecycle\.yaml -> policy\/a\.yaml -> policy\/b\.yaml -> policy\/a\.yaml$/);
    expect(results[0]!.messages[0]!.message).toContain(`${join(tmp, 'policy', 'b.yaml')}:3:5: extends[0]: cyclic extends`);
  });

  it('an extends cycle of a file with itself', async () => {
    const { tmp } = copyOf('import-forms');
    const eslint = eslintAt(tmp, allRules);
    const policyFile = join(tmp, 'lifecycle.yaml');
    writeFileSync(policyFile, readFileSync(policyFile, 'utf8').replace('version: 1\n', 'version: 1\nextends: [./lifecycle.yaml]\n'));
    const results = messagesOf(await eslint.lintFiles(['src/stable/static-imports.ts']), tmp);
    expect(results).toEqual({
      'src/stable/static-imports.ts': [
        `1:1 lifecycle/no-preview-import lifecycle policy error: ${policyFile}:2:11: extends[0]: cyclic extends: lifecycle.yaml -> lifecycle.yaml`,
      ],
    });
  });
});
