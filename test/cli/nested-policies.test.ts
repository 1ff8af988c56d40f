import { execFileSync } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

interface JsonOutput {
  findings: { file: string; line: number; column: number; rule: string; target?: string; message: string }[];
  summary: { errors: number; warnings: number; files: number; unresolved: number };
}

const ROOT = fixture('nested-policies');
/** fwaas introduced in the current release: no deadline warning joins the findings. */
const POLICY = policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2');
const IMPORT = "import { a } from '../preview/fwaas/index';\nexport const b = a;\n";
const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

function checkJson(args: readonly string[], env: NodeJS.ProcessEnv = {}): { status: number; output: JsonOutput; stderr: string } {
  const run = runLifecycle(['check', '--format', 'json', ...args], { env });
  return { status: run.status, output: JSON.parse(run.stdout || '{}') as JsonOutput, stderr: run.stderr };
}

const located = (output: JsonOutput) => output.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`);

/** A root project that is clean and a nested one (sub/) with one error. */
function cleanRootErrorBelow(extraRoot = ''): string {
  return tempProject({
    'lifecycle.yaml': POLICY + extraRoot,
    'src/core/ok.ts': 'export const ok = 1;\n',
    'src/preview/fwaas/index.ts': 'export const a = 1;\n',
    'sub/lifecycle.yaml': POLICY,
    'sub/src/preview/fwaas/index.ts': 'export const a = 1;\n',
    'sub/src/core/a.ts': IMPORT,
  });
}

describe('lifecycle check with nested policies', () => {
  it('checks each subtree by its own policy, in one report with paths from the root and one exit code', () => {
    const run = runLifecycle(['check', '--cwd', ROOT]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('packages/labs/src/stable.ts\n  1:26  error  stable code imports preview feature "beta" (packages/labs/src/experimental/beta/index.ts)');
    expect(run.stdout).toContain('CLI help "[preview] Beta report" (.description()) in preview feature "beta" does not say "experimental"');
    // The root's glob into packages/*/src/preview/ now matches none of its own files: a warning says so.
    expect(run.stdout).toContain('11:38  warn   preview.code[1]: glob "packages/*/src/preview/{feature}/**" matches no source file in the project');
    expect(run.stdout).toContain('✖ 6 problems (5 errors, 1 warning) · 8 files checked');
    const json = checkJson(['--cwd', ROOT]).output;
    expect(json.findings.find((finding) => finding.file === 'packages/labs/tools/inner/src/core/main.ts')?.target).toBe('packages/labs/tools/inner/src/preview/delta/index.ts');
  });

  it('an error only in a nested project fails the run at the root', () => {
    const root = cleanRootErrorBelow();
    const run = checkJson(['--cwd', root]);
    expect(run.status).toBe(1);
    expect(located(run.output)).toEqual(['sub/src/core/a.ts:1:19 no-preview-import']);
    expect(run.output.summary).toMatchObject({ errors: 1, warnings: 0, files: 4, unresolved: 0, resolved: 1 });
  });

  it('a nested policy that cannot be loaded is a policy error (exit 2) naming its file, line and column', () => {
    const root = cleanRootErrorBelow();
    writeFileSync(join(root, 'sub/lifecycle.yaml'), `${POLICY}preveiw: {}\n`);
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toMatch(new RegExp(`^lifecycle: invalid policy: ${join(root, 'sub/lifecycle.yaml')}:\\d+:1: preveiw: unknown key "preveiw"; did you mean "preview"\\?\n$`));
  });

  it('does not enter node_modules, .gitignore\'d folders or what the outer files.exclude removes', () => {
    const broken = 'version: 1\npreveiw: {}\n';
    const root = tempProject({
      'lifecycle.yaml': `${POLICY}files:\n  exclude: ["vendor/**"]\n`,
      '.gitignore': 'generated/\n',
      'src/core/ok.ts': 'export const ok = 1;\n',
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'node_modules/pkg/lifecycle.yaml': broken,
      'generated/lifecycle.yaml': broken,
      'vendor/lib/lifecycle.yaml': broken,
    });
    expect(checkJson(['--cwd', root])).toMatchObject({ status: 0, output: { findings: [], summary: { files: 2 } } });
  });

  it('a nested files.include is relative to the nested policy\'s own directory', () => {
    const root = cleanRootErrorBelow();
    appendFileSync(join(root, 'sub/lifecycle.yaml'), 'files:\n  include: [src/preview/**]\n');
    expect(checkJson(['--cwd', root])).toMatchObject({ status: 0, output: { findings: [], summary: { files: 3 } } });
  });

  it('--policy names the one policy for every file: nested lifecycle.yaml files are then not consulted', () => {
    const run = checkJson(['--cwd', ROOT, '--policy', 'lifecycle.yaml']);
    // The root policy alone: gamma is its (unregistered) preview code, beta and delta are stable.
    expect(located(run.output)).toEqual([
      'packages/labs/src/preview/gamma/gamma.ts:1:1 preview-unregistered',
      'packages/labs/src/stable.ts:2:23 no-preview-import',
      'src/core/app.ts:1:27 no-preview-import',
      'src/core/app.ts:3:23 no-preview-import',
    ]);
  });

  it('check <path> limits the run across policies; run inside a subtree, its policy is the top one', () => {
    const run = checkJson(['packages/labs/src', '--cwd', ROOT]);
    expect(located(run.output)).toEqual(['packages/labs/src/experimental/beta/cli.ts:5:53 preview-cli-label', 'packages/labs/src/stable.ts:1:26 no-preview-import']);
    const inside = checkJson(['--cwd', join(ROOT, 'packages/labs')]);
    expect(located(inside.output)).toEqual([
      'src/experimental/beta/cli.ts:5:53 preview-cli-label',
      'src/stable.ts:1:26 no-preview-import',
      'tools/inner/src/core/main.ts:1:23 no-preview-import',
    ]);
  });

  it('--verbose names each nested policy and the subtree it applies to', () => {
    const run = runLifecycle(['check', '--verbose', '--cwd', ROOT]);
    expect(run.stdout).toContain('note: packages/labs/lifecycle.yaml applies to packages/labs/ (a nested policy: the outer one does not analyse it)\n');
    expect(run.stdout).toContain('note: packages/labs/tools/inner/lifecycle.yaml applies to packages/labs/tools/inner/');
  });

  it('a baseline keys findings by their path from the root, nested ones included', () => {
    const root = cleanRootErrorBelow();
    const written = runLifecycle(['check', '--cwd', root, '--baseline', 'baseline.json', '--update-baseline']);
    expect(written.status).toBe(0);
    expect(readFileSync(join(root, 'baseline.json'), 'utf8')).toContain('"file": "sub/src/core/a.ts"');
    expect(checkJson(['--cwd', root, '--baseline', 'baseline.json'])).toMatchObject({ status: 0, output: { findings: [] } });
    appendFileSync(join(root, 'sub/src/core/a.ts'), IMPORT.replace('const b', 'const c').replace('{ a }', '{ a as d }'));
    expect(located(checkJson(['--cwd', root, '--baseline', 'baseline.json']).output)).toEqual(['sub/src/core/a.ts:3:24 no-preview-import']);
  });

  it('--changed-since: a changed file in a subtree is checked by its policy; a changed nested policy rechecks its subtree only', () => {
    const repo = cleanRootErrorBelow();
    writeFileSync(join(repo, 'src/core/b.ts'), 'export const b = 2;\n');
    writeFileSync(join(repo, 'sub/src/core/other.ts'), IMPORT);
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: { ...process.env, ...GIT_ENV }, stdio: 'pipe' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('tag', 'base');
    expect(checkJson(['--cwd', repo, '--changed-since', 'base'], GIT_ENV)).toMatchObject({ status: 0, output: { summary: { files: 0 } } });

    appendFileSync(join(repo, 'sub/src/core/a.ts'), '// touched\n');
    const oneFile = checkJson(['--cwd', repo, '--changed-since', 'base'], GIT_ENV);
    expect(located(oneFile.output)).toEqual(['sub/src/core/a.ts:1:19 no-preview-import']);
    expect(oneFile.output.summary.files).toBe(1);

    appendFileSync(join(repo, 'sub/lifecycle.yaml'), '# touched\n');
    const subtree = checkJson(['--cwd', repo, '--changed-since', 'base'], GIT_ENV);
    expect(located(subtree.output)).toEqual(['sub/src/core/a.ts:1:19 no-preview-import', 'sub/src/core/other.ts:1:19 no-preview-import']);
    // The subtree's three files; the root policy's files are unchanged and not read.
    expect(subtree.output.summary.files).toBe(3);
    const stylish = runLifecycle(['check', '--cwd', repo, '--changed-since', 'base'], { env: GIT_ENV });
    expect(stylish.stdout).toContain('note: --changed-since base: sub/lifecycle.yaml changed, so every file under sub/ was checked\n');
  });
});

describe('lifecycle explain with nested policies', () => {
  it('names the nested policy that decided a file, and which policy classified a target in another project', () => {
    const nested = runLifecycle(['explain', 'packages/labs/src/stable.ts', '--cwd', ROOT]);
    expect(nested.status).toBe(1); // its forbidden import is an error, as lifecycle check reports it (issue #20)
    expect(nested.stdout).toContain('  policy:   packages/labs/lifecycle.yaml (nested policy of packages/labs/, the nearest to the file)\n');
    expect(nested.stdout).toContain('1:26  ./experimental/beta/index.js → packages/labs/src/experimental/beta/index.ts [preview: beta]');

    const outer = runLifecycle(['explain', 'src/core/app.ts', '--cwd', ROOT]);
    expect(outer.stdout).toContain('  policy:   lifecycle.yaml\n');
    expect(outer.stdout).toContain(
      '2:26  ../../packages/labs/src/experimental/beta/index.js → packages/labs/src/experimental/beta/index.ts [preview: beta]\n' +
        '          resolved by typescript (tsconfig.json)\n' +
        '          target decided by packages/labs/lifecycle.yaml: preview.code: src/experimental/{feature}/**\n' +
        '          FORBIDDEN: stable code imports preview feature "beta"',
    );
    expect(outer.stdout).toContain('3:23  ../../packages/labs/src/preview/gamma/gamma.js → packages/labs/src/preview/gamma/gamma.ts [stable]');

    const json = JSON.parse(runLifecycle(['explain', 'packages/labs/tools/inner/src/core/main.ts', '--format', 'json', '--cwd', ROOT]).stdout) as {
      policy: string;
      file: string;
      imports: { target: string; targetDecidedBy: string }[];
    };
    expect(json).toMatchObject({ policy: 'packages/labs/tools/inner/lifecycle.yaml', file: 'packages/labs/tools/inner/src/core/main.ts' });
    expect(json.imports[0]).toMatchObject({ target: 'packages/labs/tools/inner/src/preview/delta/index.ts', targetDecidedBy: 'preview.code: src/preview/{feature}/**' });
  });
});

describe('lifecycle report with nested policies', () => {
  it('reviews the policy it starts from and names the subtrees it leaves to their own policy', () => {
    const run = runLifecycle(['report', '--format', 'json', '--cwd', ROOT]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('lifecycle: packages/labs/ has its own policy and is not part of this report: lifecycle report --cwd packages/labs\n');
    const report = JSON.parse(run.stdout) as { features: { id: string }[] };
    expect(report.features.map((feature) => feature.id)).toEqual(['charts']);
  });
});
