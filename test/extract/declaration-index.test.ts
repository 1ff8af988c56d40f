import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeclarationIndex } from '../../src/extract/shared/declaration-index.js';
import type { NameEnd } from '../../src/facts/declarations.js';
import { bundledTypeScript } from '../../src/ts.js';
import { openWorkspace } from '../../src/workspace/open-workspace.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

function indexOf(files: Record<string, string>): DeclarationIndex {
  const root = tempProject({
    'lifecycle.yaml': policyYaml().replace('preview:\n', "preview:\n  exportNames: ['experimental_{feature}']\n"),
    'package.json': '{ "name": "p", "type": "module" }',
    ...files,
  });
  return new DeclarationIndex(openWorkspace({ cwd: root }), bundledTypeScript(), false);
}

/** `file:name via a → b`, or `unresolved: why`. */
function shown(end: NameEnd | undefined): string {
  if (end === undefined) return 'not exported';
  if ('unresolved' in end) return `unresolved: ${end.unresolved}`;
  const via = end.chain.map((link) => `${link.file}:${link.line}`).join(' → ');
  return `${end.declaration.file}:${end.declaration.name} ${end.declaration.declarationKind}${via ? ` via ${via}` : ''}${end.typeOnly ? ' (type only)' : ''}`;
}

describe('DeclarationIndex: names through re-export chains', () => {
  it('follows export { } from, renames, export * at any depth, and export * as', () => {
    const index = indexOf({
      'src/index.ts': "export { experimental_fwaas_a as renamed } from './a.js';\nexport * from './mid.js';\nexport * as ns from './a.js';\nexport type { experimental_fwaas_a as T } from './a.js';\n",
      'src/mid.ts': "export * from './deep.js';\n",
      'src/deep.ts': "export * from './a.js';\n",
      'src/a.ts': 'export function experimental_fwaas_a() {}\nexport default 1;\n',
    });
    expect(shown(index.resolve('src/index.ts', 'renamed'))).toBe('src/a.ts:experimental_fwaas_a function via src/index.ts:1');
    expect(shown(index.resolve('src/index.ts', 'experimental_fwaas_a'))).toBe('src/a.ts:experimental_fwaas_a function via src/index.ts:2 → src/mid.ts:1 → src/deep.ts:1');
    expect(shown(index.resolve('src/index.ts', 'ns'))).toBe('src/a.ts:* namespace via src/index.ts:3');
    expect(shown(index.resolve('src/index.ts', 'T'))).toBe('src/a.ts:experimental_fwaas_a function via src/index.ts:4 (type only)');
    // `default` never passes through `export *`.
    expect(shown(index.resolve('src/index.ts', 'default'))).toBe('not exported');
  });

  it('cycles of export * terminate; a name two export * give differently is ambiguous (ES rules)', () => {
    const index = indexOf({
      'src/x.ts': "export * from './y.js';\nexport function experimental_fwaas_x() {}\n",
      'src/y.ts': "export * from './x.js';\n",
      'src/both.ts': "export * from './one.js';\nexport * from './two.js';\n",
      'src/one.ts': 'export const experimental_fwaas_dup = 1;\n',
      'src/two.ts': 'export const experimental_fwaas_dup = 2;\n',
    });
    expect(shown(index.resolve('src/y.ts', 'experimental_fwaas_x'))).toBe('src/x.ts:experimental_fwaas_x function via src/y.ts:1');
    expect(shown(index.resolve('src/y.ts', 'experimental_fwaas_missing'))).toBe('not exported');
    expect(shown(index.resolve('src/both.ts', 'experimental_fwaas_dup'))).toMatch(/^unresolved: "experimental_fwaas_dup" is ambiguous in src\/both\.ts: two `export \*` give it \(src\/one\.ts and src\/two\.ts\)/);
    expect([...index.moduleNames('src/y.ts').keys()]).toEqual(['experimental_fwaas_x']);
  });

  it('a name from a package outside the project ends there (zone outside): explicitly, or through its export *', () => {
    const index = indexOf({ 'src/index.ts': "export { join as experimental_fwaas_join } from 'node:path';\nexport * from 'node:fs';\n" });
    const join = index.resolve('src/index.ts', 'experimental_fwaas_join');
    expect(shown(join)).toBe('node:path:join module via src/index.ts:1');
    expect(join && 'declaration' in join ? join.declaration.class.zone : undefined).toBe('outside');
    expect(shown(index.resolve('src/index.ts', 'readFileSync'))).toBe('node:fs:readFileSync module via src/index.ts:2');
  });

  it('an unresolvable link is reported, never taken for stable', () => {
    const index = indexOf({ 'src/index.ts': "export { experimental_fwaas_a } from './gone.js';\n" });
    expect(shown(index.resolve('src/index.ts', 'experimental_fwaas_a'))).toMatch(/^unresolved: cannot resolve "\.\/gone\.js" at src\/index\.ts:1:10: no such file$/);
  });

  it('reads a file only when it can matter: no export list, no tag, no matching name → ends there unread', () => {
    const index = indexOf({ 'src/plain.ts': 'export function helper() {}\n', 'src/tagged.ts': '/** @preview fwaas */\nexport function helper() {}\n' });
    expect(index.mayMatter('src/plain.ts', 'helper')).toBe(false);
    expect(shown(index.resolve('src/plain.ts', 'helper'))).toBe('src/plain.ts:helper module');
    expect(index.mayMatter('src/plain.ts', 'experimental_fwaas_x')).toBe(true);
    expect(shown(index.resolve('src/tagged.ts', 'helper'))).toBe('src/tagged.ts:helper function');
  });
});

