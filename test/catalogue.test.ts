import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHECKS, editorLevel } from '../src/checks/catalogue.js';
import { CHECK_FUNCTIONS } from '../src/checks/index.js';
import plugin from '../src/eslint-plugin.js';
import { REPO_ROOT } from './helpers/cli.js';

// The catalogue (src/checks/catalogue.ts) is the one list of checks; everything that names check
// ids with their levels is derived from it or proven equal to it here.

const implemented = CHECKS.filter((check) => check.implemented);
const inEditor = CHECKS.filter((check) => check.editor);
const read = (file: string) => readFileSync(join(REPO_ROOT, file), 'utf8');

/** Table rows of a Markdown file whose first cell names a check id: the id and the other cells. */
function tableRows(file: string, firstCell: RegExp): { id: string; cells: string[] }[] {
  return read(file)
    .split('\n')
    .flatMap((row) => {
      if (!row.startsWith('| ')) return [];
      const cells = row.slice(2, -2).split(' | ');
      const id = firstCell.exec(cells[0]!)?.[1];
      return id ? [{ id, cells: cells.slice(1) }] : [];
    });
}

/** The check ids written in backticks in the paragraph of `file` that starts with `opening`. */
function idsInParagraph(file: string, opening: string): string[] {
  const text = read(file);
  const start = text.indexOf(opening);
  expect(start, `${file} has a paragraph starting "${opening}"`).toBeGreaterThanOrEqual(0);
  const paragraph = text.slice(start, text.indexOf('\n\n', start));
  return [...paragraph.matchAll(/`([a-z]+(?:-[a-z]+)+)`/g)].map((match) => match[1]!).filter((id) => CHECKS.some((check) => check.id === id));
}

describe('the check catalogue', () => {
  it('has one pure check per implemented id, each in src/checks/<id>.ts, all in the one list', async () => {
    expect(CHECK_FUNCTIONS.map((check) => check.id).sort()).toEqual(implemented.map((check) => check.id).sort());
    for (const check of CHECK_FUNCTIONS) {
      const file = pathToFileURL(join(REPO_ROOT, 'src', 'checks', `${check.id}.ts`)).href;
      const module = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      expect(Object.values(module), `src/checks/${check.id}.ts exports the check of the list`).toContain(check);
    }
  });

  it('is all src/checks/ holds besides the checks: check.ts (their interface) and index.ts (their list)', () => {
    const files = readdirSync(join(REPO_ROOT, 'src', 'checks')).sort();
    expect(files).toEqual([...implemented.map((check) => `${check.id}.ts`), 'catalogue.ts', 'check.ts', 'index.ts'].sort());
  });

  it('gives every implemented id a doc page with its default severity and a test', () => {
    for (const check of implemented) {
      const doc = `docs/rules/${check.id}.md`;
      expect(existsSync(join(REPO_ROOT, doc)), `${doc} is missing`).toBe(true);
      expect(/Default severity: \*\*(error|warn|off)\*\*/.exec(read(doc))?.[1], doc).toBe(check.defaultSeverity);
      expect(existsSync(join(REPO_ROOT, 'test', 'checks', `${check.id}.test.ts`)), `test/checks/${check.id}.test.ts is missing`).toBe(true);
    }
  });

  it('says which checks run in the editor: exactly those have rules/<id>.ts and a plugin rule, in catalogue order', () => {
    const ruleFiles = readdirSync(join(REPO_ROOT, 'rules')).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
    expect(ruleFiles.sort()).toEqual(inEditor.map((check) => check.id).sort());
    expect(Object.keys(plugin.rules)).toEqual(inEditor.map((check) => check.id));
    for (const check of inEditor) expect(check.implemented, `${check.id} runs in the editor, so it is implemented`).toBe(true);
  });

  it('gives configs.recommended the levels of policies/recommended.yaml and configs.strict error, for editor checks only', () => {
    const preset = (parse(read('policies/recommended.yaml')) as { checks: Record<string, string> }).checks;
    const levels = (config: 'recommended' | 'strict') => Object.fromEntries(inEditor.map((check) => [`lifecycle/${check.id}`, editorLevel(check, config)]));
    expect(plugin.configs.recommended.rules).toEqual(Object.fromEntries(inEditor.map((check) => [`lifecycle/${check.id}`, preset[check.id]])));
    expect(plugin.configs.recommended.rules).toEqual(levels('recommended'));
    expect(plugin.configs.strict.rules).toEqual(Object.fromEntries(inEditor.map((check) => [`lifecycle/${check.id}`, 'error'])));
    expect(plugin.configs.strict.rules).toEqual(levels('strict'));
  });

  it('is what policies/recommended.yaml lists: every implemented id at its default severity, nothing else', () => {
    const preset = (parse(read('policies/recommended.yaml')) as { checks: Record<string, string> }).checks;
    expect(preset).toEqual(Object.fromEntries(implemented.map((check) => [check.id, check.defaultSeverity])));
  });

  it('knows every check id another policies/*.yaml sets a level for', () => {
    for (const name of readdirSync(join(REPO_ROOT, 'policies')).filter((file) => file.endsWith('.yaml'))) {
      const checks = (parse(read(`policies/${name}`)) as { checks?: Record<string, string> }).checks ?? {};
      for (const [id, level] of Object.entries(checks)) {
        expect(CHECKS.map((check) => check.id), `policies/${name}: ${id}`).toContain(id);
        expect(['error', 'warn', 'off'], `policies/${name}: ${id}`).toContain(level);
      }
    }
  });

  it('is the table of checks in README.md: every implemented id with its default, in catalogue order', () => {
    const rows = tableRows('README.md', /^\[`([a-z-]+)`\]\(docs\/rules\/[a-z-]+\.md\)$/);
    expect(rows.map((row) => [row.id, row.cells[0]])).toEqual(implemented.map((check) => [check.id, check.defaultSeverity]));
  });

  it('is the table of docs/rules/README.md: every id with its default, graded or not, implemented or planned', () => {
    const rows = tableRows('docs/rules/README.md', /^\[`([a-z-]+)`\]\([a-z-]+\.md\)$/);
    const planned = tableRows('docs/rules/README.md', /^`([a-z-]+)`$/);
    expect([...rows, ...planned].map((row) => [row.id, row.cells[0], row.cells[1]])).toEqual(
      CHECKS.map((check) => [check.id, `${check.defaultSeverity}${check.graded ? ' (graded)' : ''}`, check.implemented ? 'implemented' : '**planned**']),
    );
  });

  it('is the list of ids with and without an ESLint rule in docs/rules/README.md and docs/eslint.md', () => {
    expect(idsInParagraph('docs/rules/README.md', '**In ESLint.**')).toEqual(inEditor.map((check) => check.id));
    expect(idsInParagraph('docs/eslint.md', 'Other check ids').sort()).toEqual(
      implemented.filter((check) => !check.editor).map((check) => check.id).sort(),
    );
  });
});
