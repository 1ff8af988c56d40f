import { join } from 'node:path';
import rule from '../../../rules/no-preview-import.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

/** Code linted as if it were a new file of @acme/app (or of @acme/sdk) in test/fixtures/preview-declarations-monorepo. */
const app = (file: string) => join(FIXTURES, 'preview-declarations-monorepo', 'packages', 'app', 'src', file);
const sdk = (file: string) => join(FIXTURES, 'preview-declarations-monorepo', 'packages', 'sdk', 'src', file);

ruleTester.run('no-preview-import (names followed to preview declarations)', rule, {
  valid: [
    { name: 'stable names of the same index', code: "import { createClient, formatAxis, type ClientOptions } from '@acme/sdk';", filename: app('new.ts') },
    { name: 'a stable namesake of a preview declaration', code: "import { renderChart } from './local-chart.js';", filename: app('new.ts') },
    { name: 'stable members of a namespace import', code: "import * as sdk from '@acme/sdk';\nsdk.createClient({ endpoint: '' });\nsdk.formatAxis(1);", filename: app('new.ts') },
    { name: 'the allowed crossing point (features.otlp.reexports: allow)', code: "export * from './otlp/index.js';", filename: sdk('new.ts') },
    { name: 'a preview declaration using another of its feature', code: "import { experimental_otlp_batch } from './otlp/batch.js';\nexport const experimental_otlp_twice = () => experimental_otlp_batch(2);", filename: sdk('new.ts') },
  ],
  invalid: [
    {
      name: 'by name, through the index (at the specifier, renamed)',
      code: "import { formatAxis, renderChart as chart } from '@acme/sdk';",
      filename: app('new.ts'),
      errors: [
        {
          messageId: 'finding',
          line: 1,
          column: 22,
          data: {
            message:
              'stable code imports preview declaration "renderChart" of preview feature "charts" [tagged @preview charts], defined at packages/sdk/src/charts.ts:5:17 through packages/sdk/src/index.ts:3:10',
          },
        },
      ],
    },
    {
      name: 'through a namespace import (at the member), and a namespace used whole',
      code: "import * as sdk from '@acme/sdk';\nsdk.experimental_otlp_batch(1);\nsdk['experimental_otlp_createExporter']();\nconsole.log(sdk);",
      filename: app('new.ts'),
      errors: [
        { messageId: 'finding', line: 2, column: 5 },
        { messageId: 'finding', line: 3, column: 5 },
        { messageId: 'finding', line: 4, column: 13 },
      ],
    },
    {
      name: 'through the exports subpath @acme/sdk/otlp',
      code: "import { experimental_otlp_createExporter } from '@acme/sdk/otlp';",
      filename: app('new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 10 }],
    },
    {
      name: 'the forbidden crossing point: a stable re-export of charts',
      code: "export { renderChart as draw } from './charts.js';",
      filename: sdk('new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 10 }],
    },
  ],
});
