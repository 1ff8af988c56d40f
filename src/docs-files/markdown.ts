import type { Definition, Heading, Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { frontmatter } from 'micromark-extension-frontmatter';
import { mdxjs } from 'micromark-extension-mdxjs';
import { parse as parseYaml } from 'yaml';
import type { DocFileFacts, DocMark } from '../facts/doc-file.js';

/**
 * Reads a doc's title and the marks before its first section with a real CommonMark parser
 * (`mdast-util-from-markdown`, the micromark parser behind remark), plus YAML front matter and,
 * for `.mdx` files, the MDX syntax (ESM, JSX, expressions). Positions come from the syntax tree.
 *
 * Marks (texts that may carry the label) before the first section: block quotes (GitHub alerts
 * `> [!WARNING]`, `> **Preview.** …`), admonitions (`:::note preview` … `:::`, which CommonMark
 * reads as a paragraph), images and image references (badges: alt text, URL and title), strong
 * text (`**Preview**`), HTML, MDX JSX elements (name, attributes, text), and the warning paragraph
 * directly under the title (`❗️*Warning*: this package is experimental…`, as a whole). The first
 * heading is the title; the first section starts at the next heading.
 */
export function markdownFacts(file: string, text: string): DocFileFacts {
  const format = /\.mdx$/i.test(file) ? 'mdx' : 'markdown';
  let tree: Root;
  try {
    tree = fromMarkdown(text, {
      extensions: format === 'mdx' ? [frontmatter(['yaml']), mdxjs()] : [frontmatter(['yaml'])],
      mdastExtensions: format === 'mdx' ? [frontmatterFromMarkdown(['yaml']), mdxFromMarkdown()] : [frontmatterFromMarkdown(['yaml'])],
    });
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const message = place.reason ?? place.message ?? String(error);
    return { file, format, title: undefined, marks: [], problem: { line: place.line ?? 1, column: place.column ?? 1, message: `invalid ${format === 'mdx' ? 'MDX' : 'Markdown'}: ${message}` } };
  }
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);

  let title: DocMark | undefined;
  const marks: DocMark[] = [];
  let underTitle = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (title) break; // the first section starts here
      title = mark('title', node, textOf(node, definitions));
      underTitle = true;
      continue;
    }
    if (underTitle && node.type === 'paragraph' && isWarningParagraph(node)) marks.push(mark('warning paragraph', node, textOf(node, definitions)));
    else marks.push(...marksOf(node, definitions));
    if (node.type !== 'definition') underTitle = false;
  }
  return { file, format, title, marks, problem: undefined };
}

function marksOf(node: RootContent, definitions: Map<string, Definition>): DocMark[] {
  switch (node.type) {
    case 'yaml':
      return frontMatterTitle(node.value, node.position?.start.line ?? 1);
    case 'blockquote':
      return [mark('admonition', node, textOf(node, definitions))];
    case 'html':
      return [mark('html', node, node.value)];
    case 'mdxJsxFlowElement':
      return [mark('jsx', node, textOf(node, definitions))];
    case 'paragraph': {
      const text = textOf(node, definitions);
      if (/^:::/.test(text)) return [mark('admonition', node, text)];
      return inlineMarks(node, definitions);
    }
    default:
      return [];
  }
}

/** Words that open a warning, as people emphasise them: `*Warning*: …`, `**Note:** …`, `_Experimental_ …`. */
const WARNING_WORD = /^(warning|note|caution|important|attention|heads[ -]up|notice|disclaimer|experimental|preview|alpha|beta|unstable)\b/i;

/**
 * A paragraph directly under the title that opens with emphasis (after an emoji such as ❗️ or ⚠️)
 * on a warning word, or is emphasised as a whole: `❗️*Warning*: this package is experimental…`.
 * Its whole text is the mark, so the label may stand anywhere in it.
 */
function isWarningParagraph(node: Extract<RootContent, { type: 'paragraph' }>): boolean {
  const children = node.children.filter((child) => !(child.type === 'text' && !/\p{L}/u.test(child.value)));
  const first = children[0];
  if (!first || (first.type !== 'emphasis' && first.type !== 'strong')) return false;
  const opening = first.children.map((child) => ('value' in child ? child.value : '')).join('').trim();
  return children.length === 1 || WARNING_WORD.test(opening);
}

/** Badges, strong text, inline HTML and JSX inside a paragraph (plain words do not count). */
function inlineMarks(node: Nodes, definitions: Map<string, Definition>): DocMark[] {
  const found: DocMark[] = [];
  const visit = (child: Nodes): void => {
    switch (child.type) {
      case 'image':
      case 'imageReference':
        found.push(mark('badge', child, textOf(child, definitions)));
        return;
      case 'strong':
        found.push(mark('strong text', child, textOf(child, definitions)));
        return;
      case 'html':
        found.push(mark('html', child, child.value));
        return;
      case 'mdxJsxTextElement':
        found.push(mark('jsx', child, textOf(child, definitions)));
        return;
      default:
        if ('children' in child) for (const grandchild of child.children) visit(grandchild as Nodes);
    }
  };
  visit(node);
  return found;
}

/** Every word a reader (or a badge service) sees: text, alt texts, image URLs and titles, JSX names and attributes. */
function textOf(node: Nodes, definitions: Map<string, Definition>): string {
  const parts: string[] = [];
  const visit = (child: Nodes): void => {
    switch (child.type) {
      case 'text':
      case 'inlineCode':
      case 'html':
        parts.push(child.value);
        return;
      case 'image':
        parts.push(child.alt ?? '', child.url, child.title ?? '');
        return;
      case 'imageReference': {
        const definition = definitions.get(child.identifier);
        parts.push(child.alt ?? '', definition?.url ?? '', definition?.title ?? '');
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        parts.push(child.name ?? '');
        for (const attribute of child.attributes) {
          if (attribute.type === 'mdxJsxAttribute') parts.push(attribute.name, typeof attribute.value === 'string' ? attribute.value : '');
        }
        break;
      default:
        break;
    }
    if ('children' in child) for (const grandchild of child.children) visit(grandchild as Nodes);
  };
  visit(node);
  return parts.filter(Boolean).join(' ').replace(/\s+/g, ' ').trim();
}

function frontMatterTitle(value: string, startLine: number): DocMark[] {
  let data: unknown;
  try {
    data = parseYaml(value);
  } catch {
    return [];
  }
  const titleValue = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).title : undefined;
  if (typeof titleValue !== 'string') return [];
  const offset = value.split('\n').findIndex((line) => /^title\s*:/.test(line));
  return [{ kind: 'front matter title', text: titleValue, line: startLine + 1 + Math.max(0, offset), column: 1 }];
}

function mark(kind: DocMark['kind'], node: Nodes | Heading, text: string): DocMark {
  return { kind, text, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}
