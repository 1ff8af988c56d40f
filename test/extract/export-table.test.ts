import { createRequire } from 'node:module';
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { estreeNamespaceUses } from '../../src/extract/estree/namespace-uses.js';
import { readExportTable } from '../../src/extract/shared/export-table.js';
import { namespaceUsesOf } from '../../src/extract/typescript/namespace-uses.js';
import { bundledTypeScript, type TypeScript } from '../../src/ts.js';

const editorTypeScript = createRequire(import.meta.url)('typescript') as TypeScript;

const SOURCE = `import { inner as imported } from './inner.js';
import * as ns from './ns.js';
/** @preview otlp */
export function experimental_a(): void {}
export function overloaded(x: string): void;
/** @alpha */
export function overloaded(x: number): void;
export function overloaded(x: unknown): void {}
/**
 * Two on one statement.
 * @experimental since 2.0
 */
export const one = 1, { two, three: [four] } = { two: 2, three: [4] };
export class Klass {}
export interface Shape {}
export type Alias = string;
export enum Color { Red }
export namespace Space { export const x = 1; }
export default function () {}
function hidden(): void {}
/** @beta */
const later = 2;
export { hidden as shown, later, imported, ns };
export { x as y, type T } from './x.js';
export * from './star.js';
export * as whole from './whole.js';
declare module 'elsewhere' { export const z: number; }
`;

describe('readExportTable: the one export-table reader of both runners', () => {
  it('lists declarations with kind, position and doc tags, local and imported re-exports, export from and export *', () => {
    const table = readExportTable(bundledTypeScript(), 'a.ts', SOURCE);
    expect(table.unlisted).toBeUndefined();
    const rows = table.entries.map((entry) =>
      entry.kind === 'local'
        ? `${entry.line}:${entry.column} local ${entry.name} ${entry.declarationKind}${entry.tags.map((tag) => ` ${tag.tag}${tag.text ? `(${tag.text})` : ''}`).join('')}`
        : entry.kind === 'reexport'
          ? `${entry.line}:${entry.column} reexport ${entry.name} ← ${entry.imported} from ${entry.specifier}${entry.typeOnly ? ' type' : ''}`
          : `${entry.line}:${entry.column} star from ${entry.specifier}`,
    );
    expect(rows).toEqual([
      '4:17 local experimental_a function @preview(otlp)',
      '5:17 local overloaded function @alpha',
      '13:14 local one variable @experimental(since 2.0)',
      '13:25 local two variable @experimental(since 2.0)',
      '13:38 local four variable @experimental(since 2.0)',
      '14:14 local Klass class',
      '15:18 local Shape interface',
      '16:13 local Alias type',
      '17:13 local Color enum',
      '18:18 local Space namespace',
      '19:1 local default function',
      '24:10 reexport y ← x from ./x.js',
      '24:18 reexport T ← T from ./x.js type',
      '25:15 star from ./star.js',
      '26:8 reexport whole ← * from ./whole.js',
      '23:10 local shown function',
      '23:27 local later variable @beta',
      '23:34 reexport imported ← inner from ./inner.js',
      '23:44 reexport ns ← * from ./ns.js',
    ]);
  });

  it('gives the same table with the TypeScript ESLint loads as with the bundled one', () => {
    expect(readExportTable(editorTypeScript, 'a.ts', SOURCE)).toEqual(readExportTable(bundledTypeScript(), 'a.ts', SOURCE));
  });

  it('reads doc tags whose text links with {@link}, on every kind of export, without crashing', () => {
    const text = [
      '/** @deprecated use {@link newThing} instead */',
      'export function oldThing(): number { return 1; }',
      '/** @preview otlp see {@linkcode Klass.method} */',
      'export const a = 1, b = 2;',
      'export const c = /** @beta {@linkplain a} */ (3);',
      '/** @alpha {@link https://example.org docs} */',
      'export class Klass { method(): void {} }',
      'export function newThing(): number { return 2; }',
    ].join('\n');
    const table = readExportTable(bundledTypeScript(), 'links.ts', text);
    const rows = table.entries.map((entry) => (entry.kind === 'local' ? `${entry.name}${entry.tags.map((tag) => ` ${tag.tag}(${tag.text})`).join('')}` : entry.kind));
    expect(rows).toEqual([
      'oldThing @deprecated(use {@link newThing} instead)',
      'a @preview(otlp see {@linkcode Klass.method})',
      'b @preview(otlp see {@linkcode Klass.method})',
      'c',
      'Klass @alpha({@link https://example.org docs})',
      'newThing',
    ]);
  });

  it('export = and syntax errors leave the table unlisted (the caller fails closed)', () => {
    expect(readExportTable(bundledTypeScript(), 'a.ts', 'const x = 1;\nexport = x;\n').unlisted).toMatch(/export =/);
    expect(readExportTable(bundledTypeScript(), 'a.ts', 'export const = ;\n').unlisted).toBe('a syntax error');
  });
});

const USES = `import * as api from './api.js';
import * as other from './other.js';
api.experimental_a();
api?.b;
api['c'];
const t: api.D = null as never;
type E = typeof api.E;
call(api);
const spread = { ...api, api: 1 };
obj.api;
api[key];
other.x;
export { api };
`;

function estreeUses(text: string, locals: ReadonlySet<string>) {
  const program = tsParser.parseForESLint(text, { range: true, loc: true, tokens: true, comment: true, sourceType: 'module' });
  return estreeNamespaceUses(program.ast as unknown as TSESTree.Program, program.visitorKeys as Record<string, readonly string[]>, locals);
}

describe('namespace uses: TypeScript parser (CLI) and ESLint tree agree', () => {
  it('member uses at the member, other uses of the name as the namespace used whole', () => {
    const locals = new Set(['api']);
    const cli = namespaceUsesOf('a.ts', USES, locals);
    expect(cli.map((use) => `${use.line}:${use.column} ${use.member ?? '(whole)'}`)).toEqual([
      '3:5 experimental_a',
      '4:6 b',
      '5:5 c',
      '6:14 D',
      '7:21 E',
      '8:6 (whole)',
      '9:21 (whole)',
      '11:1 (whole)',
      '13:10 (whole)',
    ]);
    expect(estreeUses(USES, locals)).toEqual(cli);
  });
});
