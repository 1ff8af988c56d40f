import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runLifecycle } from '../../helpers/cli.js';
import { copyOfExample, scratchFolder, snapshot } from './tree.js';

// Next to this test, so the two move together when the feature is promoted.
const GOLDEN = fileURLToPath(new URL('golden/netsvc-promote-fwaas.diff', import.meta.url));
const TSC = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

interface CheckJson {
  findings: { rule: string; file: string; feature?: string }[];
}

describe('lifecycle promote fwaas on a copy of examples/netsvc', () => {
  it('--dry-run prints the moves and the diff a reviewer would write (golden), the same each run, and writes nothing', () => {
    const root = copyOfExample('netsvc');
    const before = snapshot(root);
    const first = runLifecycle(['promote', 'fwaas', '--dry-run', '--no-git'], { cwd: root });
    const second = runLifecycle(['promote', 'fwaas', '--dry-run', '--no-git'], { cwd: root });
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(readFileSync(GOLDEN, 'utf8'));
    expect(second.stdout).toBe(first.stdout);
    expect(snapshot(root)).toEqual(before);
  });

  it('leaves a tree that type-checks, whose check says nothing about fwaas, and whose tests pass', () => {
    const root = copyOfExample('netsvc');
    const run = runLifecycle(['promote', 'fwaas', '--no-git'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('promoted fwaas to stable (src/preview/fwaas -> src/fwaas, test/preview/fwaas -> test/fwaas)\n');
    expect(run.stdout).toContain('note: removed the suppression at src/cli.ts:3 (it suppressed only imports of fwaas)\n');
    expect(run.stdout).toContain('check: nothing left for a person\n');
    expect(run.status).toBe(0);
    expect(existsSync(join(root, 'src', 'preview', 'fwaas'))).toBe(false);
    expect(existsSync(join(root, 'test', 'preview', 'fwaas'))).toBe(false);
    expect(existsSync(join(root, '.lifecycle-journal.json'))).toBe(false);

    const tsc = spawnSync(process.execPath, [TSC, '--noEmit', '-p', root], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    const check = runLifecycle(['check', '--format', 'json'], { cwd: root });
    const findings = (JSON.parse(check.stdout) as CheckJson).findings;
    expect(findings.filter((finding) => finding.feature === 'fwaas' || /fwaas/.test(finding.file))).toEqual([]);
    // What the example reported before about the other features is still there, and nothing new.
    expect(findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual([
      'docs/dvr.md preview-docs-label',
      'docs/vpnaas.md preview-docs-label',
      'etc/netsvc.ini preview-config-label',
      'etc/netsvc.ini preview-config-label',
      'etc/netsvc.yaml preview-config-label',
      'etc/netsvc.yaml preview-config-label',
      'src/core/router.ts no-preview-import',
    ]);

    const out = scratchFolder();
    const build = spawnSync(process.execPath, [TSC, '-p', root, '--outDir', out], { encoding: 'utf8' });
    expect(build.status).toBe(0);
    const tests = spawnSync(process.execPath, ['--test', join(out, 'test')], { encoding: 'utf8' });
    expect(tests.stdout).toMatch(/# fail 0/);
    expect(tests.stdout).toMatch(/# pass [1-9]/);
    expect(tests.status).toBe(0);
  });

  it('stages the moves in a git work tree as git mv would, so history follows', () => {
    const root = copyOfExample('netsvc');
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' } });
    git('init', '-q');
    spawnSync('sh', ['-c', 'printf "node_modules\\n" > .gitignore'], { cwd: root });
    git('add', '-A');
    git('commit', '-qm', 'netsvc');
    const run = runLifecycle(['promote', 'fwaas'], { cwd: root });
    expect(run.status).toBe(0);
    const staged = git('diff', '--cached', '--name-status', '-M').stdout;
    // Exactly the six moves, each a pure rename in the index (the edits come on top, unstaged).
    expect(staged.trim().split('\n')).toEqual([
      'R100\tsrc/preview/fwaas/cli.ts\tsrc/fwaas/cli.ts',
      'R100\tsrc/preview/fwaas/model.ts\tsrc/fwaas/model.ts',
      'R100\tsrc/preview/fwaas/policies.ts\tsrc/fwaas/policies.ts',
      'R100\tsrc/preview/fwaas/rules.ts\tsrc/fwaas/rules.ts',
      'R100\ttest/preview/fwaas/policies.test.ts\ttest/fwaas/policies.test.ts',
      'R100\ttest/preview/fwaas/rules.test.ts\ttest/fwaas/rules.test.ts',
    ]);
    // The edits are in the work tree, for review, like an edit after `git mv`.
    expect(git('diff', '--name-only').stdout).toContain('src/cli.ts');
  });

  it('refuses, with the files, when a file it must touch has uncommitted changes; --force goes ahead', () => {
    const root = copyOfExample('netsvc');
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
    const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8', env });
    git('init', '-q');
    spawnSync('sh', ['-c', 'printf "node_modules\\n" > .gitignore && git add -A && git commit -qm netsvc && printf "// wip\\n" >> src/cli.ts'], { cwd: root, env });
    const before = snapshot(root);
    const refused = runLifecycle(['promote', 'fwaas'], { cwd: root });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('lifecycle: cannot promote fwaas: uncommitted changes in files it must touch (src/cli.ts); commit them first, or pass --force\n');
    expect(snapshot(root)).toEqual(before);
    const forced = runLifecycle(['promote', 'fwaas', '--force'], { cwd: root });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(root, 'src', 'cli.ts'), 'utf8')).toContain("from './fwaas/cli.js';");
  });
});
