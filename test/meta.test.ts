import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/catalogue.js';
import { CHECK_FUNCTIONS } from '../src/checks/index.js';
import { REPO_ROOT } from './helpers/cli.js';

const implemented = CHECKS.filter((check) => check.implemented);

describe('every implemented check id', () => {
  it.each(implemented.map((check) => check.id))('%s has docs/rules/<id>.md and test/checks/<id>.test.ts', (id) => {
    const doc = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc), `${doc} is missing`).toBe(true);
    expect(readFileSync(doc, 'utf8')).toMatch(new RegExp(`^# ${id}\\b`));
    expect(existsSync(join(REPO_ROOT, 'test', 'checks', `${id}.test.ts`)), `test/checks/${id}.test.ts is missing`).toBe(true);
  });

  it('is run by lifecycle check (or, for suppression-comment, by the suppression step)', () => {
    const run = new Set([...CHECK_FUNCTIONS.map((check) => check.id), 'suppression-comment']);
    expect([...run].sort()).toEqual(implemented.map((check) => check.id).sort());
  });

  it('has a default severity in policies/recommended.yaml', () => {
    const preset = readFileSync(join(REPO_ROOT, 'policies', 'recommended.yaml'), 'utf8');
    for (const check of implemented) expect(preset).toContain(`  ${check.id}: ${check.defaultSeverity}`);
  });
});

describe('every ESLint rule', () => {
  it('has one rule file rules/<id>.ts per plugin rule, and nothing else in rules/', async () => {
    const { readdirSync } = await import('node:fs');
    const plugin = (await import('../src/eslint-plugin.js')).default;
    const files = readdirSync(join(REPO_ROOT, 'rules')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3)).sort();
    expect(files).toEqual(Object.keys(plugin.rules).sort());
    for (const id of files) {
      expect(CHECKS.find((check) => check.id === id)?.implemented, `${id} is an implemented check id`).toBe(true);
      expect(existsSync(join(REPO_ROOT, 'test', 'eslint', 'rules', `${id}.test.ts`)), `test/eslint/rules/${id}.test.ts is missing`).toBe(true);
      const rule = plugin.rules[id as keyof typeof plugin.rules];
      expect(rule.meta.docs?.url).toMatch(new RegExp(`/docs/rules/${id}\\.md$`));
    }
  });

  it('is documented with the levels configs.recommended and configs.strict give it', async () => {
    const plugin = (await import('../src/eslint-plugin.js')).default;
    for (const id of Object.keys(plugin.rules)) {
      const doc = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
      const line = new RegExp(`In ESLint: \`lifecycle/${id}\`, \`configs\\.recommended\`: (error|warn|off), \`configs\\.strict\`: (error|warn|off)`).exec(doc);
      expect(line, `docs/rules/${id}.md lacks the "In ESLint: …" line`).not.toBeNull();
      expect(line![1]).toBe(plugin.configs.recommended.rules?.[`lifecycle/${id}`]);
      expect(line![2]).toBe(plugin.configs.strict.rules?.[`lifecycle/${id}`]);
    }
  });

  it.each(['README.md', 'docs/eslint.md'])('is listed in the rule table of %s with the levels of configs.recommended and configs.strict', async (file) => {
    const plugin = (await import('../src/eslint-plugin.js')).default;
    // Rows like: | [`lifecycle/<id>`](…) … | error | warn |  (the last two cells: recommended, strict)
    const rows = readFileSync(join(REPO_ROOT, file), 'utf8')
      .split('\n')
      .flatMap((row) => {
        const match = /^\| \[`lifecycle\/([a-z-]+)`\].*\| (error|warn|off) \| (error|warn|off) \|$/.exec(row);
        return match ? [{ id: match[1]!, recommended: match[2], strict: match[3] }] : [];
      });
    const expected = Object.keys(plugin.rules).map((id) => ({
      id,
      recommended: plugin.configs.recommended.rules?.[`lifecycle/${id}`] ?? 'off',
      strict: plugin.configs.strict.rules?.[`lifecycle/${id}`] ?? 'off',
    }));
    expect(rows, `${file}: one table row per rule, in the plugin's order`).toEqual(expected);
  });
});
