import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/findings.js';
import { formatMarkdown, MARKDOWN_MAX_ROWS } from '../../../src/formats/check/markdown.js';
import { runLifecycle } from '../../helpers/cli.js';
import { tempProject } from '../../helpers/temp-project.js';
import { importProjectFiles, sampleResult, summaryOf } from './fixtures.js';

const DOCS = 'https://github.com/feature-lifecycle/feature-lifecycle/blob/main/docs/rules';

describe('markdown reporter', () => {
  it('summarises, then one table per file with links to the rule docs; cells are escaped', () => {
    expect(formatMarkdown(sampleResult({ baselined: 2 }))).toBe(
      [
        '<!-- feature-lifecycle check -->',
        '### feature-lifecycle check',
        '',
        '✖ **3 problems** (2 errors, 1 warning) · 2 baselined · 4 files checked · 6 imports resolved, 1 unresolved',
        '',
        '#### `lifecycle.yaml`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 18:5 | warning | [\`preview-registry\`](${DOCS}/preview-registry.md) | preview feature "solo" has 1 owner(s); at least 2 are required |`,
        '',
        '#### `src/core/a,b: c.ts`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 3:7 | **error** | [\`no-preview-import\`](${DOCS}/no-preview-import.md) | stable code imports preview feature "fwaas" (100% preview)<br>second line \\| with a pipe |`,
        '',
        '#### `docs/a b#c?.md`',
        '',
        '| Line | Severity | Rule | Message |',
        '| ---: | --- | --- | --- |',
        `| 1:1 | **error** | [\`custom-rule\`](${DOCS}/custom-rule.md) | a rule no CHECKS entry knows<br>&lt;b&gt;bold&lt;/b&gt; |`,
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to report', () => {
    const skipped = { total: 3, notIncluded: 0, excluded: 1, vendored: 0, outsidePaths: 2, unchanged: 0 };
    expect(formatMarkdown(sampleResult({ findings: [], summary: summaryOf({ errors: 0, warnings: 0, files: 1, unresolved: 0 }, { skipped }) }))).toBe(
      '<!-- feature-lifecycle check -->\n### feature-lifecycle check\n\n✔ **No problems** · 1 file checked, 3 skipped (1 files.exclude, 2 outside the given paths) · 0 imports resolved\n',
    );
  });

  it(`lists at most ${MARKDOWN_MAX_ROWS} rows and counts the rest`, () => {
    const findings: Finding[] = Array.from({ length: MARKDOWN_MAX_ROWS + 3 }, (_, index) => ({
      rule: 'no-preview-import',
      severity: 'error',
      file: `src/f${String(Math.floor(index / 50)).padStart(2, '0')}.ts`,
      line: (index % 50) + 1,
      column: 1,
      message: 'm',
    }));
    const text = formatMarkdown(sampleResult({ findings, summary: summaryOf({ errors: findings.length, warnings: 0, files: 5, unresolved: 0 }) }));
    expect(text.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Line') && !line.startsWith('| ---'))).toHaveLength(MARKDOWN_MAX_ROWS);
    expect(text.endsWith('\n…and 3 more findings (run `lifecycle check` for the full list).\n')).toBe(true);
    expect(text).not.toContain('src/f04.ts');
  });

  it('is a --format of lifecycle check, byte-identical across runs', () => {
    const root = tempProject(importProjectFiles());
    const first = runLifecycle(['check', '--format', 'markdown', '--cwd', root]);
    expect(first.status).toBe(1);
    expect(runLifecycle(['check', '--format', 'markdown', '--cwd', root]).stdout).toBe(first.stdout);
    expect(first.stdout).toContain(`#### \`src/core/a.ts\`\n\n| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n| 1:19 | **error** | [\`no-preview-import\`](${DOCS}/no-preview-import.md) |`);
  });
});
