import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseExternalSpecifier } from '../../src/imports/external-specifier.js';
import { ImportResolver, type Resolution } from '../../src/imports/resolve.js';
import { discoverFiles } from '../../src/workspace/discover.js';
import { readWorkspacePackages } from '../../src/workspace/packages.js';
import { tempProject } from '../helpers/temp-project.js';

function resolverFor(root: string): ImportResolver {
  return new ImportResolver(root, readWorkspacePackages(root, discoverFiles(root).files));
}

/** `file path`, `external name`, `builtin name` or `unresolved: reason`, then how. */
const show = (resolution: Resolution): string => {
  switch (resolution.kind) {
    case 'file':
      return `file ${resolution.file} | ${resolution.via}`;
    case 'unresolved':
      return `unresolved ${resolution.cause}: ${resolution.reason}`;
    default:
      return `${resolution.kind} ${resolution.packageName} | ${resolution.via}`;
  }
};

describe('external specifiers', () => {
  it('parses registry names, versions and subpaths, builtins, remote and data URLs', () => {
    expect(parseExternalSpecifier('jsr:@std/path@^1.0/posix/join')).toEqual({ scheme: 'jsr', packageName: '@std/path', version: '^1.0', subpath: './posix/join' });
    expect(parseExternalSpecifier('jsr:/@std/path@1/')).toEqual({ scheme: 'jsr', packageName: '@std/path', version: '1', subpath: '.' });
    expect(parseExternalSpecifier('jsr:@std/path')).toEqual({ scheme: 'jsr', packageName: '@std/path', version: undefined, subpath: '.' });
    expect(parseExternalSpecifier('npm:chalk@5/ansi')).toEqual({ scheme: 'npm', packageName: 'chalk', version: '5', subpath: './ansi' });
    expect(parseExternalSpecifier('npm:@types/node@^20')).toEqual({ scheme: 'npm', packageName: '@types/node', version: '^20', subpath: '.' });
    expect(parseExternalSpecifier('node:fs/promises')).toEqual({ scheme: 'node', packageName: 'node:fs' });
    expect(parseExternalSpecifier('https://deno.land/x/oak@v12/mod.ts?x=1#y')).toEqual({ scheme: 'https', packageName: 'https://deno.land/x/oak@v12/mod.ts' });
    expect(parseExternalSpecifier('data:text/javascript;base64,ZXhwb3J0IHt9')).toEqual({ scheme: 'data', packageName: 'data:text/javascript' });
    expect(parseExternalSpecifier('@std/path')).toBeUndefined();
    expect(parseExternalSpecifier('./jsr:x')).toBeUndefined();
  });

  it('are external in a Node project too: never unresolved, never followed into the repository', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'app', repository: 'https://github.com/acme/app' }),
      'src/main.ts': '',
      'src/preview/x/index.ts': '',
    });
    const resolver = resolverFor(root);
    expect(show(resolver.resolve('jsr:@luca/flag@^1', 'src/main.ts', 'esm'))).toBe('external @luca/flag | jsr: package, not fetched');
    expect(show(resolver.resolve('npm:left-pad@1', 'src/main.ts', 'esm'))).toBe('external left-pad | npm: package, not fetched');
    expect(show(resolver.resolve('https://raw.githubusercontent.com/acme/app/main/src/preview/x/index.ts', 'src/main.ts', 'esm'))).toBe(
      'external https://raw.githubusercontent.com/acme/app/main/src/preview/x/index.ts | remote URL, never fetched (not even one that points into this repository)',
    );
    expect(show(resolver.resolve('http://localhost:8000/mod.js', 'src/main.ts', 'esm'))).toMatch(/^external http:\/\/localhost:8000\/mod\.js \| remote URL/);
    expect(show(resolver.resolve('data:text/javascript,export default 1', 'src/main.ts', 'esm'))).toBe('external data:text/javascript | data: URL, an inline module');
    expect(show(resolver.resolve('node:path', 'src/main.ts', 'esm'))).toBe('builtin node:path | node builtin');
  });

  it('npm: naming a package of an npm workspace is that package\'s source', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'root', workspaces: ['packages/*'] }),
      'packages/ui/package.json': JSON.stringify({ name: '@acme/ui', exports: { '.': './src/index.ts' } }),
      'packages/ui/src/index.ts': '',
      'packages/app/src/main.ts': '',
    });
    expect(show(resolverFor(root).resolve('npm:@acme/ui@*', 'packages/app/src/main.ts', 'esm'))).toMatch(/^file packages\/ui\/src\/index\.ts \| workspace package @acme\/ui .*; npm:@acme\/ui@\* names this workspace's own @acme\/ui, whatever the version$/);
  });
});

