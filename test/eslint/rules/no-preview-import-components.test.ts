import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import astroParser from 'astro-eslint-parser';
import svelteParser from 'svelte-eslint-parser';
import vueParser from 'vue-eslint-parser';
import rule from '../../../rules/no-preview-import.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

/** no-preview-import on Vue, Svelte and Astro files, with the parsers users set up for them (docs/eslint.md). */
const stable = (file: string) => join(FIXTURES, 'single-file-components', 'src/stable', file);
const vue = { parser: vueParser, parserOptions: { parser: tsParser, sourceType: 'module' } } as const;
const svelte = { parser: svelteParser, parserOptions: { parser: tsParser } } as const;
const astro = { parser: astroParser, parserOptions: { parser: tsParser } } as const;
const preview = (what: string) => ({ messageId: 'finding' as const, data: { message: `stable code imports preview feature "charts" (src/preview/charts/${what})` } });

ruleTester.run('no-preview-import (component files)', rule, {
  valid: [
    {
      name: 'Vue: an import written in the template or a comment is not one',
      code: "<template>\n  <p>import x from '../preview/charts/index'</p>\n  <!-- import y from '../preview/charts/index' -->\n</template>\n<script setup lang=\"ts\">\nimport { formatNumber } from './format';\n</script>\n",
      filename: stable('New.vue'),
      languageOptions: vue,
    },
    {
      name: 'Vue: suppressed inside <script setup>, with a reason',
      code: "<script setup lang=\"ts\">\n// lifecycle-disable-next-line no-preview-import -- migrating\nimport { drawChart } from '../preview/charts/index';\n</script>\n",
      filename: stable('New.vue'),
      languageOptions: vue,
    },
    {
      name: 'Astro: an is:inline script is the browser’s, not a project import',
      code: "---\nimport { formatNumber } from './format';\n---\n<script is:inline>import('/preview/charts/index.js');</script>\n",
      filename: stable('New.astro'),
      languageOptions: astro,
    },
  ],
  invalid: [
    {
      name: 'Vue: <script> and <script setup> in one file, at their lines and columns',
      code: "<template><Chart /></template>\n<script>\nimport { drawChart } from '../preview/charts/index';\nexport default { methods: { drawChart } };\n</script>\n<script setup lang=\"ts\">\n  import Chart from '@/preview/charts/Chart.vue';\n</script>\n",
      filename: stable('New.vue'),
      languageOptions: vue,
      errors: [
        { ...preview('index.ts'), line: 3, column: 27 },
        { ...preview('Chart.vue'), line: 7, column: 21 },
      ],
    },
    {
      name: 'Svelte: the module script and the instance script',
      code: "<script context=\"module\" lang=\"ts\">\n  import { drawChart } from '../preview/charts/index';\n</script>\n<script lang=\"ts\">\n  import Chart from '../preview/charts/Chart.svelte';\n</script>\n<Chart />\n",
      filename: stable('New.svelte'),
      languageOptions: svelte,
      errors: [
        { ...preview('index.ts'), line: 2, column: 29 },
        { ...preview('Chart.svelte'), line: 5, column: 21 },
      ],
    },
    {
      name: 'Astro: the frontmatter, and a bundled <script> (outside astro-eslint-parser’s Program)',
      code: "---\nimport Chart from '../preview/charts/Chart.astro';\n---\n<Chart />\n<script>\n  import { drawChart } from '../preview/charts/index';\n</script>\n",
      filename: stable('New.astro'),
      languageOptions: astro,
      errors: [
        { ...preview('Chart.astro'), line: 2, column: 19 },
        { ...preview('index.ts'), line: 6, column: 29 },
      ],
    },
  ],
});
