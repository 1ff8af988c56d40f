import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/run-check.js';
import { policyYaml as basePolicyYaml, tempProject } from '../helpers/temp-project.js';

/** The test policy with fwaas introduced in the current release, so no deadline warning joins the findings. */
const policyYaml = (extra = ''): string => basePolicyYaml(extra).replace('introduced: 2026.1', 'introduced: 2026.2');

const findingsOf = async (files: Record<string, string>) =>
  (await runCheck({ cwd: tempProject(files) })).result.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`);

describe('lifecycle check on small projects', () => {
  it('a suppression above a function does not cover the dynamic imports inside it', async () => {
    const lines = await findingsOf({
      'lifecycle.yaml': policyYaml(),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': [
        '// lifecycle-disable-next-line no-preview-import -- the plugin loader may',
        'export async function load() {',
        "  return import('../preview/fwaas/index');",
        '}',
        '// lifecycle-disable-next-line no-preview-import -- lazy, behind a flag',
        'export const lazy = () =>',
        "  import('../preview/fwaas/index');",
      ].join('\n'),
    });
    expect(lines).toEqual([
      'src/core/a.ts:1:1 error suppression-comment unused lifecycle-disable-next-line no-preview-import: nothing to suppress on the next line; remove it',
      'src/core/a.ts:3:17 error no-preview-import stable code dynamically imports preview feature "fwaas" (src/preview/fwaas/index.ts)',
      'src/core/a.ts:5:1 error suppression-comment unused lifecycle-disable-next-line no-preview-import: nothing to suppress on the next line; remove it',
      'src/core/a.ts:7:10 error no-preview-import stable code dynamically imports preview feature "fwaas" (src/preview/fwaas/index.ts)',
    ]);
  });

  it('a suppression above a multi-line import covers the specifier line', async () => {
    const lines = await findingsOf({
      'lifecycle.yaml': policyYaml(),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "// lifecycle-disable-next-line no-preview-import -- reviewed in #12\nimport {\n  a,\n} from '../preview/fwaas/index';\nexport const b = a;\n",
    });
    expect(lines).toEqual([]);
  });

  it('reports a file directly in the preview folder as belonging to no feature', async () => {
    const lines = await findingsOf({
      'lifecycle.yaml': policyYaml(),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/preview/util.ts': 'export const u = 1;\n',
      'src/core/a.ts': "import { u } from '../preview/util';\nexport const b = u;\n",
    });
    expect(lines).toEqual([
      'src/core/a.ts:1:19 error no-preview-import stable code imports preview code outside any feature folder (src/preview/util.ts)',
      'src/preview/util.ts:1:1 error preview-unregistered file sits directly in the preview tree, outside any feature folder (preview.code: src/preview/{feature}/**); move it into the folder of the feature it belongs to',
    ]);
  });

  it('binds a repeated {feature} placeholder to the same id', async () => {
    const lines = await findingsOf({
      'lifecycle.yaml': policyYaml().replace('src/preview/{feature}/**', 'src/{feature}/preview/{feature}/**'),
      'src/fwaas/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/fwaas/preview/other/index.ts': 'export const o = 1;\n',
      'src/core/a.ts': "import { a } from '../fwaas/preview/fwaas/index';\nimport { o } from '../fwaas/preview/other/index';\nexport const b = [a, o];\n",
    });
    expect(lines).toEqual([
      'src/core/a.ts:1:19 error no-preview-import stable code imports preview feature "fwaas" (src/fwaas/preview/fwaas/index.ts)',
    ]);
  });

  it('raises a warning-level check to error when the policy says so', async () => {
    const yaml = `${policyYaml().replace('tracking: https://tracker.example/fwaas', 'tracking: not-a-url')}checks:\n  preview-registry: error\n`;
    const lines = await findingsOf({ 'lifecycle.yaml': yaml, 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
    expect(lines).toEqual(['lifecycle.yaml:15:5 error preview-registry tracking link of "fwaas" is not an http(s) URL: not-a-url']);
  });

  it('lets an extending file override single fields of a feature', async () => {
    const root = tempProject({
      'base.yaml': policyYaml(),
      'lifecycle.yaml': 'version: 1\nextends: [./base.yaml]\nfeatures:\n  fwaas:\n    owners: [carol@example.org, dan@example.org]\n',
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
    });
    const feature = (await runCheck({ cwd: root })).workspace.loaded.policy.features[0]!;
    expect(feature).toMatchObject({ id: 'fwaas', status: 'preview', owners: ['carol@example.org', 'dan@example.org'] });
  });

  it('reports a feature without a status once the files are merged', async () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('  bare:\n    owners: [a, b]\n') });
    await expect(runCheck({ cwd: root })).rejects.toThrow(/lifecycle\.yaml:17:3: features\.bare: feature "bare" has no status/);
  });

  it('reports a missing subpath of a workspace package as unresolved', async () => {
    const lines = await findingsOf({
      'lifecycle.yaml': policyYaml(),
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', exports: { '.': './dist/index.js' } }),
      'packages/core/src/index.ts': 'export const c = 1;\n',
      'src/preview/fwaas/index.ts': "import { c } from '@acme/core';\nimport { d } from '@acme/core/does-not-exist';\nexport const a = [c, d];\n",
    });
    expect(lines).toEqual([
      'src/preview/fwaas/index.ts:2:19 warn unresolved-import cannot resolve "@acme/core/does-not-exist": workspace package @acme/core has no source file for "./does-not-exist" (checked exports/main/types and their src/ equivalents); preview imports through it would go unnoticed',
    ]);
  });
});