describe('Deno import maps', () => {
  const workspace = (extra: Record<string, string>) =>
    tempProject({
      'deno.json': JSON.stringify({
        workspace: ['./pkgs/a', './pkgs/b'],
        imports: { '@std/fs': 'jsr:@std/fs@1', 'x/': './src/x/', 'x/special.ts': './src/special.ts', 'https://cdn.example/lib/': './vendor/lib/', blocked: 'not-a-url' },
        scopes: { './pkgs/b/': { '@std/fs': 'npm:fs-extra@11' }, './pkgs/b/deep/': { '@std/fs': './src/fake-fs.ts' } },
      }),
      'pkgs/a/deno.json': JSON.stringify({ name: '@w/a', version: '1.0.0', exports: { '.': './mod.ts', './unstable-y': './unstable_y.ts' }, imports: { '@std/fs': 'jsr:@std/fs@2' } }),
      'pkgs/a/mod.ts': '',
      'pkgs/a/unstable_y.ts': '',
      'pkgs/b/deno.json': JSON.stringify({ name: '@w/b', version: '0.1.0', exports: './mod.ts' }),
      'pkgs/b/mod.ts': '',
      'pkgs/b/deep/file.ts': '',
      'src/x/one.ts': '',
      'src/special.ts': '',
      'src/fake-fs.ts': '',
      'vendor/lib/mod.ts': '',
      'main.ts': '',
      ...extra,
    });

  it('maps exact and prefix keys (an exact key wins over a prefix), a member\'s own map before the root\'s, scopes most specific first', () => {
    const resolver = resolverFor(workspace({}));
    expect(show(resolver.resolve('x/one.ts', 'main.ts', 'esm'))).toBe('file src/x/one.ts | import map deno.json ("x/" → "./src/x/")');
    expect(show(resolver.resolve('x/special.ts', 'main.ts', 'esm'))).toBe('file src/special.ts | import map deno.json ("x/special.ts" → "./src/special.ts")');
    expect(show(resolver.resolve('@std/fs', 'main.ts', 'esm'))).toBe('external @std/fs | import map deno.json ("@std/fs" → "jsr:@std/fs@1"): jsr: package, not fetched');
    expect(show(resolver.resolve('@std/fs/walk', 'pkgs/a/mod.ts', 'esm'))).toBe('external @std/fs | import map pkgs/a/deno.json ("@std/fs" → "jsr:@std/fs@2"): jsr: package, not fetched');
    expect(show(resolver.resolve('@std/fs', 'pkgs/b/mod.ts', 'esm'))).toBe('external fs-extra | import map deno.json, scope "./pkgs/b/" ("@std/fs" → "npm:fs-extra@11"): npm: package, not fetched');
    expect(show(resolver.resolve('@std/fs', 'pkgs/b/deep/file.ts', 'esm'))).toBe('file src/fake-fs.ts | import map deno.json, scope "./pkgs/b/deep/" ("@std/fs" → "./src/fake-fs.ts")');
  });

  it('maps a remote URL onto vendored files, resolves member names and jsr: of members, and ignores an address that is no URL', () => {
    const resolver = resolverFor(workspace({}));
    expect(show(resolver.resolve('https://cdn.example/lib/mod.ts', 'main.ts', 'esm'))).toBe('file vendor/lib/mod.ts | import map deno.json ("https://cdn.example/lib/" → "./vendor/lib/")');
    expect(show(resolver.resolve('@w/a/unstable-y', 'pkgs/b/mod.ts', 'esm'))).toBe('file pkgs/a/unstable_y.ts | deno workspace member @w/a (./unstable_y.ts → unstable_y.ts, a source file)');
    expect(show(resolver.resolve('jsr:@w/b@0.1', 'pkgs/a/mod.ts', 'esm'))).toMatch(/^file pkgs\/b\/mod\.ts \| deno workspace member @w\/b /);
    expect(show(resolver.resolve('@w/a/missing', 'main.ts', 'esm'))).toBe('unresolved workspace-entry: deno workspace member @w/a has no source file for "./missing" (checked the exports of pkgs/a/deno.json)');
    expect(resolver.resolve('blocked', 'main.ts', 'esm').kind).toBe('unresolved');
    expect(show(resolver.resolve('x/gone.ts', 'main.ts', 'esm'))).toBe('unresolved missing-file: import map deno.json ("x/" → "./src/x/"), and no such file exists in the project');
  });

  it('reads a standalone import map named by importMap (without deno.json\'s expansion of registry entries)', () => {
    const root = tempProject({
      'deno.jsonc': '{ "importMap": "./maps/import_map.json" }',
      'maps/import_map.json': JSON.stringify({ imports: { '@app/': '../src/', preact: 'npm:preact@10' } }),
      'src/util.ts': '',
      'main.ts': '',
    });
    const resolver = resolverFor(root);
    expect(show(resolver.resolve('@app/util.ts', 'main.ts', 'esm'))).toBe('file src/util.ts | import map maps/import_map.json ("@app/" → "../src/")');
    expect(show(resolver.resolve('preact', 'main.ts', 'esm'))).toBe('external preact | import map maps/import_map.json ("preact" → "npm:preact@10"): npm: package, not fetched');
    expect(resolver.resolve('preact/hooks', 'main.ts', 'esm').kind).toBe('unresolved');
  });
});

