import { join } from 'node:path';
import rule from '../../../rules/preview-deadline.js';
import { FIXTURES, REPO_ROOT } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

// examples/netsvc: current 2026.2, maxCycles 2; fwaas introduced 2026.1 (due by 2027.1, the next
// release), vpnaas introduced 2026.2 (due later).
const at = (file: string) => join(REPO_ROOT, 'examples', 'netsvc', file);
// test/fixtures/deadlines: current 2026.2, maxCycles 2, maxRenewals 1 (see its EXPECTED.md).
const deadlines = (file: string) => join(FIXTURES, 'deadlines', file);

ruleTester.run('preview-deadline', rule, {
  valid: [
    { name: 'renewed with tracking and reason: not due within the train', code: 'export const r = 1;', filename: deadlines('src/preview/renewed/new.ts') },
    { name: 'introduced in the current release', code: 'export const r = 1;', filename: deadlines('src/preview/fresh/new.ts') },
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
          messageId: 'dueNext',
          line: 1,
          column: 1,
          data: {
            message:
              'preview feature "fwaas" must leave preview by 2027.1, the next release (introduced in 2026.1, preview.maxCycles: 2); promote, renew or remove it — owners: alice@example.org, netsvc-core@example.org',
          },
        },
      ],
    },
    {
      name: 'an overdue feature: its own message id, which the CLI grades as an error',
      code: 'export const l = 1;',
      filename: deadlines('src/preview/late/new.ts'),
      errors: [
        {
          messageId: 'overdue',
          line: 1,
          column: 1,
          data: {
            message:
              'preview feature "late" is overdue: it had to leave preview by 2026.1 (introduced in 2025.1, preview.maxCycles: 2); promote, renew or remove it — owners: alice@example.org',
          },
        },
      ],
    },
    {
      name: 'a renewal beyond preview.maxRenewals does not count: overdue from the renewal that did',
      code: 'export const c = 1;',
      filename: deadlines('src/preview/capped/new.ts'),
      errors: [{ messageId: 'overdue', line: 1, column: 1 }],
    },
    {
      name: 'due next release in the same project: dueNext',
      code: 'export const d = 1;',
      filename: deadlines('src/preview/due/new.ts'),
      errors: [{ messageId: 'dueNext', line: 1, column: 1 }],
    },
  ],
});
