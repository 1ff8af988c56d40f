import { existsSync, lstatSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

describe('lifecycle init', () => {
  it('writes a starter policy from detected preview folders that loads and checks', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'svc', version: '3.4.0' }),
      'src/experimental/charts/index.ts': 'export const c = 1;\n',
      'src/labs/maps/index.ts': 'export const m = 1;\n',
      'src/db/migrations/0001.ts': "import { c } from '../../experimental/charts/index';\nexport const x = c;\n",
      'test/experimental/charts/index.test.ts': '',
    });
    const run = runLifecycle(['init', '--cwd', root]);
    expect(run).toMatchObject({ status: 0, stdout: `wrote ${join(root, 'lifecycle.yaml')}\nnext: fill in owners and tracking links, then run \`lifecycle check\`\n` });
    const text = readFileSync(join(root, 'lifecycle.yaml'), 'utf8');
    expect(text).toContain('  code:\n    - src/experimental/{feature}/**\n    - src/labs/{feature}/**\n');
    expect(text).toContain('  tests:\n    - test/experimental/{feature}/**\n');
    expect(text).toContain('current: "3.4"');
    expect(text).toContain('path: src/db/migrations/**');
    expect(readdirSync(root).filter((name) => name.includes('.tmp'))).toEqual([]);
    const check = runLifecycle(['check', '--format', 'json', '--cwd', root]);
    // Only registry warnings (owners are TODO): the starter policy is valid and classifies the tree.
    const output = JSON.parse(check.stdout) as { findings: { rule: string; feature?: string }[] };
    expect(check.status).toBe(0);
    expect(new Set(output.findings.map((finding) => finding.rule))).toEqual(new Set(['preview-registry']));
    expect(new Set(output.findings.map((finding) => finding.feature))).toEqual(new Set(['charts', 'maps']));
  });

  it('refuses to overwrite an existing lifecycle.yaml and leaves it untouched', () => {
    const root = tempProject({ 'lifecycle.yaml': 'version: 1\n# mine\n' });
    const run = runLifecycle(['init', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('already exists; not overwriting it');
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toBe('version: 1\n# mine\n');
  });

  it('prints without writing on --dry-run', () => {
    const root = tempProject({ 'src/preview/a/x.ts': '' });
    const run = runLifecycle(['init', '--dry-run', '--cwd', root]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('    - src/preview/{feature}/**');
    expect(existsSync(join(root, 'lifecycle.yaml'))).toBe(false);
  });
});

describe('lifecycle init creates lifecycle.yaml exclusively', () => {
  it('never replaces what is at lifecycle.yaml, even a dangling link the existence check cannot see', () => {
    const root = tempProject({ 'src/preview/a/x.ts': '' });
    symlinkSync('elsewhere/policy.yaml', join(root, 'lifecycle.yaml'));
    const run = runLifecycle(['init', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`lifecycle: cannot write the starter policy ${join(root, 'lifecycle.yaml')} (it already exists; not overwriting it)\n`);
    expect(lstatSync(join(root, 'lifecycle.yaml')).isSymbolicLink()).toBe(true);
    expect(readdirSync(root).sort()).toEqual(['lifecycle.yaml', 'src']);
  });
});
