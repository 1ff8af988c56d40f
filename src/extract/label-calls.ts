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

export type ArgShape = StringArg | { kind: 'object'; properties: Record<string, StringArg> } | { kind: 'other' };

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

export type LabelledTextKind = 'command-description' | 'option-description' | 'route-path';

export interface LabelledText {
  kind: LabelledTextKind;
  /** What the string is, for messages: `.description()`, `.option() description`, `app.get() path`. */
  where: string;
  text: string;
  line: number;
  column: number;
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

/** The labelled texts a call carries, if it is one of the known shapes. */
export function labelledTextsOf(call: CallShape, context: LabelContext = NO_CONTEXT): LabelledText[] {
  const [first, second] = call.args;
  const string = (arg: ArgShape | undefined): StringArg | undefined => (arg?.kind === 'string' ? arg : undefined);
  const text = (kind: LabelledTextKind, where: string, arg: StringArg | undefined): LabelledText[] =>
    arg ? [{ kind, where, text: arg.text, line: arg.line, column: arg.column }] : [];

  if (call.isNew) {
    // new Option('-f, --flag', 'description') / new Command('name') (its description comes by .description())
    return call.name === 'Option' ? text('option-description', 'new Option() description', string(second)) : [];
  }
  if (!call.isMethod) return [];
  const commandChain = chainMatches(call, COMMAND_RECEIVER, context.commandVariables, ['command', 'Command']);
  switch (call.name) {
    case 'description':
    case 'summary':
      return commandChain ? text('command-description', `.${call.name}()`, string(first)) : [];
    case 'command':
      // commander `.command('name', 'description')`, yargs `.command(cmd, desc, …)`
      return commandChain ? text('command-description', '.command() description', string(second)) : [];
    case 'option':
    case 'requiredOption': {
      if (!commandChain) return [];
      if (second?.kind === 'object') {
        // yargs: .option(name, { describe | description })
        const described = second.properties.describe ?? second.properties.description ?? second.properties.desc;
        return text('option-description', `.${call.name}() description`, described);
      }
      return text('option-description', `.${call.name}() description`, string(second));
    }
    default:
      break;
  }
  if (ROUTE_METHODS.has(call.name) && chainMatches(call, ROUTE_RECEIVER, context.routerVariables, [])) {
    // hono: app.on('GET', '/path', …); the others: app.get('/path', …)
    const path = call.name === 'on' ? string(second) : string(first);
    if (path && path.text.startsWith('/')) return text('route-path', `.${call.name}() path`, path);
    if (call.name === 'route' && first?.kind === 'object') {
      const url = first.properties.url ?? first.properties.path;
      if (url && url.text.startsWith('/')) return text('route-path', '.route() url', url);
    }
  }
  return [];
}