describe('DeclarationIndex: what is read (the cost of check)', () => {
  it('a name not written in any export list of a file without export * ends there; a listed or starred one is followed', () => {
    const index = indexOf({
      'src/lists.ts': "import { a } from './a.js';\nexport function local() {}\nexport { a as renamed };\nexport { b } from './b.js';\n",
      'src/star.ts': "export * from './a.js';\nexport function own() {}\n",
      'src/a.ts': 'export const a = 1;\n',
      'src/b.ts': 'export const b = 1;\n',
    });
    expect(index.mayMatter('src/lists.ts', 'local')).toBe(false);
    expect(index.mayMatter('src/lists.ts', 'renamed')).toBe(true);
    expect(index.mayMatter('src/lists.ts', 'b')).toBe(true);
    expect(index.mayMatter('src/star.ts', 'own')).toBe(true);
  });

  it('a module matters for export * and namespaces only when something it reaches may be preview', () => {
    const index = indexOf({
      'src/plain.ts': "export * from './leaf.js';\nexport { x } from './leaf.js';\n",
      'src/leaf.ts': 'export const x = 1;\n',
      'src/cycle-a.ts': "export * from './cycle-b.js';\n",
      'src/cycle-b.ts': "export * from './cycle-a.js';\n",
      'src/reaches.ts': "export * from './named.js';\n",
      'src/named.ts': 'export const experimental_fwaas_x = 1;\n',
    });
    expect(index.moduleMayMatter('src/plain.ts')).toBe(false);
    expect(index.moduleMayMatter('src/cycle-a.ts')).toBe(false);
    expect(index.moduleMayMatter('src/reaches.ts')).toBe(true);
  });
});

describe('DeclarationIndex in the editor: compared with the disk once per disk check', () => {
  function editorIndex(files: Record<string, string>): { index: DeclarationIndex; root: string } {
    const root = tempProject({ 'lifecycle.yaml': policyYaml(), 'package.json': '{ "name": "p", "type": "module" }', ...files });
    return { index: new DeclarationIndex(openWorkspace({ cwd: root }), bundledTypeScript(), true), root };
  }
  /** Rewrites a file with an mtime that surely differs from the one read before. */
  function edit(root: string, file: string, text: string, secondsLater: number): void {
    writeFileSync(join(root, file), text);
    const at = new Date(Date.now() + secondsLater * 1000);
    utimesSync(join(root, file), at, at);
  }

  it('serves a file its own table from the entry its importers read when the texts agree, and parses another text anew', () => {
    const disk = '/** @preview otlp */\nexport function tagged() {}\n';
    const { index } = editorIndex({ 'src/b.ts': disk });
    expect(index.mayMatter('src/b.ts', 'tagged')).toBe(true); // read from the disk
    expect(index.tableOfText('src/b.ts', disk)).toBe(index.tableOfText('src/b.ts', disk)); // one parse, kept
    // An unsaved buffer of b.ts: its own table, never the entry its importers see.
    expect(index.tableOfText('src/b.ts', 'export const other = 1;\n').entries.map((entry) => ('name' in entry ? entry.name : entry.kind))).toEqual(['other']);
    expect(index.mayMatter('src/b.ts', 'tagged')).toBe(true);
  });

  it('a file behind export * tagged on disk makes the barrel matter after the next disk check (the verdict is not kept past it)', () => {
    const { index, root } = editorIndex({
      'src/a.ts': 'export function makeThing() {}\n',
      'src/barrel.ts': "export * from './a.js';\n",
    });
    expect(index.moduleMayMatter('src/barrel.ts')).toBe(false);
    edit(root, 'src/a.ts', '/** @preview otlp */\nexport function makeThing() {}\n', 5);
    expect(index.moduleMayMatter('src/barrel.ts')).toBe(false); // no disk check yet: the same answer
    index.forgetFileSystem();
    expect(index.moduleMayMatter('src/barrel.ts')).toBe(true);
    edit(root, 'src/a.ts', 'export function makeThing() {}\n', 10);
    index.forgetFileSystem();
    expect(index.moduleMayMatter('src/barrel.ts')).toBe(false);
  });
});
