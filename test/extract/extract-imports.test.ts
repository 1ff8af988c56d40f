import { describe, expect, it } from 'vitest';
import { extractImports } from '../../src/extract/typescript/extract-imports.js';

const summary = (fileName: string, text: string) =>
  extractImports(fileName, text).imports.map((site) => `${site.line}:${site.column} ${site.form}${site.typeOnly ? ' type' : ''} ${site.specifier ?? '<computed>'}`);

describe('extractImports', () => {
  it('finds every static form with the position of the specifier', () => {
    const text = [
      "import a from './a';",
      "import * as b from './b';",
      "import './c';",
      "import type { T } from './d';",
      "import { type U, type V } from './e';",
      "import { type W, value } from './f';",
      "export { x } from './g';",
      "export * from './h';",
      "export * as ns from './i';",
      "export type { Y } from './j';",
      "export type * from './k';",
    ].join('\n');
    expect(summary('x.ts', text)).toEqual([
      '1:15 import ./a',
      '2:20 import ./b',
      '3:8 side-effect ./c',
      '4:24 import-type type ./d',
      '5:32 import type ./e',
      '6:31 import ./f',
      '7:19 export-from ./g',
      '8:15 export-from ./h',
      '9:21 export-from ./i',
      '10:24 export-from type ./j',
      '11:20 export-from type ./k',
    ]);
  });

  it('finds dynamic import, require, import = require and typeof import anywhere in the file', () => {
    const text = [
      'export async function load(name: string) {',
      "  const m = await import('./dyn');",
      '  const t = await import(`./tpl`);',
      '  const u = await import(name);',
      "  const r = require('./req');",
      '  return [m, t, u, r];',
      '}',
      "import eq = require('./eq');",
      "import type teq = require('./teq');",
      "export type Chart = typeof import('./types').Chart;",
      "let x: import('./inline').Y;",
    ].join('\n');
    expect(summary('x.ts', text)).toEqual([
      '2:26 dynamic-import ./dyn',
      '3:26 dynamic-import ./tpl',
      '4:19 dynamic-import <computed>',
      '5:21 require ./req',
      '8:21 import-equals ./eq',
      '9:27 import-equals type ./teq',
      '10:35 type-query type ./types',
      '11:15 type-query type ./inline',
    ]);
  });

  it('ignores imports in comments and strings, and require() with a computed name', () => {
    const text = ["// import x from './comment';", "const s = \"import y from './string'\";", 'require(s);', "/* require('./block') */"].join('\n');
    expect(summary('x.js', text)).toEqual([]);
  });

  it('marks type-only-by-specifiers separately from import type', () => {
    const sites = extractImports('x.ts', "import { type A } from './a';\nimport type { B } from './b';").imports;
    expect(sites.map((site) => [site.typeOnly, site.typeOnlyBySpecifiers])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it('records the statement span so a suppression covers a multi-line import', () => {
    const [site] = extractImports('x.ts', "import {\n  a,\n  b,\n} from './multi';\n").imports;
    expect(site).toMatchObject({ line: 4, column: 8, statementStartLine: 1, statementEndLine: 4 });
  });

  it('reports the first syntax error and still extracts the imports around it', () => {
    const result = extractImports('x.ts', "import a from './a';\nconst s = 'open;\nimport b from './b';\n");
    expect(result.syntaxError).toMatchObject({ line: 2, column: 17, message: 'Unterminated string literal.' });
    expect(result.parsedBecause).toBe('lexical error');
    expect(result.imports.map((site) => site.specifier)).toEqual(['./a', './b']);
  });

  it('scans a file whose grammar error hides no import; fullParse reports the error', () => {
    const text = "import a from './a';\nconst = ;\nimport b from './b';\n";
    const scanned = extractImports('x.ts', text);
    expect([scanned.syntaxError, scanned.parsedBecause]).toEqual([undefined, undefined]);
    expect(scanned.imports.map((site) => site.specifier)).toEqual(['./a', './b']);
    const parsed = extractImports('x.ts', text, { fullParse: true });
    expect(parsed).toMatchObject({ syntaxError: { line: 2, column: 7 }, parsedBecause: 'full parse requested' });
    expect(parsed.imports).toEqual(scanned.imports);
  });

  it('parses JSX in .tsx and .jsx files', () => {
    expect(summary('x.tsx', "import { C } from './c';\nexport const el = <C prop={1} />;").length).toBe(1);
    expect(summary('x.jsx', "import C from './c';\nexport const el = <C />;\nconst l = import('./lazy');").length).toBe(2);
  });
});