describe('Deno configs Deno would refuse are input errors, with file:line:column', () => {
  const errorOf = (files: Record<string, string>): string => {
    const root = tempProject(files);
    try {
      readWorkspacePackages(root, discoverFiles(root).files);
    } catch (error) {
      if (error instanceof InputError) return error.message;
      throw error;
    }
    return 'no error';
  };

  it('a syntax error, a workspace that is no list, an import map entry that is no string, a missing importMap file', () => {
    expect(errorOf({ 'deno.json': '{\n  "workspace": ["./a"\n}' })).toBe('deno.json:3:1: invalid JSONC (CommaExpected)');
    expect(errorOf({ 'deno.json': '{ "workspace": "./a" }' })).toBe('deno.json:1:16: "workspace" must be a list of member paths (or { "members": [...] })');
    expect(errorOf({ 'deno.json': '{ "workspace": ["./a"] }', 'a/deno.jsonc': '{\n  "imports": { "x": 1 }\n}' })).toBe('a/deno.jsonc:2:21: "imports": every entry must be a string');
    expect(errorOf({ 'deno.json': '{ "importMap": "./nope.json" }' })).toBe('deno.json:1:16: "importMap" names nope.json, which cannot be read (ENOENT)');
    expect(errorOf({ 'deno.json': '{ "name": 3 }' })).toBe('deno.json:1:11: "name" must be a string');
  });

  it('accepts { "members": [...] }, globs and exclusions; deno.json wins over deno.jsonc in one directory', () => {
    const root = tempProject({
      'deno.jsonc': '{ "workspace": { "members": ["./libs/*", "!./libs/skip"] } }',
      'libs/one/deno.json': JSON.stringify({ name: '@l/one' }),
      'libs/one/deno.jsonc': JSON.stringify({ name: '@l/shadowed' }),
      'libs/skip/deno.json': JSON.stringify({ name: '@l/skip' }),
      'other/deno.json': JSON.stringify({ name: '@l/other' }),
    });
    const packages = readWorkspacePackages(root, discoverFiles(root).files);
    expect([...packages.byName.keys()]).toEqual(['@l/one']);
    expect(packages.byName.get('@l/one')).toMatchObject({ dir: 'libs/one', denoConfig: 'libs/one/deno.json' });
  });
});

describe('Deno import map scopes and the resolver cache', () => {
  it('two files of one directory that different scopes match get their own answers, whichever is asked first', () => {
    const root = tempProject({
      'deno.json': JSON.stringify({ imports: { dep: 'npm:dep@1' }, scopes: { './src/old.ts': { dep: 'npm:dep@0' } } }),
      'src/old.ts': '',
      'src/new.ts': '',
    });
    const resolver = resolverFor(root);
    expect(show(resolver.resolve('dep', 'src/old.ts', 'esm'))).toBe('external dep | import map deno.json, scope "./src/old.ts" ("dep" → "npm:dep@0"): npm: package, not fetched');
    expect(show(resolver.resolve('dep', 'src/new.ts', 'esm'))).toBe('external dep | import map deno.json ("dep" → "npm:dep@1"): npm: package, not fetched');
  });
});
