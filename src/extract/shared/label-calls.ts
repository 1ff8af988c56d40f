import type { LabelledText, LabelledTextKind } from '../../facts/source-file.js';
/**
 * Recognises the calls whose strings a user sees and that must carry the preview label: CLI help
 * (commander, yargs) and HTTP route paths (express, koa-router, hono, fastify). Both extractors
 * (TypeScript AST for the CLI, ESTree for ESLint) describe a call as a CallShape and ask this one
 * function, so editor and CI agree by construction.
 */

export interface StringArg {
  kind: 'string';
  text: string;
  /** 1-based position of the literal's opening quote. */
  line: number;
  column: number;
}

/**
 * An object literal: its properties by name (string and object values as shapes, anything else,
 * including shorthand properties and methods, as `other`). Extractors describe nested objects two
 * levels deep, enough for yargs' `.options({ port: { describe } })`.
 */
export interface ObjectArg {
  kind: 'object';
  properties: Record<string, ArgShape>;
}

export type ArgShape = StringArg | ObjectArg | { kind: 'other' };

/** How deep extractors describe nested object literals. */
export const OBJECT_SHAPE_DEPTH = 2;

export interface CallShape {
  /** `new X(…)` rather than a call. */
  isNew: boolean;
  /** The called name: the property for `a.b(…)`, the identifier for `b(…)` / `new B(…)`. */
  name: string;
  /** True when the callee is a property access (`x.name(…)`). */
  isMethod: boolean;
  /** Names along the receiver chain, innermost call first (e.g. `program.command('x').option` → ['command', 'program']). */
  receiverChain: string[];
  args: ArgShape[];
}

const ROUTE_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'options', 'head', 'use', 'route', 'on']);
const COMMAND_RECEIVER = /^(program|cli|cmd|command|commands|[a-z]*Command|[a-z]*Cmd|yargs|argv)$/i;
/** Receivers that are HTTP apps or routers by name (app.get, router.post, fastify.route, …). */
const ROUTE_RECEIVER = /^(app|application|router|routes?|server|api|fastify|hono|koa|express|[a-z]*(Router|App|Routes|Server|Api))$/i;

/** What creates an app or router: a variable initialised with a call of one of these is a router. */
const ROUTER_FACTORY = /^(express|Router|Hono|Koa|fastify|Fastify)$/;

/** Does the receiver chain contain one of these, or a variable the file bound to one? */
function chainMatches(call: CallShape, pattern: RegExp, variables: ReadonlySet<string>, calls: readonly string[]): boolean {
  return call.receiverChain.some((name) => calls.includes(name) || pattern.test(name) || variables.has(name));
}

export interface LabelContext {
  /** Variables the file bound to a command (`const serve = new Command('serve')`, `= program.command('x')`). */
  commandVariables: ReadonlySet<string>;
  /** Variables the file bound to an app or router (`const api = express()`, `new Hono()`, `Router()`). */
  routerVariables: ReadonlySet<string>;
}

const NO_CONTEXT: LabelContext = { commandVariables: new Set(), routerVariables: new Set() };

/** Whether a variable initialised with a call of this shape is a command / a router. */
export function bindingKind(call: CallShape): 'command' | 'router' | undefined {
  const names = [call.name, ...call.receiverChain];
  // new Command('x'), new commander.Command('x'), program.command('x'), new Command('x').description('…'), yargs(…)
  if ((call.isNew && call.name === 'Command') || (call.isMethod && (names.includes('command') || names.includes('Command'))) || call.name === 'yargs') return 'command';
  // express(), express.Router(), new Router(), new Hono(), new Hono().basePath('/v1'), fastify(), Fastify({ … })
  if (names.some((name) => ROUTER_FACTORY.test(name))) return 'router';
  return undefined;
}

const string = (arg: ArgShape | undefined): StringArg | undefined => (arg?.kind === 'string' ? arg : undefined);
const text = (kind: LabelledTextKind, where: string, arg: StringArg | undefined): LabelledText[] =>
  arg ? [{ kind, where, text: arg.text, line: arg.line, column: arg.column }] : [];

/** yargs' description of an option, positional or command module: `describe`, `description` or `desc`. */
function describedBy(arg: ArgShape | undefined): StringArg | undefined {
  if (arg?.kind !== 'object') return undefined;
  const { describe, description, desc } = arg.properties;
  return string(describe) ?? string(description) ?? string(desc);
}

