import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture, REPO_ROOT, runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const copies: string[] = [];
afterEach(() => {
  while (copies.length > 0) rmSync(copies.pop()!, { recursive: true, force: true });
});

/** A copy of the deno-workspace fixture without its lifecycle.yaml, for `lifecycle init`. */
function fixtureWithoutPolicy(): string {
  const root = mkdtempSync(join(tmpdir(), 'lifecycle-deno-'));
  copies.push(root);
  cpSync(fixture('deno-workspace'), root, { recursive: true, filter: (source) => !source.endsWith('lifecycle.yaml') });
  return root;
}

interface CheckOutput {
  findings: { rule: string; file: string; line: number; column: number; feature?: string }[];
  summary: { unresolved: number };
}

const check = (root: string) => {
  const run = runLifecycle(['check', '--format', 'json', '--cwd', root]);
  return { status: run.status, stderr: run.stderr, output: JSON.parse(run.stdout) as CheckOutput };
};

describe('lifecycle explain in a Deno workspace', () => {
  it('says which member or import map resolved each specifier of a member file', () => {
    const run = runLifecycle(['explain', 'packages/http/mod.ts', '--cwd', fixture('deno-workspace')]);
    // The file imports an unstable member file by its subpath: an error-level finding, so exit 1.
    expect(run.status).toBe(1);
    const resolvedBy = run.stdout.split('\n').filter((line) => line.startsWith('          resolved by '));
    expect(resolvedBy.map((line) => line.trim())).toEqual([
      'resolved by deno workspace member @acme/core (./mod.ts → mod.ts, a source file)',
      'resolved by deno workspace member @acme/core (./unstable_cache.ts → unstable_cache.ts, a source file)',
      "resolved by deno workspace member @acme/core (./unstable_cache.ts → unstable_cache.ts, a source file); jsr:@acme/core@^1/unstable-cache names this workspace's own @acme/core, whatever the version",
      'resolved by import map packages/http/deno.jsonc ("@std/path" → "jsr:@std/path@^1"): jsr: package, not fetched',
      'resolved by import map packages/http/deno.jsonc ("@std/path" → "jsr:@std/path@^1"): jsr: package, not fetched',
      'resolved by import map deno.json ("chalk" → "npm:chalk@^5"): npm: package, not fetched',
      'resolved by node builtin',
      'resolved by remote URL, never fetched (not even one that points into this repository)',
      'resolved by import map deno.json ("lib/" → "./shared/lib/")',
      'resolved by data: URL, an inline module',
    ]);
    expect(run.stdout).toContain('    2:24  @acme/core/unstable-cache → packages/core/unstable_cache.ts [preview: core]\n');
    expect(run.stdout).toContain('    9:21  lib/format.ts → shared/lib/format.ts [stable]\n');
    expect(run.stdout).not.toContain('unresolved');
  });

  it('applies the scope of the importing file first', () => {
    const run = runLifecycle(['explain', 'packages/charts/mod.ts', '--cwd', fixture('deno-workspace')]);
    expect(run.stdout).toContain('  decided:  features.charts.packages: @acme/charts (packages/charts/)\n');
    expect(run.stdout).toContain('resolved by import map deno.json, scope "./packages/charts/" ("chalk" → "npm:chalk@^4"): npm: package, not fetched\n');
  });
});

describe('lifecycle init in a Deno workspace', () => {
  it('registers unstable_*.ts files per member and 0.x members; check then reports only the real imports and TODO registry warnings', () => {
    const root = fixtureWithoutPolicy();
    expect(runLifecycle(['init', '--cwd', root]).status).toBe(0);
    const text = readFileSync(join(root, 'lifecycle.yaml'), 'utf8');
    expect(text).toContain('  code:\n    - packages/{feature}/**/unstable_*.ts\n');
    expect(text).toContain('  charts:\n    status: preview\n    title: "@acme/charts, still at 0.3.0"\n');
    expect(text).toContain('    packages:\n      - "@acme/charts"\n');
    expect(text).toContain('  core:\n    status: preview\n    title: Unstable APIs of @acme/core (unstable_*.ts)\n');
    const { status, output } = check(root);
    expect(status).toBe(1);
    expect(output.summary.unresolved).toBe(0);
    expect(output.findings.filter((finding) => finding.rule !== 'preview-registry').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`)).toEqual([
      'packages/core/mod.ts:1:24 no-preview-import',
      'packages/http/mod.ts:2:24 no-preview-import',
      'packages/http/mod.ts:3:33 no-preview-import',
      'packages/http/server.ts:1:22 no-preview-import',
    ]);
    expect(new Set(output.findings.filter((finding) => finding.rule === 'preview-registry').map((finding) => finding.feature))).toEqual(new Set(['charts', 'core']));
  });

  it('writes a policy that passes check on a workspace whose stable code keeps to stable imports, with the release from deno.json', () => {
    const root = tempProject({
      'deno.json': JSON.stringify({ version: '2026.2.1', workspace: ['./libs/*'] }),
      'libs/text/deno.json': JSON.stringify({ name: '@x/text', version: '1.0.0', exports: { '.': './mod.ts', './unstable-wrap': './unstable_wrap.ts' } }),
      'libs/text/mod.ts': 'export const t = 1;\n',
      'libs/text/unstable_wrap.ts': 'import { t } from "./mod.ts";\nexport const w = t;\n',
      'libs/beta/deno.json': JSON.stringify({ name: '@x/beta', version: '0.1.0', exports: './mod.ts' }),
      'libs/beta/mod.ts': 'import { t } from "@x/text";\nimport { equal } from "jsr:@std/assert@1/equal";\nexport const b = equal(t, 1);\n',
    });
    expect(runLifecycle(['init', '--cwd', root]).status).toBe(0);
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toContain('current: "2026.2"');
    const { status, stderr, output } = check(root);
    // Only registry warnings (owners and tracking are TODO): the starter policy classifies the workspace.
    expect({ status, stderr, unresolved: output.summary.unresolved }).toEqual({ status: 0, stderr: '', unresolved: 0 });
    expect(new Set(output.findings.map((finding) => `${finding.rule} ${finding.feature}`))).toEqual(new Set(['preview-registry beta', 'preview-registry text']));
  });
});

describe('docs/policy.md, the Deno recipe', () => {
  it('shows lifecycle explain output exactly as it is on test/fixtures/deno-workspace', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'policy.md'), 'utf8');
    const example = /On\n`test\/fixtures\/deno-workspace`:\n\n```text\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const run = runLifecycle(['explain', 'packages/http/mod.ts', '--cwd', fixture('deno-workspace')]);
    expect(run.stdout).toContain(example);
  });
});
