import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';

/** `lifecycle check` on Vue, Svelte and Astro components, as a user runs it. */
describe('lifecycle check: component files', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'component-files-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('reports a stable component importing preview code at the import’s line and column in the component', () => {
    const run = runLifecycle(['check', '--cwd', fixture('single-file-components')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/stable/Dashboard.vue\n  10:27  error  stable code imports preview feature "charts" (src/preview/charts/index.ts)  no-preview-import');
    expect(run.stdout).toContain('src/stable/Page.astro\n  2:19   error  stable code imports preview feature "charts" (src/preview/charts/Chart.astro)  no-preview-import');
    expect(run.stdout).toMatch(/· 14 files checked/);
  });

  it('the clean components alone pass', () => {
    const run = runLifecycle(['check', '--cwd', fixture('single-file-components'), 'src/stable/Clean.vue', 'src/stable/Clean.svelte', 'src/stable/Clean.astro']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  });

  it('counts and lists component files in formats it does not read (Marko, Riot), never dropping them in silence', () => {
    const root = join(scratch, 'unread');
    cpSync(fixture('single-file-components'), root, { recursive: true });
    writeFileSync(join(root, 'src/stable/Card.marko'), "import { drawChart } from '../preview/charts/index';\n<p>${drawChart([1])}</p>\n");
    writeFileSync(join(root, 'src/stable/todo.riot'), '<todo><script>import x from "../preview/charts/index";</script></todo>\n');
    const stylish = runLifecycle(['check', '--cwd', root]);
    expect(stylish.stdout).toContain('note: 2 files not analysed: their imports are in a format lifecycle check does not read (.marko 1, .riot 1); --verbose lists them');
    const verbose = runLifecycle(['check', '--cwd', root, '--verbose']);
    expect(verbose.stdout).toContain('note: not analysed: src/stable/Card.marko\nnote: not analysed: src/stable/todo.riot');
    const json = runLifecycle(['check', '--cwd', root, '--format', 'json']);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('note: 2 files not analysed: their imports are in a format lifecycle check does not read (.marko 1, .riot 1); --verbose lists them\n');
  });
});
