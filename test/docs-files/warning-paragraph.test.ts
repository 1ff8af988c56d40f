import { describe, expect, it } from 'vitest';
import { markdownFacts } from '../../src/docs-files/markdown.js';
import { runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const marks = (text: string): string[] => markdownFacts('README.md', text).marks.map((mark) => `${mark.kind}@${mark.line} ${mark.text}`);

describe('docs labels as people write them (issue #20)', () => {
  it('takes an emphasised warning paragraph directly under the title as a whole', () => {
    expect(marks('# @acme/charts\n\n❗️*Warning*: this package is experimental and may change without notice.\n\nUse it.\n')).toEqual([
      'warning paragraph@3 ❗️ Warning : this package is experimental and may change without notice.',
    ]);
    expect(marks('# Charts\n\n**Note:** the API is in preview.\n')).toEqual(['warning paragraph@3 Note: the API is in preview.']);
    expect(marks('# Charts\n\n_This package is experimental._\n')).toEqual(['warning paragraph@3 This package is experimental.']);
  });

  it('only directly under the title, and only when it opens like a warning', () => {
    // Not directly under the title: a later paragraph keeps the old rule (its strong text only).
    expect(marks('# Charts\n\nIntro.\n\n*Warning*: experimental.\n')).toEqual([]);
    // Emphasis on an ordinary word is not a warning.
    expect(marks('# Charts\n\n*Charts* draws experimental bars.\n')).toEqual([]);
  });

  it('a blockquoted note counts with all its words: > **Note** … experimental', () => {
    expect(marks('# Charts\n\n> **Note**\n> This package is experimental.\n')).toEqual(['admonition@3 Note This package is experimental.']);
  });

  it('lifecycle check accepts such a doc as labelled, and still reports one without the label', () => {
    const policy = `version: 1
releases:
  current: 2026.2
  train: [{ name: 2026.2 }, { name: 2027.1 }]
preview:
  code: src/preview/{feature}/**
  label: experimental
features:
  charts:
    status: preview
    introduced: 2026.2
    tracking: https://tracker.example/charts
    owners: [alice@example.org, bob@example.org]
    docs: [docs/charts.md]
`;
    const labelled = tempProject({ 'lifecycle.yaml': policy, 'src/preview/charts/index.ts': 'export const c = 1;\n', 'docs/charts.md': '# @acme/charts\n\n❗️*Warning*: this package is experimental.\n' });
    expect(runLifecycle(['check', '--cwd', labelled])).toMatchObject({ status: 0, stderr: '' });
    const unlabelled = tempProject({ 'lifecycle.yaml': policy, 'src/preview/charts/index.ts': 'export const c = 1;\n', 'docs/charts.md': '# @acme/charts\n\n❗️*Warning*: this package may change.\n' });
    const run = runLifecycle(['check', '--cwd', unlabelled]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('docs/charts.md\n  1:1  error  doc of preview feature "charts" is not labelled "experimental"');
  });
});
