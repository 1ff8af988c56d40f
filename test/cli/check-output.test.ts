import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress, progressWanted } from '../../src/engine/progress.js';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

interface JsonOutput {
  findings: { file: string; line: number; rule: string }[];
  summary: { errors: number; warnings: number; files: number; unresolved: number; skipped: Record<string, number> };
}

const IMPORT = "import { a } from '../preview/fwaas/index';\nexport const b = a;\n";
/** The test policy with fwaas introduced in the current release, so no deadline warning joins the findings. */
const POLICY = policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2');

describe('lifecycle check --full-parse', () => {
  const cwd = fixture('syntax-error-file');
  const parseErrors = (run: { stdout: string }) =>
    (JSON.parse(run.stdout) as JsonOutput).findings.filter((finding) => finding.rule === 'parse-error').map((finding) => `${finding.file}:${finding.line}`);

  it('reports grammar errors the scan does not need to see, and nothing else changes', () => {
    const scanned = runLifecycle(['check', '--format', 'json', '--cwd', cwd]);
    const parsed = runLifecycle(['check', '--format', 'json', '--full-parse', '--cwd', cwd]);
    expect([scanned.status, parsed.status]).toEqual([1, 1]);
    expect(parseErrors(scanned)).toEqual(['src/stable/broken.ts:4']);
    expect(parseErrors(parsed)).toEqual(['src/stable/broken.ts:4', 'src/stable/grammar-only.ts:4']);
    const others = (run: { stdout: string }) => (JSON.parse(run.stdout) as JsonOutput).findings.filter((finding) => finding.rule !== 'parse-error');
    expect(others(parsed)).toEqual(others(scanned));
  });

  it('--verbose says how many files were scanned and why the others were parsed', () => {
    const run = runLifecycle(['check', '--verbose', '--cwd', cwd]);
    expect(run.stdout).toContain('note: read 4 source files: 2 scanned, 2 parsed in full (1 lexical error, 1 preview code (CLI help and routes))\n');
    const full = runLifecycle(['check', '--verbose', '--full-parse', '--cwd', cwd]);
    expect(full.stdout).toContain('note: read 4 source files: 0 scanned, 4 parsed in full (4 full parse requested)\n');
    const binary = runLifecycle(['check', '--verbose', '--cwd', fixture('binary-ts-file')]);
    expect(binary.stdout).toContain('note: read 3 source files: 1 scanned, 1 parsed in full (1 preview code (CLI help and routes)), 1 not analysed (see parse-error)\n');
  });
});

describe('lifecycle check --output and --max-warnings', () => {
  it('writes the report to a file (creating folders), prints nothing, and keeps the exit code', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'src/core/a.ts': IMPORT });
    // stdout first: the report file, once written, is one more file discovery lists (summary.discovered.files).
    const direct = runLifecycle(['check', '--format', 'sarif', '--cwd', root]).stdout;
    const run = runLifecycle(['check', '--format', 'sarif', '--output', 'reports/lifecycle.sarif', '--cwd', root]);
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: '' });
    expect(readFileSync(join(root, 'reports/lifecycle.sarif'), 'utf8')).toBe(direct);
    expect(readdirSync(join(root, 'reports'))).toEqual(['lifecycle.sarif']);
    // Overwrites in place; stylish in a file has no colour codes.
    expect(runLifecycle(['check', '--output', 'reports/lifecycle.sarif', '--cwd', root]).status).toBe(1);
    expect(readFileSync(join(root, 'reports/lifecycle.sarif'), 'utf8')).toMatch(/^src\/core\/a\.ts\n {2}1:19 {2}error/);
    expect(readdirSync(join(root, 'reports'))).toEqual(['lifecycle.sarif']);
  });

  it('fails with exit 2 when the output cannot be written', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'taken': 'a file' });
    const run = runLifecycle(['check', '--output', 'taken/report.txt', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lifecycle: cannot write --output .*taken\/report\.txt \(a parent of it is a file, not a folder\)\n$/);
  });

  it('--max-warnings N exits 1 only when warnings exceed N', () => {
    const cwd = fixture('registry-basics'); // two preview-registry warnings, no errors
    expect(runLifecycle(['check', '--max-warnings', '2', '--cwd', cwd]).status).toBe(0);
    const over = runLifecycle(['check', '--max-warnings', '1', '--format', 'json', '--cwd', cwd]);
    expect(over.status).toBe(1);
    expect(over.stderr).toBe('lifecycle: 2 warnings, more than --max-warnings 1\n');
    expect((JSON.parse(over.stdout) as JsonOutput).summary.warnings).toBe(2);
    const bad = runLifecycle(['check', '--max-warnings', 'many', '--cwd', cwd]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("option '--max-warnings <n>' argument 'many' is invalid. expected a whole number (0 or more)");
  });

  it('lists every format in --help and rejects others', () => {
    const help = runLifecycle(['check', '--help']).stdout;
    expect(help.replace(/\s+/g, ' ')).toContain('(choices: "stylish", "json", "sarif", "github", "markdown", default: "stylish")');
    expect(runLifecycle(['check', '--format', 'xml']).stderr).toContain('Allowed choices are stylish, json, sarif, github, markdown.');
  });
});

