import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin.js';
import { diskCheckDue } from '../../src/eslint/disk-check.js';
import { reloadsBetweenLints } from '../../src/eslint/policy-prefetch.js';
import { currentWorkspace } from '../../src/eslint/workspace-cache.js';
import { loadPolicy } from '../../src/load-policy.js';
import { bundledTypeScript } from '../../src/ts.js';
import { fixture } from '../helpers/cli.js';

// One long-lived ESLint instance, as an editor's ESLint server keeps it, over a temp copy of a
// fixture: each change on disk shows in the findings of the next lint after a pause (the plugin
// looks at the disk again on the first lint after 250 ms without one; docs/eslint.md).
const PAUSE_MS = 300;
const pause = () => new Promise((resolve) => setTimeout(resolve, PAUSE_MS));

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function copyOf(name: string): string {
  root = mkdtempSync(join(tmpdir(), 'lifecycle-editor-'));
  cpSync(fixture(name), root, { recursive: true });
  return root;
}

function editor(cwd: string, settings: Record<string, unknown> = {}) {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, settings }, plugin.configs.recommended as never],
  });
  /** The lifecycle findings of a buffer (the file's text on disk when `text` is omitted). */
  return async (file: string, text = readFileSync(join(cwd, file), 'utf8')) => {
    const [result] = await eslint.lintText(text, { filePath: join(cwd, file) });
    return result!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.message}`);
  };
}

describe('one ESLint instance: what changed on disk shows in the next lint', () => {
  it('an edit of the linted buffer: the findings follow the text', async () => {
    const cwd = copyOf('exceptions');
    const lint = editor(cwd);
    const router = readFileSync(join(cwd, 'src/core/router.ts'), 'utf8');
    expect(await lint('src/core/router.ts')).toEqual([expect.stringMatching(/^1:\d+ lifecycle\/no-preview-import stable code imports preview feature "fwaas"/)]);
    const withoutImport = router.replace("import { firewallPlugin } from '../preview/fwaas/index.js';\n", "const firewallPlugin = () => 'fw';\n");
    expect(withoutImport).not.toEqual(router);
    expect(await lint('src/core/router.ts', withoutImport)).toEqual([]);
  });

  it('an edit that tags an imported declaration @preview: the importer gets the finding at the next lint after a pause', async () => {
    const cwd = copyOf('exceptions');
    writeFileSync(join(cwd, 'src/core/helpers.ts'), 'export function makeThing(): number {\n  return 1;\n}\n');
    const importer = "import { makeThing } from './helpers.js';\nexport const thing = makeThing();\n";
    const lint = editor(cwd);
    expect(await lint('src/core/uses-helper.ts', importer)).toEqual([]);
    await pause();
    writeFileSync(join(cwd, 'src/core/helpers.ts'), '/** @preview fwaas */\nexport function makeThing(): number {\n  return 1;\n}\n');
    await pause();
    const findings = await lint('src/core/uses-helper.ts', importer);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^1:10 lifecycle\/no-preview-import .*makeThing/);
    expect(findings[0]).toContain('src/core/helpers.ts');
  });

  it('an unsaved buffer of an imported file is never what its importers see: they get what the disk (and lifecycle check) says', async () => {
    const cwd = copyOf('exceptions');
    const untagged = 'export function makeThing(): number {\n  return 1;\n}\n';
    const tagged = `/** @preview fwaas */\n${untagged}`;
    writeFileSync(join(cwd, 'src/core/helpers.ts'), untagged);
    const importer = "import { makeThing } from './helpers.js';\nexport const thing = makeThing();\n";
    const lint = editor(cwd);
    // The buffer of helpers.ts tags the declaration (its own lint sees that text), the disk does not.
    await lint('src/core/helpers.ts', tagged);
    expect(await lint('src/core/uses-helper.ts', importer)).toEqual([]);
    await pause();
    // Two buffers in a row, the last one equal to the disk: still the disk.
    await lint('src/core/helpers.ts', tagged);
    await lint('src/core/helpers.ts', untagged);
    expect(await lint('src/core/uses-helper.ts', importer)).toEqual([]);
    // Saved: the importer gets the finding at its next lint after a pause.
    writeFileSync(join(cwd, 'src/core/helpers.ts'), tagged);
    await pause();
    expect(await lint('src/core/uses-helper.ts', importer)).toEqual([expect.stringMatching(/^1:10 lifecycle\/no-preview-import .*makeThing/)]);
  });

  it('a lifecycle.yaml added while the disk check went to a file of another project still applies at the next lint', async () => {
    const cwd = copyOf('exceptions');
    const outside = mkdtempSync(join(tmpdir(), 'lifecycle-outside-'));
    try {
      writeFileSync(join(outside, 'x.ts'), 'export const x = 1;\n');
      mkdirSync(join(cwd, 'src/sub'));
      writeFileSync(join(cwd, 'src/sub/b.ts'), "import { x } from '../preview/fwaas/index.js';\nexport const y = x;\n");
      const lint = editor(cwd);
      const lintOutside = editor(outside);
      expect(await lint('src/sub/b.ts')).toEqual([expect.stringMatching(/^1:\d+ lifecycle\/no-preview-import stable code imports preview feature "fwaas"/)]);
      await pause();
      // A nested policy: src/sub is a project of its own, and the import leaves it.
      writeFileSync(join(cwd, 'src/sub/lifecycle.yaml'), readFileSync(join(cwd, 'lifecycle.yaml'), 'utf8'));
      await pause();
      expect(await lintOutside('x.ts')).toEqual([]); // this lint is the one the disk check is due at
      expect(await lint('src/sub/b.ts')).toEqual([]); // right after: no pause, no new disk check
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('a file added to a preview folder: a stable file importing it by a relative path gets the finding; removed, it goes', async () => {
    const cwd = copyOf('exceptions');
    const lint = editor(cwd);
    const buffer = "import { extra } from '../preview/vpnaas/extra.js';\nexport const uses = extra;\n";
    expect(await lint('src/core/router.ts', buffer)).toEqual([]);
    writeFileSync(join(cwd, 'src/preview/vpnaas/extra.ts'), 'export const extra = 1;\n');
    await pause();
    expect(await lint('src/core/router.ts', buffer)).toEqual([expect.stringMatching(/^1:23 lifecycle\/no-preview-import stable code imports preview feature "vpnaas"/)]);
    rmSync(join(cwd, 'src/preview/vpnaas/extra.ts'));
    await pause();
    expect(await lint('src/core/router.ts', buffer)).toEqual([]);
  });

  it('a file added to a preview folder: an import through tsconfig paths (a remembered resolution) finds it too', async () => {
    const cwd = copyOf('tsconfig-paths');
    const lint = editor(cwd);
    const buffer = "import { extra } from '@preview/charts/extra.js';\nexport const uses = extra;\n";
    expect(await lint('src/app/dashboard.ts', buffer)).toEqual([]);
    writeFileSync(join(cwd, 'src/preview/charts/extra.ts'), 'export const extra = 1;\n');
    await pause();
    expect(await lint('src/app/dashboard.ts', buffer)).toEqual([expect.stringMatching(/^1:23 lifecycle\/no-preview-import stable code imports preview feature "charts"/)]);
  });

  it('an edit of lifecycle.yaml: a new exception allows the import at the next lint', async () => {
    const cwd = copyOf('tsconfig-paths');
    const lint = editor(cwd);
    expect((await lint('src/app/dashboard.ts')).filter((finding) => finding.includes('no-preview-import'))).toHaveLength(2);
    const policyFile = join(cwd, 'lifecycle.yaml');
    const policy = readFileSync(policyFile, 'utf8');
    const edited = policy.replace('  code: src/preview/{feature}/**\n', '  code: src/preview/{feature}/**\n  exceptions:\n    - { path: "src/app/**", reason: "the dashboard shows every chart" }\n');
    expect(edited).not.toEqual(policy);
    writeFileSync(policyFile, edited);
    await pause();
    expect(await lint('src/app/dashboard.ts')).toEqual([]);
  });

  it('a lifecycle.yaml edited while the disk check went to a file of another project applies at the next lint of its own', async () => {
    const cwd = copyOf('tsconfig-paths');
    const outside = mkdtempSync(join(tmpdir(), 'lifecycle-outside-'));
    try {
      writeFileSync(join(outside, 'x.ts'), 'export const x = 1;\n');
      const lint = editor(cwd);
      const lintOutside = editor(outside);
      expect((await lint('src/app/dashboard.ts')).filter((finding) => finding.includes('no-preview-import'))).toHaveLength(2);
      await pause();
      const policyFile = join(cwd, 'lifecycle.yaml');
      writeFileSync(policyFile, readFileSync(policyFile, 'utf8').replace('  code: src/preview/{feature}/**\n', '  code: src/preview/{feature}/**\n  exceptions:\n    - { path: "src/app/**", reason: "the dashboard shows every chart" }\n'));
      // Right after the save (before the policy watch settles, or with no watch events at all):
      // the check is due at the other project's lint, and this project's lint follows without a pause.
      expect(await lintOutside('x.ts')).toEqual([]);
      expect(await lint('src/app/dashboard.ts')).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('in a server that lints with pauses, a saved lifecycle.yaml is loaded before the next lint, between lints', async () => {
    const cwd = copyOf('tsconfig-paths');
    const lint = editor(cwd);
    // Two lints with a pause between them: a long-lived server, so the policy's folder is watched.
    await lint('src/app/dashboard.ts');
    await pause();
    expect((await lint('src/app/dashboard.ts')).filter((finding) => finding.includes('no-preview-import'))).toHaveLength(2);
    const policyFile = join(cwd, 'lifecycle.yaml');
    const reloadsBefore = reloadsBetweenLints(policyFile);
    const policy = readFileSync(policyFile, 'utf8');
    // Saved as editors save: a new file renamed over the old one.
    writeFileSync(`${policyFile}.tmp`, policy.replace('  code: src/preview/{feature}/**\n', '  code: src/preview/{feature}/**\n  exceptions:\n    - { path: "src/app/**", reason: "the dashboard shows every chart" }\n'));
    renameSync(`${policyFile}.tmp`, policyFile);
    // No lint runs until the watch has loaded the policy.
    const waitUntil = Date.now() + 10_000;
    while (reloadsBetweenLints(policyFile) === reloadsBefore && Date.now() < waitUntil) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reloadsBetweenLints(policyFile)).toBe(reloadsBefore + 1);
    expect(await lint('src/app/dashboard.ts')).toEqual([]);
    // A policy saved half-written (invalid) is left to the lint, which reports it.
    writeFileSync(policyFile, 'version: 1\nreleases: [\n');
    while (reloadsBetweenLints(policyFile) === reloadsBefore + 1 && Date.now() < waitUntil + 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
    await pause();
    expect(await lint('src/app/dashboard.ts')).toEqual([expect.stringMatching(/^1:1 lifecycle\/no-preview-import lifecycle policy error: invalid YAML: .*lifecycle\.yaml:\d+:\d+/)]);
  });
});

describe('a project that cannot be listed within the budget', () => {
  it('fails closed: every file is reported as not checked, at its first line', async () => {
    const cwd = copyOf('exceptions');
    const lint = editor(cwd, { lifecycle: { budgetMs: 1e-9 } });
    for (const file of ['src/core/router.ts', 'src/plugins/loader.ts']) {
      expect(await lint(file)).toEqual([
        expect.stringMatching(/^1:1 lifecycle\/no-preview-import lifecycle: this file is not checked: listing the project did not finish within 1e-9 ms \(0 directories, 0 files listed; settings\.lifecycle\.budgetMs\)/),
      ]);
    }
  });

  it('a budget that is not a positive number is a configuration error on the file', async () => {
    const cwd = copyOf('exceptions');
    const lint = editor(cwd, { lifecycle: { budgetMs: 'fast' } });
    expect(await lint('src/core/router.ts')).toEqual([
      '1:1 lifecycle/no-preview-import lifecycle policy error: settings.lifecycle.budgetMs must be a positive number of milliseconds, not "fast"',
    ]);
  });
});

describe('currentWorkspace(): incremental by directory mtime', () => {
  it('keeps the workspace while no listing changed, patches an added file in, walks again for a new directory', () => {
    const cwd = copyOf('exceptions');
    const loaded = loadPolicy({ cwd });
    const ts = bundledTypeScript();
    const first = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
    expect(first.sourceFiles).toContain('src/core/router.ts');
    // Nothing changed on disk: the same workspace, however often the disk is checked.
    expect(currentWorkspace(loaded, false, ts, 'periodic', 10_000)).toBe(first);
    expect(currentWorkspace(loaded, false, ts, false, 10_000)).toBe(first);

    writeFileSync(join(cwd, 'src/core/added.ts'), 'export const added = 1;\n');
    const patched = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
    expect(patched).not.toBe(first);
    expect(patched.sourceFiles).toEqual([...first.sourceFiles, 'src/core/added.ts'].sort());
    // Patched, not rebuilt: the resolver keeps its caches.
    expect(patched.resolver).toBe(first.resolver);

    mkdirSync(join(cwd, 'src/preview/newfeature'));
    writeFileSync(join(cwd, 'src/preview/newfeature/index.ts'), 'export const x = 1;\n');
    const rewalked = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
    expect(rewalked.resolver).not.toBe(first.resolver);
    expect(rewalked.sourceFiles).toContain('src/preview/newfeature/index.ts');
    expect(rewalked.sourceFiles).toContain('src/core/added.ts');
  });

  it('a disk check due at a lint of another project: this project sweeps at its next lint, so a file added meanwhile is listed', async () => {
    const cwd = copyOf('exceptions');
    const other = mkdtempSync(join(tmpdir(), 'lifecycle-other-'));
    try {
      cpSync(fixture('exceptions'), other, { recursive: true });
      const ts = bundledTypeScript();
      const loaded = loadPolicy({ cwd });
      const loadedOther = loadPolicy({ cwd: other });
      const first = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
      currentWorkspace(loadedOther, false, ts, 'periodic', 10_000);
      writeFileSync(join(cwd, 'src/core/added.ts'), 'export const added = 1;\n');
      // Past the sweep interval (1 s), then a pause: the check is due at a lint of the other project.
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      expect(diskCheckDue()).toBe('after-pause');
      currentWorkspace(loadedOther, false, ts, 'after-pause', 10_000);
      // This project's lint right after, with no check due of its own, still sees the added file.
      const next = currentWorkspace(loaded, false, ts, false, 10_000);
      expect(next).not.toBe(first);
      expect(next.sourceFiles).toContain('src/core/added.ts');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('a disk check too soon after the last round of the sweep began is kept: the round starts once the interval is over', async () => {
    const cwd = copyOf('exceptions');
    const ts = bundledTypeScript();
    const loaded = loadPolicy({ cwd });
    const builtAt = Date.now();
    const first = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
    writeFileSync(join(cwd, 'src/core/added.ts'), 'export const added = 1;\n');
    // A pause, but under the sweep interval (1 s) since the round began with the workspace.
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    expect(diskCheckDue()).toBe('after-pause');
    const soon = currentWorkspace(loaded, false, ts, 'after-pause', 10_000);
    // (On a machine so loaded that the pause took the whole interval, the round may start here.)
    if (Date.now() - builtAt < 900) expect(soon).toBe(first);
    // Past the interval, at a lint with no check due of its own: the owed round runs.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(currentWorkspace(loaded, false, ts, false, 10_000).sourceFiles).toContain('src/core/added.ts');
  });

  it('a disk check at the lint that meets an edited policy still sweeps: a file added with the edit is listed', async () => {
    const cwd = copyOf('exceptions');
    const ts = bundledTypeScript();
    currentWorkspace(loadPolicy({ cwd }), false, ts, 'periodic', 10_000);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    writeFileSync(join(cwd, 'src/core/added.ts'), 'export const added = 1;\n');
    writeFileSync(join(cwd, 'lifecycle.yaml'), `${readFileSync(join(cwd, 'lifecycle.yaml'), 'utf8')}\n# edited\n`);
    expect(diskCheckDue()).toBe('after-pause');
    expect(currentWorkspace(loadPolicy({ cwd }), false, ts, 'after-pause', 10_000).sourceFiles).toContain('src/core/added.ts');
  });

  it('a root policy edit after an edit of a nested policy: the nested edit is not lost', () => {
    const cwd = copyOf('nested-policies');
    const ts = bundledTypeScript();
    const target = 'packages/labs/src/experimental/beta/index.ts';
    const before = currentWorkspace(loadPolicy({ cwd }), false, ts, 'periodic', 10_000);
    expect(before.classifyTarget(target)).toMatchObject({ zone: 'preview', feature: 'beta' });
    // The nested policy no longer calls src/experimental/ preview code; then the root policy is saved.
    const nested = join(cwd, 'packages/labs/lifecycle.yaml');
    writeFileSync(nested, readFileSync(nested, 'utf8').replace('code: src/experimental/{feature}/**', 'code: src/labs-preview/{feature}/**'));
    writeFileSync(join(cwd, 'lifecycle.yaml'), `${readFileSync(join(cwd, 'lifecycle.yaml'), 'utf8')}\n# edited\n`);
    const after = currentWorkspace(loadPolicy({ cwd }), false, ts, 'after-pause', 10_000);
    expect(after.classifyTarget(target)).toMatchObject({ zone: 'stable' });
  });

  it('a package.json edited together with the policy still makes the sweep walk again', () => {
    const cwd = copyOf('nested-policies');
    const ts = bundledTypeScript();
    const before = currentWorkspace(loadPolicy({ cwd }), false, ts, 'periodic', 10_000);
    const manifest = join(cwd, 'package.json');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('{', '{\n  "description": "edited",'));
    writeFileSync(join(cwd, 'lifecycle.yaml'), `${readFileSync(join(cwd, 'lifecycle.yaml'), 'utf8')}\n# edited\n`);
    const loaded = loadPolicy({ cwd });
    // The policy edit reuses the walk, packages and resolver...
    expect(currentWorkspace(loaded, false, ts, false, 10_000).resolver).toBe(before.resolver);
    // ...and the sweep still sees the package.json edit: a new walk, new packages and resolver.
    let latest = before;
    for (let i = 0; i < 50 && latest.resolver === before.resolver; i += 1) latest = currentWorkspace(loaded, false, ts, 'periodic', 10_000);
    expect(latest.resolver).not.toBe(before.resolver);
  });
});
