import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { SUPPRESSION_DIRECTIVE } from '../../src/extract/shared/suppression-directive.js';
import type { ExtractedImports } from '../../src/extract/typescript/extracted-imports.js';
import { parseImports } from '../../src/extract/typescript/parse-imports.js';
import { lastScanFallbackReason, scanImports } from '../../src/extract/typescript/scan-imports.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** What both extractors must agree on (literal ranges in source order). */
const comparable = (result: ExtractedImports) => ({
  imports: result.imports,
  literalRanges: [...result.literalRanges].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
});

const scan = (fileName: string, text: string) => scanImports(fileName, text, SUPPRESSION_DIRECTIVE);

/** Scans `text`; expects the scan to succeed and to equal the full parse. Returns a summary of the imports. */
function scannedLikeParsed(text: string, fileName = 'x.ts'): string[] {
  const scanned = scan(fileName, text);
  expect(scanned, `scan gave up: ${lastScanFallbackReason()}`).toBeDefined();
  expect(comparable(scanned!)).toEqual(comparable(parseImports(fileName, text)));
  return scanned!.imports.map(
    (site) => `${site.line}:${site.column} ${site.form}${site.typeOnly ? ' type' : ''}${site.typeOnlyBySpecifiers ? ' by-specifiers' : ''} ${site.specifier ?? '<computed>'} [${site.statementStartLine}-${site.statementEndLine}]`,
  );
}

function fallsBack(text: string, reason: string, fileName = 'x.ts'): void {
  expect(scan(fileName, text)).toBeUndefined();
  expect(lastScanFallbackReason()).toBe(reason);
}

describe('scanImports: the forms it reads, equal to the full parse', () => {
  it('static imports and exports, with type-only variants and statement spans', () => {
    const text = [
      "import a from './a';",
      "import * as b from './b'",
      "import './c';",
      "import type { T } from './d';",
      "import { type U, type V as W } from './e';",
      "import { type X, value } from './f';",
      "import D, { type E } from './g';",
      'import {} from "./h";',
      "import type * as NS from './i';",
      'import {',
      '  one,',
      '  "two-words" as two,',
      "} from './j';",
      "export { x } from './k';",
      "export * from './l';",
      "export * as ns from './m';",
      "export * as 'str' from './n';",
      "export type { Y } from './o';",
      "export type * from './p';",
      "export { type Z } from './q';",
      "export { default, type Q as R } from './r';",
      'export { local };',
      'export type Alias = string;',
      'export default 1;',
      "import json from './data.json' with { type: 'json' };",
      "import legacy from './legacy.json' assert {",
      "  type: 'json' };",
      "import plain from './plain'",
      'assert(plain);',
      "import defer * as lazy from './s';",
    ].join('\n');
    expect(scannedLikeParsed(text)).toEqual([
      '1:15 import ./a [1-1]',
      '2:20 import ./b [2-2]',
      '3:8 side-effect ./c [3-3]',
      '4:24 import-type type ./d [4-4]',
      '5:37 import type by-specifiers ./e [5-5]',
      '6:31 import ./f [6-6]',
      '7:27 import ./g [7-7]',
      '8:16 import ./h [8-8]',
      '9:26 import-type type ./i [9-9]',
      '13:8 import ./j [10-13]',
      '14:19 export-from ./k [14-14]',
      '15:15 export-from ./l [15-15]',
      '16:21 export-from ./m [16-16]',
      '17:24 export-from ./n [17-17]',
      '18:24 export-from type ./o [18-18]',
      '19:20 export-from type ./p [19-19]',
      '20:24 export-from type by-specifiers ./q [20-20]',
      '21:38 export-from ./r [21-21]',
      '25:18 import ./data.json [25-25]',
      '26:20 import ./legacy.json [26-27]',
      '28:19 import ./plain [28-28]',
      '30:29 import ./s [30-30]',
    ]);
  });

  it('import = require, require() and import() in expression positions', () => {
    const text = [
      "import eq = require('./eq');",
      "import type teq = require('./teq');",
      "export import xeq = require('./xeq');",
      'import alias = Some.Namespace;',
      "const r = require('./r');",
      "const t = require(`./t`);",
      "const opt = require?.('./opt');",
      "const trailing = require('./trailing', );",
      "const notOne = require('./a', './b');",
      "const computed = require('./c' + suffix);",
      "const member = loader.require('./member');",
      'function require(id: string) { return id; }',
      "const made = new require('./new');",
      'async function load(name: string) {',
      "  const d = await import('./d');",
      "  const e = await import(`./e`, { with: { type: 'json' } });",
      '  const f = await import(name);',
      "  return import('./g');",
      '}',
      "import('./side-effect');",
      'const meta = import.meta.url;',
    ].join('\n');
    expect(scannedLikeParsed(text)).toEqual([
      '1:21 import-equals ./eq [1-1]',
      '2:27 import-equals type ./teq [2-2]',
      '3:29 import-equals ./xeq [3-3]',
      '5:19 require ./r [5-5]',
      '6:19 require ./t [6-6]',
      '7:23 require ./opt [7-7]',
      '8:26 require ./trailing [8-8]',
      '15:26 dynamic-import ./d [15-15]',
      '16:26 dynamic-import ./e [16-16]',
      '17:19 dynamic-import <computed> [17-17]',
      '18:17 dynamic-import ./g [18-18]',
      '20:8 dynamic-import ./side-effect [20-20]',
    ]);
  });

  it('never takes text in comments, strings, templates or regular expressions for an import', () => {
    const text = [
      "// import a from './comment';",
      "/* require('./block') */",
      "const s = \"import b from './string'\";",
      "const t = `${`${'require(\"./nested\")'}`} import('./template')`;",
      "const re = /import c from '.\\/regex'/g;",
      "const quote = /'/.test(s) ? 1 : 2 / 3 / 4;",
      "const after = (1 + 2) / 3; const div = after / 2, re2 = /[/'\"]/;",
      "const member = options.default / 2, quote = \"'\";",
      "import real from './real';",
    ].join('\n');
    expect(scannedLikeParsed(text)).toEqual(['9:18 import ./real [9-9]']);
  });

  it('collects string, template and regex ranges when the file mentions the suppression directive', () => {
    const text = [
      `const note = "${SUPPRESSION_DIRECTIVE} no-preview-import -- in a string";`,
      `const tpl = \`a \${note} ${SUPPRESSION_DIRECTIVE}\`;`,
      `const re = /${SUPPRESSION_DIRECTIVE}/;`,
      `// ${SUPPRESSION_DIRECTIVE} no-preview-import -- a real one`,
      "import a from './a';",
    ].join('\n');
    expect(scannedLikeParsed(text)).toEqual(['5:15 import ./a [5-5]']);
    expect(scan('x.ts', text)!.literalRanges.length).toBe(5);
  });

  it('counts lines as TypeScript does: CRLF, CR, U+2028 and U+2029', () => {
    const text = "// one\r\n// two\r// three\u2028// four\u2029import a from './a';\r\nimport b from './b';\n";
    expect(scannedLikeParsed(text)).toEqual(['5:15 import ./a [5-5]', '6:15 import ./b [6-6]']);
  });

  it('reads plain JavaScript, CommonJS and ES modules', () => {
    expect(scannedLikeParsed("const a = require('./a');\nmodule.exports = { a };\n", 'x.cjs')).toEqual(['1:19 require ./a [1-1]']);
    expect(scannedLikeParsed("import a from './a.mjs';\nexport default a < 2 ? a / 2 : a;\n", 'x.mjs')).toEqual(['1:15 import ./a.mjs [1-1]']);
  });
});

