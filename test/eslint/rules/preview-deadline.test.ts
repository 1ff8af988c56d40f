import { join } from 'node:path';
import rule from '../../../rules/preview-deadline.js';
import { REPO_ROOT } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

// examples/netsvc: current 2026.2, maxCycles 2; fwaas introduced 2026.1 (due by 2027.1, the next
// release), vpnaas introduced 2026.2 (due later).
const at = (file: string) => join(REPO_ROOT, 'examples', 'netsvc', file);

ruleTester.run('preview-deadline', rule, {
  valid: [
    { name: 'a feature not due yet', code: 'export const v = 1;', filename: at('src/preview/vpnaas/new.ts') },
    { name: 'stable code', code: 'export const c = 1;', filename: at('src/core/new.ts') },
  ],
  invalid: [
    {
      name: 'a feature due next release: one report at the top, with deadline and owners',
      code: 'export const f = 1;\nexport const g = 2;',
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        {
          messageId: 'finding',
          line: 1,
          column: 1,
          data: {
            message:
              'preview feature "fwaas" must leave preview by 2027.1, the next release (introduced in 2026.1, preview.maxCycles: 2); promote, renew or remove it — owners: alice@example.org, netsvc-core@example.org',
          },
        },
      ],
    },
  ],
});
