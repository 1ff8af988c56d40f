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
      name: 'yargs option description and new Option',
      code: "yargs.option('port', { describe: 'port' });\nconst o = new Option('-x', `extra`);",
      filename: at('src/preview/fwaas/new.ts'),
      output: "yargs.option('port', { describe: '[preview] port' });\nconst o = new Option('-x', `[preview] extra`);",
      errors: [
        { messageId: 'finding', line: 1, column: 34 },
        { messageId: 'finding', line: 2, column: 28 },
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
