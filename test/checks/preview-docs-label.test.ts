import { describe, expect, it } from 'vitest';
import { previewDocsLabel } from '../../src/checks/preview-docs-label.js';
import { markdownFacts } from '../../src/docs-files/markdown.js';
import { factsOf, policyWith } from '../helpers/facts.js';
import type { DocFileFacts } from '../../src/facts/doc-file.js';

const policy = policyWith(`    docs: ["docs/fwaas/*"]
  dvr:
    status: stable
    docs: [docs/dvr.md, docs/dvr-*.md]
  gone:
    status: removed
    docs: [docs/gone.md]
`);

const all = (...docs: DocFileFacts[]): string[] =>
  previewDocsLabel.run({ ...factsOf(policy, []), docs }).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.feature} ${finding.message}`);
/** Findings in the docs (not the "glob matches no file" ones in lifecycle.yaml). */
const run = (...docs: DocFileFacts[]): string[] => all(...docs).filter((line) => !line.startsWith('lifecycle.yaml'));

describe('preview-docs-label', () => {
  it('accepts the label in the title or in a mark before the first section', () => {
    expect(
      run(
        markdownFacts('docs/fwaas/title.md', '# Firewall (Preview)\n'),
        markdownFacts('docs/fwaas/alert.md', '# Firewall\n\n> [!WARNING]\n> Preview: may change.\n\n## Usage\n'),
        markdownFacts('docs/fwaas/badge.mdx', '![status](https://img.shields.io/badge/status-preview-orange)\n\n# Firewall\n'),
        markdownFacts('docs/dvr.md', '# Distributed routing\n\nNot a preview any more (plain words are no label).\n'),
        markdownFacts('docs/dvr-api.md', '# DVR API\n'),
      ),
    ).toEqual([]);
  });

  it('reports an unlabelled preview doc at its title, and a label after the first section does not count', () => {
    expect(run(markdownFacts('docs/fwaas/late.md', 'Intro.\n\n# Firewall\n\n## Usage\n\n> **Preview**\n'), markdownFacts('docs/fwaas/none.md', 'No heading at all.\n'))).toEqual([
      'docs/fwaas/late.md:3:1 fwaas doc of preview feature "fwaas" is not labelled "preview": say "preview" in its title, or in an admonition or badge before the first section',
      'docs/fwaas/none.md:1:1 fwaas doc of preview feature "fwaas" is not labelled "preview": say "preview" in its title, or in an admonition or badge before the first section',
    ]);
  });

  it('reports a stale label in a doc of a stable feature at the label', () => {
    expect(run(markdownFacts('docs/dvr.md', '# DVR\n\n:::note preview\nStill in preview.\n:::\n'), markdownFacts('docs/dvr-api.md', '# DVR API'))).toEqual([
      'docs/dvr.md:3:1 dvr stale "preview" label in the admonition before the first section of a doc of stable feature "dvr": remove it',
    ]);
  });

  it('reports a docs glob that matches no file at the docs key, except for removed features', () => {
    expect(all(markdownFacts('docs/fwaas/a.md', '# A (preview)'))).toEqual([
      'lifecycle.yaml:20:5 dvr features.dvr.docs: "docs/dvr.md" matches no file',
      'lifecycle.yaml:20:5 dvr features.dvr.docs: "docs/dvr-*.md" matches no file',
    ]);
  });

  it('reports a doc that does not parse at the parser position', () => {
    const [finding] = run(markdownFacts('docs/fwaas/broken.mdx', '# Firewall (preview)\n\n<Badge\n'), markdownFacts('docs/dvr.md', '# DVR'), markdownFacts('docs/dvr-a.md', '# A'));
    expect(finding).toMatch(/^docs\/fwaas\/broken\.mdx:\d+:\d+ fwaas invalid MDX: .*; the doc's label was not checked$/);
  });

  it('does nothing without doc facts (the ESLint extractor)', () => {
    expect(previewDocsLabel.run(factsOf(policy, []))).toEqual([]);
  });
});
