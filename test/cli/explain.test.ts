import { describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';

describe('lifecycle explain', () => {
  it('shows zone, the deciding glob, and each import with target, resolver and verdict', () => {
    const run = runLifecycle(['explain', 'packages/app/src/main.ts', '--cwd', fixture('workspaces-unbuilt')]);
    expect(run.status).toBe(0);
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

  it('fails clearly for a missing file', () => {
    const run = runLifecycle(['explain', 'nope.ts', '--cwd', 'examples/netsvc']);
    expect(run).toMatchObject({ status: 2, stderr: 'lifecycle: no such file: nope.ts\n' });
  });
});
