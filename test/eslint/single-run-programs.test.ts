import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FIXTURES, runLifecycle } from '../helpers/cli.js';

/**
 * @typescript-eslint/parser in single-run mode (CI=true, TSESTREE_SINGLE_RUN=true, the eslint
 * binary) builds each `project` program once, and gives a second parse of the same file (an
 * autofix pass, a second ESLint instance) an isolated single-file program without types. The
 * typed rule must not walk that program as the API (every import "does not resolve" there).
 */
const FIXTURE = join(FIXTURES, 'preview-api-leak-monorepo');
const ENTRY = 'packages/telemetry/src/index.ts';
const singleRunBefore = process.env.TSESTREE_SINGLE_RUN;
const copies: string[] = [];

beforeAll(() => {
  process.env.TSESTREE_SINGLE_RUN = 'true';
});
afterAll(() => {
  if (singleRunBefore === undefined) delete process.env.TSESTREE_SINGLE_RUN;
  else process.env.TSESTREE_SINGLE_RUN = singleRunBefore;
});
afterEach(() => {
  while (copies.length > 0) rmSync(copies.pop()!, { recursive: true, force: true });
});

/** A copy of the fixture (its own tsconfig path, so its own single-run program). */
function fixtureCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'lifecycle-single-run-'));
  copies.push(root);
  cpSync(FIXTURE, root, { recursive: true });
  return root;
}

async function leakMessages(root: string, plugin: { configs: { strict: unknown } }, options: { fix?: boolean; rules?: object } = {}) {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    ...(options.fix ? { fix: true } : {}),
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tsParser, parserOptions: { project: './tsconfig.json', tsconfigRootDir: root } } },
      plugin.configs.strict as never,
      ...(options.rules ? [{ files: ['**/*.ts'], rules: options.rules }] : []),
    ],
  });
  const files = ['packages/client/src/index.ts', 'packages/client/src/options.ts', ENTRY, 'packages/telemetry/src/transport.ts'];
  const results = await eslint.lintFiles(files.map((file) => join(root, file)));
  const messages = results
    .flatMap((result) => result.messages.filter((message) => message.ruleId === 'lifecycle/preview-api-leak').map((message) => `${result.filePath.slice(root.length + 1)}:${message.line}:${message.column} ${message.message}`))
    .sort();
  return { messages, outputs: new Map(results.filter((result) => result.output !== undefined).map((result) => [result.filePath, result.output!])) };
}

function cliLeaks(root: string): string[] {
  const cli = JSON.parse(runLifecycle(['check', '--format', 'json', '--cwd', root]).stdout) as { findings: { rule: string; file: string; line: number; column: number; message: string }[] };
  return cli.findings
    .filter((finding) => finding.rule === 'preview-api-leak')
    .map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)
    .sort();
}

describe('preview-api-leak under single-run typed linting (parserOptions.project)', () => {
  it('a second ESLint instance linting the same files gives the same findings as the first and as lifecycle check', async () => {
    const root = fixtureCopy();
    const { default: plugin } = await import('../../src/eslint-plugin.js');
    const first = await leakMessages(root, plugin);
    const second = await leakMessages(root, plugin);
    expect(first.messages).toHaveLength(10);
    expect(second.messages).toEqual(first.messages);
    expect(first.messages).toEqual(cliLeaks(root));
  });

  it('an autofix pass that moves the declarations gets findings at their new lines, as lifecycle check gives on the fixed file', async () => {
    const root = fixtureCopy();
    const entry = join(root, ENTRY);
    const original = readFileSync(entry, 'utf8');
    // Four blank lines above the declarations: no-multiple-empty-lines (max 1) removes three.
    writeFileSync(entry, original.replace("} from './transport.js';\n", "} from './transport.js';\n\n\n\n\n"));
    const { default: plugin } = await import('../../src/eslint-plugin.js');
    const fixed = await leakMessages(root, plugin, { fix: true, rules: { 'no-multiple-empty-lines': ['error', { max: 1 }] } });
    const output = fixed.outputs.get(entry);
    expect(output).toBeDefined();
    expect(output).not.toBe(readFileSync(entry, 'utf8'));
    writeFileSync(entry, output!);
    const expected = cliLeaks(root);
    expect(expected.filter((finding) => finding.startsWith(`${ENTRY}:`))).toHaveLength(8);
    expect(fixed.messages).toEqual(expected);
  });

  it('an autofix pass in a program with a package installed twice (a redirect source file) does not crash, and finds the same', async () => {
    const root = fixtureCopy();
    // The same package, name and version, under both packages: TypeScript makes the second copy a redirect.
    for (const pkg of ['client', 'telemetry']) {
      const dir = join(root, 'packages', pkg, 'node_modules', 'dup');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'dup', version: '1.0.0', types: 'index.d.ts' }));
      writeFileSync(join(dir, 'index.d.ts'), 'export declare const dup: number;\n');
      writeFileSync(join(root, 'packages', pkg, 'src', 'uses-dup.ts'), "import { dup } from 'dup';\nexport const twice = dup * 2;\n");
    }
    const entry = join(root, ENTRY);
    writeFileSync(entry, readFileSync(entry, 'utf8').replace("} from './transport.js';\n", "} from './transport.js';\n\n\n\n\n"));
    const { default: plugin } = await import('../../src/eslint-plugin.js');
    const fixed = await leakMessages(root, plugin, { fix: true, rules: { 'no-multiple-empty-lines': ['error', { max: 1 }] } });
    writeFileSync(entry, fixed.outputs.get(entry)!);
    expect(fixed.messages).toEqual(cliLeaks(root));
    expect(fixed.messages.filter((finding) => finding.startsWith(`${ENTRY}:`))).toHaveLength(8);
  });

  it('says it cannot check the file when the only program it gets is the isolated one', async () => {
    const root = fixtureCopy();
    const { default: plugin } = await import('../../src/eslint-plugin.js');
    await leakMessages(root, plugin);
    // A fresh copy of the plugin knows no earlier program; the parser still counts the parses.
    vi.resetModules();
    const { default: freshPlugin } = await import('../../src/eslint-plugin.js');
    expect(freshPlugin).not.toBe(plugin);
    const again = await leakMessages(root, freshPlugin);
    expect(again.messages).toHaveLength(4);
    for (const message of again.messages) expect(message).toMatch(/:1:1 lifecycle\/preview-api-leak cannot check this file: @typescript-eslint\/parser gave this lint a single-file program without types/);
  });
});
