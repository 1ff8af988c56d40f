import { describe, expect, it } from 'vitest';
import { globMatchesNothing } from '../../src/checks/glob-matches-nothing.js';
import { factsOf, policyWith } from '../helpers/facts.js';

const POLICY_EXTRA = `  charts:
    status: preview
    introduced: 2026.2
    tracking: https://tracker.example/charts
    owners: [alice@example.org, bob@example.org]
    paths: [src/legacy/charts-*.ts, src/legacy/chrats-*.ts]
  gone:
    status: removed
    introduced: 2026.1
    paths: [src/gone/**]
files:
  include: [src/**, scr/**]
config:
  files: [etc/**/*.yaml, ect/**/*.ini]
`;

/** The glob warnings for a listing of files (source files are the .ts ones). */
function warningsFor(files: string[], transform?: (yaml: string) => string) {
  const policy = policyWith(POLICY_EXTRA, transform);
  const listing = { files, sourceFiles: files.filter((file) => file.endsWith('.ts')) };
  return globMatchesNothing.run({ ...factsOf(policy, []), listing }).map((finding) => `${finding.line}:${finding.column} ${finding.message.split(':')[0]}`);
}

describe('glob-matches-nothing', () => {
  it('warns at each glob that matches no file, and only at those', () => {
    const files = ['src/core/a.ts', 'src/preview/fwaas/index.ts', 'src/legacy/charts-bar.ts', 'etc/app.yaml', 'docs/x.md'];
    // files.include[1] (scr/**), features.charts.paths[1] (chrats), config.files[1] (ect/): typos.
    expect(warningsFor(files)).toEqual(['22:37 features.charts.paths[1]', '28:21 files.include[1]', '30:26 config.files[1]']);
  });

  it('warns about preview.code when no file lies under it, with {feature} standing for any id', () => {
    expect(warningsFor(['src/core/a.ts', 'src/legacy/charts-bar.ts', 'etc/app.yaml', 'ect/a.ini'], (yaml) => yaml.replace('src/preview/{feature}/**', 'src/previews/{feature}/**'))).toEqual([
      '9:9 preview.code',
      '22:37 features.charts.paths[1]',
      '28:21 files.include[1]',
    ]);
  });

  it('matches code globs against source files only, and skips the paths of removed features', () => {
    // A .md file under src/legacy does not make the charts-* glob useful; src/gone/** matching nothing is the goal.
    const found = warningsFor(['src/preview/fwaas/a.ts', 'src/legacy/charts-notes.md', 'etc/a.yaml', 'ect/a.ini']);
    expect(found).toContain('22:13 features.charts.paths[0]');
    expect(found.some((line) => line.includes('gone'))).toBe(false);
  });

  it('warns about exceptions[].path globs that match nothing', () => {
    const policy = policyWith('', (yaml) => yaml.replace('preview:\n', 'preview:\n  exceptions:\n    - { path: src/db/migratoins/**, reason: ordered list }\n'));
    const listing = { files: ['src/db/migrations/001.ts', 'src/preview/fwaas/a.ts'], sourceFiles: ['src/db/migrations/001.ts', 'src/preview/fwaas/a.ts'] };
    const [finding, ...rest] = globMatchesNothing.run({ ...factsOf(policy, []), listing });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'glob-matches-nothing', severity: 'warn', file: 'lifecycle.yaml', line: 10, column: 15 });
    expect(finding!.message).toBe('preview.exceptions[0].path: glob "src/db/migratoins/**" matches no source file in the project, so nothing is checked through it; fix the glob (a typo?) or remove it');
  });

  it('says nothing without a listing of the project (the ESLint rules see one file)', () => {
    expect(globMatchesNothing.run(factsOf(policyWith(POLICY_EXTRA), []))).toEqual([]);
  });
});
