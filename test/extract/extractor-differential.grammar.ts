/**
 * The source generator of extractor-differential.test.ts: small, random but reproducible files
 * (one seeded PRNG per case) built from a grammar of every import form, placed at the top level
 * and nested, among noise that must not count, plus CLI-help and route calls.
 *
 * Static text of the grammar's templates (`t\`…\``) uses two markers: `~` becomes any whitespace
 * (spaces, tabs, a block or line comment, line breaks in the case's line-ending style) and `_`
 * whitespace on the same line (where a line break would change the parse: `async_function`,
 * `)_=>`, `type_T`). Interpolated values are inserted as they are.
 */

export const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'] as const;
export type Extension = (typeof EXTENSIONS)[number];

/**
 * Productions that trigger a known disagreement between the extractors (see KNOWN_DISAGREEMENTS
 * in the test). The generator leaves each out while its id is in `GeneratorOptions.avoid`.
 */
export type KnownId =
  | 'empty-named-import'
  | 'parenthesised-specifier'
  | 'parenthesised-require'
  | 'export-line-break-import-equals'
  | 'template-import-type'
  | 'comment-in-import-defer'
  | 'escaped-require'
  | 'declaration-in-block'
  | 'with-on-next-line'
  | 'regex-after-parenthesis'
  | 'division-after-brace'
  | 'typeof-import-line-break'
  | 'division-after-non-null'
  | 'optional-generic-require'
  /** Not generated: the random files are modules (strict), where these words are reserved. */
  | 'division-after-strict-reserved-word';

export interface GeneratorOptions {
  avoid: ReadonlySet<KnownId>;
}

/**
 * 'scan': productions the scanner reads itself (so its own path is exercised); 'shallow': no
 * `import(`/`require(` text anywhere, so DEEP_IMPORT_HINT does not match and both sides read only
 * top-level declarations (and `declare module` blocks); 'full': everything.
 */
export type Profile = 'scan' | 'shallow' | 'full';

export interface GeneratedCase {
  index: number;
  file: string;
  text: string;
  profile: Profile;
}

/** mulberry32: small, fast, and the same sequence on every platform. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(bound: number): number {
    return Math.floor(this.next() * bound);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Calls one of the weighted alternatives ([weight, make] pairs; weight 0 leaves one out). */
  choose<T>(alternatives: readonly (readonly [number, () => T])[]): T {
    const total = alternatives.reduce((sum, [weight]) => sum + weight, 0);
    let at = this.next() * total;
    for (const [weight, make] of alternatives) {
      if (weight > 0 && at < weight) return make();
      at -= weight;
    }
    for (let index = alternatives.length - 1; index >= 0; index -= 1) if (alternatives[index]![0] > 0) return alternatives[index]![1]();
    throw new Error('no alternative has a weight');
  }
}

/** The case's PRNG seed: cases are independent, so one can be regenerated alone. */
export function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

