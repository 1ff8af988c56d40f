import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportResolver } from '../../src/imports/resolve.js';
import { readWorkspacePackages } from '../../src/workspace/packages.js';

/** Imports of .vue/.svelte/.astro files resolve to those files, however they are named. */
describe('ImportResolver: component files', () => {
  const root = mkdtempSync(join(tmpdir(), 'resolve-components-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'app', private: true, workspaces: ['packages/*'] }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { moduleResolution: 'Bundler', module: 'ESNext', paths: { '@/*': ['./src/*'] } } }),
    'src/main.ts': '',
    'src/components/Chart.vue': '<script setup></script>\n',
    'src/components/Card.svelte': '<p/>\n',
    'src/pages/Home.astro': '<p/>\n',
    'packages/ui/package.json': JSON.stringify({ name: '@acme/ui', exports: { './Button.vue': './src/Button.vue', './*.svelte': './src/*.svelte' } }),
    'packages/ui/src/Button.vue': '<template/>\n',
    'packages/ui/src/Toggle.svelte': '<p/>\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  const resolver = new ImportResolver(root, readWorkspacePackages(root, Object.keys(files)));
  const target = (specifier: string) => {
    const resolved = resolver.resolve(specifier, 'src/main.ts', 'esm');
    return resolved.kind === 'file' ? resolved.file : `${resolved.kind}: ${'reason' in resolved ? resolved.reason : ''}`;
  };

  it('by a relative path', () => {
    expect(target('./components/Chart.vue')).toBe('src/components/Chart.vue');
    expect(target('./pages/Home.astro')).toBe('src/pages/Home.astro');
  });

  it('through a tsconfig paths alias (which TypeScript alone does not resolve)', () => {
    expect(target('@/components/Chart.vue')).toBe('src/components/Chart.vue');
    expect(target('@/components/Card.svelte')).toBe('src/components/Card.svelte');
    expect(target('@/pages/Home.astro')).toBe('src/pages/Home.astro');
    expect(target('@/components/Missing.vue')).toMatch(/^unresolved/);
  });

  it('through a workspace package’s exports (exact and pattern)', () => {
    expect(target('@acme/ui/Button.vue')).toBe('packages/ui/src/Button.vue');
    expect(target('@acme/ui/Toggle.svelte')).toBe('packages/ui/src/Toggle.svelte');
  });
});
