import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCachedHost } from '../../src/imports/resolve-host.js';
import { ImportResolver } from '../../src/imports/resolve.js';
import { readWorkspacePackages } from '../../src/workspace/packages.js';

/**
 * A long-lived process (an editor's ESLint server) keeps one resolver and, every couple of
 * seconds, asks it to check what it learnt against the disk instead of forgetting it all.
 */
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'resolve-revalidate-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'app', type: 'module' }));
  writeFileSync(join(root, 'src/a.ts'), "import { b } from './b.js';\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Moves a path's mtime away from "now", so a change within the same clock tick still shows. */
const touchPast = (path: string, secondsAgo: number) => {
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, when, when);
};

describe('createCachedHost().revalidate()', () => {
  it('keeps answering from the cache until told to revalidate, then sees new and removed files', () => {
    const host = createCachedHost(root);
    touchPast(join(root, 'src'), 60);
    expect(host.fileExists(join(root, 'src/b.ts'))).toBe(false);
    writeFileSync(join(root, 'src/b.ts'), 'export const b = 1;\n');
    expect(host.fileExists(join(root, 'src/b.ts'))).toBe(false); // cached listing
    host.revalidate();
    expect(host.fileExists(join(root, 'src/b.ts'))).toBe(true);
    rmSync(join(root, 'src/b.ts'));
    host.revalidate();
    expect(host.fileExists(join(root, 'src/b.ts'))).toBe(false);
  });

  it('re-reads a text whose size or mtime changed, and only then', () => {
    const file = join(root, 'tsconfig.json');
    writeFileSync(file, '{}');
    touchPast(file, 60);
    const host = createCachedHost(root);
    expect(host.readFile(file)).toBe('{}');
    writeFileSync(file, '{ "compilerOptions": {} }');
    expect(host.readFile(file)).toBe('{}');
    host.revalidate();
    expect(host.readFile(file)).toBe('{ "compilerOptions": {} }');
  });
});

describe('ImportResolver.forgetFileSystem()', () => {
  const resolver = () => new ImportResolver(root, readWorkspacePackages(root, ['package.json']));

  it('resolves a file created after the first lookup', () => {
    const imports = resolver();
    touchPast(join(root, 'src'), 60);
    expect(imports.resolve('./b.js', 'src/a.ts', 'esm').kind).toBe('unresolved');
    writeFileSync(join(root, 'src/b.ts'), 'export const b = 1;\n');
    expect(imports.resolve('./b.js', 'src/a.ts', 'esm').kind).toBe('unresolved');
    imports.forgetFileSystem();
    expect(imports.resolve('./b.js', 'src/a.ts', 'esm')).toMatchObject({ kind: 'file', file: 'src/b.ts' });
  });

  it('follows an edit of tsconfig paths, and of the config it extends', () => {
    mkdirSync(join(root, 'lib'));
    writeFileSync(join(root, 'lib/one.ts'), 'export const one = 1;\n');
    writeFileSync(join(root, 'lib/two.ts'), 'export const two = 2;\n');
    writeFileSync(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { paths: { '@lib/x': ['./lib/one.ts'] } } }));
    writeFileSync(join(root, 'tsconfig.json'), JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { module: 'esnext' } }));
    for (const file of ['tsconfig.base.json', 'tsconfig.json']) touchPast(join(root, file), 60);
    const imports = resolver();
    expect(imports.resolve('@lib/x', 'src/a.ts', 'esm')).toMatchObject({ kind: 'file', file: 'lib/one.ts' });

    imports.forgetFileSystem(); // nothing changed: same answer
    expect(imports.resolve('@lib/x', 'src/a.ts', 'esm')).toMatchObject({ kind: 'file', file: 'lib/one.ts' });

    writeFileSync(join(root, 'tsconfig.base.json'), JSON.stringify({ compilerOptions: { paths: { '@lib/x': ['./lib/two.ts'] } } }));
    imports.forgetFileSystem();
    expect(imports.resolve('@lib/x', 'src/a.ts', 'esm')).toMatchObject({ kind: 'file', file: 'lib/two.ts' });
  });
});
