import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

/** fwaas introduced in the current release, so no deadline warning joins the findings. */
const POLICY = policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2');
const IMPORT = "import { a } from '../preview/fwaas/index.js';\nexport const b = a;\n";
/** One line of 12,000 characters: a minified bundle. */
const MINIFIED = `var x=${'1+'.repeat(6000)}1;import('../src/preview/fwaas/index.js');\n`;

interface Summary {
  files: number;
  resolved: number;
  unresolved: number;
  skipped: Record<string, number>;
  discovered: Record<string, number>;
}

const json = (root: string, ...args: string[]) => {
  const run = runLifecycle(['check', '--format', 'json', ...args, '--cwd', root]);
  return { ...run, output: run.stdout ? (JSON.parse(run.stdout) as { findings: { file: string; rule: string }[]; summary: Summary }) : undefined };
};

describe('lifecycle check fails closed when it analyses nothing', () => {
  it('exits 2 naming the root and what .gitignore hid when every source file is gitignored', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, '.gitignore': 'src/\n*.local.ts\n', 'src/core/a.ts': IMPORT, 'b.local.ts': IMPORT });
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe(
      `lifecycle: nothing analysed: project root ${root} (the directory of lifecycle.yaml); discovery listed 2 files (.gitignore hid 1 file and 1 directory), none of them a source file (.ts, .tsx, .js, .jsx, .mts, .cts, .mjs, .cjs)\n`,
    );
  });

  it('exits 2 when files.include is an empty list, in every format (nothing half-written on stdout)', () => {
    const root = tempProject({ 'lifecycle.yaml': `${POLICY}files:\n  include: []\n`, 'src/core/a.ts': IMPORT });
    for (const format of ['stylish', 'json', 'sarif', 'github', 'markdown']) {
      const run = runLifecycle(['check', '--format', format, '--cwd', root]);
      expect(run).toMatchObject({ status: 2, stdout: '' });
      expect(run.stderr).toContain('1 source file among them: 1 outside files.include (an empty list)');
    }
  });

  it('exits 2 when every source file is vendored or minified, and analyses them once files.include names them', () => {
    const yarnRelease = "const { a } = require('../../src/preview/fwaas/index.js');\n";
    const files = { 'lifecycle.yaml': POLICY, '.yarn/releases/yarn-4.1.0.cjs': yarnRelease, '.pnp.cjs': IMPORT, 'dist/app.min.js': MINIFIED };
    const run = runLifecycle(['check', '--cwd', tempProject(files)]);
    expect(run.status).toBe(2);
    // Two by their path, the minified one once read: still nothing analysed.
    expect(run.stderr).toMatch(/discovery listed 4 files, 3 source files among them: 3 vendored or minified \(name them in files\.include to analyse them\)\n$/);

    const named = tempProject({ ...files, 'lifecycle.yaml': `${POLICY}files:\n  include: [.yarn/**, dist/app.min.js, src/**]\n`, 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
    const included = json(named);
    expect(included.output!.findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual(['.yarn/releases/yarn-4.1.0.cjs no-preview-import', 'dist/app.min.js no-preview-import']);
    expect(included.output!.summary.skipped).toMatchObject({ total: 1, notIncluded: 1, vendored: 0 });
  });

  it('exits 2 for paths that hold no source file, config or doc file; a folder of config files is checked', () => {
    const root = tempProject({ 'lifecycle.yaml': `${POLICY}config:\n  files: [etc/*.yaml]\n`, 'src/core/a.ts': IMPORT, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'notes/todo.txt': 'x\n', 'etc/app.yaml': 'a: 1\n' });
    const run = runLifecycle(['check', 'notes', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lifecycle: nothing analysed under notes: project root .*; discovery listed 5 files, 2 source files among them: 2 not under notes\n$/);
    expect(runLifecycle(['check', 'etc', '--cwd', root]).status).toBe(0);
  });
});

describe('vendored and minified files are not analysed by default', () => {
  it('are counted as skipped, listed with --verbose, and their imports are not reported', () => {
    const root = tempProject({
      'lifecycle.yaml': POLICY,
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "import { a } from '../preview/fwaas/index.js';\nimport { b } from './missing.js';\nexport const c = a + b;\n",
      '.yarn/releases/yarn-4.1.0.cjs': IMPORT,
      'public/app.min.js': MINIFIED,
      'lib/vendor/big.js': `${IMPORT}${'export const x = 1;\n'.repeat(60_000)}`,
    });
    const { output, status } = json(root);
    expect(status).toBe(1);
    expect(output!.findings.map((finding) => `${finding.file} ${finding.rule}`)).toEqual(['src/core/a.ts no-preview-import', 'src/core/a.ts unresolved-import']);
    expect(output!.summary).toMatchObject({ files: 2, resolved: 1, unresolved: 1, skipped: { total: 3, vendored: 3 } });
    const verbose = runLifecycle(['check', '--verbose', '--cwd', root]);
    expect(verbose.stdout).toContain('note: .yarn/releases/yarn-4.1.0.cjs: not analysed, under .yarn/ (Yarn releases, plugins and cache) (name it in files.include to analyse it)\n');
    expect(verbose.stdout).toContain('note: public/app.min.js: not analysed, minified (a line over 10000 characters) (name it in files.include to analyse it)\n');
    expect(verbose.stdout).toContain('note: lib/vendor/big.js: not analysed, a file of 1 MB or more under vendor/ (name it in files.include to analyse it)\n');
    expect(verbose.stdout).toContain('✖ 2 problems (1 error, 1 warning) · 2 files checked, 3 skipped (3 vendored or minified) · 1 import resolved, 1 unresolved\n');
  });
});

describe('lifecycle explain on a vendored file', () => {
  it('says that lifecycle check does not analyse it, and how to include it', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/core/a.ts': IMPORT, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', '.pnp.cjs': IMPORT, 'src/app.min.js': MINIFIED });
    expect(runLifecycle(['explain', '.pnp.cjs', '--cwd', root]).stdout).toContain(
      "  note:     vendored or minified (a Yarn Plug'n'Play loader (.pnp.*)), so `lifecycle check` does not analyse it; name it in files.include to analyse it\n",
    );
    expect(runLifecycle(['explain', 'src/app.min.js', '--cwd', root]).stdout).toContain('  note:     vendored or minified (minified (a line over 10000 characters))');
  });
});

