import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import astroParser from 'astro-eslint-parser';
import svelteParser from 'svelte-eslint-parser';
import vueParser from 'vue-eslint-parser';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import { collectEstreeFacts, EstreeFactsCollector, type EstreeFacts, type EstreeFactsOptions } from '../../src/extract/estree/estree-facts.js';

/**
 * The rules collect imports (and CLI-help/route calls) from listeners that ESLint's own traversal
 * calls; a walk of our own remains for calls outside a traversal. Both must give the same facts,
 * for every option combination, on real code.
 */
const repo = fileURLToPath(new URL('../..', import.meta.url));

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(?:[mc]?ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

const OPTIONS: EstreeFactsOptions[] = [
  { deep: false, labelledTexts: false },
  { deep: true, labelledTexts: false },
  { deep: true, labelledTexts: true },
];

const TS_FILES: Linter.Config = { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } };

/** Lints `text` once with a rule that feeds a collector from ESLint's traversal, and walks it too. */
function bothWays(linter: Linter, file: string, text: string, options: EstreeFactsOptions, config: Linter.Config = TS_FILES) {
  let fromTraversal: EstreeFacts | undefined;
  let fromWalk: EstreeFacts | undefined;
  const rule: Rule.RuleModule = {
    create(context) {
      const collector = new EstreeFactsCollector(options);
      return {
        ...(collector.listeners() as unknown as Rule.RuleListener),
        'Program:exit'() {
          fromTraversal = collector.facts();
          fromWalk = collectEstreeFacts(context.sourceCode.ast as unknown as TSESTree.Program, context.sourceCode.visitorKeys, options);
        },
      };
    },
  };
  const messages = linter.verify(
    text,
    [{ ...config, plugins: { t: { rules: { facts: rule } } }, rules: { 't/facts': 'error' } }],
    { filename: file },
  );
  return { fromTraversal, fromWalk, fatal: messages.some((message) => message.fatal) };
}

describe('EstreeFactsCollector: ESLint traversal and own walk agree', () => {
  it('on every TypeScript file of the fixtures, examples and this repository, for each option set', () => {
    const files = ['test/fixtures', 'examples', 'src', 'rules', 'test'].flatMap((dir) => sourceFiles(join(repo, dir)));
    const linter = new Linter({ configType: 'flat' });
    const disagreements: string[] = [];
    let compared = 0;
    let imports = 0;
    let labelled = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('\0')) continue;
      for (const options of OPTIONS) {
        const { fromTraversal, fromWalk, fatal } = bothWays(linter, file, text, options);
        if (fatal) break; // a syntax error on purpose (fixtures): nothing to traverse
        compared += 1;
        imports += fromWalk?.imports.length ?? 0;
        labelled += fromWalk?.labelledTexts.length ?? 0;
        const where = `${relative(repo, file)} ${JSON.stringify(options)}`;
        if (options.deep) {
          if (JSON.stringify(fromTraversal) !== JSON.stringify(fromWalk)) disagreements.push(where);
        } else {
          // Without `deep` the walk reads top-level statements only; the listeners also see import
          // declarations nested in `declare module` blocks: they may find more, never less.
          const traversed = new Set(fromTraversal?.imports.map((site) => JSON.stringify(site)));
          if (fromWalk?.imports.some((site) => !traversed.has(JSON.stringify(site)))) disagreements.push(`${where}: the traversal missed an import`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    // Real ground: hundreds of files, thousands of imports, and CLI-help/route texts from the fixtures.
    expect(compared).toBeGreaterThan(500);
    expect(imports).toBeGreaterThan(1000);
    expect(labelled).toBeGreaterThan(10);
    // Every TypeScript file of the repository, parsed twice per option set: about 25 s alone, over 60 s
    // on a loaded machine, and growing with the repository.
  }, 240_000);

  it('on the component files of the single-file-components fixture, with their ESLint parsers', () => {
    const dir = join(repo, 'test/fixtures/single-file-components/src');
    const parsers: Record<string, unknown> = { vue: vueParser, svelte: svelteParser, astro: astroParser };
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(?:vue|svelte|astro)$/.test(name));
    const linter = new Linter({ configType: 'flat' });
    let imports = 0;
    for (const name of files) {
      const extension = name.slice(name.lastIndexOf('.') + 1);
      const config = { files: [`**/*.${extension}`], languageOptions: { parser: parsers[extension], parserOptions: { parser: tsParser } } } as Linter.Config;
      for (const options of OPTIONS) {
        const { fromTraversal, fromWalk, fatal } = bothWays(linter, join(dir, name), readFileSync(join(dir, name), 'utf8'), options, config);
        expect(fatal, name).toBe(false);
        // Dynamic imports (Widget.svelte) are only seen with `deep`; every declaration either way.
        if (options.deep) expect(fromWalk, `${name} ${JSON.stringify(options)}`).toEqual(fromTraversal);
        else expect(fromWalk?.imports, name).toEqual(fromTraversal?.imports.filter((site) => site.form !== 'dynamic-import'));
        imports += fromWalk?.imports.length ?? 0;
      }
    }
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(imports).toBeGreaterThan(30);
  });
});
