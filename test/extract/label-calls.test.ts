import { describe, expect, it } from 'vitest';
import { extractImports } from '../../src/extract/typescript/extract-imports.js';

const texts = (code: string) =>
  extractImports('x.ts', code, { labelledTexts: true }).labelledTexts.map((text) => `${text.line}:${text.column} ${text.kind} ${text.where} ${text.text}`);

describe('CLI help and route extraction', () => {
  it('finds commander descriptions, options and Option objects', () => {
    const code = [
      "import { Command, Option } from 'commander';",
      'export function register(program: Command) {',
      "  const fw = program.command('firewall').description('Manage firewalls');",
      "  fw.command('create').description('[preview] Create').option('--port <p>', 'destination port').requiredOption('--name <n>', 'preview: the name');",
      "  fw.addOption(new Option('-x, --extra', 'extra things'));",
      "  new Command('vpn').summary(`VPN tunnels`);",
      "  program.command('legacy', 'run the legacy tool');",
      '}',
    ].join('\n');
    expect(texts(code)).toEqual([
      '3:54 command-description .description() Manage firewalls',
      '4:36 command-description .description() [preview] Create',
      '4:77 option-description .option() description destination port',
      '4:126 option-description .requiredOption() description preview: the name',
      '5:42 option-description new Option() description extra things',
      '6:30 command-description .summary() VPN tunnels',
      "7:29 command-description .command() description run the legacy tool",
    ]);
  });

  it('finds yargs commands and options with describe/description', () => {
    const code = [
      "yargs.command('serve', 'start the server', () => {}).option('port', { describe: 'port to bind', type: 'number' });",
      "yargs.option('verbose', { description: '[preview] chatty' });",
    ].join('\n');
    expect(texts(code)).toEqual([
      '1:24 command-description .command() description start the server',
      '1:81 option-description .option() description port to bind',
      '2:40 option-description .option() description [preview] chatty',
    ]);
  });

  it('finds commander arguments and yargs positionals, option tables, describe() and command modules', () => {
    const code = [
      "program.command('import').argument('<file>', 'rules file').addArgument(new Argument('[zone]', 'zone'));",
      "export const apply = { command: 'apply <file>', 'describe': 'Apply rules', handler() {} };",
      "const build = (y) => y.positional('file', { desc: 'the file' }).options({ force: { describe: 'force' }, 'dry-run': { description: 'dry run' }, retries: { default: 3 } });",
      "yargs.option({ zone: { describe: 'zone' } }).describe('since', 'since when').describe({ follow: 'keep printing', lines: 42 });",
      "yargs.command({ command: 'logs', description: 'Show logs', builder, get handler() { return run; } });",
    ].join('\n');
    expect(texts(code)).toEqual([
      "1:46 argument-description .argument() description rules file",
      "1:95 argument-description new Argument() description zone",
      "2:61 command-description command module description Apply rules",
      "3:51 argument-description .positional() description the file",
      "3:94 option-description .options() description force",
      "3:131 option-description .options() description dry run",
      "4:34 option-description .option() description zone",
      "4:64 option-description .describe() description since when",
      "4:97 option-description .describe() description keep printing",
      "5:47 command-description command module description Show logs",
    ]);
  });

  it('ignores objects and calls that only look like yargs or commander', () => {
    const code = [
      "export const cached = { command: 'GET', describe: 'cache lookup', args: ['k'] };",
      "http.options({ timeout: 5000, retry: { limit: 2 } });",
      "suite.describe('logs', () => {});",
      "schema.argument('file', 'a field');",
      "chart.positional({ describe: 'x' });",
      "yargs.options({ deep: { nested: { describe: 'three levels down' } } });",
    ].join('\n');
    expect(texts(code)).toEqual([]);
  });

  it('finds route paths of express/koa/hono-style calls and fastify route({ url })', () => {
    const code = [
      "app.get('/v2/fw/rules', handler);",
      "router.post('/v2/preview/fw/rules', handler);",
      "fastify.route({ method: 'GET', url: '/v2/fw/policies', handler });",
      "cache.get('key');",
      "app.options('/v2/fw/rules', cors);",
      "router.get('fw-rule', '/v2/fw/rules/:id', handler);",
      "fastify.register(firewallPlugin, { prefix: '/v2/fw' });",
      "fastify.register(firewallPlugin);",
      "app.get('env');",
      "router.get('fw-rule', pathOf('fw-rule'), handler);",
    ].join('\n');
    expect(texts(code)).toEqual([
      '1:9 route-path .get() path /v2/fw/rules',
      '2:13 route-path .post() path /v2/preview/fw/rules',
      '3:37 route-path .route() url /v2/fw/policies',
      '5:13 route-path .options() path /v2/fw/rules',
      '6:23 route-path .get() path /v2/fw/rules/:id',
      '7:44 route-path .register() prefix /v2/fw',
    ]);
  });

  it('follows variables bound to commands and routers, and ignores look-alike calls on other receivers', () => {
    const code = [
      "const serve = new Command('serve');",
      "serve.description('Serve things').option('--port <p>', 'port');",
      "const api = express();",
      "api.get('/v2/things', handler);",
      "const web = new Hono();",
      "web.on('GET', '/v2/hono', handler);",
      "redis.command('GET', 'key');",
      "axios.get('/api/client');",
      "yargs.option('v', { desc: 'verbose' });",
    ].join('\n');
    expect(texts(code)).toEqual([
      '2:19 command-description .description() Serve things',
      '2:56 option-description .option() description port',
      '4:9 route-path .get() path /v2/things',
      '6:15 route-path .on() path /v2/hono',
      '9:27 option-description .option() description verbose',
    ]);
  });

  it('binds variables to commands and apps made by chains, namespaced constructors and yargs()', () => {
    const code = [
      "const serve = new Command('serve').description('[preview] Serve');",
      "serve.option('--port <p>', 'port');",
      "new commander.Command('agent').description('Agent');",
      "const parser = yargs(argv.slice(2));",
      "parser.option('rules', { describe: 'rules file' });",
      "const v2 = new Hono().basePath('/v2');",
      "v2.get('/fw', handler);",
      "const other = makeThing();",
      "other.option('--x', 'not a command');",
      "other.get('/not-a-route', handler);",
    ].join('\n');
    expect(texts(code)).toEqual([
      '1:48 command-description .description() [preview] Serve',
      '2:28 option-description .option() description port',
      '3:44 command-description .description() Agent',
      '5:36 option-description .option() description rules file',
      '7:8 route-path .get() path /fw',
    ]);
  });

  it('reads calls through parentheses, element access and type-only wrappers', () => {
    const code = [
      "(program.commands[0]!.description)(('First'));",
      "const typed = program.command('x') as Command;",
      "typed.description('Typed' satisfies string);",
      "(<Router>api['v2']).get('/v2/fw', handler);",
    ].join('\n');
    expect(texts(code)).toEqual([
      '1:37 command-description .description() First',
      '3:19 command-description .description() Typed',
      '4:25 route-path .get() path /v2/fw',
    ]);
  });

  it('ignores .description() of things that are not commands', () => {
    expect(texts("schema.description('a field');\nconst d = thing.description('x');")).toEqual([]);
  });
});