describe('the summary of every format', () => {
  const root = () =>
    tempProject({
      'lifecycle.yaml': `${POLICY}files:\n  include: [src/**]\n  exclude: [src/generated/**]\n`,
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "import { a } from '../preview/fwaas/index.js';\nimport fs from 'node:fs';\nimport { b } from './missing.js';\nexport const c = [a, b, fs];\n",
      'src/generated/client.ts': IMPORT,
      'scripts/build.ts': IMPORT,
      'src/app.min.js': MINIFIED,
      '.gitignore': 'out/\n',
      'out/x.js': IMPORT,
    });
  const expectedLine = '2 files checked, 3 skipped (1 outside files.include, 1 files.exclude, 1 vendored or minified) · 2 imports resolved, 1 unresolved';

  it('json: the four counts, then resolved, skipped by reason, what discovery saw', () => {
    expect(json(root()).output!.summary).toEqual({
      errors: 1,
      warnings: 1,
      files: 2,
      unresolved: 1,
      resolved: 2,
      skipped: { total: 3, notIncluded: 1, excluded: 1, vendored: 1, outsidePaths: 0, unchanged: 0 },
      discovered: { files: 7, sourceFiles: 5, gitignoredFiles: 0, gitignoredDirectories: 1, unreadableDirectories: 0 },
    });
  });

  it('stylish, markdown, github and sarif state the same counts', () => {
    const cwd = root();
    const format = (name: string) => runLifecycle(['check', '--format', name, '--cwd', cwd]).stdout;
    expect(format('stylish')).toContain(`✖ 2 problems (1 error, 1 warning) · ${expectedLine} (--verbose lists them)\n`);
    expect(format('markdown')).toContain(`✖ **2 problems** (1 error, 1 warning) · ${expectedLine}\n`);
    expect(format('github').split('\n').at(-2)).toBe(`::notice title=lifecycle check::1 error, 1 warning · ${expectedLine}`);
    const sarif = JSON.parse(format('sarif')) as { runs: { properties: { summary: Summary } }[] };
    expect(sarif.runs[0]!.properties.summary).toMatchObject({ files: 2, resolved: 2, unresolved: 1, skipped: { total: 3, notIncluded: 1, excluded: 1, vendored: 1 } });
  });
});

/**
 * Runs the CLI as an unprivileged user (tests run as root here, and root reads a mode-000
 * directory anyway). Undefined when that is impossible: not root and no way to drop privileges.
 */
function runUnprivileged(args: readonly string[]): { status: number | null; stdout: string; stderr: string } | undefined {
  const cli = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');
  const command = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, ...args] : [process.execPath, cli, ...args];
  const result = spawnSync(command[0]!, command.slice(1), { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.error) return undefined; // no setpriv on this machine
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const canDropPrivileges = process.getuid?.() !== 0 || spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', 'true']).status === 0;

describe('a directory that cannot be read', () => {
  it.skipIf(!canDropPrivileges)('is a parse-error finding (exit 1), never "no problems" (needs setpriv when run as root)', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'src/core/ok.ts': 'export const ok = 1;\n', 'src/secret/a.ts': IMPORT });
    // The unprivileged user must reach the project: open up the temp dir, then close src/secret.
    const open = (dir: string) => {
      chmodSync(dir, 0o755);
      for (const name of readdirSync(dir)) if (statSync(join(dir, name)).isDirectory()) open(join(dir, name));
      else chmodSync(join(dir, name), 0o644);
    };
    open(root);
    chmodSync(join(root, 'src/secret'), 0o000);
    try {
      const run = runUnprivileged(['check', '--format', 'json', '--cwd', root])!;
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      const output = JSON.parse(run.stdout) as { findings: { file: string; rule: string; message: string }[]; summary: Summary };
      expect(output.findings).toEqual([
        expect.objectContaining({ rule: 'parse-error', file: 'src/secret', message: 'cannot read directory (EACCES); the files in it were not analysed (fix its permissions, or list it in .gitignore)' }),
      ]);
      expect(output.summary.discovered.unreadableDirectories).toBe(1);
      const stylish = runUnprivileged(['check', '--cwd', root])!;
      expect(stylish.stdout).toContain('src/secret\n  1:1  error  cannot read directory (EACCES)');
    } finally {
      chmodSync(join(root, 'src/secret'), 0o755); // so the temp dir can be removed
    }
  });
});
