import { join } from 'node:path';
import rule from '../../../rules/preview-cli-label.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const at = (file: string) => join(FIXTURES, 'cli-and-routes', file);

ruleTester.run('preview-cli-label', rule, {
  valid: [
    { name: 'labelled help', code: "program.command('fw').description('[preview] Firewalls').option('--x', 'Preview: x');", filename: at('src/preview/fwaas/new.ts') },
    { name: 'stable code needs no label', code: "program.command('net').description('Networks');", filename: at('src/core/new.ts') },
    { name: 'not a CLI', code: "schema.description('a field');", filename: at('src/preview/fwaas/new.ts') },
    {
      name: 'labelled yargs commands and options (describe, description, desc)',
      code: "yargs(hideBin(process.argv)).command(['fw-apply <f>', 'fwa'], '[preview] Apply rules').option('dry-run', { describe: '[preview] dry run' }).option('zone', { description: 'Preview: zone' }).option('format', { desc: 'output format (preview)' });",
      filename: at('src/preview/fwaas/new.ts'),
    },
    {
      name: 'labelled commander summary, requiredOption, new Command() and bound variables',
      code: "program.command('fw-policy').summary('[preview] Policies').requiredOption('--policy <id>', 'preview policy id');\nnew Command('fw-agent').description('[preview] Run the agent');\nconst audit = new Command();\naudit.description('Audit rules [preview]');\nconst rules = program.command('fw-rules');\nrules.summary('[preview] Firewall rules');",
      filename: at('src/preview/fwaas/new.ts'),
    },
    { name: 'redis.command() is not a CLI command', code: "redis.command('GET', 'fw:rules');\nredis.command('SET', 'fw:rules', 'x');", filename: at('src/preview/fwaas/new.ts') },
    { name: '.description() on an unrelated receiver', code: "column.description('Firewall rule id');\nconst thing = new Thing();\nthing.description('x');", filename: at('src/preview/fwaas/new.ts') },
    { name: 'a description that is not a literal is not checked', code: "yargs.option('zone', { describe: t('zone.help') }).command('fw', describeFw);", filename: at('src/preview/fwaas/new.ts') },
    {
      name: 'labelled arguments, positionals, option tables, describe() and command modules',
      code: "program.command('fw-import').argument('<file>', '[preview] rules file').addArgument(new Argument('[zone]', 'zone (preview)'));\nexport const apply = { command: 'fw-apply', describe: '[preview] Apply', builder: (y) => y.positional('file', { describe: 'preview: rules file' }).options({ force: { desc: '[preview] force' }, retries: { default: 3 } }), handler() {} };\nyargs.describe('since', '[preview] since').describe({ follow: '[preview] follow' });",
      filename: at('src/preview/fwaas/new.ts'),
    },
    {
      name: 'look-alikes of yargs and commander shapes',
      code: "export const cached = { command: 'GET', describe: 'cache lookup' };\nhttp.options({ timeout: 5000 });\nsuite.describe('firewall logs', () => {});\nschema.argument('file', 'a schema field');\nchart.positional('x');",
      filename: at('src/preview/fwaas/new.ts'),
    },
  ],
  invalid: [
    {
      name: 'commander description and option, with autofix',
      code: "program.command('fw').description('Firewalls').option('--port <p>', \"destination port\");",
      filename: at('src/preview/fwaas/new.ts'),
      output: "program.command('fw').description('[preview] Firewalls').option('--port <p>', \"[preview] destination port\");",
      errors: [
        { messageId: 'finding', line: 1, column: 35, data: { message: 'CLI help "Firewalls" (.description()) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 1, column: 69 },
      ],
    },
    {
      name: 'commander .argument() and new Argument(), with autofix',
      code: "program.command('fw-import').argument('<file>', 'rules file').addArgument(new Argument('[zone]', \"zone\"));",
      filename: at('src/preview/fwaas/new.ts'),
      output: "program.command('fw-import').argument('<file>', '[preview] rules file').addArgument(new Argument('[zone]', \"[preview] zone\"));",
      errors: [
        { messageId: 'finding', line: 1, column: 49, data: { message: 'CLI help "rules file" (.argument() description) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 1, column: 98 },
      ],
    },
    {
      name: 'a yargs command module with a positional and an options table, in a builder whose parameter is not called yargs',
      code: "export const apply = {\n  command: 'fw-apply <file>',\n  describe: 'Apply rules',\n  builder: (y) => y.positional('file', { description: 'rules file' }).options({ force: { type: 'boolean', desc: 'force' }, retries: { default: 3 } }),\n  handler: () => {},\n};",
      filename: at('src/preview/fwaas/new.ts'),
      output: "export const apply = {\n  command: 'fw-apply <file>',\n  describe: '[preview] Apply rules',\n  builder: (y) => y.positional('file', { description: '[preview] rules file' }).options({ force: { type: 'boolean', desc: '[preview] force' }, retries: { default: 3 } }),\n  handler: () => {},\n};",
      errors: [
        { messageId: 'finding', line: 3, column: 13, data: { message: 'CLI help "Apply rules" (command module description) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 4, column: 55, data: { message: 'CLI help "rules file" (.positional() description) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 4, column: 113 },
      ],
    },
    {
      name: 'an inline command module (method handler) and .describe() in both forms',
      code: "yargs.command({ command: 'fw-logs', description: 'Show logs', handler() {} }).describe('since', 'since when').describe({ follow: 'keep printing' });",
      filename: at('src/preview/fwaas/new.ts'),
      output: "yargs.command({ command: 'fw-logs', description: '[preview] Show logs', handler() {} }).describe('since', '[preview] since when').describe({ follow: '[preview] keep printing' });",
      errors: [
        { messageId: 'finding', line: 1, column: 50 },
        { messageId: 'finding', line: 1, column: 97, data: { message: 'CLI help "since when" (.describe() description) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 1, column: 130 },
      ],
    },
    {
      name: 'yargs option description and new Option',
      code: "yargs.option('port', { describe: 'port' });\nconst o = new Option('-x', `extra`);",
      filename: at('src/preview/fwaas/new.ts'),
      output: "yargs.option('port', { describe: '[preview] port' });\nconst o = new Option('-x', `[preview] extra`);",
      errors: [
        { messageId: 'finding', line: 1, column: 34 },
        { messageId: 'finding', line: 2, column: 28 },
      ],
    },
    {
      name: 'yargs .command(cmd, desc) and .option() with description / desc',
      code: "yargs(hideBin(process.argv)).command(['fw-apply <file>', 'fwa'], 'Apply rules').option('zone', { type: 'string', description: 'zone' }).option('format', { desc: \"output format\" });",
      filename: at('src/preview/fwaas/new.ts'),
      output: "yargs(hideBin(process.argv)).command(['fw-apply <file>', 'fwa'], '[preview] Apply rules').option('zone', { type: 'string', description: '[preview] zone' }).option('format', { desc: \"[preview] output format\" });",
      errors: [
        { messageId: 'finding', line: 1, column: 66, data: { message: 'CLI help "Apply rules" (.command() description) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 1, column: 127 },
        { messageId: 'finding', line: 1, column: 162 },
      ],
    },
    {
      name: 'commander .summary() and .requiredOption()',
      code: "program.command('fw-policy').summary('Policies').requiredOption('--policy <id>', `policy id`);",
      filename: at('src/preview/fwaas/new.ts'),
      output: "program.command('fw-policy').summary('[preview] Policies').requiredOption('--policy <id>', `[preview] policy id`);",
      errors: [
        { messageId: 'finding', line: 1, column: 38, data: { message: 'CLI help "Policies" (.summary()) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 1, column: 82, data: { message: 'CLI help "policy id" (.requiredOption() description) in preview feature "fwaas" does not say "preview"' } },
      ],
    },
    {
      name: 'a new Command() chain and commander .command(name, description)',
      code: "program.addCommand(new Command('fw-agent').description('Run the agent'));\nprogram.command('fw-export', 'Export rules');",
      filename: at('src/preview/fwaas/new.ts'),
      output: "program.addCommand(new Command('fw-agent').description('[preview] Run the agent'));\nprogram.command('fw-export', '[preview] Export rules');",
      errors: [
        { messageId: 'finding', line: 1, column: 56 },
        { messageId: 'finding', line: 2, column: 30 },
      ],
    },
    {
      name: 'variables bound to new Command() and to program.command()',
      code: "const audit = new Command();\naudit.name('fw-audit').description('Audit rules');\nconst rules = program.command('fw-rules');\nrules.summary(\"Firewall rules\");",
      filename: at('src/preview/fwaas/new.ts'),
      output: "const audit = new Command();\naudit.name('fw-audit').description('[preview] Audit rules');\nconst rules = program.command('fw-rules');\nrules.summary(\"[preview] Firewall rules\");",
      errors: [
        { messageId: 'finding', line: 2, column: 36 },
        { messageId: 'finding', line: 4, column: 15 },
      ],
    },
  ],
});

const quoted = (file: string) => join(FIXTURES, 'label-with-quote', file);

ruleTester.run('preview-cli-label (a label with a quote)', rule, {
  valid: [{ code: "new Command('fw').description(\"[dev's preview] ok\");", filename: quoted('src/preview/fwaas/new.ts') }],
  invalid: [
    {
      name: 'the autofix escapes the quote for each kind of literal',
      code: "program.command('a').description('one');\nprogram.command('b').description(\"two\");\nprogram.command('c').description(`three ${'$'}{x}`);",
      filename: quoted('src/preview/fwaas/new.ts'),
      output: "program.command('a').description('[dev\\'s preview] one');\nprogram.command('b').description(\"[dev's preview] two\");\nprogram.command('c').description(`three ${'$'}{x}`);",
      errors: [{ messageId: 'finding', line: 1 }, { messageId: 'finding', line: 2 }],
    },
  ],
});

const optionLabel = (file: string) => join(FIXTURES, 'policy-option-label', file);

ruleTester.run('preview-cli-label (the policy option names another policy)', rule, {
  valid: [],
  invalid: [
    {
      name: "the autofix inserts the label of the option's policy (beta), not the nearest one's (preview)",
      code: "new Command('fw').description('[preview] Manage firewalls');",
      filename: optionLabel('app/src/preview/fwaas/new.ts'),
      options: [{ policy: optionLabel('lifecycle.yaml') }],
      output: "new Command('fw').description('[beta] [preview] Manage firewalls');",
      errors: [{ messageId: 'finding', line: 1, column: 31 }],
    },
    {
      name: 'without the option, the nearest policy (label preview) applies: a different finding and fix',
      code: "new Command('fw').description('[beta] Manage firewalls');",
      filename: optionLabel('app/src/preview/fwaas/new.ts'),
      output: "new Command('fw').description('[preview] [beta] Manage firewalls');",
      errors: [{ messageId: 'finding', line: 1, column: 31 }],
    },
  ],
});
