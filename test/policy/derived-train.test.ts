import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { semverTrain } from '../../src/policy/derived-train.js';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const FEATURE = `features:
  charts:
    status: preview
    introduced: 1.1
    tracking: https://tracker.example/charts
    owners: [alice@example.org, bob@example.org]
`;

function git(root: string, args: string[], date?: string): void {
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org', ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) };
  const run = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
}

/** A git repository with release tags v1.0.0, v1.0.1, v1.1.0 (annotated), v1.2.0-rc.1 and v1.2.0, each on a commit of its own date. */
function taggedRepo(policy: string, version = '1.3.0-dev'): string {
  const root = tempProject({
    'lifecycle.yaml': policy,
    'package.json': JSON.stringify({ name: 'tagged', version, type: 'module' }),
    'src/preview/charts/index.ts': 'export const chart = 1;\n',
    'src/core/app.ts': 'export const app = 1;\n',
  });
  git(root, ['init', '-q']);
  const tags: [string, string, boolean][] = [
    ['v1.0.0', '2025-01-10T12:00:00Z', false],
    ['v1.0.1', '2025-01-20T12:00:00Z', false],
    ['v1.1.0', '2025-03-01T12:00:00Z', true],
    ['v1.2.0-rc.1', '2025-05-20T12:00:00Z', false],
    ['v1.2.0', '2025-06-01T12:00:00Z', false],
    ['other-9.9.9', '2025-06-02T12:00:00Z', false],
  ];
  for (const [tag, date, annotated] of tags) {
    writeFileSync(join(root, 'CHANGES'), `${tag}\n`);
    git(root, ['add', '-A']);
    git(root, ['commit', '-q', '-m', tag], date);
    git(root, annotated ? ['tag', '-a', tag, '-m', tag] : ['tag', tag], date);
  }
  return root;
}

interface ReportJson {
  release: { name: string; train: { name: string; date: string | null }[] };
  features: { id: string; deadline: { release: string | null; state: string } }[];
}

describe('a train derived from git tags (releases.tags)', () => {
  it('has one release per tagged minor, dated by its earliest tag, then the current (untagged) one and the next', () => {
    const root = taggedRepo(`version: 1\nreleases:\n  tags: "v{version}"\n  current: package.json\npreview:\n  code: src/preview/{feature}/**\n${FEATURE}`);
    const run = runLifecycle(['report', '--format', 'json', '--cwd', root]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.release.name).toBe('1.3');
    expect(report.release.train).toEqual([
      { name: '1.0', date: '2025-01-10' },
      { name: '1.1', date: '2025-03-01' },
      { name: '1.2', date: '2025-06-01' },
      { name: '1.3', date: null },
      { name: '1.4', date: null },
    ]);
    // introduced 1.1, maxCycles 2: due by 1.3, the current release — the same arithmetic as a listed train.
    expect(report.features[0]).toMatchObject({ id: 'charts', deadline: { release: '1.3', state: 'overdue' } });
    const check = runLifecycle(['check', '--cwd', root]);
    expect(check.status).toBe(1);
    expect(check.stdout).toContain('preview feature "charts" is overdue: it had to leave preview by 1.3, the current release (introduced in 1.1, preview.maxCycles: 2)');
  });

  it('fails closed, naming the key, when no tag matches the pattern', () => {
    const root = taggedRepo(`version: 1\nreleases:\n  tags: "release-{version}"\n  current: package.json\n${FEATURE}`);
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lifecycle: .*lifecycle\.yaml:3:9: releases\.tags: no git tag matches "release-\{version\}" .*git fetch --tags\n$/);
  });

  it('refuses a pattern without {version}, and a train both listed and derived', () => {
    const noPlaceholder = taggedRepo(`version: 1\nreleases:\n  tags: "v1"\n  current: package.json\n${FEATURE}`);
    expect(runLifecycle(['check', '--cwd', noPlaceholder]).stderr).toMatch(/lifecycle\.yaml:3:9: releases\.tags: tag pattern "v1" must hold \{version\} exactly once/);
    const both = taggedRepo(`version: 1\nreleases:\n  tags: "v{version}"\n  current: 1.1\n  train: [{ name: 1.1 }]\n${FEATURE}`);
    const run = runLifecycle(['check', '--cwd', both]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lifecycle\.yaml:3:9: releases\.tags: the train is either listed \(releases\.train\) or derived \(releases\.scheme, releases\.tags\), not both\n$/);
  });
});

describe('a train derived from semver (releases.scheme)', () => {
  it('103 minors of 5.x and the next one from package.json 5.102.3; the report line shows the releases around the current one', () => {
    const run = runLifecycle(['report', '--format', 'json', '--cwd', fixture('train-semver-minor')]);
    const report = JSON.parse(run.stdout) as ReportJson;
    expect(report.release.name).toBe('5.102');
    expect(report.release.train.map((release) => release.name)).toEqual(Array.from({ length: 104 }, (_, minor) => `5.${minor}`));
    const text = runLifecycle(['report', '--cwd', fixture('train-semver-minor')]);
    expect(text.stdout.split('\n')[1]).toBe('train    5.0 → … 98 releases … → 5.99 → 5.100 → 5.101 → [5.102] → 5.103');
  });

  it('each major: 1 … the current major, then the next', () => {
    expect(semverTrain('4.2.0', 'major')).toEqual(['1', '2', '3', '4', '5'].map((name) => ({ name })));
    expect(semverTrain('0.9.1', 'major')).toEqual([{ name: '0' }, { name: '1' }]);
    expect(semverTrain('not a version', 'minor')).toEqual({ problem: '"not a version" is not a semver version (major.minor.patch), so no train can be derived from it' });
  });

  it('reads the version of a workspace package (current: { package }), and names a missing one', () => {
    const report = JSON.parse(runLifecycle(['report', '--format', 'json', '--cwd', fixture('train-workspace-package')]).stdout) as ReportJson;
    expect(report.release).toMatchObject({ name: '2.3', train: ['2.0', '2.1', '2.2', '2.3', '2.4'].map((name) => ({ name, date: null })) });
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'] }),
      'packages/core/package.json': JSON.stringify({ name: '@acme/core', version: '1.0.0' }),
      'lifecycle.yaml': 'version: 1\nreleases:\n  scheme: minor\n  current: { package: "@acme/cor" }\n',
      'src/a.ts': 'export const a = 1;\n',
    });
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/lifecycle\.yaml:4:23: releases\.current\.package: no workspace package named "@acme\/cor" \(1 workspace package found through package\.json workspaces and pnpm-workspace\.yaml\)\n$/);
  });
});