const GIT_ENV = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
};

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, { cwd, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' });
}

/** A git repository whose lifecycle project lives in proj/ (so paths must be mapped), committed and tagged `base`. */
function gitProject(): { repo: string; root: string } {
  const repo = tempProject({
    'README.md': 'outside the project\n',
    'proj/lifecycle.yaml': POLICY,
    'proj/src/preview/fwaas/index.ts': 'export const a = 1;\n',
    'proj/src/core/a.ts': IMPORT,
    'proj/src/core/b.ts': IMPORT,
    // A deliberate syntax error in a file nobody changes: under --changed-since it is never read.
    'proj/src/core/broken.ts': "export const s = 'unterminated;\n",
  });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'base');
  git(repo, 'tag', 'base');
  return { repo, root: join(repo, 'proj') };
}

function checkJson(root: string, ...args: string[]): { status: number; output: JsonOutput; stderr: string } {
  const run = runLifecycle(['check', '--format', 'json', ...args, '--cwd', root], { env: GIT_ENV });
  return { status: run.status, output: JSON.parse(run.stdout || '{}') as JsonOutput, stderr: run.stderr };
}

const located = (output: JsonOutput) => output.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`);

describe('lifecycle check --changed-since', () => {
  it('reports only files changed since REF (committed, uncommitted, untracked) and parses nothing else', () => {
    const { repo, root } = gitProject();
    const full = checkJson(root);
    expect(located(full.output)).toEqual([
      'src/core/a.ts:1 no-preview-import',
      'src/core/b.ts:1 no-preview-import',
      'src/core/broken.ts:1 parse-error',
    ]);

    // Nothing changed: not "nothing analysed" (exit 2) but a clean run that says what it skipped.
    expect(checkJson(root, '--changed-since', 'base')).toMatchObject({ status: 0, output: { findings: [], summary: { files: 0, skipped: { total: 4, unchanged: 4 } } } });

    appendFileSync(join(root, 'src/core/a.ts'), '// touched\n');
    appendFileSync(join(repo, 'README.md'), 'a change outside the project\n');
    const uncommitted = checkJson(root, '--changed-since', 'base');
    expect(uncommitted.status).toBe(1);
    expect(located(uncommitted.output)).toEqual(['src/core/a.ts:1 no-preview-import']);
    expect(uncommitted.output.summary).toMatchObject({ errors: 1, warnings: 0, files: 1, unresolved: 0, skipped: { total: 3, unchanged: 3 } });

    git(repo, 'commit', '-q', '-am', 'touch a');
    writeFileSync(join(root, 'src/core/new.ts'), IMPORT);
    const committedAndUntracked = checkJson(root, '--changed-since', 'base');
    expect(located(committedAndUntracked.output)).toEqual(['src/core/a.ts:1 no-preview-import', 'src/core/new.ts:1 no-preview-import']);
    expect(committedAndUntracked.output.summary.files).toBe(2);

    // Stylish says what was limited.
    const stylish = runLifecycle(['check', '--changed-since', 'base', '--cwd', root], { env: GIT_ENV });
    expect(stylish.stdout).toContain('note: --changed-since base: only the 2 files changed since then were considered\n');
  });

  it('re-checks everything when the policy file changed', () => {
    const { root } = gitProject();
    appendFileSync(join(root, 'lifecycle.yaml'), '# a comment\n');
    const run = checkJson(root, '--changed-since', 'base');
    expect(located(run.output)).toEqual(['src/core/a.ts:1 no-preview-import', 'src/core/b.ts:1 no-preview-import', 'src/core/broken.ts:1 parse-error']);
    const stylish = runLifecycle(['check', '--changed-since', 'base', '--cwd', root], { env: GIT_ENV });
    expect(stylish.stdout).toContain('note: --changed-since base: lifecycle.yaml changed, so every file was checked\n');
  });

  it('re-checks everything when a file the policy extends changed', () => {
    const { repo, root } = gitProject();
    writeFileSync(join(root, 'lifecycle.yaml'), `extends: [./base-policy.yaml]\n${POLICY}`);
    writeFileSync(join(root, 'base-policy.yaml'), 'version: 1\n');
    git(repo, 'add', '.');
    git(repo, 'commit', '-q', '-m', 'extends');
    git(repo, 'tag', 'extends');
    expect(checkJson(root, '--changed-since', 'extends').output.findings).toEqual([]);
    writeFileSync(join(root, 'base-policy.yaml'), 'version: 1\n# changed\n');
    expect(checkJson(root, '--changed-since', 'extends').output.findings).toHaveLength(3);
  });

  it('re-checks everything when a tsconfig changed (it steers the resolution of every import)', () => {
    const { root } = gitProject();
    writeFileSync(join(root, 'tsconfig.base.json'), '{}\n');
    const run = runLifecycle(['check', '--changed-since', 'base', '--cwd', root], { env: GIT_ENV });
    expect(run.stdout).toContain('note: --changed-since base: tsconfig.base.json changed, so every file was checked\n');
    expect(run.stdout).toContain('3 problems');
  });

  it('exits 2 with one clear line for an unknown REF or outside a git repository', () => {
    const { root } = gitProject();
    const unknown = runLifecycle(['check', '--changed-since', 'no-such-ref', '--cwd', root], { env: GIT_ENV });
    expect(unknown).toMatchObject({ status: 2, stdout: '', stderr: 'lifecycle: --changed-since: unknown git ref "no-such-ref"\n' });
    expect(runLifecycle(['check', '--changed-since', '--output=x', '--cwd', root], { env: GIT_ENV })).toMatchObject({
      status: 2,
      stderr: 'lifecycle: --changed-since: "--output=x" is not a git ref\n',
    });
    const plain = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
    const notGit = runLifecycle(['check', '--changed-since', 'main', '--cwd', plain], { env: { ...GIT_ENV, GIT_CEILING_DIRECTORIES: plain } });
    expect(notGit).toMatchObject({ status: 2, stdout: '' });
    expect(notGit.stderr).toBe(`lifecycle: --changed-since needs a git repository, and ${plain} is not in one\n`);
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});

describe('progress on stderr', () => {
  it('is wanted only on a terminal, outside CI, for stylish output', () => {
    expect(progressWanted({}, true, 'stylish')).toBe(true);
    expect(progressWanted({ CI: 'true' }, true, 'stylish')).toBe(false);
    expect(progressWanted({ CI: '1' }, true, 'stylish')).toBe(false);
    expect(progressWanted({}, false, 'stylish')).toBe(false);
    expect(progressWanted({}, true, 'json')).toBe(false);
  });

  it('draws nothing in the first second, then at most every 100 ms, and clears its line', () => {
    let time = 0;
    const written: string[] = [];
    const progress = createProgress({ write: (text) => written.push(text), enabled: true, now: () => time });
    progress.update(1, 3);
    time = 999;
    progress.update(2, 300);
    expect(written).toEqual([]);
    time = 1000;
    progress.update(3, 300);
    time = 1050;
    progress.update(4, 300);
    time = 1100;
    progress.update(5, 300);
    time = 1101;
    progress.update(300, 300);
    progress.finish();
    expect(written).toEqual([
      '\r\u001b[2Klifecycle: checking files 3/300',
      '\r\u001b[2Klifecycle: checking files 5/300',
      '\r\u001b[2Klifecycle: checking files 300/300',
      '\r\u001b[2K',
    ]);
  });

  it('a fast run or a disabled display writes nothing', () => {
    const written: string[] = [];
    const fast = createProgress({ write: (text) => written.push(text), enabled: true, now: () => 0 });
    fast.update(1, 1);
    fast.finish();
    const disabled = createProgress({ write: (text) => written.push(text), enabled: false, now: () => 5000 });
    disabled.update(1, 1);
    disabled.finish();
    expect(written).toEqual([]);
  });

  it('the CLI is silent on a non-terminal stderr', () => {
    expect(runLifecycle(['check', '--cwd', 'examples/netsvc']).stderr).toBe('');
  });
});
