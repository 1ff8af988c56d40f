import { join } from 'node:path';
import rule from '../../../rules/preview-unregistered.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const at = (file: string) => join(FIXTURES, 'unregistered-folder', file);
const loose = (file: string) => join(FIXTURES, 'loose-preview-files', file);
const LOOSE_MESSAGE =
  'file sits directly in the preview tree, outside any feature folder (preview.code: src/preview/{feature}/**); move it into the folder of the feature it belongs to';

ruleTester.run('preview-unregistered', rule, {
  valid: [
    { name: 'a registered feature', code: 'export const a = 1;', filename: at('src/preview/fwaas/index.ts') },
    { name: 'stable code', code: 'export const a = 1;', filename: at('src/core/index.ts') },
    {
      // The folder is reported once, at its first file in the CLI's (sorted) tree order: index.ts.
      name: 'reported once: a second file of the same unregistered folder',
      code: "export function ghostWidget(): string {\n  return 'boo';\n}",
      filename: at('src/preview/ghost/widgets.ts'),
    },
    { name: 'a registered feature next to loose preview files', code: 'export const a = 1;', filename: loose('src/preview/charts/index.ts') },
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
    {
      name: 'a file directly in the preview tree, outside any feature folder',
      code: 'export function percent(part: number, whole: number): string {\n  return `${Math.round((100 * part) / whole)}%`;\n}',
      filename: loose('src/preview/util.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 1, data: { message: LOOSE_MESSAGE } }],
    },
    {
      // Not once per folder: every loose file is reported (helpers.ts comes before util.ts).
      name: 'another loose file in the same preview folder is reported too',
      code: 'export const clamp = (value: number): number => value;',
      filename: loose('src/preview/helpers.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 1, data: { message: LOOSE_MESSAGE } }],
    },
  ],
});
