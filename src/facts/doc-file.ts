// Facts about doc files (title and marks before the first section), produced by src/docs-files/.
import type { FileProblem } from './source-file.js';

/** A place in a doc that may carry the label: its title, or a mark before its first section. */
export interface DocMark {
  kind: 'title' | 'front matter title' | 'admonition' | 'badge' | 'strong text' | 'html' | 'jsx' | 'warning paragraph';
  text: string;
  line: number;
  column: number;
}

export interface DocFileFacts {
  file: string;
  format: 'markdown' | 'mdx';
  /** The first heading (a front matter `title` is a mark). */
  title: DocMark | undefined;
  /** Admonitions, badges, strong text, HTML and JSX before the first section, in document order. */
  marks: DocMark[];
  problem: FileProblem | undefined;
}
