import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

describe('odd ids and values are kept or rejected, never dropped', () => {
  it('a feature id __proto__ is a policy error at its key, not a silently empty registry', () => {
    const root = tempProject({
      'lifecycle.yaml': policyYaml('  __proto__:\n    status: preview\n    introduced: 2026.1\n'),
      'src/preview/__proto__/a.ts': 'export const a = 1;\n',
    });
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`lifecycle: ${join(root, 'lifecycle.yaml')}:17:3: "__proto__" cannot be a key (JavaScript objects reserve it): rename the feature (and its folder)\n`);
  });

  it('init does not write a __proto__ feature, and says why', () => {
    const root = tempProject({ 'src/preview/__proto__/a.ts': 'export const a = 1;\n', 'src/preview/charts/c.ts': 'export const c = 1;\n' });
    const run = runLifecycle(['init', '--cwd', root]);
    expect(run.status).toBe(0);
    const text = readFileSync(join(root, 'lifecycle.yaml'), 'utf8');
    expect(text).toContain('# Not registered: preview folder "__proto__" (that name cannot be a feature id); rename the folder, then register it\n');
    expect(text).toContain('\n  charts:\n');
    expect(text.split('\n').filter((line) => line.includes('__proto__'))).toHaveLength(1); // only the comment
  });

  it('duplicate ci.systems names are a policy error naming the second one', () => {
    const system = (name: string) => `    - name: ${name}\n      contacts: [a@x, b@y]\n      history: [{ format: ndjson, path: runs.ndjson }]\n`;
    const root = tempProject({
      'lifecycle.yaml': `${policyYaml()}ci:\n  systems:\n${system('acme')}${system('other')}${system('acme')}`,
      'runs.ndjson': '',
    });
    const run = runLifecycle(['ci-readiness', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      `lifecycle: invalid policy: ${join(root, 'lifecycle.yaml')}:25:13: ci.systems[2].name: duplicate CI system name "acme" (also ci.systems[0]); names must be unique\n`,
    );
  });
});
