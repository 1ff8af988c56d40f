import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../../helpers/cli.js';
import { policyYaml, tempProject } from '../../helpers/temp-project.js';
import { snapshot } from './tree.js';

const EXTRA = `    config: [fwaas.*]
    docs: [docs/fwaas.md]
  vpnaas:
    status: preview
    introduced: 2026.2
    tracking: https://tracker.example/vpnaas
    owners: [carol@example.org, dan@example.org]
  dvr:
    status: stable
    introduced: 2026.1
    tracking: https://tracker.example/dvr
    owners: [carol@example.org, dan@example.org]
config:
  files: [etc/*.ini]
`;

const FILES = {
  'lifecycle.yaml': policyYaml(EXTRA),
  'src/core/app.ts': "// lifecycle-disable-next-line no-preview-import -- the app mounts it\nimport { a } from '../preview/fwaas/a.js';\nexport const app = a;\n",
  'src/preview/fwaas/a.ts': 'export const a = 1;\n',
  'src/preview/fwaas/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1]),
  'test/preview/fwaas/a.test.ts': "import { a } from '../../../src/preview/fwaas/a.js';\nexport const t = a;\n",
  'src/preview/vpnaas/tunnel.ts': "import { a } from '../fwaas/a.js';\nexport const tunnel = a;\n",
  'src/dvr/route.ts': 'export const route = 1;\n',
  'etc/app.ini': '; preview\n[fwaas]\nenabled = false\n',
  'docs/fwaas.md': '# Firewall (preview)\n',
};

describe('lifecycle remove', () => {
  it('refuses, exit 2, listing the imports of the feature from outside its code; nothing written', () => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    const run = runLifecycle(['remove', 'fwaas', '--no-git'], { cwd: root });
    expect(run.stderr).toBe(
      'lifecycle: cannot remove fwaas: 2 imports of it outside its own code would break (remove them first, or pass --force)\n' +
        "  src/core/app.ts:2:19 imports ../preview/fwaas/a.js\n  src/preview/vpnaas/tunnel.ts:1:19 imports ../fwaas/a.js\n",
    );
    expect(run.status).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints what it would delete and edit, and writes nothing', () => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    const run = runLifecycle(['remove', 'fwaas', '--dry-run', '--force', '--no-git'], { cwd: root });
    expect(run.stdout).toMatch(/^delete src\/preview\/fwaas\/a\.ts\ndelete src\/preview\/fwaas\/logo\.png\ndelete test\/preview\/fwaas\/a\.test\.ts\n--- a\/lifecycle\.yaml\n/);
    expect(run.stdout).toContain('-    status: preview\n+    status: removed\n');
    expect(run.status).toBe(1);
    expect(snapshot(root)).toEqual(before);
  });

  it('with --force deletes code and tests, marks the entry removed, and lists imports, config keys and docs (exit 1)', () => {
    const root = tempProject(FILES);
    const run = runLifecycle(['remove', 'fwaas', '--force', '--no-git'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        'removed fwaas (status: removed; its entry stays for history)',
        '  edited lifecycle.yaml',
        '  deleted src/preview/fwaas/a.ts',
        '  deleted src/preview/fwaas/logo.png',
        '  deleted test/preview/fwaas/a.test.ts',
        'manual steps:',
        '  - src/core/app.ts:2:19 imports ../preview/fwaas/a.js: it will not resolve once fwaas is gone',
        '  - src/preview/vpnaas/tunnel.ts:1:19 imports ../fwaas/a.js: it will not resolve once fwaas is gone',
        '  - etc/app.ini:3:1: config key fwaas.enabled of fwaas: remove it once operators no longer set it',
        '  - docs/fwaas.md: remove or rewrite this doc of fwaas',
        '',
      ].join('\n'),
    );
    expect(run.status).toBe(1);
    expect(existsSync(join(root, 'src', 'preview', 'fwaas'))).toBe(false);
    expect(existsSync(join(root, 'test', 'preview'))).toBe(false);
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toBe(FILES['lifecycle.yaml'].replace('status: preview', 'status: removed'));
    expect(readFileSync(join(root, 'docs', 'fwaas.md'), 'utf8')).toBe(FILES['docs/fwaas.md']);
    expect(readFileSync(join(root, 'etc', 'app.ini'), 'utf8')).toBe(FILES['etc/app.ini']);
    const again = runLifecycle(['remove', 'fwaas', '--no-git'], { cwd: root });
    expect(again).toMatchObject({ status: 2, stderr: 'lifecycle: fwaas is removed already\n' });
  });

  it('exits 0 when nothing is left for a person', () => {
    const root = tempProject(FILES);
    const run = runLifecycle(['remove', 'vpnaas', '--no-git'], { cwd: root });
    expect(run.stdout).toBe('removed vpnaas (status: removed; its entry stays for history)\n  edited lifecycle.yaml\n  deleted src/preview/vpnaas/tunnel.ts\n');
    expect(run.status).toBe(0);
  });

  it('refuses a stable feature (deprecate it first)', () => {
    const root = tempProject(FILES);
    expect(runLifecycle(['remove', 'dvr'], { cwd: root })).toMatchObject({ status: 2, stderr: 'lifecycle: cannot remove dvr: it is stable; deprecate it first (status: deprecated), then remove it\n' });
  });
});

describe('lifecycle promote refuses, exit 2, nothing written', () => {
  it.each([
    [['promote', 'dvr'], 'lifecycle: cannot promote dvr: it is stable, not in preview\n'],
    [['promote', 'vpnaas'], 'lifecycle: cannot promote vpnaas: once stable, its code would import preview code (no-preview-import); promote or cut those first\n  src/preview/vpnaas/tunnel.ts:1:19 imports ../fwaas/a.js of preview feature fwaas\n'],
    [['promote', 'fwaas', '--to', 'src/dvr'], 'lifecycle: cannot promote fwaas: src/dvr exists (the destination of src/preview/fwaas); choose another with --to, or move it away first\n'],
    [['promote', 'fwaas', '--to', '../elsewhere'], 'lifecycle: --to must be a folder inside the project, not "../elsewhere"\n'],
    [['promote', 'nope'], 'lifecycle: no feature "nope" in LIFECYCLE; registered: dvr, fwaas, vpnaas\n'],
  ])('%j', (args, message) => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    const run = runLifecycle([...args, '--no-git'], { cwd: root });
    expect(run.stderr).toBe(message.replace('LIFECYCLE', join(root, 'lifecycle.yaml')));
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });
});
