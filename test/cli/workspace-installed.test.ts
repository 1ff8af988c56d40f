import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';

let copy: string | undefined;
afterEach(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('workspace packages: installed and built vs fresh clone', () => {
  it('gives the same findings with node_modules symlinks and built dist/ as without them', () => {
    const fresh = runLifecycle(['check', '--format', 'json', '--cwd', fixture('workspaces-unbuilt')]);
    copy = mkdtempSync(join(tmpdir(), 'lifecycle-installed-'));
    cpSync(fixture('workspaces-unbuilt'), copy, { recursive: true });
    // What `npm install && npm run build` leaves behind: links in node_modules, outputs in dist/
    // (ignored by git, as build output is).
    writeFileSync(join(copy, '.gitignore'), 'dist/\n');
    mkdirSync(join(copy, 'node_modules', '@acme'), { recursive: true });
    for (const name of ['core', 'labs-charts', 'app']) {
      symlinkSync(join(copy, 'packages', name), join(copy, 'node_modules', '@acme', name));
      mkdirSync(join(copy, 'packages', name, 'dist'), { recursive: true });
      for (const stem of ['index', 'sub']) {
        writeFileSync(join(copy, 'packages', name, 'dist', `${stem}.js`), 'export {};\n');
        writeFileSync(join(copy, 'packages', name, 'dist', `${stem}.d.ts`), 'export {};\n');
      }
    }
    const installed = runLifecycle(['check', '--format', 'json', '--cwd', copy]);
    expect(installed.status).toBe(fresh.status);
    // The same findings and counts; only what discovery listed differs (.gitignore, node_modules, dist/).
    const withoutDiscovery = (stdout: string) => {
      const parsed = JSON.parse(stdout) as { summary: { discovered?: unknown } };
      delete parsed.summary.discovered;
      return parsed;
    };
    expect(withoutDiscovery(installed.stdout)).toEqual(withoutDiscovery(fresh.stdout));
    const findings = (JSON.parse(installed.stdout) as { findings: { target: string }[] }).findings;
    expect(findings.map((finding) => finding.target)).toEqual(['packages/labs-charts/src/index.ts', 'packages/labs-charts/src/sub.ts']);
  });
});
