import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

/**
 * Where a linted file lives decides whether the rules check it, as it decides whether
 * `lifecycle check` analyses it: symlinks in and out of the project, code blocks a processor
 * extracts, a policy file renamed while the editor runs, and a malformed settings value.
 */
const STABLE_IMPORT = "import { a } from '../preview/fwaas/a.js';\nexport const b = a;\n";

const links: string[] = [];
afterEach(() => {
  for (const link of links.splice(0)) rmSync(link, { recursive: true, force: true });
});

function project(): string {
  return tempProject({
    'lifecycle.yaml': policyYaml(),
    'package.json': JSON.stringify({ name: 'placement', type: 'module' }),
    'src/preview/fwaas/a.ts': 'export const a = 1;\n',
    'src/core/b.ts': STABLE_IMPORT,
  });
}

function eslintAt(cwd: string, extra: Linter.Config[] = []): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended as Linter.Config, ...extra],
  });
}

async function messages(eslint: ESLint, file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([file]);
  return result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
}

describe('which files the rules check', () => {
  it('a project opened through a symlink, with the policy named by its real path, is checked', async () => {
    const root = project();
    const link = join(mkdtempSync(join(tmpdir(), 'lifecycle-link-')), 'project');
    links.push(join(link, '..'));
    symlinkSync(root, link);
    const eslint = eslintAt(link, [{ settings: { lifecycle: { policy: join(root, 'lifecycle.yaml') } } }]);
    expect(await messages(eslint, join(link, 'src/core/b.ts'))).toEqual([expect.stringMatching(/^1:19 lifecycle\/no-preview-import stable code imports preview feature "fwaas"/)]);
  });

  it('a file symlinked in from outside the project is not checked, as lifecycle check does not analyse it', async () => {
    const root = project();
    const outside = tempProject({ 'ext.ts': STABLE_IMPORT });
    symlinkSync(join(outside, 'ext.ts'), join(root, 'src/core/ext.ts'));
    const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root]).stdout) as { findings: { file: string; rule: string }[] };
    expect(cli.findings.filter((finding) => finding.rule === 'no-preview-import').map((finding) => finding.file)).toEqual(['src/core/b.ts']);
    const eslint = eslintAt(root);
    expect(await messages(eslint, join(root, 'src/core/ext.ts'))).toEqual([]);
    expect(await messages(eslint, join(root, 'src/core/b.ts'))).toHaveLength(1);
  });

  it('a code block a processor extracts from a non-source file is not checked', async () => {
    const root = project();
    const blocks: Linter.Processor = {
      preprocess: (text) => [{ text: text.replace(/^[^]*?```ts\n([^]*?)```[^]*$/, '$1'), filename: '0.ts' }],
      postprocess: (messageLists) => messageLists.flat(),
    };
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.md'], plugins: { blocks: { processors: { ts: blocks } } }, processor: 'blocks/ts' },
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        plugin.configs.recommended as Linter.Config,
      ],
    });
    const readme = join(root, 'src/core/README.md');
    // The block is linted as src/core/README.md/0.ts: from there, ../../preview/… names preview code.
    const block = "import { a } from '../../preview/fwaas/a.js';\nexport const b = a;\n";
    const results = await eslint.lintText(`# Usage\n\n\`\`\`ts\n${block}\`\`\`\n`, { filePath: readme });
    expect(results[0]!.messages).toEqual([]);
  });

  it('a settings.lifecycle.policy that is not a non-empty string is one report at the top of the file, not a crash', async () => {
    const root = project();
    for (const policy of [42, ['lifecycle.yaml'], '']) {
      const eslint = eslintAt(root, [{ settings: { lifecycle: { policy } } }]);
      expect(await messages(eslint, join(root, 'src/core/b.ts'))).toEqual([
        `1:1 lifecycle/no-preview-import lifecycle policy error: settings.lifecycle.policy must be the path of lifecycle.yaml (a non-empty string), not ${JSON.stringify(policy)}`,
      ]);
    }
  });

  it('a lifecycle.yaml renamed while the editor runs gives no false policy error', async () => {
    const root = project();
    const eslint = eslintAt(root);
    expect(await messages(eslint, join(root, 'src/core/b.ts'))).toHaveLength(1);
    renameSync(join(root, 'lifecycle.yaml'), join(root, 'lifecycle.yml'));
    // Past the half second a loaded policy is trusted, within the two seconds a found path is.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await messages(eslint, join(root, 'src/core/b.ts'))).toEqual([expect.stringMatching(/^1:19 lifecycle\/no-preview-import /)]);
  });

  it('vendored and minified files are not checked, as lifecycle check skips them, unless files.include names them', async () => {
    const root = project();
    const minified = `${STABLE_IMPORT}export const x = [${'1,'.repeat(6000)}1];\n`; // one line of 12,000 characters
    writeFileSync(join(root, 'src/core/bundle.min.ts'), minified);
    mkdirSync(join(root, '.yarn/plugins'), { recursive: true });
    writeFileSync(join(root, '.yarn/plugins/p.ts'), "import { a } from '../../src/preview/fwaas/a.js';\nexport const b = a;\n");
    const eslint = eslintAt(root);
    expect(await messages(eslint, join(root, 'src/core/bundle.min.ts'))).toEqual([]);
    expect(await messages(eslint, join(root, '.yarn/plugins/p.ts'))).toEqual([]);
    expect(await messages(eslint, join(root, 'src/core/b.ts'))).toHaveLength(1);
    const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root]).stdout) as { findings: { file: string; rule: string }[] };
    expect(cli.findings.filter((finding) => finding.rule === 'no-preview-import').map((finding) => finding.file)).toEqual(['src/core/b.ts']);

    writeFileSync(join(root, 'lifecycle.yaml'), `${policyYaml()}files:\n  include: [src/**, .yarn/**, src/core/bundle.min.ts]\n`);
    await new Promise((resolve) => setTimeout(resolve, 600)); // past the half second a loaded policy is trusted
    const named = eslintAt(root);
    expect(await messages(named, join(root, 'src/core/bundle.min.ts'))).toEqual([expect.stringMatching(/^1:19 lifecycle\/no-preview-import /)]);
    expect(await messages(named, join(root, '.yarn/plugins/p.ts'))).toEqual([expect.stringMatching(/^1:19 lifecycle\/no-preview-import /)]);
  });
});