describe('scanImports: gives up, so the caller parses in full', () => {
  it.each([
    ['JSX file', "import a from './a';\nexport const el = <p>don't</p>;", 'x.tsx'],
    ['JavaScript that may contain JSX', "import a from './a';\nexport const el = <p>{a}</p>;", 'x.js'],
    ['lexical error', "import a from './a';\nconst s = 'open;\n", 'x.ts'],
    ['lexical error', "<<<<<<< HEAD\nimport a from './a';\n=======\nimport b from './b';\n>>>>>>> branch\n", 'x.ts'],
    ['unbalanced brackets', "import a from './a';\nfunction f() {\n", 'x.ts'],
    ['unbalanced brackets', "import a from './a';\nconst x = [1, 2);\n", 'x.ts'],
    ['import( in a type or ambiguous position', "let t: import('./t').T;", 'x.ts'],
    ['import( in a type or ambiguous position', "const lazy = () => import('./lazy');", 'x.ts'],
    ['import( in a type or ambiguous position', 'class A { import() {} }', 'x.ts'],
    ['import declaration inside a block', "declare module 'm' {\n  import x from './x';\n}", 'x.d.ts'],
    ['export inside a block', "declare module 'm' {\n  export * from './x';\n}", 'x.d.ts'],
    ['export inside a block', 'namespace N {\n  export const a = 1;\n}', 'x.ts'],
    ['binding named type', "import type from './t';", 'x.ts'],
    ['binding named type', "import type, { a } from './t';", 'x.ts'],
    ['specifier type as', "import { type as } from './t';", 'x.ts'],
    ['generic require call', "const a = require<typeof import('./a')>('./a');", 'x.ts'],
    ['typeof import(', "type T = typeof import('./t');", 'x.ts'],
    ['typeof import(', "export declare const c: typeof import('./t');", 'x.d.ts'],
    ['typeof import(', "const odd = flag ? typeof import('./t') : 'x';", 'x.ts'],
    ['regular expression or division', 'function* g() { yield /x/; }', 'x.ts'],
    ['regular expression or division', 'for (const m of /a/g.exec(s) ?? []) {}', 'x.ts'],
    ['modifier or decorator before an import or export', "async\nexport * from './x';", 'x.ts'],
    ['modifier or decorator before an import or export', "@decorator\nimport x from './x';", 'x.ts'],
  ])('%s: %j', (reason, text, fileName) => {
    fallsBack(text, reason, fileName);
  });

  it('the full parse of a file the scan gave up on still finds what is there', () => {
    const text = "const lazy = () => import('./lazy');\nlet t: import('./t').T;\ntype M = typeof import('./m');\n";
    expect(parseImports('x.ts', text).imports.map((site) => `${site.form} ${site.specifier}`)).toEqual([
      'dynamic-import ./lazy',
      'type-query ./t',
      'type-query ./m',
    ]);
  });

  it('reads decorated classes: a decorator before `export class` is not a decorated import', () => {
    expect(scannedLikeParsed("import { Component } from './core';\n@Component({ selector: 'x' })\nexport class X {}\nexport * from './more';\n")).toEqual([
      '1:27 import ./core [1-1]',
      '4:15 export-from ./more [4-4]',
    ]);
  });
});

