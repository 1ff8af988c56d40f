import { join } from 'node:path';
import rule from '../../../rules/preview-unregistered.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const at = (file: string) => join(FIXTURES, 'unregistered-folder', file);

ruleTester.run('preview-unregistered', rule, {
  valid: [
    { name: 'a registered feature', code: 'export const a = 1;', filename: at('src/preview/fwaas/index.ts') },
    { name: 'stable code', code: 'export const a = 1;', filename: at('src/core/index.ts') },
  ],
  invalid: [
    {
      name: 'the first file of an unregistered preview folder, once, at the top',
      code: 'export const ghost = 1;\nexport const more = 2;',
      filename: at('src/preview/ghost/index.ts'),
      errors: [
        {
          messageId: 'finding',
          line: 1,
          column: 1,
          data: { message: 'preview code of "ghost" is not registered: add features.ghost to lifecycle.yaml, or move it out of the preview tree' },
        },
      ],
    },
  ],
});
