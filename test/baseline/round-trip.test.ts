import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const IMPORT = "import { a } from '../preview/fwaas/index';\n";
/** fwaas introduced in the current release: no deadline warning joins the findings. */
const POLICY = policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2');

interface JsonOutput {
  findings: { file: string; line: number; rule: string }[];
  summary: Record<string, number>;
}

describe('lifecycle check --baseline', () => {
  it('round trip: update, clean re-run, shifted lines still clean, a new violation fails, a fixed one is pruned', () => {
    const root = tempProject({
      'lifecycle.yaml': POLICY,
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': `${IMPORT}export const b = a;\n`,
      'src/core/b.ts': `${IMPORT}export const c = a;\n`,
    });
    const baselineFile = join(root, '.lifecycle-baseline.json');
    const check = (...args: string[]) => runLifecycle(['check', '--baseline', '.lifecycle-baseline.json', ...args, '--cwd', root]);

    // No baseline yet: one clear line, exit 2.
    expect(check()).toMatchObject({ status: 2, stdout: '', stderr: `lifecycle: baseline file not found: ${baselineFile} (create it with --update-baseline)\n` });

    // 1. Accept what exists today.
    const update = check('--update-baseline');
    expect(update).toMatchObject({ status: 0, stdout: '', stderr: 'lifecycle: wrote 2 findings to .lifecycle-baseline.json (0 kept, 2 added, 0 pruned)\n' });
    const written = readFileSync(baselineFile, 'utf8');
    const parsed = JSON.parse(written) as { version: number; entries: { file: string; rule: string; fingerprint: string; message: string }[] };
    expect(parsed.version).toBe(1);
    expect(parsed.entries.map((entry) => `${entry.file} ${entry.rule}`)).toEqual(['src/core/a.ts no-preview-import', 'src/core/b.ts no-preview-import']);

    // 2. Re-run: clean; stylish says how many were baselined, JSON keeps its contract.
    const clean = check();
    expect(clean.status).toBe(0);
    expect(clean.stdout).toBe('✔ no problems · 2 baselined · 3 files checked · 2 imports resolved\n');
    const json = JSON.parse(check('--format', 'json').stdout) as JsonOutput & Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['version', 'findings', 'summary']);
    expect(json.summary).toMatchObject({ errors: 0, warnings: 0, files: 3, unresolved: 0, resolved: 2 });

    // 3. Shift lines (insert lines above, re-indent): still clean. Updating again changes nothing.
    writeFileSync(join(root, 'src/core/a.ts'), `// header\n\n/** doc */\n   ${IMPORT}export const b = a;\n`);
    expect(check()).toMatchObject({ status: 0, stdout: '✔ no problems · 2 baselined · 3 files checked · 2 imports resolved\n' });
    expect(check('--update-baseline').stderr).toContain('(2 kept, 0 added, 0 pruned)');
    expect(readFileSync(baselineFile, 'utf8')).toBe(written);

    // 4. A new violation (a second identical import line counts as new too) fails the run.
    writeFileSync(join(root, 'src/core/b.ts'), `${IMPORT}${IMPORT}export const c = a;\n`);
    writeFileSync(join(root, 'src/core/c.ts'), `${IMPORT}export const d = a;\n`);
    const failing = check('--format', 'json');
    expect(failing.status).toBe(1);
    const output = JSON.parse(failing.stdout) as JsonOutput;
    expect(output.findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule}`)).toEqual([
      'src/core/b.ts:2 no-preview-import',
      'src/core/c.ts:1 no-preview-import',
    ]);
    expect(output.summary).toMatchObject({ errors: 2, warnings: 0 });
    expect(check().stdout).toContain('✖ 2 problems (2 errors, 0 warnings) · 2 baselined · 4 files checked');

    // 5. Fix a.ts and update: its entry is pruned, the new ones are added.
    writeFileSync(join(root, 'src/core/a.ts'), 'export const b = 1;\n');
    expect(check('--update-baseline').stderr).toBe('lifecycle: wrote 3 findings to .lifecycle-baseline.json (1 kept, 2 added, 1 pruned)\n');
    const pruned = JSON.parse(readFileSync(baselineFile, 'utf8')) as { entries: { file: string }[] };
    expect(pruned.entries.map((entry) => entry.file)).toEqual(['src/core/b.ts', 'src/core/b.ts', 'src/core/c.ts']);
    expect(check().status).toBe(0);
  });

  it('--update-baseline needs --baseline and a full run; a broken baseline file is an input error', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'broken.json': '{"version": 1}' });
    expect(runLifecycle(['check', '--update-baseline', '--cwd', root])).toMatchObject({
      status: 2,
      stderr: 'lifecycle: --update-baseline needs --baseline <file>: the file to write\n',
    });
    expect(runLifecycle(['check', 'src', '--baseline', 'b.json', '--update-baseline', '--cwd', root])).toMatchObject({
      status: 2,
      stderr: 'lifecycle: --update-baseline needs a full run: drop the paths and --changed-since\n',
    });
    expect(existsSync(join(root, 'b.json'))).toBe(false);
    expect(runLifecycle(['check', '--baseline', 'broken.json', '--cwd', root])).toMatchObject({
      status: 2,
      stderr: `lifecycle: ${join(root, 'broken.json')}: not a valid baseline file: "entries" must be an array\n`,
    });
    // --update-baseline rewrites a broken file (e.g. one left with merge conflict markers).
    expect(runLifecycle(['check', '--baseline', 'broken.json', '--update-baseline', '--cwd', root]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'broken.json'), 'utf8'))).toEqual({ version: 1, entries: [] });
  });
});
