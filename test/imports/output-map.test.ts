import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportResolver, type Resolution } from '../../src/imports/resolve.js';
import { readWorkspacePackages } from '../../src/workspace/packages.js';
import { FIXTURES } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** Every file under a directory, project-relative (what discovery would hand to readWorkspacePackages). */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? filesUnder(root, abs) : [relative(root, abs)];
  });
}

function resolverFor(root: string): ImportResolver {
  return new ImportResolver(root, readWorkspacePackages(root, filesUnder(root)));
}

const fileOf = (resolution: Resolution) => (resolution.kind === 'file' ? resolution.file : `${resolution.kind}: ${'reason' in resolution ? resolution.reason : ''}`);

const copies: string[] = [];
afterEach(() => {
  while (copies.length > 0) rmSync(copies.pop()!, { recursive: true, force: true });
});

/** A copy of a fixture with files added, e.g. the outputs a build would write. */
function builtCopy(name: string, outputs: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), `lifecycle-${name}-`));
  copies.push(root);
  cpSync(join(FIXTURES, name), root, { recursive: true });
  for (const [path, text] of Object.entries(outputs)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('build outputs are mapped back to their sources the way TypeScript names outputs', () => {
  it('outDir ".": a workspace package whose entry points sit next to package.json, unbuilt', () => {
    const resolver = resolverFor(join(FIXTURES, 'workspace-outdir-dot'));
    const preview = resolver.resolve('@acme/widgets/preview/sparkline', 'packages/app/src/main.ts', 'esm');
    expect(fileOf(preview)).toBe('packages/widgets/src/preview/sparkline/index.ts');
    expect(preview.kind === 'file' && preview.via).toBe(
      'workspace package @acme/widgets (./preview/sparkline/index.d.ts → src/preview/sparkline/index.ts, as packages/widgets/tsconfig.json builds it (rootDir src, outDir .))',
    );
    const core = resolver.resolve('@acme/core', 'packages/app/src/main.ts', 'esm');
    expect(fileOf(core)).toBe('packages/core/src/index.ts');
    // TypeScript's default exclude holds the outDir ("./", the whole package): no root files, so the options alone map it.
    expect(core.kind === 'file' && core.via).toContain('mapped by these options alone');
  });

  it('outDir ".", built: the outputs next to package.json are still read as their sources', () => {
    const root = builtCopy('workspace-outdir-dot', {
      'packages/widgets/index.js': 'export function gauge() {}\n',
      'packages/widgets/index.d.ts': 'export declare function gauge(value: number): string;\n',
      'packages/widgets/preview/sparkline/index.js': 'export function sparkline() {}\n',
      'packages/widgets/preview/sparkline/index.d.ts': 'export declare function sparkline(values: number[]): string;\n',
    });
    const resolver = resolverFor(root);
    expect(fileOf(resolver.resolve('@acme/widgets', 'packages/app/src/main.ts', 'esm'))).toBe('packages/widgets/src/index.ts');
    expect(fileOf(resolver.resolve('@acme/widgets/preview/sparkline', 'packages/app/src/main.ts', 'esm'))).toBe('packages/widgets/src/preview/sparkline/index.ts');
  });

  it('several tsconfig files: the one whose outDir/declarationDir writes the named path decides', () => {
    const resolver = resolverFor(join(FIXTURES, 'workspace-several-tsconfigs'));
    const cjs = resolver.resolve('@acme/maps/node', 'packages/app/src/legacy.cjs', 'cjs');
    expect(cjs.kind === 'file' && cjs.via).toBe('workspace package @acme/maps (./lib/cjs/node.js → src/node.ts, as packages/maps/tsconfig.cjs.json builds it (rootDir src, outDir lib/cjs))');
    const types = resolver.resolve('@acme/maps/preview/routing', 'packages/app/src/main.ts', 'esm');
    expect(types.kind === 'file' && types.via).toContain('as packages/maps/tsconfig.esm.json builds it (rootDir src, outDir lib/esm, declarationDir lib/types)');
  });

  it('a solution-style tsconfig.json: each file resolves with the referenced project that includes it', () => {
    const resolver = resolverFor(join(FIXTURES, 'workspace-several-tsconfigs'));
    const alias = resolver.resolve('@/preview/heatmap/index', 'packages/app/src/main.ts', 'esm');
    expect(fileOf(alias)).toBe('packages/app/src/preview/heatmap/index.ts');
    expect(alias.kind === 'file' && alias.via).toBe('typescript (packages/app/tsconfig.app.json)');
    // vite.config.ts belongs to tsconfig.node.json, which has no "@/*" alias.
    expect(resolver.resolve('@/preview/heatmap/index', 'packages/app/vite.config.ts', 'esm').kind).toBe('unresolved');
  });

  it.each([
    ['unbuilt', {}],
    [
      'built',
      {
        'packages/metrics/build/js/index.js': 'export function record() {}\n',
        'packages/metrics/build/types/index.d.ts': 'export interface Sample { name: string; value: number }\n',
        'packages/metrics/build/js/preview/exporter/index.js': 'export function exportSamples() {}\n',
        'packages/metrics/build/types/preview/exporter/index.d.ts': 'export declare function exportSamples(): string;\n',
        'packages/metrics/build/types/preview/exporter/format.d.ts': "export type Format = 'prometheus';\n",
      },
    ],
  ] as const)('project references (%s): outputs of the referenced project are read as its sources', (_state, outputs) => {
    const resolver = resolverFor(builtCopy('project-references-outdir', outputs));
    const from = 'packages/server/src/server.ts';
    expect([
      fileOf(resolver.resolve('../../metrics/build/js/index.js', from, 'esm')),
      fileOf(resolver.resolve('../../metrics/build/js/preview/exporter/index.js', from, 'esm')),
      fileOf(resolver.resolve('@metrics-types/preview/exporter/format.js', from, 'esm')),
      fileOf(resolver.resolve('@acme/metrics/preview/exporter', from, 'esm')),
    ]).toEqual([
      'packages/metrics/src/index.ts',
      'packages/metrics/src/preview/exporter/index.ts',
      'packages/metrics/src/preview/exporter/format.ts',
      'packages/metrics/src/preview/exporter/index.ts',
    ]);
    const relative = resolver.resolve('../../metrics/build/js/preview/exporter/index.js', from, 'esm');
    expect(relative.kind === 'file' && relative.via).toMatch(/^project reference: packages\/metrics\/build\/(js|types)\/preview\/exporter\/index\.(js|d\.ts) → packages\/metrics\/src\/preview\/exporter\/index\.ts, as packages\/metrics\/tsconfig\.json builds it \(rootDir src, outDir build\/js, declarationDir build\/types\)$/);
  });

  it('without a reference, another project\'s unbuilt output stays unresolved (TypeScript would not redirect it)', () => {
    const root = builtCopy('project-references-outdir', {
      'packages/server/tsconfig.json': JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist' }, include: ['src'] }),
    });
    const resolution = resolverFor(root).resolve('../../metrics/build/js/preview/exporter/index.js', 'packages/server/src/server.ts', 'esm');
    expect(resolution).toMatchObject({ kind: 'unresolved', cause: 'missing-file' });
  });

  it('composite without rootDir: the config directory is the common source directory; .mts builds .mjs and .d.mts', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/lib/package.json': JSON.stringify({ name: '@x/lib', exports: { './tool': { types: './out/src/tool.d.mts', default: './out/src/tool.mjs' } } }),
      'packages/lib/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true, module: 'NodeNext', outDir: 'out' }, include: ['src'] }),
      'packages/lib/src/tool.mts': 'export const tool = 1;\n',
      'packages/app/src/a.ts': "import { tool } from '@x/lib/tool';\n",
    });
    const resolution = resolverFor(root).resolve('@x/lib/tool', 'packages/app/src/a.ts', 'esm');
    expect(fileOf(resolution)).toBe('packages/lib/src/tool.mts');
    expect(resolution.kind === 'file' && resolution.via).toContain('as packages/lib/tsconfig.json builds it (rootDir ., outDir out)');
  });

  it('no rootDir, not composite: the common directory of the root files, as TypeScript computes it', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/lib/package.json': JSON.stringify({ name: '@x/lib', main: './built/index.js' }),
      'packages/lib/tsconfig.json': JSON.stringify({ compilerOptions: { outDir: 'built', declaration: true }, include: ['code'] }),
      'packages/lib/code/index.ts': 'export const x = 1;\n',
      'packages/lib/code/more/deep.ts': 'export const y = 1;\n',
      'packages/app/src/a.ts': "import { x } from '@x/lib';\n",
    });
    const resolution = resolverFor(root).resolve('@x/lib', 'packages/app/src/a.ts', 'esm');
    expect(fileOf(resolution)).toBe('packages/lib/code/index.ts');
    expect(resolution.kind === 'file' && resolution.via).toContain('rootDir code, outDir built');
  });

  it('a package no tsconfig maps: folder-name guesses, labelled as guesses', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/lib/package.json': JSON.stringify({ name: '@x/lib', main: './dist/index.js' }),
      'packages/lib/src/index.ts': 'export const x = 1;\n',
      'packages/app/src/a.ts': "import { x } from '@x/lib';\n",
    });
    const resolution = resolverFor(root).resolve('@x/lib', 'packages/app/src/a.ts', 'esm');
    expect(fileOf(resolution)).toBe('packages/lib/src/index.ts');
    expect(resolution.kind === 'file' && resolution.via).toBe('workspace package @x/lib (./dist/index.js → src/index.ts, guessed from folder names (dist/ → src/): no tsconfig of the package emits it)');
  });
});

describe('unresolved imports: which are worth a warning', () => {
  const resolver = () => resolverFor(join(FIXTURES, 'asset-imports'));
  it.each([
    ['@/styles/app.css', { kind: 'file', file: 'src/styles/app.css' }],
    ['/vite.svg', { kind: 'file', file: 'public/vite.svg' }],
    ['/src/mount.ts', { kind: 'file', file: 'src/mount.ts' }],
    ['/favicon.ico', { kind: 'external' }],
    ['left-pad', { kind: 'unresolved', cause: 'not-installed', declared: true }],
    ['@/components/Missing', { kind: 'unresolved', cause: 'missing-paths-target', declared: false }],
    ['./styles/missing.css', { kind: 'unresolved', cause: 'missing-file', declared: false }],
    ['/src/missing.ts', { kind: 'unresolved', cause: 'missing-file', declared: false }],
    ['not-declared-anywhere', { kind: 'unresolved', cause: 'unknown-package', declared: false }],
  ])('%s', (specifier, expected) => {
    expect(resolver().resolve(specifier, 'src/main.ts', 'esm')).toMatchObject(expected);
  });
});
