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
    {
      name: 'labelled hono, koa-router and fastify routes',
      code: "const fw = new Hono();\nfw.get('/v2/preview/fw/groups', h);\nfw.on(['PUT', 'PATCH'], '/v2/preview/fw/groups/:id', h);\nconst rules = new Router();\nrules.del('/v2/preview/fw/rules/:id', h);\nfastify.route({ method: 'GET', url: '/v2/preview/fw/logs', handler: h });\nfastify.get('/v2/preview/fw/stats/:id', { schema }, h);",
      filename: at('src/preview/fwaas/new.ts'),
    },
    { name: 'HTTP client calls are not routes', code: "axios.get('/api/fw/stats');\nhttp.post('/v2/fw/rules', body);", filename: at('src/preview/fwaas/new.ts') },
    {
      name: 'request/context getters and a Map keyed by paths are not routes',
      code: "const groups = new Map();\ngroups.get('/v2/fw/groups');\nfw.get('/v2/preview/fw', (c) => c.json({ id: c.get('requestId') }));\nrules.get('/v2/preview/fw/rules', async (ctx) => ctx.get('X-Request-Id'));",
      filename: at('src/preview/fwaas/new.ts'),
    },
    {
      name: 'app calls whose first argument is not a path',
      code: "app.get('env');\napp.use(cors());\nserver.on('close', () => {});\nfastify.addHook('onRequest', h);\nredis.command('GET', '/v2/fw');",
      filename: at('src/preview/fwaas/new.ts'),
    },
    {
      name: 'suppressed with a reason',
      code: "// lifecycle-disable-next-line preview-route-label -- the load balancer probes this fixed path\nfastify.get('/healthz/fw', h);",
      filename: at('src/preview/fwaas/new.ts'),
    },
  ],
  invalid: [
    {
      name: 'express app.options() (the HTTP method), not a yargs options table',
      code: "app.options('/v2/fw/rules', cors);",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [{ messageId: 'finding', line: 1, column: 13, data: { message: 'route path "/v2/fw/rules" (.options() path) in preview feature "fwaas" does not say "preview"' } }],
    },
    {
      name: 'koa-router named routes and a fastify plugin prefix',
      code: "router.get('fw-rule', '/v2/fw/rules/:id', h);\nfastify.register(firewallPlugin, { prefix: '/v2/fw' });\nfastify.register(firewallPlugin, { prefix: '/v2/preview/fw' });",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 1, column: 23, data: { message: 'route path "/v2/fw/rules/:id" (.get() path) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 2, column: 44, data: { message: 'route path "/v2/fw" (.register() prefix) in preview feature "fwaas" does not say "preview"' } },
      ],
    },
    {
      name: 'express-style and fastify route()',
      code: "app.post('/v2/fw/rules', h);\nfastify.route({ method: 'GET', url: '/v2/fw', handler: h });",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 1, column: 10, data: { message: 'route path "/v2/fw/rules" (.post() path) in preview feature "fwaas" does not say "preview"' } },
        { messageId: 'finding', line: 2, column: 37 },
      ],
    },
    {
      name: 'hono: a variable bound to new Hono(), .get() and .on(method, path)',
      code: "const fw = new Hono();\nfw.get('/v2/fw/groups', h);\nfw.on('GET', '/v2/fw/groups/:id', h);",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 2, column: 8 },
        { messageId: 'finding', line: 3, column: 14, data: { message: 'route path "/v2/fw/groups/:id" (.on() path) in preview feature "fwaas" does not say "preview"' } },
      ],
    },
    {
      name: 'koa-router: a variable bound to new Router(), .post() and .del()',
      code: "const rules = new Router();\nrules.post('/v2/fw/rules', h);\nrules.del(`/v2/fw/rules/:id`, h);",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 2, column: 12 },
        { messageId: 'finding', line: 3, column: 11, data: { message: 'route path "/v2/fw/rules/:id" (.del() path) in preview feature "fwaas" does not say "preview"' } },
      ],
    },
    {
      name: 'fastify: a variable bound to Fastify(), .get() and route({ path })',
      code: "const f = Fastify({ logger: true });\nf.get('/v2/fw/stats', h);\nfastify.route({ method: 'POST', path: '/v2/fw/logs', handler: h });",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [
        { messageId: 'finding', line: 2, column: 7 },
        { messageId: 'finding', line: 3, column: 39, data: { message: 'route path "/v2/fw/logs" (.route() url) in preview feature "fwaas" does not say "preview"' } },
      ],
    },
    {
      name: 'express: a variable bound to express() and .use(path)',
      code: "const web = express();\nweb.use('/v2/fw', h);",
      filename: at('src/preview/fwaas/new.ts'),
      errors: [{ messageId: 'finding', line: 2, column: 9 }],
    },
  ],
});