/** yargs `.options({ port: { describe: '…' }, … })`: one description per option. */
function optionsTable(arg: ArgShape | undefined, where: string): LabelledText[] {
  if (arg?.kind !== 'object') return [];
  return Object.values(arg.properties).flatMap((option) => text('option-description', where, describedBy(option)));
}

/** The labelled texts a call carries, if it is one of the known shapes. */
export function labelledTextsOf(call: CallShape, context: LabelContext = NO_CONTEXT): LabelledText[] {
  const [first, second] = call.args;

  if (call.isNew) {
    // new Option('-f, --flag', 'description'), new Argument('<file>', 'description'); new Command('name')
    // gets its description by .description().
    if (call.name === 'Option') return text('option-description', 'new Option() description', string(second));
    if (call.name === 'Argument') return text('argument-description', 'new Argument() description', string(second));
    return [];
  }
  if (!call.isMethod) return [];
  const commandChain = chainMatches(call, COMMAND_RECEIVER, context.commandVariables, ['command', 'Command']);
  switch (call.name) {
    case 'description':
    case 'summary':
      return commandChain ? text('command-description', `.${call.name}()`, string(first)) : [];
    case 'command':
      // commander `.command('name', 'description')`, yargs `.command(cmd, desc, …)`; a yargs command
      // module (`.command({ command, describe, handler })`) is read as an object literal.
      return commandChain ? text('command-description', '.command() description', string(second)) : [];
    case 'argument':
      // commander `.argument('<file>', 'description')`
      return commandChain ? text('argument-description', '.argument() description', string(second)) : [];
    case 'positional':
      // yargs `.positional('file', { describe })`, usually on a builder's parameter of any name
      return string(first) ? text('argument-description', '.positional() description', describedBy(second)) : [];
    case 'options':
      // yargs `.options({ port: { describe }, … })`; else maybe a route (`app.options('/x', …)`)
      if (first?.kind === 'object') return optionsTable(first, '.options() description');
      break;
    case 'option':
    case 'requiredOption': {
      const where = `.${call.name}() description`;
      // yargs `.option({ port: { describe }, … })`
      if (first?.kind === 'object') return optionsTable(first, where);
      // yargs `.option(name, { describe | description | desc })`: the object says it is yargs,
      // whatever the receiver is called (a builder's parameter is often `y` or `args`).
      if (second?.kind === 'object') return string(first) ? text('option-description', where, describedBy(second)) : [];
      // commander `.option('-p, --port <n>', 'description')`
      return commandChain ? text('option-description', where, string(second)) : [];
    }
    case 'describe':
      // yargs `.describe('port', 'description')` and `.describe({ port: 'description', … })`
      if (!commandChain) return [];
      if (first?.kind === 'object') return Object.values(first.properties).flatMap((value) => text('option-description', '.describe() description', string(value)));
      return string(first) ? text('option-description', '.describe() description', string(second)) : [];
    default:
      break;
  }
  if (call.name === 'register' && second?.kind === 'object' && chainMatches(call, ROUTE_RECEIVER, context.routerVariables, [])) {
    // fastify: app.register(plugin, { prefix: '/v2/fw' })
    const prefix = string(second.properties.prefix);
    return prefix?.text.startsWith('/') ? text('route-path', '.register() prefix', prefix) : [];
  }
  if (ROUTE_METHODS.has(call.name) && chainMatches(call, ROUTE_RECEIVER, context.routerVariables, [])) {
    // hono: app.on('GET', '/path', …); koa-router named routes: router.get('name', '/path', …);
    // the others: app.get('/path', …)
    const firstText = string(first)?.text;
    const named = call.name !== 'on' && firstText !== undefined && !firstText.startsWith('/') && string(second)?.text.startsWith('/') === true;
    const path = call.name === 'on' || named ? string(second) : string(first);
    if (path && path.text.startsWith('/')) return text('route-path', `.${call.name}() path`, path);
    if (call.name === 'route' && first?.kind === 'object') {
      const url = string(first.properties.url) ?? string(first.properties.path);
      if (url && url.text.startsWith('/')) return text('route-path', '.route() url', url);
    }
  }
  return [];
}

/**
 * The labelled texts of an object literal, if it is a yargs command module
 * (`{ command: 'serve', describe: '…', builder, handler }`, inline in `.command(…)` or declared
 * on its own for `commandDir`): a string `command` and a `handler` or `builder`.
 */
export function labelledTextsOfObject(object: ObjectArg): LabelledText[] {
  const { command, handler, builder } = object.properties;
  if (!string(command) || (!handler && !builder)) return [];
  return text('command-description', 'command module description', describedBy(object));
}