describe('scanImports: differential test against the full parse on real code', () => {
  const generated = mkdtempSync(join(tmpdir(), 'scan-differential-'));
  afterAll(() => rmSync(generated, { recursive: true, force: true }));

  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && /\.(?:[mc]?[jt]sx?)$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name));

  it('agrees on every file it scans: fixtures, examples, this repository, dependencies, a generated monorepo', async () => {
    // @ts-expect-error: the generator is a plain JavaScript module without types.
    const { generateMonorepo } = (await import('../../bench/generate-monorepo.js')) as {
      generateMonorepo: (options: { files: number; out: string }) => unknown;
    };
    generateMonorepo({ files: 300, out: join(generated, 'mono') });
    const corpora = [
      'test/fixtures',
      'examples',
      'src',
      'test',
      'node_modules/commander',
      'node_modules/yaml/dist',
      'node_modules/@typescript-eslint/utils/dist',
      'node_modules/zod/v4/core',
    ].map((dir) => join(repo, dir));
    const files = [...corpora, generated].flatMap(sourceFiles);
    let scanned = 0;
    const disagreements: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('\0')) continue;
      const fast = scan(file, text);
      if (!fast) continue;
      const parsed = parseImports(file, text);
      if (parsed.syntaxError) continue; // broken on purpose (fixtures): the parser's recovery is not a reference
      scanned += 1;
      if (JSON.stringify(comparable(fast)) !== JSON.stringify(comparable(parsed))) disagreements.push(relative(repo, file));
    }
    expect(disagreements).toEqual([]);
    // The comparison must cover real ground: most files are scanned, not handed to the parser.
    expect(files.length).toBeGreaterThan(1000);
    expect(scanned / files.length).toBeGreaterThan(0.8);
  });

  it('agrees after random edits of real files (seeded): where the parser finds no error, the scan gives up or equals it', async () => {
    // @ts-expect-error: the generator is a plain JavaScript module without types.
    const { createRandom } = (await import('../../bench/generate-monorepo.js')) as {
      createRandom: (seed: number) => { next: () => number; pick: <T>(list: readonly T[]) => T };
    };
    const random = createRandom(20261122);
    const texts = ['test/fixtures', 'examples', 'src']
      .flatMap((dir) => sourceFiles(join(repo, dir)))
      .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
      .filter(({ text }) => !text.includes('\0'));
    const snippets = [
      ' /x/.test(s) ', ' / 2 ', "\nimport fz from './fz';\n", "\nexport * from './fz';\n", " require('./fz') ", " await import('./fz') ",
      " typeof import('./fz') ", '//c\n', '/*c*/', '`a${b}c`', ' a.default / 2 / 3 ', '\nconst r = /[/]\\//g;\n', '\r\n', '\u2028',
      '\n@dec\n', '\nasync\n', ` ${SUPPRESSION_DIRECTIVE} `, "'", '`', '{', '}', ' yield /x/ ', ' of / 2 ', ' <T>', ' x! / 2 ',
    ];
    let compared = 0;
    const disagreements: string[] = [];
    for (let round = 0; round < 2000; round += 1) {
      const { file, text: original } = random.pick(texts);
      let text = original;
      for (let edit = Math.floor(random.next() * 3); edit >= 0; edit -= 1) {
        const at = Math.floor(random.next() * text.length);
        text = text.slice(0, at) + random.pick(snippets) + text.slice(at);
      }
      const fast = scan(file, text);
      if (!fast) continue;
      const parsed = parseImports(file, text);
      if (parsed.syntaxError) continue;
      compared += 1;
      if (JSON.stringify(comparable(fast)) !== JSON.stringify(comparable(parsed))) disagreements.push(`${relative(repo, file)} (round ${round})`);
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(200);
  });
});
