import { JSX_TEXT } from './extractor-differential.grammar-base.js';
import { ExpressionWriter } from './extractor-differential.grammar-expressions.js';

/** The grammar's import and export declarations and its statements. */
export abstract class StatementWriter extends ExpressionWriter {
  // ---- import and export declarations -------------------------------------------------------

  protected namedList(kind: 'import' | 'export'): string {
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

  protected attributes(): string {
    // A line break before `with` is allowed by the grammar, but see 'with-on-next-line'.
    const before = this.avoid.has('with-on-next-line') ? this.sameLine() : this.anyWhitespace();
    return this.rng.choose<string>([
      [20, () => ''],
      [2, () => before + this.t`with~{~type:~'json'~}`],
      [1, () => this.t`_assert_{~type:~'json'~}`],
    ]);
  }

  protected importDeclaration(): string {
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

  protected exportFrom(): string {
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

  protected importEquals(): string {
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

  protected ambientModule(): string {
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
  protected decoratedClassThenExport(): string {
    const decorated = this.rng.choose<string>([
      [2, () => this.t`@dec(~${this.expression()}~)~export~class~C~{}`],
      [2, () => this.t`export~@dec(~${this.expression()}~)~class~C~{}`],
      [1, () => this.t`@dec~@other.dec(~${this.expression()}~)~class~C~{~@dec(~${this.expression()}~)~m(~)~{}~}`],
    ]);
    return decorated + this.eol() + this.exportFrom();
  }

  // ---- statements ---------------------------------------------------------------------------

  protected statement(): string {
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
  protected controlFlow(): string {
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
  protected typeScriptDeclaration(): string {
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
  protected scannableStatement(): string {
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

  protected functionDeclaration(): string {
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

  protected arrowFunction(): string {
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

  protected body(): string {
    const statements: string[] = [];
    const count = 1 + this.rng.int(3);
    for (let index = 0; index < count; index += 1) statements.push(this.statement());
    if (this.rng.chance(0.5)) statements.push(this.t`return~${this.expression()};`);
    return statements.join(this.anyWhitespace());
  }

  protected classDeclaration(): string {
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

  protected objectLiteral(): string {
    const key = () => this.rng.pick(['k', 'import', 'require', "'import'", 'default', '"with space"']);
    const properties = [this.t`${key()}:~${this.expression()}`];
    if (this.rng.chance(0.5)) properties.push(this.t`${key()}(~)~{~return~${this.expression()};~}`);
    if (this.rng.chance(0.3)) properties.push(this.t`[~${this.expression()}~]:~1`);
    if (this.rng.chance(0.3)) properties.push(this.t`...${this.name()}`);
    return this.t`const~${this.name()}~=~{~${properties.join(this.t`,~`)}~};`;
  }

  protected exportDefault(): string {
    this.usedDefaultExport = true;
    return this.t`export~default~${this.expression()};`;
  }

  protected jsxExpression(): string {
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

}
