import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../../helpers/cli.js';
import { tempProject } from '../../helpers/temp-project.js';
import { snapshot } from './tree.js';

/** A workspace monorepo where stable code reaches the preview feature charts every way there is. */
const FILES = {
  'package.json': JSON.stringify({ name: 'mono', private: true, type: 'module', workspaces: ['packages/*'], devDependencies: { vitest: '*' } }),
  'tsconfig.json': `{
  // one config for the whole repository
  "compilerOptions": {
    "module": "NodeNext",
    "moduleResolution": "NodeNext",
    "strict": true,
    "baseUrl": ".",
    "paths": {
      "@app/*": ["packages/app/src/*"],
      "@charts": ["packages/app/src/preview/charts/index.ts"]
    }
  },
  "include": ["packages"]
}
`,
  'packages/app/package.json': `{
  "name": "@acme/app",
  "type": "module",
  "exports": {
    "./*": "./src/*",
    "./charts": "./src/preview/charts/index.ts"
  }
}
`,
  'packages/web/package.json': JSON.stringify({ name: '@acme/web', type: 'module', dependencies: { '@acme/app': '*' } }),
  'lifecycle.yaml': `version: 1
releases:
  current: 2026.2
  train:
    - { name: 2026.1 }
    - { name: 2026.2 }
    - { name: 2027.1 }
preview:
  code: packages/app/src/preview/{feature}/**
  tests: packages/app/test/preview/{feature}/**
  exceptions:
    - path: [packages/app/src/core/**, packages/web/src/**]
      reason: "the dashboards embed the preview charts"
      features: [charts]
features:
  charts:
    status: preview
    introduced: 2026.1
    tracking: https://tracker.example/charts
    owners: [alice@example.org, bob@example.org]
  maps:
    status: preview
    introduced: 2026.2
    tracking: https://tracker.example/maps
    owners: [alice@example.org, bob@example.org]
`,
  'packages/app/src/preview/maps/index.ts': 'export const map = 1;\n',
  'packages/app/src/core/shared.ts': 'export const shared = 2;\n',
  'packages/app/src/preview/charts/render.ts': "import { shared } from '../../core/shared.js';\nexport function render(): number {\n  return shared;\n}\n",
  'packages/app/src/preview/charts/index.ts': "export { render } from './render.js';\nexport type Chart = { id: string };\n",
  'packages/app/src/core/dashboard.ts': [
    "import { render } from '@app/preview/charts/render.js';",
    "import type { Chart } from '@charts';",
    'export const dashboard: Chart = { id: String(render()) };',
    "export const lazy = () => import('@app/preview/charts/index.js');",
    '',
  ].join('\n'),
  'packages/app/src/core/legacy.cts': "import charts = require('../preview/charts/render.js');\nconst again = require('../preview/charts');\nexport = [charts, again];\n",
  'packages/web/src/page.ts': [
    "import { render } from '@acme/app/preview/charts/render.js';",
    "import { render as again } from '@acme/app/charts';",
    "export type Kind = typeof import('@acme/app/preview/charts/index.js');",
    'export const page = render() + again();',
    '',
  ].join('\n'),
  'packages/app/test/preview/charts/render.test.ts': [
    "import { vi } from 'vitest';",
    "import { render } from '../../../src/preview/charts/render.js';",
    "vi.mock('../../../src/preview/charts/render.js');",
    'export const r = render;',
    '',
  ].join('\n'),
};

describe('lifecycle promote charts in a workspace monorepo', () => {
  it('rewrites the tsconfig alias, the workspace package subpath and exports, and the relative ../../ paths with .js, each right', () => {
    const root = tempProject(FILES);
    const summaryBefore = (JSON.parse(runLifecycle(['check', '--format', 'json'], { cwd: root }).stdout) as { summary: { unresolved: number; resolved: number } }).summary;
    const run = runLifecycle(['promote', 'charts', '--no-git'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('note: removed preview.exceptions[0] (packages/app/src/core/**, packages/web/src/**): it allowed only charts\n');
    expect(run.stdout).toContain('check: nothing left for a person\n');
    expect(run.status).toBe(0);
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const tree = snapshot(root);
    expect(Object.keys(tree).filter((path) => path.includes('charts'))).toEqual([
      'packages/app/src/charts/index.ts',
      'packages/app/src/charts/render.ts',
      'packages/app/test/charts/render.test.ts',
    ]);
    // An alias that spells the folder, an import(), and an alias declared for the folder (rewritten in tsconfig).
    expect(read('packages/app/src/core/dashboard.ts')).toBe(
      FILES['packages/app/src/core/dashboard.ts'].replace("'@app/preview/charts/render.js'", "'@app/charts/render.js'").replace("'@app/preview/charts/index.js'", "'@app/charts/index.js'"),
    );
    expect(read('tsconfig.json')).toBe(FILES['tsconfig.json'].replace('"packages/app/src/preview/charts/index.ts"', '"packages/app/src/charts/index.ts"'));
    // A workspace package subpath, typeof import(), and an exports entry that named the moved file (its key stays).
    expect(read('packages/web/src/page.ts')).toBe(FILES['packages/web/src/page.ts'].replace("'@acme/app/preview/charts/render.js'", "'@acme/app/charts/render.js'").replace("'@acme/app/preview/charts/index.js'", "'@acme/app/charts/index.js'"));
    expect(read('packages/app/package.json')).toBe(FILES['packages/app/package.json'].replace('"./src/preview/charts/index.ts"', '"./src/charts/index.ts"'));
    // Relative paths keep their convention: .js, a folder for its index; require and import = require.
    expect(read('packages/app/src/core/legacy.cts')).toBe("import charts = require('../charts/render.js');\nconst again = require('../charts');\nexport = [charts, again];\n");
    expect(read('packages/app/test/charts/render.test.ts')).toBe(FILES['packages/app/test/preview/charts/render.test.ts'].replaceAll('../../../src/preview/charts/render.js', '../../src/charts/render.js'));
    expect(read('packages/app/src/charts/render.ts')).toBe(FILES['packages/app/src/preview/charts/render.ts'].replace('../../core/shared.js', '../core/shared.js'));
    expect(read('packages/app/src/charts/index.ts')).toBe(FILES['packages/app/src/preview/charts/index.ts']);
    const check = runLifecycle(['check', '--format', 'json'], { cwd: root });
    // Every import resolves as before (the one unresolved is vitest, declared but not installed here).
    expect(JSON.parse(check.stdout)).toMatchObject({ findings: [], summary: { unresolved: summaryBefore.unresolved, resolved: summaryBefore.resolved } });
    expect(check.status).toBe(0);
  });

  it('rolls back, exit 2, when a reference would not resolve after the move (an alias that cannot reach --to)', () => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    const run = runLifecycle(['promote', 'charts', '--no-git', '--to', 'lib/charts'], { cwd: root });
    expect(run.stderr).toMatch(/^lifecycle: lifecycle promote charts: the result did not hold up \(\d+ references? would not resolve after the move: packages\/app\/src\/core\/dashboard\.ts: "@app\/preview\/charts\/render\.js" leads to unresolved, not lib\/charts\/render\.ts/);
    expect(run.stderr).toContain('rolled back, the tree is as it was before\n');
    expect(run.status).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });
});
