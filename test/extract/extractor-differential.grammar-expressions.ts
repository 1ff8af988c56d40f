import { DESCRIPTIONS, HINTED, PATHS, WriterBase } from './extractor-differential.grammar-base.js';

/** The grammar's expressions and types with imports in them, and the CLI-help and route calls. */
export abstract class ExpressionWriter extends WriterBase {
  protected abstract jsxExpression(): string;

  // ---- imports in expressions and types ------------------------------------------------------

  /** An expression that holds (or, for the noise forms, looks like) an import. */
  protected importExpression(): string {
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

  protected importDefer(s: string): string {
    // A comment after `import .`: see 'comment-in-import-defer'.
    if (this.avoid.has('comment-in-import-defer')) {
      const plain = () => this.rng.pick(['', '', ' ', this.eol()]);
      return `import${plain()}.${plain()}defer(${s})`;
    }
    return this.t`import~.~defer(~${s}~)`;
  }

  protected wrapExpression(base: string): string {
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
  protected typeExpression(depth = 0): string {
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
  protected typeofGap(): string {
    return this.avoid.has('typeof-import-line-break') ? this.sameLine() : this.anyWhitespace();
  }

  /** A type built around others (conditional, mapped, tuple, function, template literal, …). */
  protected compositeType(depth: number): string {
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
  protected expression(): string {
    if (this.shallow) return this.rng.chance(0.5) ? this.labelledCall() : this.noiseExpression();
    return this.rng.choose<string>([
      [6, () => this.importExpression()],
      [2, () => this.labelledCall()],
      [2, () => this.noiseExpression()],
      [this.jsx ? 2 : 0, () => this.jsxExpression()],
    ]);
  }

  // ---- CLI help and route calls (src/extract/shared/label-calls.ts) -------------------------------------

  protected labelString(pool: readonly string[]): string {
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

  protected description(): string {
    return this.labelString(this.shallow ? DESCRIPTIONS.filter((text) => !HINTED.test(text)) : DESCRIPTIONS);
  }

  protected path(): string {
    return this.labelString(PATHS);
  }

  /** `.` with optional whitespace, or `?.`. */
  protected dot(): string {
    return this.rng.choose<string>([
      [6, () => '.'],
      [2, () => this.t`~.`],
      [1, () => '?.'],
    ]);
  }

  protected commandReceiver(): string {
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

  protected commandCall(): string {
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

  protected routeReceiver(): string {
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
  protected optionKey(): string {
    return this.rng.pick(['port', "'host'", '"dry-run"', '1', "['computed']", '__proto__', 'p\\u006frt', "'d\\x65scribe'", 'describe', 'get']);
  }

  protected routeCall(): string {
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

  protected labelledCall(): string {
    return this.rng.choose<string>([
      [4, () => this.commandCall()],
      [4, () => this.routeCall()],
      [1, () => this.t`new~Option(~${this.description()},~${this.description()}~)`],
      [1, () => this.t`new~Argument(~${this.description()},~${this.description()}~)`],
      [1, () => this.t`(~{~command:~${this.description()},~describe:~${this.description()},~builder:~{},~handler~}~)`],
    ]);
  }

  /** A labelled call as a statement, or a variable bound to a command or router, then used. */
  protected labelledCallStatement(): string {
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
