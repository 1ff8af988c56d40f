import { cpSync, mkdtempSync, rmSync, utimesSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { ESLint as ESLint9 } from 'eslint-v9';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { fixture } from '../helpers/cli.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('one ESLint instance, lifecycle.yaml edited between two lints', () => {
  it.each([
    ['ESLint 10', ESLint],
    ['ESLint 9', ESLint9 as unknown as typeof ESLint],
  ] as const)('%s sees the edit without a restart, and reports a broken policy at the top of the file', async (_name, Eslint) => {
    root = mkdtempSync(join(tmpdir(), 'lifecycle-live-'));
    cpSync(fixture('exceptions'), root, { recursive: true });
    const eslint = new Eslint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended as never],
    });
    const target = join(root, 'src/plugins/loader.ts');
    const lint = async () => (await eslint.lintFiles([target]))[0]!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);

    const before = await lint();
    expect(before).toEqual([expect.stringMatching(/^2:27 lifecycle\/no-preview-import stable code imports preview feature "vpnaas"/)]);

    // Widen the plugins exception to every feature: the vpnaas import becomes allowed.
    const policyFile = join(root, 'lifecycle.yaml');
    const policy = readFileSync(policyFile, 'utf8');
    const touch = async (text: string, seconds: number) => {
      // An editor re-checks the policy on disk at most twice a second.
      await new Promise((resolve) => setTimeout(resolve, 600));
      writeFileSync(policyFile, text);
      const when = new Date(Date.now() + seconds * 1000);
      utimesSync(policyFile, when, when);
    };
    await touch(policy.replace('      features: [fwaas]\n', ''), 10);
    expect(policy).toContain('      features: [fwaas]\n');
    expect(await lint()).toEqual([]);

    await touch('version: 1\npreveiw: {}\n', 20);
    expect(await lint()).toEqual([expect.stringMatching(/^1:1 lifecycle\/no-preview-import lifecycle policy error: invalid policy: .*lifecycle\.yaml:2:1: preveiw: unknown key "preveiw"; did you mean "preview"\?/)]);
  });
});
