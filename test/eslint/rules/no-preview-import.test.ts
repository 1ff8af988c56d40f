import { join } from 'node:path';
import rule from '../../../rules/no-preview-import.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const exceptions = (file: string) => join(FIXTURES, 'exceptions', file);
const forms = (file: string) => join(FIXTURES, 'import-forms', file);

ruleTester.run('no-preview-import', rule, {
  valid: [
    { name: 'stable → stable', code: "import { x } from './store';", filename: exceptions('src/core/other.ts') },
    { name: 'migration exception', code: "import { FirewallRule } from '../../preview/fwaas/index.js';", filename: exceptions('src/db/migrations/0009_new.ts') },
    { name: 'preview → same feature', code: "import { a } from './index.js';", filename: exceptions('src/preview/fwaas/new.ts') },
    {
      name: 'suppressed with a reason',
      code: "// lifecycle-disable-next-line no-preview-import -- plugin loader\nimport { a } from '../preview/charts/index.js';",
      filename: forms('src/stable/new.ts'),
    },
    { name: 'no lifecycle.yaml above the file', code: "import { a } from '../preview/x';", filename: '/nonexistent-root/src/a.ts' },
  ],
  invalid: [
    {
      name: 'static import',
      code: "import { drawChart } from '../preview/charts/index.js';",
      filename: forms('src/stable/new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 27, data: { message: 'stable code imports preview feature "charts" (src/preview/charts/index.ts)' } }],
    },
    {
      name: 'every other form, one report each',
      code: [
        "export * from '../preview/charts/index.js';",
        "import type { Chart } from '../preview/charts/index.js';",
        "const lazy = () => import('../preview/charts/index.js');",
        "type T = typeof import('../preview/charts/index.js');",
        "import legacy = require('../preview/charts/legacy.cjs');",
      ].join('\n'),
      filename: forms('src/stable/new.ts'),
      errors: [
        { messageId: 'finding', line: 1, column: 15 },
        { messageId: 'finding', line: 2, column: 28 },
        { messageId: 'finding', line: 3, column: 27 },
        { messageId: 'finding', line: 4, column: 24 },
        { messageId: 'finding', line: 5, column: 25 },
      ],
    },
    {
      name: 'require() in a CommonJS TypeScript file (.cts)',
      code: "const again = require('../preview/charts/legacy.cjs') as { legacyChart(): string };\nexport = again;",
      filename: forms('src/stable/new.cts'),
      errors: [
        {
          messageId: 'finding',
          line: 1,
          column: 23,
          data: { message: 'stable code requires preview feature "charts" (src/preview/charts/legacy.cts)' },
        },
      ],
    },
    {
      name: 'require() below the top level, next to an import-equals',
      code: "import legacy = require('../preview/charts/legacy.cjs');\n\nexport function load() {\n  return require('../preview/charts/legacy.cjs') as typeof legacy;\n}",
      filename: forms('src/stable/new.cts'),
      errors: [
        { messageId: 'finding', line: 1, column: 25 },
        { messageId: 'finding', line: 4, column: 18 },
      ],
    },
    {
      name: 'side-effect import',
      code: "import { label } from './format.js';\nimport '../preview/charts/register.js';",
      filename: forms('src/stable/new.ts'),
      errors: [
        {
          messageId: 'finding',
          line: 2,
          column: 8,
          data: { message: 'stable code imports preview feature "charts" (src/preview/charts/register.ts)' },
        },
      ],
    },
    {
      // No import( or require( in the text: the import sits below the top level all the same.
      name: 'import inside a declare module block',
      code: "declare module 'chart-shim' {\n  import { Chart } from '../preview/charts/index.js';\n  export const chart: Chart;\n}",
      filename: forms('src/stable/new.ts'),
      errors: [{ messageId: 'finding', line: 2, column: 25 }],
    },
    {
      name: 'suppression without a reason suppresses nothing',
      code: "// lifecycle-disable-next-line no-preview-import\nimport { a } from '../preview/charts/index.js';",
      filename: forms('src/stable/new.ts'),
      errors: [{ messageId: 'finding', line: 2, column: 19 }],
    },
    {
      name: 'exception limited to other features',
      code: "import { Tunnel } from '../preview/vpnaas/index.js';",
      filename: exceptions('src/plugins/new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 24 }],
    },
    {
      name: 'the policy option names the policy file (here one that does not exist)',
      code: "import { a } from './b';",
      filename: forms('src/stable/new.ts'),
      options: [{ policy: forms('missing-lifecycle.yaml') }],
      errors: [{ messageId: 'policyError', line: 1, column: 1 }],
    },
    {
      name: 'settings.lifecycle.policy names the policy file when the option does not',
      code: "import { a } from './b';",
      filename: forms('src/stable/new.ts'),
      settings: { lifecycle: { policy: forms('missing-lifecycle.yaml') } },
      errors: [{ messageId: 'policyError', line: 1, column: 1 }],
    },
    {
      name: 'the policy option wins over settings.lifecycle.policy',
      code: "import { drawChart } from '../preview/charts/index.js';",
      filename: forms('src/stable/new.ts'),
      options: [{ policy: forms('lifecycle.yaml') }],
      settings: { lifecycle: { policy: forms('missing-lifecycle.yaml') } },
      errors: [{ messageId: 'finding', line: 1, column: 27 }],
    },
    {
      name: 'broken policy: one report at the top of the file',
      code: "import { a } from './b';",
      filename: join(FIXTURES, 'bad-unknown-key', 'src', 'x.ts'),
      errors: [{ messageId: 'policyError', line: 1, column: 1 }],
    },
  ],
});

// The valid cases above must be valid for the right reason: the same imports from a plain
// stable file are reported (so the exception, the feature match and the suppression matter).
ruleTester.run('no-preview-import (controls for the valid cases)', rule, {
  valid: [],
  invalid: [
    {
      name: 'control for "migration exception": the same import from stable code outside the exception',
      code: "import { FirewallRule } from '../../preview/fwaas/index.js';",
      filename: exceptions('src/core/sub/new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 30 }],
    },
    {
      name: 'control for "preview → same feature": an import from another feature',
      code: "import { a } from '../fwaas/index.js';",
      filename: exceptions('src/preview/vpnaas/new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 19 }],
    },
  ],
});
