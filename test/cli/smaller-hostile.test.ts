import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const IMPORT = "import { a } from '../preview/fwaas/index';\nexport const b = a;\n";
const POLICY = policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2');

describe('smaller hostile inputs (issue 14, item 13)', () => {
  it('a baseline file written with a BOM is read like any other', () => {
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/preview/fwaas/index.ts': 'export const a = 1;\n', 'src/core/a.ts': IMPORT });
    expect(runLifecycle(['check', '--baseline', 'baseline.json', '--update-baseline', '--cwd', root]).status).toBe(0);
    const text = readFileSync(join(root, 'baseline.json'), 'utf8');
    writeFileSync(join(root, 'baseline.json'), `\uFEFF${text}`);
    const run = runLifecycle(['check', '--baseline', 'baseline.json', '--cwd', root]);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout).toContain('1 baselined');
  });

  it('errors about a broken baseline or package.json say where, never what the file holds', () => {
    const root = tempProject({
      'lifecycle.yaml': POLICY.replace('current: 2026.2', 'current: package.json'),
      'package.json': 'hunter2-secret-token\n',
      'baseline.json': '{"version": 1, "entries": [] }\nsk-live-secret-key\n',
      'src/a.ts': '',
    });
    const policy = runLifecycle(['check', '--cwd', root]);
    expect(policy.status).toBe(2);
    expect(policy.stderr).not.toContain('hunter2');
    expect(policy.stderr).toContain(`cannot read the version from ${join(root, 'package.json')}: invalid JSON at 1:1 (InvalidSymbol)`);
    writeFileSync(join(root, 'lifecycle.yaml'), POLICY);
    const baseline = runLifecycle(['check', '--baseline', 'baseline.json', '--cwd', root]);
    expect(baseline).toMatchObject({ status: 2, stderr: `lifecycle: ${join(root, 'baseline.json')}:2:1: not a valid baseline file (invalid JSON: InvalidSymbol)\n` });
  });

  it('explain refuses a file reached through a symbolic link out of the root, as check never reads it', () => {
    const outside = tempProject({ 'secret.ts': "import { k } from './key';\nexport const s = k;\n" });
    const root = tempProject({ 'lifecycle.yaml': POLICY, 'src/a.ts': '' });
    mkdirSync(join(root, 'src/linked'));
    symlinkSync(join(outside, 'secret.ts'), join(root, 'src/linked/secret.ts'));
    symlinkSync(outside, join(root, 'src/outside'));
    for (const file of ['src/linked/secret.ts', 'src/outside/secret.ts']) {
      const run = runLifecycle(['explain', file, '--cwd', root]);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(new RegExp(`^lifecycle: ${file} leads outside the project root .* \\(through a symbolic link, to .*secret\\.ts\\); lifecycle check does not read it either\\n$`));
    }
  });
});
