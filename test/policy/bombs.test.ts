import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const ALIAS_BOMB = `version: 1
preview:
  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
  d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
  e: [*d, *d, *d, *d, *d, *d, *d, *d, *d]
`;

/** lifecycle.yaml extends p1.yaml, which extends p2.yaml, … p3000.yaml. */
function extendsChain(): string {
  const root = tempProject({ 'lifecycle.yaml': 'version: 1\nextends: [./p1.yaml]\n', 'src/a.ts': 'export const a = 1;\n' });
  for (let index = 1; index < 3000; index += 1) writeFileSync(join(root, `p${index}.yaml`), `version: 1\nextends: [./p${index + 1}.yaml]\n`);
  writeFileSync(join(root, 'p3000.yaml'), 'version: 1\n');
  return root;
}

const cases = [
  ['an alias bomb', () => tempProject({ 'lifecycle.yaml': ALIAS_BOMB, 'src/a.ts': '' }), /^lifecycle\.yaml:4:10: YAML aliases expand to too many nodes \(more than 100\); write the values out instead$/],
  ['a 3,000-deep extends chain', extendsChain, /^p31\.yaml:2:11: extends\[0\]: extends chain deeper than 32 files \(starting at .*lifecycle\.yaml\)$/],
  ['a sequence as a mapping key', () => tempProject({ 'lifecycle.yaml': 'version: 1\n? [a, b]\n: 1\n', 'src/a.ts': '' }), /^lifecycle\.yaml:2:3: a mapping key must be a plain value, not a sequence$/],
] as const;

describe('policy bombs are policy errors naming the file and line', () => {
  it.each(cases)('CLI: %s', (_name, make, expected) => {
    const root = make();
    for (const command of [['check'], ['report'], ['explain', 'src/a.ts']]) {
      const run = runLifecycle([...command, '--cwd', root]);
      expect(run.status).toBe(2);
      const lines = run.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1); // one line: no "internal error", no Node warning, no stack
      expect(lines[0]!.replace(`lifecycle: ${root}/`, '')).toMatch(expected);
    }
  });

  it.each(cases)('ESLint: %s is one report at the top of the file, not a crash', async (_name, make, expected) => {
    const root = make();
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended as never],
    });
    const [result] = await eslint.lintFiles([join(root, 'src/a.ts')]);
    const messages = result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
    expect(messages).toHaveLength(1);
    const prefix = /^1:1 lifecycle\/[a-z-]+ lifecycle policy error: /;
    expect(messages[0]).toMatch(prefix);
    expect(messages[0]!.replace(prefix, '').replace(`${root}/`, '')).toMatch(expected);
  });
});
