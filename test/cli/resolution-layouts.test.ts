import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, REPO_ROOT, runLifecycle } from '../helpers/cli.js';

describe('lifecycle check --verbose: unresolved imports grouped by cause', () => {
  it('prints the groups with counts, exactly as docs/rules/unresolved-import.md shows them', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'rules', 'unresolved-import.md'), 'utf8');
    const example = /On `test\/fixtures\/asset-imports`:\n\n```text\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const run = runLifecycle(['check', '--verbose', '--cwd', fixture('asset-imports')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(example);
  });

  it('in the machine formats, on stderr: one note with the counts, one line per import naming its cause', () => {
    const run = runLifecycle(['check', '--verbose', '--format', 'json', '--cwd', fixture('asset-imports')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('note: 4 unresolved imports: 1 missing file, 1 missing tsconfig paths target, 1 unknown package, 1 declared package not installed (not reported)\n');
    expect(run.stderr).toContain('unresolved: src/main.ts:4:21 "left-pad" (declared package not installed (not reported): package not installed (declared in package.json))\n');
    expect(JSON.parse(run.stdout).summary).toMatchObject({ errors: 1, warnings: 3, files: 3, unresolved: 4 });
  });
});

describe('lifecycle explain: which rule mapped an import to its source', () => {
  it('names the tsconfig that builds a workspace package entry point, and its layout', () => {
    const run = runLifecycle(['explain', 'packages/app/src/main.ts', '--cwd', fixture('workspace-outdir-dot')]);
    expect(run.status).toBe(1); // its preview imports are no-preview-import errors: explain exits as check <file> would (issue #20)
    expect(run.stdout).toContain(
      '    4:27  @acme/widgets/preview/sparkline → packages/widgets/src/preview/sparkline/index.ts [preview: sparkline]\n' +
        '          resolved by workspace package @acme/widgets (./preview/sparkline/index.d.ts → src/preview/sparkline/index.ts, as packages/widgets/tsconfig.json builds it (rootDir src, outDir .))\n',
    );
  });

  it('names the referenced project whose output a relative import names', () => {
    const run = runLifecycle(['explain', 'packages/server/src/server.ts', '--format', 'json', '--cwd', fixture('project-references-outdir')]);
    const body = JSON.parse(run.stdout) as { imports: { line: number; target: string; via: string }[] };
    const second = body.imports.find((entry) => entry.line === 2);
    expect(second?.target).toBe('packages/metrics/src/preview/exporter/index.ts');
    expect(second?.via).toContain('project reference: packages/metrics/build/');
    expect(second?.via).toContain('as packages/metrics/tsconfig.json builds it (rootDir src, outDir build/js, declarationDir build/types)');
  });
});
