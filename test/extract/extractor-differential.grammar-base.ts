/**
 * The lowest layer of the extractor-differential grammar (extractor-differential.grammar.ts):
 * the PRNG, the word pools, and the writer's state, whitespace, literals and import-like noise.
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

/**
 * 'scan': productions the scanner reads itself (so its own path is exercised); 'shallow': no
 * `import(`/`require(` text anywhere, so DEEP_IMPORT_HINT does not match and both sides read only
 * top-level declarations (and `declare module` blocks); 'full': everything.
 */
export type Profile = 'scan' | 'shallow' | 'full';

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

export const SPECIFIERS = ['./a', './b.js', '../up/c', 'pkg', '@scope/pkg', '@scope/pkg/sub', 'node:fs', './data.json', './ünï', './with space', "./it's", './dir/index.ts', 'x'];
export const NAMES = ['a', 'b', 'foo', 'Bar', 'x1', '$d', 'ñu', 'u_v', 'mod'];
export const TYPE_NAMES = ['T', 'U', 'Props', 'Options'];
export const DESCRIPTIONS = ['Start the server', 'Port to listen on', 'import x from "y"', "require('z') text", 'Ünïcode ✓', ''];
export const PATHS = ['/users', '/users/:id', '/', '/v1', 'named', '/import/require'];
export const STRING_NOISE = [
  `'import x from "y"'`,
  `"require('z')"`,
  `'import(\\'q\\')'`,
  `"export * from './n'"`,
  `'line \\\ncontinued import("x")'`,
  `'/* not a comment */ import("c")'`,
  `"// import('d')"`,
];
/** Text DEEP_IMPORT_HINT (src/imports/deep-import-hint.ts) would match: not in 'shallow' files. */
export const HINTED = /\b(?:import|require)\s*(?:\(|\?\.|\/[*/])/;
export const JSX_TEXT = ["import x from 'y';", "require('z') and import('w')", '// not a comment', '/* nor this */', '`tpl` export * from "x"', ' import.meta ', ''];

/** The writer's state and its smallest productions; the layers above add expressions, statements and the file. */
export abstract class WriterBase {
  protected readonly ts: boolean;
  /** JSX may be written: .tsx, .jsx, and (TypeScript parses it there too) now and then .js/.mjs/.cjs. */
  protected readonly jsx: boolean;
  /** `<T>x` assertions: TypeScript files that are not TSX. */
  protected readonly angleAssertions: boolean;
  protected readonly lineEnding: 'lf' | 'crlf' | 'mixed';
  protected depth = 0;
  /** No `import(` / `require(` text (see Profile). */
  protected readonly shallow: boolean;
  protected asyncContext = false;
  protected usedDefaultExport = false;

  constructor(
    protected readonly rng: Rng,
    ext: Extension,
    protected readonly profile: Profile,
    protected readonly avoid: ReadonlySet<KnownId>,
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

  protected eol(): string {
    if (this.lineEnding === 'lf') return '\n';
    if (this.lineEnding === 'crlf') return '\r\n';
    return this.rng.pick(['\n', '\r\n', '\r', '\u2028', '\u2029']);
  }

  /** At least one character of whitespace, no line break. */
  protected sameLine(): string {
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
  protected anyWhitespace(): string {
    return this.rng.choose([
      [12, () => this.sameLine()],
      [4, () => this.eol() + this.rng.pick(['', '  ', '\t'])],
      [1, () => this.eol() + this.eol()],
      [1, () => ` // import x from 'y'${this.eol()}`],
      [1, () => (this.shallow ? ` /*${this.eol()} * export * from 'n'${this.eol()} */ ` : ` /*${this.eol()} * require('n')${this.eol()} */ `)],
    ]);
  }

  /** Expands `~` and `_` in the static parts (see the file comment). */
  protected t = (strings: TemplateStringsArray, ...values: string[]): string => {
    let out = '';
    strings.forEach((part, index) => {
      out += part.replace(/[~_]/g, (marker) => (marker === '~' ? this.anyWhitespace() : this.sameLine()));
      if (index < values.length) out += values[index];
    });
    return out;
  };

  // ---- literals and names -------------------------------------------------------------------

  protected name(): string {
    return this.rng.pick(NAMES);
  }

  protected typeName(): string {
    return this.rng.pick(TYPE_NAMES);
  }

  /** A quoted string literal of `value`, sometimes with escapes in it. */
  protected quoted(value: string, quote = this.rng.pick(["'", '"'])): string {
    let body = '';
    for (const char of value) {
      if (char === '\\' || char === quote) body += `\\${char}`;
      else if (char === 'a' && this.rng.chance(0.15)) body += this.rng.pick(['\\x61', '\\u0061', '\\u{61}']);
      else body += char;
    }
    return `${quote}${body}${quote}`;
  }

  protected template(value: string): string {
    return `\`${value.replace(/[\\`]|\$\{/g, (match) => `\\${match}`)}\``;
  }

  /** One of `items`; in 'shallow' files, not one DEEP_IMPORT_HINT matches. */
  protected pool(items: readonly string[]): string {
    return this.rng.pick(this.shallow ? items.filter((item) => !HINTED.test(item)) : items);
  }

  /** A string literal specifier; now and then continued over a line break, or with a raw U+2028 in it. */
  protected specifier(): string {
    const literal = this.quoted(this.rng.pick(SPECIFIERS));
    return this.rng.choose<string>([
      [30, () => literal],
      [1, () => `${literal.slice(0, 2)}\\${this.eol()}${literal.slice(2)}`],
      [1, () => `${literal.slice(0, -1)}\u2028${literal.slice(-1)}`],
    ]);
  }

  /** A template literal specifier without substitutions, now and then over two lines. */
  protected templateSpecifier(): string {
    const value = this.rng.pick(SPECIFIERS);
    return this.rng.chance(0.1) ? this.template(`${value}${this.eol()}more`) : this.template(value);
  }

  protected semicolon(): string {
    return this.rng.choose<string>([
      [14, () => ';'],
      [2, () => this.t`~;`],
      [3, () => ''],
    ]);
  }

  // ---- noise: import-like text that must not count -------------------------------------------

  protected noiseComment(): string {
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

  protected noiseExpression(): string {
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

  protected noiseStatement(): string {
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

  protected abstract importExpression(): string;
}
