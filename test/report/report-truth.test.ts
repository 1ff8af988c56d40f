import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/report/model.js';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { tempProject } from '../helpers/temp-project.js';

const TRAIN = `releases:
  current: 2026.2
  train: [{ name: 2025.2 }, { name: 2026.1 }, { name: 2026.2 }, { name: 2027.1 }]
`;
const OWNED = `    tracking: https://tracker.example/x
    owners: [alice@example.org, bob@example.org]
`;

function reportJson(root: string): ReportModel {
  const run = runLifecycle(['report', '--format', 'json', '--cwd', root]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ReportModel;
}

describe('lifecycle report tells the truth (issue #20)', () => {
  it('counts tests next to the code, and removes an overdue feature with no tests and no docs, saying why', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'truth' }),
      'lifecycle.yaml': `version: 1\n${TRAIN}preview:\n  code: src/preview/{feature}/**\nfeatures:\n  colocated:\n    status: preview\n    introduced: 2026.1\n${OWNED}    docs: [docs/colocated.md]\n  bare:\n    status: preview\n    introduced: 2025.2\n${OWNED}`,
      'src/preview/colocated/index.ts': 'export const value = 1;\n',
      'src/preview/colocated/index.test.ts': "import { value } from './index.js';\nexport const ok = value === 1;\n",
      'src/preview/colocated/__tests__/more.ts': "import { value } from '../index.js';\nexport const ok = value === 1;\n",
      'docs/colocated.md': '# Colocated (preview)\n',
      'src/preview/bare/index.ts': 'export const bare = 1;\n',
    });
    const model = reportJson(root);
    const colocated = model.features.find((feature) => feature.id === 'colocated')!;
    expect(colocated.tests).toEqual({ inPreviewTree: 0, coLocated: 2, misplaced: [] });
    expect(colocated.recommendation).toMatchObject({ action: 'promote', rule: 'due-next-ready' });
    const bare = model.features.find((feature) => feature.id === 'bare')!;
    expect(bare.recommendation).toEqual({
      action: 'remove',
      rule: 'overdue-untested',
      reason: 'overdue (deadline 2026.2) with no tests and no docs: nothing shows it works or that anyone can use it',
      blockers: ['no docs', 'no tests'],
    });
    const text = runLifecycle(['report', '--cwd', root]).stdout;
    expect(text).toMatch(/^colocated +preview +2026\.1 .* 2 +0\/1 +promote$/m);
    expect(text).toContain('  tests      2 files next to its code\n');
    expect(text).toContain('  → REMOVE  overdue (deadline 2026.2) with no tests and no docs');
  });

  it('titles the report with project.name, else the root package name unless it is a placeholder, else the folder name', () => {
    expect(reportJson(fixture('train-workspace-package')).project).toBe('train-workspace-package'); // package.json name "root"
    expect(reportJson(fixture('train-semver-minor')).project).toBe('acme-ui');
    const named = tempProject({ 'package.json': JSON.stringify({ name: 'monorepo' }), 'lifecycle.yaml': 'version: 1\nproject: { name: Acme Platform }\n', 'src/a.ts': 'export const a = 1;\n' });
    expect(reportJson(named).project).toBe('Acme Platform');
  });

  it('keeps a newline in a title from breaking the Markdown structure', () => {
    const root = tempProject({
      'lifecycle.yaml': `version: 1\nproject: { name: "Acme\\n## forged project" }\n${TRAIN}preview:\n  code: src/preview/{feature}/**\nfeatures:\n  x:\n    status: preview\n    title: "Charts\\n## forged heading\\n| forged | row |"\n    introduced: 2026.2\n${OWNED}`,
      'src/preview/x/index.ts': 'export const x = 1;\n',
    });
    const markdown = runLifecycle(['report', '--format', 'markdown', '--cwd', root]).stdout;
    expect(markdown).toMatch(/^#### x — Charts.*## forged heading.*forged.*row.* \(preview\)$/m);
    expect(markdown.split('\n').filter((line) => line.startsWith('## forged') || line.startsWith('| forged'))).toEqual([]);
    expect(markdown.split('\n')[1]).toMatch(/^## Release review: Acme.*## forged project 2026\.2$/);
  });

  it('opens the HTML timeline of a 104-release train near the release under review, and says by how much a feature is overdue', () => {
    const html = runLifecycle(['report', '--format', 'html', '--cwd', fixture('train-semver-minor')]).stdout;
    const svg = /<svg class="timeline"[\s\S]*?<\/svg>/.exec(html)![0];
    const releases = [...svg.matchAll(/<text class="release[^"]*"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
    expect(releases).toEqual(['5.99', '5.100', '5.101', '5.102', '5.103']);
    expect(svg).toContain('>99 earlier releases ←</text>');
    expect(Number(/width="(\d+)"/.exec(svg)![1])).toBeLessThan(1000);
    expect(svg).toContain('<text class="overdue-by"');
    expect(svg).toContain('>overdue this release</text>');
    const states = runLifecycle(['report', '--format', 'html', '--cwd', fixture('report-states')]).stdout;
    expect(states).toContain('>overdue by 1 release</text>'); // abandoned: deadline 2026.1, reviewed as of 2026.2
  });
});
