import { describe, expect, it } from 'vitest';
import { markdownFacts } from '../../src/docs-files/markdown.js';

const marks = (file: string, text: string): string[] => {
  const facts = markdownFacts(file, text);
  expect(facts.problem).toBeUndefined();
  return [...(facts.title ? [facts.title] : []), ...facts.marks].map((mark) => `${mark.kind}@${mark.line}:${mark.column} ${mark.text}`);
};

describe('Markdown doc facts', () => {
  it('reads the title and the marks before the first section, not after it', () => {
    const text = [
      '[![status][badge]](https://tracker.example)',
      '',
      '# Charts',
      '',
      '> [!WARNING]',
      '> This feature may change.',
      '',
      ':::note Preview',
      'Body.',
      ':::',
      '',
      'Plain words: preview.',
      '',
      '**Experimental** <span>beta</span>',
      '',
      '## Usage',
      '',
      '> **Preview** after the first section does not count',
      '',
      '[badge]: https://img.shields.io/badge/status-preview-orange "Preview badge"',
    ].join('\n');
    expect(marks('docs/charts.md', text)).toEqual([
      'title@3:1 Charts',
      'badge@1:2 status https://img.shields.io/badge/status-preview-orange Preview badge',
      'admonition@5:1 [!WARNING] This feature may change.',
      'admonition@8:1 :::note Preview Body. :::',
      'strong text@14:1 Experimental',
      'html@14:18 <span>',
      'html@14:28 </span>',
    ]);
  });

  it('takes a front matter title as a mark, and a doc without headings has marks only', () => {
    expect(marks('docs/a.md', '---\nid: a\ntitle: Charts (preview)\n---\n\n![preview](badge.svg)\n')).toEqual([
      'front matter title@3:1 Charts (preview)',
      'badge@6:1 preview badge.svg',
    ]);
  });

  it('parses MDX: ESM and JSX elements with their attributes', () => {
    const text = "import { Badge } from '@site/badge';\n\n<Badge kind=\"preview\" />\n\n# Charts <Experimental />\n\nText {1 + 1}\n";
    expect(marks('docs/charts.mdx', text)).toEqual(['title@5:1 Charts Experimental', 'jsx@3:1 Badge kind preview']);
  });

  it('reports invalid MDX as one problem with its position', () => {
    const facts = markdownFacts('docs/broken.mdx', '# Title\n\nText {unclosed\n');
    expect(facts.problem).toMatchObject({ line: 3, column: 15 });
    expect(facts.problem?.message).toMatch(/^invalid MDX: /);
  });
});