const SPECIFIERS = ['./a', './b.js', '../up/c', 'pkg', '@scope/pkg', '@scope/pkg/sub', 'node:fs', './data.json', './ünï', './with space', "./it's", './dir/index.ts', 'x'];
const NAMES = ['a', 'b', 'foo', 'Bar', 'x1', '$d', 'ñu', 'u_v', 'mod'];
const TYPE_NAMES = ['T', 'U', 'Props', 'Options'];
const DESCRIPTIONS = ['Start the server', 'Port to listen on', 'import x from "y"', "require('z') text", 'Ünïcode ✓', ''];
const PATHS = ['/users', '/users/:id', '/', '/v1', 'named', '/import/require'];
const STRING_NOISE = [
  `'import x from "y"'`,
  `"require('z')"`,
  `'import(\\'q\\')'`,
  `"export * from './n'"`,
  `'line \\\ncontinued import("x")'`,
  `'/* not a comment */ import("c")'`,
  `"// import('d')"`,
];
/** Text DEEP_IMPORT_HINT (src/imports/deep-import-hint.ts) would match: not in 'shallow' files. */
const HINTED = /\b(?:import|require)\s*(?:\(|\?\.|\/[*/])/;
const JSX_TEXT = ["import x from 'y';", "require('z') and import('w')", '// not a comment', '/* nor this */', '`tpl` export * from "x"', ' import.meta ', ''];

export function generateCase(seed: number, index: number, options: GeneratorOptions): GeneratedCase {
  const rng = new Rng(caseSeed(seed, index));
  const ext = rng.pick(EXTENSIONS);
  const roll = rng.next();
  const profile: Profile = roll < 0.15 ? 'shallow' : roll < 0.45 && ext !== '.tsx' && ext !== '.jsx' ? 'scan' : 'full';
  const writer = new Writer(rng, ext, profile, options.avoid);
  return { index, file: `case-${index}${ext}`, text: writer.file(), profile };
}

class Writer {
  private readonly ts: boolean;
  /** JSX may be written: .tsx, .jsx, and (TypeScript parses it there too) now and then .js/.mjs/.cjs. */
  private readonly jsx: boolean;
  /** `<T>x` assertions: TypeScript files that are not TSX. */
  private readonly angleAssertions: boolean;
  private readonly lineEnding: 'lf' | 'crlf' | 'mixed';
  private depth = 0;
  /** No `import(` / `require(` text (see Profile). */
  private readonly shallow: boolean;
  private asyncContext = false;
  private usedDefaultExport = false;

  constructor(
    private readonly rng: Rng,
    ext: Extension,
    private readonly profile: Profile,
    private readonly avoid: ReadonlySet<KnownId>,
  ) {
    this.ts = /\.[mc]?tsx?$/.test(ext);
    this.shallow = profile === 'shallow';
    this.jsx = profile === 'full' && (ext === '.tsx' || ext === '.jsx' || (/\.[mc]?js$/.test(ext) && rng.chance(0.2)));
    this.angleAssertions = this.ts && ext !== '.tsx';
    this.lineEnding = rng.choose([
      [6, () => 'lf' as const],
      [2, () => 'crlf' as const],
      [1, () => 'mixed' as const],
    ]);
  }

  // ---- whitespace ---------------------------------------------------------------------------

  private eol(): string {
    if (this.lineEnding === 'lf') return '\n';
    if (this.lineEnding === 'crlf') return '\r\n';
    return this.rng.pick(['\n', '\r\n', '\r', '\u2028', '\u2029']);
  }

  /** At least one character of whitespace, no line break. */
  private sameLine(): string {
    return this.rng.choose([
      [20, () => ' '],
      [3, () => '  '],
      [2, () => '\t'],
      [2, () => ' /* c */ '],
      [this.shallow ? 0 : 1, () => " /* import('c') */ "],
      [1, () => '\u00a0'],
      [1, () => ' \f\v'],
    ]);
  }

  /** At least one character of whitespace, maybe line breaks and comments. */
  private anyWhitespace(): string {
    return this.rng.choose([
      [12, () => this.sameLine()],
      [4, () => this.eol() + this.rng.pick(['', '  ', '\t'])],
      [1, () => this.eol() + this.eol()],
      [1, () => ` // import x from 'y'${this.eol()}`],
      [1, () => (this.shallow ? ` /*${this.eol()} * export * from 'n'${this.eol()} */ ` : ` /*${this.eol()} * require('n')${this.eol()} */ `)],
    ]);
  }

  /** Expands `~` and `_` in the static parts (see the file comment). */
  private t = (strings: TemplateStringsArray, ...values: string[]): string => {
    let out = '';
    strings.forEach((part, index) => {
      out += part.replace(/[~_]/g, (marker) => (marker === '~' ? this.anyWhitespace() : this.sameLine()));
      if (index < values.length) out += values[index];
    });
    return out;
  };

  // ---- literals and names -------------------------------------------------------------------

  private name(): string {
    return this.rng.pick(NAMES);
  }

  private typeName(): string {
    return this.rng.pick(TYPE_NAMES);
  }

  /** A quoted string literal of `value`, sometimes with escapes in it. */
  private quoted(value: string, quote = this.rng.pick(["'", '"'])): string {
    let body = '';
    for (const char of value) {
      if (char === '\\' || char === quote) body += `\\${char}`;
      else if (char === 'a' && this.rng.chance(0.15)) body += this.rng.pick(['\\x61', '\\u0061', '\\u{61}']);
      else body += char;
    }
    return `${quote}${body}${quote}`;
  }

  private template(value: string): string {
    return `\`${value.replace(/[\\`]|\$\{/g, (match) => `\\${match}`)}\``;
  }

  /** One of `items`; in 'shallow' files, not one DEEP_IMPORT_HINT matches. */
  private pool(items: readonly string[]): string {
    return this.rng.pick(this.shallow ? items.filter((item) => !HINTED.test(item)) : items);
  }

  /** A string literal specifier; now and then continued over a line break, or with a raw U+2028 in it. */
  private specifier(): string {
    const literal = this.quoted(this.rng.pick(SPECIFIERS));
    return this.rng.choose<string>([
      [30, () => literal],
      [1, () => `${literal.slice(0, 2)}\\${this.eol()}${literal.slice(2)}`],
      [1, () => `${literal.slice(0, -1)}\u2028${literal.slice(-1)}`],
    ]);
  }

  /** A template literal specifier without substitutions, now and then over two lines. */
  private templateSpecifier(): string {
    const value = this.rng.pick(SPECIFIERS);
    return this.rng.chance(0.1) ? this.template(`${value}${this.eol()}more`) : this.template(value);
  }

  private semicolon(): string {
    return this.rng.choose<string>([
      [14, () => ';'],
      [2, () => this.t`~;`],
      [3, () => ''],
    ]);
  }

  // ---- the file -----------------------------------------------------------------------------

  file(): string {
    const items: string[] = [];
    const prefix = this.rng.choose([
      [10, () => ''],
      [1, () => '\ufeff'],
      [1, () => `#!/usr/bin/env node${this.eol()}`],
      [1, () => `'use strict';${this.eol()}`],
      [1, () => `// lifecycle-disable-next-line no-preview-import${this.eol()}`],
    ]);
    const count = 2 + this.rng.int(7);
    for (let index = 0; index < count; index += 1) items.push(this.topLevelItem());
    let text = prefix;
    items.forEach((item, index) => {
      text += item;
      if (index < items.length - 1) text += this.rng.chance(0.15) ? this.eol() + this.eol() : this.eol();
    });
    return text + (this.rng.chance(0.8) ? this.eol() : '');
  }

  private topLevelItem(): string {
    if (this.shallow) {
      return this.rng.choose<string>([
        [6, () => this.importDeclaration()],
        [3, () => this.exportFrom()],
        [this.ts ? 1 : 0, () => this.importEquals()],
        [this.ts ? 3 : 0, () => this.ambientModule()],
        [3, () => this.noiseStatement()],
        [3, () => this.labelledCallStatement()],
        [1, () => this.decoratedClassThenExport()],
        [1, () => this.t`export~const~${this.name()}~=~${this.labelledCall()};`],
      ]);
    }
    const scan = this.profile === 'scan';
    return this.rng.choose<string>([
      [6, () => this.importDeclaration()],
      [3, () => this.exportFrom()],
      [this.ts ? 2 : 0, () => this.importEquals()],
      [this.ts && !scan ? 1 : 0, () => this.ambientModule()],
      [scan ? 4 : 8, () => this.statement()],
      [4, () => this.noiseStatement()],
      [3, () => this.labelledCallStatement()],
      [scan ? 0 : 1, () => this.decoratedClassThenExport()],
      [scan ? 0 : 1, () => `${this.rng.pick(['async', 'declare', 'abstract', 'static', 'readonly', 'public', 'accessor'])}${this.eol()}${this.rng.chance(0.5) ? this.importDeclaration() : this.exportFrom()}`],
    ]);
  }

  // ---- import and export declarations -------------------------------------------------------

  private namedList(kind: 'import' | 'export'): string {
    const count = 1 + this.rng.int(3);
    const items: string[] = [];
    for (let index = 0; index < count; index += 1) {
      items.push(
        this.rng.choose<string>([
          [6, () => this.name()],
          [2, () => this.t`${this.name()}~as~${this.name()}`],
          [1, () => (kind === 'import' ? this.t`${this.quoted('str-name')}~as~${this.name()}` : this.t`${this.name()}~as~${this.quoted('str-name')}`)],
          [1, () => (kind === 'import' ? this.t`default~as~${this.name()}` : 'default')],
          [this.ts ? 3 : 0, () => this.t`type~${this.typeName()}`],
          [this.ts ? 1 : 0, () => this.t`type~${this.typeName()}~as~${this.typeName()}`],
          [this.ts ? 1 : 0, () => (kind === 'import' ? this.t`type~default~as~${this.typeName()}` : this.t`type~default`)],
          [this.ts ? 1 : 0, () => this.rng.pick(['type', 'type as', 'type as as', 'type as as as'])],
        ]),
      );
    }
    return items.join(this.t`,~`) + (this.rng.chance(0.2) ? ',' : '');
  }

  private attributes(): string {
    // A line break before `with` is allowed by the grammar, but see 'with-on-next-line'.
    const before = this.avoid.has('with-on-next-line') ? this.sameLine() : this.anyWhitespace();
    return this.rng.choose<string>([
      [20, () => ''],
      [2, () => before + this.t`with~{~type:~'json'~}`],
      [1, () => this.t`_assert_{~type:~'json'~}`],
    ]);
  }

  private importDeclaration(): string {
    const s = this.specifier();
    const n = () => this.name();
    const clause = this.rng.choose<string>([
      [4, () => this.t`import~${n()}~from~${s}`],
      [5, () => this.t`import~{~${this.namedList('import')}~}~from~${s}`],
      [2, () => this.t`import~*~as~${n()}~from~${s}`],
      [1, () => this.t`import~${n()},~{~${this.namedList('import')}~}~from~${s}`],
      [1, () => this.t`import~${n()},~*~as~${n()}~from~${s}`],
      [3, () => this.t`import~${s}`],
      [this.avoid.has('empty-named-import') ? 0 : 1, () => this.t`import~{~}~from~${s}`],
      [1, () => this.t`import~defer~*~as~${n()}~from~${s}`],
      [this.ts ? 2 : 0, () => this.t`import~type~${this.typeName()}~from~${s}`],
      [this.ts ? 2 : 0, () => this.t`import~type~{~${this.namedList('import')}~}~from~${s}`],
      [this.ts ? 1 : 0, () => this.t`import~type~*~as~${this.typeName()}~from~${s}`],
      [this.ts ? 1 : 0, () => this.t`import~${n()},~{~type~${this.typeName()}~}~from~${s}`],
      [this.ts ? 1 : 0, () => this.t`import~type~{~}~from~${s}`],
    ]);
    return clause + this.attributes() + this.semicolon();
  }

  private exportFrom(): string {
    const s = this.specifier();
    const body = this.rng.choose<string>([
      [4, () => this.t`export~{~${this.namedList('export')}~}~from~${s}`],
      [3, () => this.t`export~*~from~${s}`],
      [2, () => this.t`export~*~as~${this.name()}~from~${s}`],
      [1, () => this.t`export~*~as~${this.quoted('str name')}~from~${s}`],
      [1, () => this.t`export~{~}~from~${s}`],
      [this.ts ? 2 : 0, () => this.t`export~type~{~${this.namedList('export')}~}~from~${s}`],
      [this.ts ? 1 : 0, () => this.t`export~type~*~from~${s}`],
      [this.ts ? 1 : 0, () => this.t`export~type~*~as~${this.typeName()}~from~${s}`],
      [this.ts ? 2 : 0, () => this.t`export~{~type~${this.typeName()},~type~${this.typeName()}~as~${this.typeName()}~}~from~${s}`],
    ]);
    return body + this.attributes() + this.semicolon();
  }

  private importEquals(): string {
    const s = this.specifier();
    // A line break between `export` and `import`: see 'export-line-break-import-equals'.
    const exportSeparator = () => (this.avoid.has('export-line-break-import-equals') ? this.sameLine() : this.anyWhitespace());
    return (
      this.rng.choose<string>([
        [this.shallow ? 0 : 4, () => this.t`import~${this.name()}~=~require(~${s}~)`],
        [this.shallow ? 0 : 2, () => this.t`import~type~${this.typeName()}~=~require(~${s}~)`],
        [this.shallow ? 0 : 1, () => this.t`import~type~=~require(~${s}~)`],
        [this.shallow ? 0 : 2, () => `export${exportSeparator()}${this.t`import~${this.name()}~=~require(~${s}~)`}`],
        [this.shallow ? 0 : 1, () => `export${exportSeparator()}${this.t`import~type~${this.typeName()}~=~require(~${s}~)`}`],
        [1, () => this.t`import~${this.name()}~=~${this.name()}.${this.name()}`],
      ]) + this.semicolon()
    );
  }

  private ambientModule(): string {
    const inner: string[] = [];
    const count = 1 + this.rng.int(3);
    for (let index = 0; index < count; index += 1) {
      inner.push(
        this.rng.choose<string>([
          [3, () => this.importDeclaration()],
          [3, () => this.exportFrom()],
          [3, () => this.importEquals()],
          [2, () => this.t`export~const~${this.name()}:~${this.typeExpression()};`],
          [2, () => this.t`export~type_${this.typeName()}~=~${this.typeExpression()};`],
          [1, () => this.t`export~{~${this.name()}~};`],
          [1, () => this.t`export~function~${this.name()}(~):~void;`],
          [1, () => this.noiseComment()],
        ]),
      );
    }
    const body = inner.join(this.eol());
    return this.rng.choose<string>([
      [4, () => this.t`declare_module_${this.specifier()}~{~${body}~}`],
      [1, () => this.t`declare_global~{~interface_${this.typeName()}~{~p:~${this.typeExpression()};~}~}`],
      [this.shallow ? 0 : 1, () => this.t`namespace_NS~{~import~${this.name()}~=~require(~${this.specifier()}~);~export~import~${this.name()}~=~NS2.${this.name()};~}`],
      [1, () => this.t`namespace_NS~{~export~import~${this.name()}~=~NS2.${this.name()};~${body}~}`],
      [1, () => this.t`declare_namespace_NS~{~${body}~}`],
      [1, () => this.t`declare_module_${this.specifier()};`],
      [1, () => this.t`export~as~namespace_UMD;`],
      [this.shallow ? 0 : 1, () => this.t`export~=~${this.expression()};`],
    ]);
  }

  /** Decorators before and after `export`, then an export-from (the scanner tracks decorators). */
  private decoratedClassThenExport(): string {
    const decorated = this.rng.choose<string>([
      [2, () => this.t`@dec(~${this.expression()}~)~export~class~C~{}`],
      [2, () => this.t`export~@dec(~${this.expression()}~)~class~C~{}`],
      [1, () => this.t`@dec~@other.dec(~${this.expression()}~)~class~C~{~@dec(~${this.expression()}~)~m(~)~{}~}`],
    ]);
    return decorated + this.eol() + this.exportFrom();
  }

  // ---- imports in expressions and types ------------------------------------------------------

  /** An expression that holds (or, for the noise forms, looks like) an import. */
  private importExpression(): string {
    const s = this.specifier();
    const parenthesised = !this.avoid.has('parenthesised-specifier');
    const base = this.rng.choose<string>([
      [8, () => this.t`import(~${s}~)`],
      [2, () => (this.rng.chance(0.5) ? this.t`import_(${s})` : this.t`import~(${s})`)],
      [2, () => this.t`import(~${s},~{~with:~{~type:~'json'~}~}~)`],
      [1, () => this.t`import(~${s},~)`],
      [1, () => this.t`import(~${s},~${this.name()}~)`],
      [1, () => this.t`import(~require(~${this.specifier()}~)~)`],
      [1, () => this.t`typeof_import(~${s}~)`],
      [2, () => this.t`import(~${this.templateSpecifier()}~)`],
      [1, () => this.t`import(~\`./${'${'}${this.name()}}.js\`~)`],
      [1, () => this.t`import(~${this.name()}~)`],
      [1, () => this.t`import(~/* webpackChunkName: "x" */~${s}~)`],
      [2, () => this.importDefer(s)],
      [8, () => this.t`require(~${s}~)`],
      [1, () => `require${this.anyWhitespace()}(${s})`],
      [2, () => this.t`require?.(~${s}~)`],
      [1, () => this.t`require~?.~(~${s}~)`],
      [1, () => this.t`require(~${s}~).default`],
      [1, () => this.t`require(~${s}~)[~'x'~]`],
      [1, () => this.t`require(~${s}~)(~)`],
      [1, () => this.t`new~(require(~${s}~))(~)`],
      [1, () => this.t`[~...require(~${s}~)~]`],
      [2, () => this.t`require(~${this.templateSpecifier()}~)`],
      [1, () => this.t`require(~${s},~)`],
      [1, () => this.t`require(~${this.name()}~)`],
      [1, () => this.t`require(~${s},~${s}~)`],
      [this.ts ? 1 : 0, () => this.t`require<any>(~${s}~)`],
      [this.ts && !this.avoid.has('optional-generic-require') ? 1 : 0, () => this.t`require?.<any>(~${s}~)`],
      [this.avoid.has('escaped-require') ? 0 : 1, () => `requir\\u0065(${s})`],
      [parenthesised ? 1 : 0, () => this.t`require(~(${s})~)`],
      [parenthesised ? 1 : 0, () => this.t`import(~(${s})~)`],
      [this.avoid.has('parenthesised-require') ? 0 : 1, () => this.t`(require)(~${s}~)`],
      [1, () => this.t`require.resolve(~${s}~)`],
      [1, () => this.t`module.require(~${s}~)`],
      [1, () => this.t`import.meta.resolve(~${s}~)`],
      [1, () => this.t`new~require(~${s}~)`],
      [1, () => this.t`typeof_require~===~'function'`],
      [1, () => this.t`require(~)`],
    ]);
    return this.wrapExpression(base);
  }

  private importDefer(s: string): string {
    // A comment after `import .`: see 'comment-in-import-defer'.
    if (this.avoid.has('comment-in-import-defer')) {
      const plain = () => this.rng.pick(['', '', ' ', this.eol()]);
      return `import${plain()}.${plain()}defer(${s})`;
    }
    return this.t`import~.~defer(~${s}~)`;
  }

  private wrapExpression(base: string): string {
    return this.rng.choose<string>([
      [10, () => base],
      [this.asyncContext ? 4 : 0, () => this.t`await_${base}`],
      [1, () => this.t`void_${base}`],
      [2, () => this.t`(~${base}~)`],
      [1, () => this.t`${base}.then(~(m)_=>~m~)`],
      [1, () => this.t`[~${base}~]`],
      [1, () => this.t`${this.name()}~?~${base}~:~null`],
      [1, () => `\`a${'${'}${base}}b\``],
      [this.ts ? 1 : 0, () => this.t`${base}_as_any`],
      [this.ts ? 1 : 0, () => this.t`${base}_satisfies_unknown`],
      [this.ts ? 1 : 0, () => `${base}!`],
      [this.angleAssertions ? 1 : 0, () => `<any>${base}`],
    ]);
  }

  /** A type that holds an import type (TypeScript files only). */
  private typeExpression(depth = 0): string {
    if (this.shallow) return 'string';
    if (depth < 2 && this.rng.chance(0.35)) return this.compositeType(depth + 1);
    const s = this.specifier();
    return this.rng.choose<string>([
      [4, () => this.t`typeof${this.typeofGap()}import(~${s}~)`],
      [4, () => this.t`import(~${s}~).${this.typeName()}`],
      [1, () => this.t`import(~${s}~).${this.typeName()}<~import(~${this.specifier()}~).${this.typeName()}~>`],
      [1, () => this.t`typeof${this.typeofGap()}import(~${s},~{~with:~{~'resolution-mode':~'import'~}~}~)`],
      [1, () => this.t`import(~${s}~)`],
      [this.avoid.has('template-import-type') ? 0 : 1, () => this.t`import(~${this.templateSpecifier()}~).${this.typeName()}`],
      [1, () => 'string'],
      [1, () => this.t`Record<string,~typeof_import(~${s}~)>`],
      [1, () => this.t`import(~${s}~).default[~'k'~]`],
      [1, () => this.t`typeof${this.typeofGap()}import(~${s}~).default`],
    ]);
  }

  /** Between `typeof` and `import(` in a type: a line break there, see 'typeof-import-line-break'. */
  private typeofGap(): string {
    return this.avoid.has('typeof-import-line-break') ? this.sameLine() : this.anyWhitespace();
  }

  /** A type built around others (conditional, mapped, tuple, function, template literal, …). */
  private compositeType(depth: number): string {
    const inner = () => this.typeExpression(depth);
    const type = this.rng.choose<string>([
      [2, () => this.t`${inner()}~|~${inner()}`],
      [1, () => this.t`${inner()}~&~{~p:~${inner()}~}`],
      [1, () => this.t`${inner()}_extends~${inner()}~?~${inner()}~:~never`],
      [1, () => this.t`${inner()}_extends~Array<infer_X_extends~${inner()}>~?~X~:~never`],
      [1, () => this.t`{~[K~in~keyof_${inner()}]:~${inner()}~}`],
      [1, () => this.t`[~${inner()},~...${inner()}[]~]`],
      [1, () => this.t`[~a:~${inner()},~b?:~${inner()}~]`],
      [1, () => this.t`(~a:~${inner()}~)_=>~${inner()}`],
      [1, () => this.t`new~(~)_=>~${inner()}`],
      [1, () => `\`a${'${'}${inner()}}\``],
      [1, () => this.t`keyof_${inner()}`],
      [1, () => this.t`readonly_${inner()}[]`],
      [1, () => this.t`Promise<~${inner()}~>`],
    ]);
    return this.t`(~${type}~)`;
  }

  /** Any expression of the grammar: an import, a labelled call, or noise. */
  private expression(): string {
    if (this.shallow) return this.rng.chance(0.5) ? this.labelledCall() : this.noiseExpression();
    return this.rng.choose<string>([
      [6, () => this.importExpression()],
      [2, () => this.labelledCall()],
      [2, () => this.noiseExpression()],
      [this.jsx ? 2 : 0, () => this.jsxExpression()],
    ]);
  }

  // ---- statements ---------------------------------------------------------------------------

  private statement(): string {
    if (this.profile === 'scan') return this.scannableStatement();
    this.depth += 1;
    const nest = this.depth < 3;
    const ts = this.ts;
    try {
      return this.rng.choose<string>([
        [5, () => `${this.expression()};`],
        [5, () => this.t`const~${this.name()}~=~${this.expression()};`],
        [ts ? 2 : 0, () => this.t`const~${this.name()}:~${this.typeExpression()}~=~${this.expression()};`],
        [ts ? 2 : 0, () => this.t`let~${this.name()}:~${this.typeExpression()};`],
        [ts ? 2 : 0, () => this.t`type_${this.typeName()}~=~${this.typeExpression()};`],
        [ts ? 1 : 0, () => this.t`interface_${this.typeName()}~{~p:~${this.typeExpression()};~m(~a:~${this.typeExpression()}~):~void;~}`],
        [nest ? 3 : 0, () => this.functionDeclaration()],
        [nest ? 2 : 0, () => this.arrowFunction()],
        [nest ? 2 : 0, () => this.classDeclaration()],
        [nest ? 2 : 0, () => this.t`if~(~${this.name()}~)~{~${this.statement()}~}~else~{~${this.statement()}~}`],
        [nest ? 1 : 0, () => this.t`if~(~${this.name()}~)~${this.expression()};`],
        [nest ? 2 : 0, () => this.controlFlow()],
        [nest && ts ? 2 : 0, () => this.typeScriptDeclaration()],
        [1, () => this.t`using_${this.name()}~=~${this.expression()};`],
        [nest ? 2 : 0, () => this.objectLiteral()],
        [this.jsx && nest ? 3 : 0, () => this.t`const~${this.name()}~=~(~${this.jsxExpression()}~);`],
        [this.depth === 1 && !this.usedDefaultExport ? 1 : 0, () => this.exportDefault()],
        [this.depth === 1 ? 1 : 0, () => this.t`export~const~${this.name()}~=~${this.expression()};`],
        [this.avoid.has('declaration-in-block') || this.depth === 1 ? 0 : 1, () => (this.rng.chance(0.5) ? this.importDeclaration() : this.exportFrom())],
        [1, () => this.noiseStatement()],
        [2, () => this.labelledCallStatement()],
      ]);
    } finally {
      this.depth -= 1;
    }
  }

  /** Loops, switch, try, labels and generators around statements and expressions. */
  private controlFlow(): string {
    return this.rng.choose<string>([
      [2, () => this.t`for~(const~m~of~[~${this.expression()}~])~{~${this.statement()}~}`],
      [1, () => this.t`for~(let~i~=~${this.expression()};~i;~i++)~${this.expression()};`],
      [1, () => this.t`while~(~${this.expression()}~)~{~break;~}`],
      [1, () => this.t`do~{~${this.statement()}~}~while~(~${this.name()}~);`],
      [2, () => this.t`switch~(~${this.expression()}~)~{~case~1:~${this.statement()}~default:~${this.statement()}~}`],
      [2, () => this.t`try~{~${this.statement()}~}~catch~(~e~)~{~${this.statement()}~}~finally~{~${this.statement()}~}`],
      [1, () => this.t`outer:~for~(;;)~{~${this.statement()}~break_outer;~}`],
      [
        2,
        () => {
          const wasAsync = this.asyncContext;
          this.asyncContext = false;
          try {
            return this.t`function*~g(~)~{~yield_${this.expression()};~${this.statement()}~}`;
          } finally {
            this.asyncContext = wasAsync;
          }
        },
      ],
      [1, () => this.t`class~C~extends~(~${this.expression()}~)~{}`],
      [1, () => this.t`function~f(~p~=~${this.expression()}~)~{}`],
    ]);
  }

  /** TypeScript-only declarations with imports in types, parameters, enums and modifiers. */
  private typeScriptDeclaration(): string {
    return this.rng.choose<string>([
      [1, () => this.t`enum_E~{~A~=~${this.expression()},~B~}`],
      [1, () => this.t`abstract_class~C~{~abstract_m(~):~${this.typeExpression()};~}`],
      [1, () => this.t`declare_const~${this.name()}:~${this.typeExpression()};`],
      [1, () => this.t`declare_function~f(~):~${this.typeExpression()};`],
      [1, () => this.t`function~f<T~extends~${this.typeExpression()}>(~a:~T~):~a_is_T~{~return~true;~}`],
      [1, () => this.t`const~${this.name()}~=~f<${this.typeExpression()}>(~${this.expression()}~);`],
      [1, () => this.t`const~${this.name()}~=~${this.expression()}_as_${this.typeExpression()};`],
      [1, () => this.t`const~${this.name()}~=~${this.expression()}_satisfies_${this.typeExpression()};`],
      [this.angleAssertions ? 1 : 0, () => this.t`const~${this.name()}~=~<${this.typeExpression()}>${this.expression()};`],
      [1, () => this.t`class~C~{~constructor(~private_readonly_a~=~${this.expression()}~)~{}~m(~@inject(~${this.expression()}~)~p:~${this.typeExpression()}~)~{}~}`],
      [1, () => this.t`class~C~{~accessor_p~=~${this.expression()};~[k:~string]:~${this.typeExpression()};~}`],
      [1, () => this.t`interface_${this.typeName()}~{~(a:~${this.typeExpression()}):~void;~new~(~):~${this.typeExpression()};~get_p(~):~${this.typeExpression()};~<T~extends~${this.typeExpression()}>(~):~T;~}`],
      [this.depth === 1 ? 1 : 0, () => this.t`export~namespace_NS~{~export~const~${this.name()}~=~${this.expression()};~}`],
    ]);
  }

  /** Statements the scanner reads without giving up (no JSX, no nested declarations, no typeof import). */
  private scannableStatement(): string {
    const s = this.specifier();
    return this.rng.choose<string>([
      [4, () => this.t`const~${this.name()}~=~require(~${s}~);`],
      [2, () => this.t`const~{~${this.name()}~}~=~require(~${s}~)${this.semicolon()}`],
      [2, () => this.t`;import(~${s}~);`],
      [2, () => this.t`await_import(~${s}~);`],
      [1, () => this.t`void_import(~${this.templateSpecifier()}~);`],
      [2, () => this.t`function~${this.name()}(~)~{~return~import(~${s}~);~}`],
      [2, () => this.t`async_function~${this.name()}(~)~{~const~m~=~await_import(~${s}~);~return~require(~${this.specifier()}~).x;~}`],
      [1, () => this.t`class~C~{~m(~)~{~return~require(~${s}~);~}~}`],
      [1, () => this.t`module.exports~=~{~a:~require(~${s}~),~b:~require?.(~${this.specifier()}~)~};`],
      [1, () => this.t`const~${this.name()}~=~import.meta.url;`],
      [1, () => `const t = \`${'${'} { a: require(${s}) }.a } ${'${'} (() => { return require(${this.specifier()}); })() } ${'${'}\`${'${'}require(${s})}\`}\`;`],
      [1, () => this.t`const~${this.name()}~=~{~import:~1,~require:~require(~${s}~),~'export':~2~};`],
      [1, () => this.t`label:~${this.name()}.import;~${this.name()}?.require;~require:~for~(;;)~break~require;`],
    ]);
  }

  private functionDeclaration(): string {
    const wasAsync = this.asyncContext;
    const isAsync = this.rng.chance(0.4);
    this.asyncContext = isAsync;
    try {
      const parameters = this.ts && this.rng.chance(0.4) ? this.t`p:~${this.typeExpression()}` : this.rng.pick(['', 'p', 'p = 1']);
      const returnType = this.ts && this.rng.chance(0.3) ? this.t`:~${this.typeExpression()}` : '';
      const head = isAsync ? this.t`async_function` : 'function';
      return this.t`${head}~${this.name()}(~${parameters}~)${returnType}~{~${this.body()}~}`;
    } finally {
      this.asyncContext = wasAsync;
    }
  }

  private arrowFunction(): string {
    const wasAsync = this.asyncContext;
    const isAsync = this.rng.chance(0.4);
    this.asyncContext = isAsync;
    try {
      const head = isAsync ? this.t`async_(~)_=>` : this.t`(~)_=>`;
      return this.rng.chance(0.5) ? this.t`const~${this.name()}~=~${head}~${this.expression()};` : this.t`const~${this.name()}~=~${head}~{~${this.body()}~};`;
    } finally {
      this.asyncContext = wasAsync;
    }
  }

  private body(): string {
    const statements: string[] = [];
    const count = 1 + this.rng.int(3);
    for (let index = 0; index < count; index += 1) statements.push(this.statement());
    if (this.rng.chance(0.5)) statements.push(this.t`return~${this.expression()};`);
    return statements.join(this.anyWhitespace());
  }

  private classDeclaration(): string {
    const members: string[] = [];
    const count = 1 + this.rng.int(3);
    const wasAsync = this.asyncContext;
    for (let index = 0; index < count; index += 1) {
      this.asyncContext = false;
      members.push(
        this.rng.choose<string>([
          [3, () => this.t`m(~)~{~${this.body()}~}`],
          [2, () => this.t`static_p~=~${this.expression()};`],
          [1, () => this.t`q~=~${this.expression()};`],
          [1, () => this.t`static_{~${this.statement()}~}`],
          [1, () => this.t`@dec(~${this.expression()}~)~n(~)~{}`],
          [this.ts ? 1 : 0, () => this.t`r?:~${this.typeExpression()};`],
          [1, () => this.t`import(~)~{~return~1;~}`],
          [1, () => this.t`require(~x~)~{~return~x;~}`],
        ]),
      );
    }
    this.asyncContext = wasAsync;
    const decorator = this.rng.chance(0.3) ? this.t`@dec(~${this.expression()}~)~` : '';
    return this.t`${decorator}class~C~{~${members.join(this.anyWhitespace())}~}`;
  }

  private objectLiteral(): string {
    const key = () => this.rng.pick(['k', 'import', 'require', "'import'", 'default', '"with space"']);
    const properties = [this.t`${key()}:~${this.expression()}`];
    if (this.rng.chance(0.5)) properties.push(this.t`${key()}(~)~{~return~${this.expression()};~}`);
    if (this.rng.chance(0.3)) properties.push(this.t`[~${this.expression()}~]:~1`);
    if (this.rng.chance(0.3)) properties.push(this.t`...${this.name()}`);
    return this.t`const~${this.name()}~=~{~${properties.join(this.t`,~`)}~};`;
  }

  private exportDefault(): string {
    this.usedDefaultExport = true;
    return this.t`export~default~${this.expression()};`;
  }

  private jsxExpression(): string {
    const text = () => this.rng.pick(JSX_TEXT);
    const attribute = () =>
      this.rng.choose<string>([
        [2, () => this.rng.pick([` title="import('x')"`, ` data-x='require("y")'`, ` alt="export * from 'z'"`, ` data-y='import x from "y"'`])],
        [3, () => this.t` a={~${this.expression()}~}`],
        [1, () => this.t` onClick={~(~)_=>~${this.expression()}~}`],
      ]);
    const child = () =>
      this.rng.choose<string>([
        [3, () => text()],
        [3, () => this.t`{~${this.expression()}~}`],
        [1, () => `<span${attribute()} />`],
        [1, () => `{/* import('c') */}`],
        [1, () => this.eol()],
      ]);
    const children = [child(), child(), child()].join('');
    return this.rng.chance(0.2) ? `<>${children}</>` : `<div${attribute()}>${children}</div>`;
  }

  // ---- noise: import-like text that must not count -------------------------------------------

  private noiseComment(): string {
    if (this.shallow) {
      return this.rng.pick([
        `// import x from ${this.quoted(this.rng.pick(SPECIFIERS))}; export * from ${this.quoted(this.rng.pick(SPECIFIERS))}${this.eol()}`,
        `/** @type {string} import x from 'y' */`,
        `/*${this.eol()}export * from 'x'${this.eol()}import y from 'y'${this.eol()}*/`,
      ]);
    }
    return this.rng.choose<string>([
      [2, () => `// import x from ${this.quoted(this.rng.pick(SPECIFIERS))}; require(${this.quoted(this.rng.pick(SPECIFIERS))})${this.eol()}`],
      [2, () => `/* import(${this.quoted(this.rng.pick(SPECIFIERS))}) require(${this.quoted(this.rng.pick(SPECIFIERS))}) */`],
      [2, () => `/** @type {import('./x').T} */`],
      [1, () => `/*${this.eol()}export * from 'x'${this.eol()}import y = require('y')${this.eol()}*/`],
      [1, () => `// lifecycle-disable-next-line${this.eol()}`],
    ]);
  }

  private noiseExpression(): string {
    const scan = this.profile === 'scan';
    const shallow = this.shallow;
    return this.rng.choose<string>([
      [3, () => this.pool(STRING_NOISE)],
      [shallow ? 1 : 0, () => `\`import x from 'y' ${'${'}${this.name()}} export * from "z"\``],
      [shallow ? 0 : 2, () => `\`import('x') ${'${'}${this.name()}} require('y') ${'${'}\`nested ${'${'}${this.rng.pick(STRING_NOISE)}}\`}\``],
      [scan || shallow ? 0 : 1, () => `\`tpl ${'${'}${this.importExpression()}} import x from "y"\``],
      [2, () => this.rng.pick([`/import\\(['"]([^'"]+)['"]\\)/g`, `/require\\('x'\\)/`, `/[/]import\\/*/`, `/\\/\\/ import/u`])],
      [1, () => this.t`${this.name()}~/~2~/~${this.name()}`],
      [1, () => this.t`${this.name()}.default~/~2`],
      [1, () => this.rng.pick(['import.meta.url', 'import.meta.dirname', 'new URL(\'./x\', import.meta.url)'])],
      [shallow ? 0 : 1, () => this.t`${this.name()}.import(~${this.specifier()}~)`],
      [shallow ? 0 : 1, () => this.t`${this.name()}?.require(~${this.specifier()}~)`],
      [1, () => this.t`(~{~import:~1,~require:~2,~'import':~3~}~)`],
    ]);
  }

  private noiseStatement(): string {
    return this.rng.choose<string>([
      [3, () => this.noiseComment()],
      [3, () => this.t`const~${this.name()}~=~${this.noiseExpression()};`],
      [this.shallow ? 0 : 1, () => this.t`if~(~${this.name()}~)~{}~/import('x')/.test(${this.name()});`],
      [this.shallow ? 1 : 0, () => this.t`if~(~${this.name()}~)~{}~/import x from/.test(${this.name()});`],
      [1, () => this.t`${this.name()}.replace(~/\\/\\*import\\*\\//g,~''~);`],
      [this.shallow ? 0 : 1, () => this.t`function~require(~n~)~{~return~n;~}`],
      [1, () => this.t`const~${this.name()}~=~${this.name()}++~/~2;`],
      // A regular expression after the `)` of if/while/for, with an import inside: see 'regex-after-parenthesis'.
      [this.shallow || this.avoid.has('regex-after-parenthesis') ? 0 : 2, () => this.t`${this.rng.pick(['if (a)', 'while (a)', 'for (;;)'])}~${this.rng.pick([`/require('x')/`, '/require(`y`)/g', `/import\\('z'\\)/`])}.test(~${this.name()}~);`],
      [this.shallow ? 0 : 1, () => this.t`if~(~${this.name()}~)~/[(]?['"]/.test(~${this.name()}~);`],
      // A division after an object literal's `}`, with an import after it: see 'division-after-brace'.
      [this.shallow || this.avoid.has('division-after-brace') ? 0 : 1, () => this.t`const~${this.name()}~=~{}~/~require(~${this.specifier()}~)~/~2;`],
      [this.shallow ? 0 : 1, () => this.t`const~${this.name()}~=~(~{}~)~/~require(~${this.specifier()}~)~/~2;`],
      // A division after TypeScript's non-null `!`: see 'division-after-non-null'.
      [this.ts && !this.shallow && !this.avoid.has('division-after-non-null') ? 1 : 0, () => this.t`const~${this.name()}~=~${this.name()}!_/~require(~${this.specifier()}~)~/~2;`],
      [this.ts && !this.avoid.has('division-after-non-null') ? 1 : 0, () => this.t`const~${this.name()}~=~${this.name()}!_/~2;`],
    ]);
  }

  // ---- CLI help and route calls (src/extract/label-calls.ts) -------------------------------------

  private labelString(pool: readonly string[]): string {
    const value = this.rng.pick(pool);
    const literal = this.rng.chance(0.8) ? this.quoted(value) : this.template(value);
    return this.rng.choose<string>([
      [12, () => literal],
      [2, () => this.t`(~${literal}~)`],
      [this.ts ? 1 : 0, () => this.t`${literal}_as_string`],
      [this.ts ? 1 : 0, () => this.t`${literal}_satisfies_string`],
      [this.ts ? 1 : 0, () => `${literal}!`],
      [this.angleAssertions ? 1 : 0, () => `<string>${literal}`],
      [1, () => `\`x${'${'}${this.name()}}\``],
      [1, () => this.name()],
    ]);
  }

  private description(): string {
    return this.labelString(this.shallow ? DESCRIPTIONS.filter((text) => !HINTED.test(text)) : DESCRIPTIONS);
  }

  private path(): string {
    return this.labelString(PATHS);
  }

  /** `.` with optional whitespace, or `?.`. */
  private dot(): string {
    return this.rng.choose<string>([
      [6, () => '.'],
      [2, () => this.t`~.`],
      [1, () => '?.'],
    ]);
  }

  private commandReceiver(): string {
    const base = this.rng.choose<string>([
      [4, () => this.rng.pick(['program', 'cli', 'cmd', 'serveCommand', 'yargs', 'commands', 'thing'])],
      [2, () => this.t`new~Command(~${this.description()}~)`],
      [1, () => this.t`new~commander.Command(~${this.description()}~)`],
      [2, () => this.t`program${this.dot()}command(~${this.description()}~)`],
      [1, () => this.t`yargs(~process.argv~)`],
      [1, () => 'this.program'],
      [1, () => this.rng.pick(['program.commands[0]', '(new Command)', 'program.commands.at(-1)'])],
    ]);
    return this.rng.choose<string>([
      [8, () => base],
      [2, () => this.t`(~${base}~)`],
      [this.ts ? 1 : 0, () => `${base}!`],
      [this.ts ? 1 : 0, () => this.t`(~${base}_as_Command~)`],
    ]);
  }

  private commandCall(): string {
    const method = () =>
      this.rng.choose<string>([
        [3, () => this.t`description(~${this.description()}~)`],
        [1, () => this.t`summary(~${this.description()}~)`],
        [3, () => this.t`option(~${this.description()},~${this.description()}~)`],
        [1, () => this.t`requiredOption(~${this.description()},~${this.description()}~)`],
        [2, () => this.t`argument(~${this.description()},~${this.description()}~)`],
        [2, () => this.t`command(~${this.description()},~${this.description()}~)`],
        [1, () => this.t`command(~${this.description()}~)`],
        [1, () => this.t`action(~()_=>~{}~)`],
        [2, () => this.t`option(~${this.description()},~{~describe:~${this.description()}~}~)`],
        [1, () => this.t`options(~{~port:~{~desc:~${this.description()}~},~host:~{~description:~${this.description()},~type:~'string'~}~}~)`],
        [1, () => this.t`options(~{~${this.optionKey()}:~{~describe:~${this.description()}~},~${this.optionKey()}:~{~desc:~${this.description()},~describe()~{}~},~...rest,~verbose~}~)`],
        [1, () => this.t`option(~{~verbose:~{~describe:~${this.description()}~}~}~)`],
        [1, () => this.t`positional(~${this.description()},~{~describe:~${this.description()}~}~)`],
        [1, () => this.t`describe(~${this.description()},~${this.description()}~)`],
        [1, () => this.t`describe(~{~port:~${this.description()},~'host':~${this.description()}~}~)`],
        [1, () => this.t`command(~{~command:~${this.description()},~describe:~${this.description()},~handler(~)~{}~}~)`],
      ]);
    let call = this.commandReceiver();
    const count = 1 + this.rng.int(3);
    for (let index = 0; index < count; index += 1) {
      call += this.dot() + method();
    }
    return call;
  }

  private routeReceiver(): string {
    const base = this.rng.choose<string>([
      [5, () => this.rng.pick(['app', 'router', 'server', 'api', 'fastify', 'myRouter', 'hono', 'routes', 'thing'])],
      [2, () => this.rng.pick(['express()', 'express.Router()', 'new Router()', 'new Hono()', 'Fastify({ logger: true })'])],
      [1, () => this.t`new~Hono(~)${this.dot()}basePath(~${this.path()}~)`],
      [1, () => 'this.app'],
      [1, () => "app['sub']"],
    ]);
    return this.rng.choose<string>([
      [8, () => base],
      [2, () => this.t`(~${base}~)`],
      [this.ts ? 1 : 0, () => `${base}!`],
      [this.ts ? 1 : 0, () => this.t`(~${base}_as_any~)`],
    ]);
  }

  /** Keys of a yargs options table: names, strings, numbers, computed, escaped, `__proto__`. */
  private optionKey(): string {
    return this.rng.pick(['port', "'host'", '"dry-run"', '1', "['computed']", '__proto__', 'p\\u006frt', "'d\\x65scribe'", 'describe', 'get']);
  }

  private routeCall(): string {
    const method = this.rng.chance(0.05) ? 'g\\u0065t' : this.rng.pick(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route', 'on', 'register', 'listen']);
    const handler = this.rng.pick(['handler', '(c) => c', 'async (req, res) => {}']);
    const args = this.rng.choose<string>([
      [5, () => this.t`${this.path()},~${handler}`],
      [1, () => this.t`${this.path()}`],
      [2, () => this.t`${this.description()},~${this.path()},~${handler}`],
      [1, () => this.t`'GET',~${this.path()},~${handler}`],
      [1, () => this.t`{~method:~'GET',~url:~${this.path()},~handler~}`],
      [1, () => this.t`{~method:~'GET',~path:~${this.path()}~}`],
      [1, () => this.t`plugin,~{~prefix:~${this.path()}~}`],
    ]);
    const receiver = this.routeReceiver();
    return this.rng.choose<string>([
      [6, () => this.t`${receiver}${this.dot()}${method}(~${args}~)`],
      [1, () => this.t`${receiver}.${method}?.(~${args}~)`],
      [1, () => this.t`(~${receiver}.${method}~)(~${args}~)`],
      [1, () => this.t`${receiver}['${method}'](~${args}~)`],
    ]);
  }

  private labelledCall(): string {
    return this.rng.choose<string>([
      [4, () => this.commandCall()],
      [4, () => this.routeCall()],
      [1, () => this.t`new~Option(~${this.description()},~${this.description()}~)`],
      [1, () => this.t`new~Argument(~${this.description()},~${this.description()}~)`],
      [1, () => this.t`(~{~command:~${this.description()},~describe:~${this.description()},~builder:~{},~handler~}~)`],
    ]);
  }

  /** A labelled call as a statement, or a variable bound to a command or router, then used. */
  private labelledCallStatement(): string {
    const variable = this.rng.pick(['serve', 'sub', 'api2', 'r', 'web']);
    return this.rng.choose<string>([
      [6, () => `${this.labelledCall()};`],
      [
        2,
        () =>
          this.t`const~${variable}~=~${this.rng.pick(['new Command("serve")', 'program.command("x")', 'yargs()', 'new Command("a").description("b")'])};` +
          this.eol() +
          this.t`${variable}${this.dot()}${this.rng.pick(['description', 'option', 'argument'])}(~${this.description()},~${this.description()}~);`,
      ],
      [
        2,
        () =>
          this.t`const~${variable}~=~${this.rng.pick(['express()', 'express.Router()', 'new Router()', 'new Hono().basePath("/v1")', 'Fastify()', '(express())', 'express?.()'])};` +
          this.eol() +
          this.t`${variable}${this.dot()}${this.rng.pick(['get', 'post', 'use', 'on'])}(~${this.path()},~${this.path()}~);`,
      ],
      [1, () => this.t`const~${variable}~=~{~command:~${this.description()},~desc:~${this.description()},~handler~};`],
    ]);
  }
}
