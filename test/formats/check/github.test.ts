import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, formatGithub } from '../../../src/formats/check/github.js';
import { runLifecycle } from '../../helpers/cli.js';
import { tempProject } from '../../helpers/temp-project.js';
import { importProjectFiles, sampleResult, summaryOf } from './fixtures.js';

describe('github reporter', () => {
  it('prints one workflow command per finding, escaped as @actions/core does', () => {
    expect(formatGithub(sampleResult())).toBe(
      [
        '::warning file=lifecycle.yaml,line=18,col=5,title=preview-registry::preview feature "solo" has 1 owner(s); at least 2 are required',
        '::error file=src/core/a%2Cb%3A c.ts,line=3,col=7,title=no-preview-import::stable code imports preview feature "fwaas" (100%25 preview)%0Asecond line | with a pipe',
        '::error file=docs/a b#c?.md,line=1,col=1,title=custom-rule::a rule no CHECKS entry knows%0D%0A<b>bold</b>',
        '::notice title=lifecycle check::2 errors, 1 warning · 4 files checked · 6 imports resolved, 1 unresolved',
        '',
      ].join('\n'),
    );
  });

  it('escapes %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('100% a:b,c\r\nd')).toBe('100%25 a:b,c%0D%0Ad');
    expect(escapeProperty('100% a:b,c\r\nd')).toBe('100%25 a%3Ab%2Cc%0D%0Ad');
    // % first, so an existing escape sequence is not decoded by the runner.
    expect(escapeData('%0A')).toBe('%250A');
  });

  it('prints only the summary notice for a clean run: files checked and skipped by reason, imports resolved', () => {
    const skipped = { total: 5, notIncluded: 1, excluded: 0, vendored: 2, outsidePaths: 0, unchanged: 2 };
    const summary = summaryOf({ errors: 0, warnings: 0, files: 3, unresolved: 0 }, { resolved: 1, skipped });
    expect(formatGithub(sampleResult({ findings: [], summary }))).toBe(
      '::notice title=lifecycle check::0 errors, 0 warnings · 3 files checked, 5 skipped (1 outside files.include, 2 vendored or minified, 2 unchanged) · 1 import resolved\n',
    );
  });

  it('is a --format of lifecycle check', () => {
    const run = runLifecycle(['check', '--format', 'github', '--cwd', tempProject(importProjectFiles())]);
    expect(run).toMatchObject({ status: 1, stderr: '' });
    expect(run.stdout).toBe(
      '::error file=src/core/a.ts,line=1,col=19,title=no-preview-import::stable code imports preview feature "fwaas" (src/preview/fwaas/index.ts)\n' +
        '::notice title=lifecycle check::1 error, 0 warnings · 2 files checked · 1 import resolved\n',
    );
  });
});
