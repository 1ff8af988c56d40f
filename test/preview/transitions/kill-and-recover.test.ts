import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../../helpers/cli.js';
import { policyYaml, tempProject } from '../../helpers/temp-project.js';
import { snapshot } from './tree.js';

const JOURNAL = '.lifecycle-journal.json';

const FILES = {
  // A second preview feature keeps preview.code matching files once fwaas is stable.
  'lifecycle.yaml': `# the policy of a small service\n${policyYaml('  vpnaas:\n    status: preview\n    introduced: 2026.2\n    tracking: https://tracker.example/vpnaas\n    owners: [carol@example.org, dan@example.org]\n')}`,
  'src/preview/vpnaas/tunnel.ts': 'export const tunnel = 1;\n',
  'src/core/base.ts': 'export const base = 1;\n',
  'src/core/app.ts': [
    '// lifecycle-disable-next-line no-preview-import -- the app mounts the preview feature',
    "import { rule } from '../preview/fwaas/rules.js';",
    'export const app = rule;',
    '',
  ].join('\n'),
  'src/preview/fwaas/rules.ts': "import { base } from '../../core/base.js';\nexport const rule = base + 1;\n",
  'test/preview/fwaas/rules.test.ts': "import { rule } from '../../../src/preview/fwaas/rules.js';\nexport const seen = rule;\n",
};

const KILL = 'LIFECYCLE_TEST_KILL_AFTER_OPERATIONS';

/** The tree a promotion that was never interrupted leaves. */
function completeTree(): Record<string, string> {
  const root = tempProject(FILES);
  const run = runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root });
  expect(run.status).toBe(0);
  return snapshot(root);
}

describe('a promote killed after k of n file operations', () => {
  it('is completed by the next run, for every k, to the same tree as an uninterrupted one', () => {
    const complete = completeTree();
    expect(Object.keys(complete)).toEqual(['lifecycle.yaml', 'src/core/app.ts', 'src/core/base.ts', 'src/fwaas/rules.ts', 'src/preview/vpnaas/tunnel.ts', 'test/fwaas/rules.test.ts']);
    const first = tempProject(FILES);
    expect(runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: first, env: { [KILL]: '0' } }).status).toBe(-1);
    const total = (JSON.parse(readFileSync(join(first, JOURNAL), 'utf8')) as { operations: unknown[] }).operations.length;
    expect(total).toBe(6); // 2 moves, 4 edits
    for (let k = 0; k <= total; k += 1) {
      const root = k === 0 ? first : tempProject(FILES);
      if (k > 0) expect(runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root, env: { [KILL]: String(k) } }).status, `k=${k}`).toBe(-1);
      expect(existsSync(join(root, JOURNAL)), `k=${k}`).toBe(true);
      const next = runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root });
      expect(next.stderr, `k=${k}`).toBe(`lifecycle: completed the interrupted \`lifecycle promote fwaas\` from its journal (${JOURNAL}): the tree is the complete new one\n`);
      expect(next.status, `k=${k}`).toBe(0);
      expect(snapshot(root), `k=${k}`).toEqual(complete);
    }
  });

  it('is completed by the next run of another transition command, which then does its own work', () => {
    const root = tempProject(FILES);
    expect(runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root, env: { [KILL]: '3' } }).status).toBe(-1);
    const renew = runLifecycle(['renew', 'fwaas', '--tracking', 'https://tracker.example/fwaas-2', '--reason', 'more time'], { cwd: root });
    expect(renew.stderr).toContain('completed the interrupted `lifecycle promote fwaas`');
    // The promotion was completed first: fwaas is stable now, so it cannot be renewed.
    expect(renew.stderr).toContain('lifecycle: fwaas is stable, not in preview: only a preview feature is renewed\n');
    expect(renew.status).toBe(2);
    expect(snapshot(root)).toEqual(completeTree());
  });

  it('is rolled back when the journal cannot be replayed, and says so', () => {
    const root = tempProject(FILES);
    const original = snapshot(root);
    expect(runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root, env: { [KILL]: '0' } }).status).toBe(-1);
    // Something now sits where the feature was to move: replaying would overwrite it.
    mkdirSync(join(root, 'src', 'fwaas'), { recursive: true });
    writeFileSync(join(root, 'src', 'fwaas', 'rules.ts'), 'mine\n');
    const next = runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root });
    expect(next.stderr).toContain('could not complete the interrupted `lifecycle promote fwaas` (cannot tell whether src/preview/fwaas/rules.ts was moved to src/fwaas/rules.ts); rolled it back from its journal');
    expect(next.stderr).toContain('lifecycle: cannot promote fwaas: src/fwaas exists (the destination of src/preview/fwaas)');
    expect(next.status).toBe(2);
    expect(snapshot(root)).toEqual({ ...original, 'src/fwaas/rules.ts': 'mine\n' });
  });

  it('in a git work tree leaves the index as git mv would once completed', () => {
    const root = tempProject({ ...FILES, '.gitignore': '' });
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'start');
    expect(runLifecycle(['promote', 'fwaas'], { cwd: root, env: { [KILL]: '6' } }).status).toBe(-1);
    expect(runLifecycle(['promote', 'fwaas'], { cwd: root }).status).toBe(0);
    expect(git('diff', '--cached', '--name-status', '-M').stdout).toBe('R100\tsrc/preview/fwaas/rules.ts\tsrc/fwaas/rules.ts\nR100\ttest/preview/fwaas/rules.test.ts\ttest/fwaas/rules.test.ts\n');
  });

  it('a killed remove is completed by the next run, which says again what is left for a person (exit 1)', () => {
    const root = tempProject(FILES);
    expect(runLifecycle(['remove', 'fwaas', '--force', '--no-git'], { cwd: root, env: { [KILL]: '1' } }).status).toBe(-1);
    const next = runLifecycle(['remove', 'fwaas', '--force', '--no-git'], { cwd: root });
    expect(next.stderr).toBe(`lifecycle: completed the interrupted \`lifecycle remove fwaas\` from its journal (${JOURNAL}): the tree is the complete new one\n`);
    expect(next.stdout).toBe('manual steps:\n  - src/core/app.ts:2:22 imports ../preview/fwaas/rules.js: it will not resolve once fwaas is gone\n');
    expect(next.status).toBe(1);
    expect(Object.keys(snapshot(root))).toEqual(['lifecycle.yaml', 'src/core/app.ts', 'src/core/base.ts', 'src/preview/vpnaas/tunnel.ts']);
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toContain('  fwaas:\n    status: removed\n');
  });

  it('--dry-run refuses while a journal is there, and writes nothing', () => {
    const root = tempProject(FILES);
    expect(runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root, env: { [KILL]: '2' } }).status).toBe(-1);
    const before = snapshot(root);
    const dry = runLifecycle(['promote', 'fwaas', '--dry-run'], { cwd: root });
    expect(dry.status).toBe(2);
    expect(dry.stderr).toContain('a transition was interrupted');
    expect(snapshot(root)).toEqual(before);
  });
});
