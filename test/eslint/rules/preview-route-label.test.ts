import { join } from 'node:path';
import rule from '../../../rules/preview-route-label.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const at = (file: string) => join(FIXTURES, 'cli-and-routes', file);

ruleTester.run('preview-route-label', rule, {
  valid: [
    { name: 'labelled path', code: "app.get('/v2/preview/fw', h);", filename: at('src/preview/fwaas/new.ts') },
    { name: 'stable route', code: "app.get('/v2/networks', h);", filename: at('src/core/new.ts') },
    { name: 'not a route', code: "cache.get('key');", filename: at('src/preview/fwaas/new.ts') },
  ],
  invalid: [
    {
      name: 'express-style and fastify route()',
      code: "app.post('/v2/fw/rules', h);\nfastify.route({ method: 'GET', url: '/v2/fw', handler: h });",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 1, column: 10, data: { message: 'route path "/v2/fw/rules" (.post() path) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 2, column: 37 },
      ],
    },
  ],
});
