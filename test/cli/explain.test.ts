import { describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';

describe('lifecycle explain', () => {
  it('shows zone, the deciding glob, and each import with target, resolver and verdict', () => {
    const run = runLifecycle(['explain', 'packages/app/src/main.ts', '--cwd', fixture('workspaces-unbuilt')]);
    expect(run.status).toBe(1); // the file has two no-preview-import errors (issue #20: explain exits as check <file> would)
    expect(run.stdout).toContain('  zone:     stable\n  decided:  no preview glob matched\n');
    expect(run.stdout).toMatch(
      /2:29 {2}@acme\/labs-charts → packages\/labs-charts\/src\/index\.ts \[preview: charts\]\n {10}resolved by workspace package @acme\/labs-charts \(\.\/dist\/index\.\S+ → src\/index\.ts, as packages\/labs-charts\/tsconfig\.json builds it \(rootDir src, outDir dist\)\)\n {10}FORBIDDEN: stable code imports preview feature "charts"/,
    );
  });

  it('names the exception that allows an import', () => {
    const run = runLifecycle(['explain', 'src/db/migrations/0002_fwaas_tables.ts', '--cwd', 'examples/netsvc']);
    expect(run.stdout).toContain('  zone:     exception\n');
    expect(run.stdout).toMatch(/allowed: exception src\/db\/migrations\/\*\*: /);
  });

  it('prints JSON with --format json', () => {
    const run = runLifecycle(['explain', 'src/preview/ghost/index.ts', '--format', 'json', '--cwd', fixture('unregistered-folder')]);
    const body = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(body).toMatchObject({ version: 1, file: 'src/preview/ghost/index.ts', zone: 'preview', feature: 'ghost', registered: false, inScope: true });
  });

  it('exits 1 when the file has a finding at error level, 0 when it has none, and says how many', () => {
    const forbidden = runLifecycle(['explain', 'src/core/router.ts', '--cwd', 'examples/netsvc']);
    expect({ status: forbidden.status, stderr: forbidden.stderr }).toEqual({ status: 1, stderr: '' });
    expect(forbidden.stdout).toContain('  check:    1 error, 0 warnings in this file (lifecycle check src/core/router.ts)\n');
    const allowed = runLifecycle(['explain', 'src/db/migrations/0002_fwaas_tables.ts', '--cwd', 'examples/netsvc']);
    expect({ status: allowed.status, stderr: allowed.stderr }).toEqual({ status: 0, stderr: '' });
    expect(allowed.stdout).toContain('  check:    0 errors, 0 warnings in this file');
    const json = runLifecycle(['explain', 'src/core/router.ts', '--format', 'json', '--cwd', 'examples/netsvc']);
    expect(json.status).toBe(1);
    expect((JSON.parse(json.stdout) as { findings: unknown }).findings).toEqual({ errors: 1, warnings: 0 });
  });

  it('exits 2 on a directory, with one line naming it', () => {
    const run = runLifecycle(['explain', 'src/core', '--cwd', 'examples/netsvc']);
    expect(run).toEqual({ status: 2, stdout: '', stderr: 'lifecycle: src/core is a directory: explain takes one file (lifecycle check src/core checks a directory)\n' });
  });

  it('fails clearly for a missing file', () => {
    const run = runLifecycle(['explain', 'nope.ts', '--cwd', 'examples/netsvc']);
    expect(run).toMatchObject({ status: 2, stderr: 'lifecycle: no such file: nope.ts\n' });
  });
});
