import { createRequire } from 'node:module';
import type * as Htmlparser2 from 'htmlparser2';
import { lineStartsOf, positionIn } from '../../line-positions.js';
import type { FileProblem, ImportSite } from '../../facts/source-file.js';

const require = createRequire(import.meta.url);
let htmlparser2: typeof Htmlparser2 | undefined;

/** Loaded on the first component file (require of an ES module, Node 20.19+): projects without any do not pay its ~50 ms. */
function htmlParserClass(): typeof Htmlparser2.Parser {
  htmlparser2 ??= require('htmlparser2') as typeof Htmlparser2;
  return htmlparser2.Parser;
}

/** Single-file component formats whose script blocks `lifecycle check` and the ESLint rules read. */
export const COMPONENT_FILE = /\.(?:vue|svelte|astro)$/;

type ScriptLang = 'ts' | 'tsx' | 'js' | 'jsx';

/** One block of script in a component file: `[start, end)` offsets of its code in the file's text. */
interface ScriptBlock {
  /** `script`, `script setup` (Vue), `module script` (Svelte), `frontmatter` (Astro). */
  kind: 'script' | 'script setup' | 'module script' | 'frontmatter';
  start: number;
  end: number;
  lang: ScriptLang;
}

interface ComponentScripts {
  blocks: ScriptBlock[];
  /** `<script src="…">` of those blocks: the file is the block's code, so an import of it (at the value's opening quote). */
  sources: { specifier: string; offset: number }[];
  /** Why (part of) the file could not be split into blocks; the blocks found are still read. */
  problem: FileProblem | undefined;
}

/**
 * The script blocks of a `.vue`, `.svelte` or `.astro` file, found with htmlparser2's HTML
 * tokenizer (Vue's own SFC tokenizer derives from it): `<script>` content is raw text, comments
 * and `<style>` are skipped as HTML does.
 * - Vue and Svelte: the top-level `<script>` elements (`<script setup>`, Svelte's
 *   `context="module"` / `module`); scripts nested in the template (`<svelte:head>`) are the page's.
 * - Astro: the frontmatter between the leading `---` fences, and every `<script>` Astro bundles
 *   (no attribute but `src`); `is:inline` and other attributed scripts are left as written in the page.
 */
export function componentScripts(fileName: string, text: string): ComponentScripts {
  const astro = fileName.endsWith('.astro');
  const blocks: ScriptBlock[] = [];
  let problem: FileProblem | undefined;
  let from = 0;
  if (astro) {
    const fence = frontmatterOf(text);
    if (fence.problem && fence.block) problem = { ...positionIn(lineStartsOf(text, 'ecmascript'), fence.block.start - 3), message: fence.problem };
    if (fence.block) blocks.push(fence.block);
    from = fence.after;
  }
  let depth = 0;
  const sources: ComponentScripts['sources'] = [];
  /** What became of each `<script` tag (by offset): a block, the page's (by its attributes), or nested in an element. */
  const scriptTags = new Map<number, 'block' | 'page' | 'nested'>();
  /** Comments and the contents of script and style elements, where a `<script` is text. */
  const textRanges: [number, number][] = [];
  let open: { tagStart: number; start: number; attributes: Record<string, string>; depth: number } | undefined;
  let styleStart: number | undefined;
  const Parser = htmlParserClass();
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'script') open = { tagStart: parser.startIndex, start: parser.endIndex + 1, attributes, depth };
        if (name === 'style') styleStart = parser.endIndex + 1;
        depth += 1;
      },
      oncomment() {
        textRanges.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(name, isImplied) {
        depth -= 1;
        if (name === 'style' && styleStart !== undefined) textRanges.push([styleStart, isImplied ? text.length : parser.startIndex]);
        if (name !== 'script' || !open) return;
        const script = open;
        open = undefined;
        textRanges.push([script.start, isImplied ? text.length : parser.startIndex]);
        const block = astro ? bundledScript(script.attributes) : script.depth === 0 ? componentScript(script.attributes) : undefined;
        scriptTags.set(script.tagStart, block ? 'block' : astro || script.depth === 0 ? 'page' : 'nested');
        if (!block) return;
        // Unclosed: the script runs to the end of the file, as HTML has it.
        if (isImplied) problem ??= { ...positionIn(lineStartsOf(text, 'ecmascript'), script.start), message: '<script> is not closed before the end of the file' };
        blocks.push({ ...block, start: script.start, end: isImplied ? text.length : parser.startIndex });
        const source = script.attributes.src === undefined ? undefined : srcValueIn(text, script.tagStart, script.start);
        if (source) sources.push(source);
      },
    },
    { recognizeSelfClosing: true, decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: false },
  );
  parser.write(from === 0 ? text : ' '.repeat(from) + text.slice(from));
  parser.end();
  const unread = unreadScriptTag(text, from, scriptTags, textRanges);
  blocks.push(...unread.blocks);
  problem ??= unread.problem;
  return { blocks, sources, problem };
}

/**
 * A `<script` opening a line that the tokenizer did not take for a block: an element left open
 * before it (`<b>` in a Svelte `{#if}`, `{a<b}` read as a tag) made it nested or swallowed it.
 * Component scripts start their line, so such a one is read from there to its `</script>` (or the
 * end of the file), and reported: never skipped in silence.
 */
function unreadScriptTag(
  text: string,
  from: number,
  scriptTags: ReadonlyMap<number, string>,
  textRanges: readonly [number, number][],
): { blocks: ScriptBlock[]; problem: FileProblem | undefined } {
  const found: ScriptBlock[] = [];
  let problem: FileProblem | undefined;
  const lineStart = /(?:^|[\n\r\u2028\u2029])<script\b/gi;
  lineStart.lastIndex = from;
  for (let match = lineStart.exec(text); match; match = lineStart.exec(text)) {
    const at = match.index + match[0].length - '<script'.length;
    const seen = scriptTags.get(at);
    if (seen === 'block' || seen === 'page' || textRanges.some(([start, end]) => at >= start && at < end)) continue;
    const tagEnd = text.indexOf('>', at);
    const start = tagEnd < 0 ? text.length : tagEnd + 1;
    const close = /<\/script\s*>/gi;
    close.lastIndex = start;
    const end = close.exec(text)?.index ?? text.length;
    const lang = /\slang\s*=\s*["']?(tsx?|jsx?)\b/i.exec(text.slice(at, start))?.[1]?.toLowerCase() as ScriptLang | undefined;
    found.push({ kind: 'script', start, end, lang: lang ?? 'ts' });
    problem ??= { ...positionIn(lineStartsOf(text, 'ecmascript'), at), message: '<script> is inside an element left open before it (or read as one); its code was read from its own line' };
  }
  return { blocks: found, problem };
}

/**
 * The `src` value of the `<script …>` tag at [tagStart, tagEnd), when it names a module of the
 * project (not a URL, nor a path from the site root, which the server answers).
 */
function srcValueIn(text: string, tagStart: number, tagEnd: number): { specifier: string; offset: number } | undefined {
  const match = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/.exec(text.slice(tagStart, tagEnd));
  if (!match) return undefined;
  const specifier = match[1] ?? match[2] ?? match[3] ?? '';
  if (specifier === '' || specifier.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(specifier)) return undefined;
  // At the opening quote, like an import's specifier (at the value when it has no quotes).
  const quotes = match[3] === undefined ? 2 : 0;
  return { specifier, offset: tagStart + match.index + match[0].length - specifier.length - quotes };
}

/** The `<script src>` imports of a component file, as import sites (side-effect imports of the named file). */
export function sourceImports(text: string, sources: ComponentScripts['sources']): ImportSite[] {
  if (sources.length === 0) return [];
  const starts = lineStartsOf(text, 'ecmascript');
  return sources.map(({ specifier, offset }) => {
    const { line, column } = positionIn(starts, offset);
    return { specifier, form: 'side-effect', typeOnly: false, typeOnlyBySpecifiers: false, line, column, statementStartLine: line, statementEndLine: line };
  });
}

/**
 * The file's text with everything outside `blocks` turned to spaces (line breaks kept), so that
 * the code of each block stands at its own line and column of the component file.
 */
export function maskedToBlocks(text: string, blocks: readonly ScriptBlock[]): string {
  let out = '';
  let at = 0;
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    out += blank(text.slice(at, block.start)) + text.slice(block.start, block.end);
    at = block.end;
  }
  return out + blank(text.slice(at));
}

function blank(part: string): string {
  return part.replace(/[^\r\n\u2028\u2029]/g, ' ');
}

function langOf(attributes: Record<string, string>): ScriptLang {
  const lang = (attributes.lang ?? '').toLowerCase();
  if (lang === 'ts' || lang === 'typescript' || /typescript/i.test(attributes.type ?? '')) return 'ts';
  if (lang === 'tsx' || lang === 'jsx') return lang;
  return 'js';
}

/** Types a browser or bundler runs as JavaScript (anything else, e.g. JSON or a template, is data). */
function isJavaScriptType(type: string | undefined): boolean {
  return type === undefined || /^(?:module|text\/(?:java|type)script|application\/(?:java|type|ecma)script|text\/ecmascript|ts|typescript)$/i.test(type.trim());
}

function componentScript(attributes: Record<string, string>): Omit<ScriptBlock, 'start' | 'end'> | undefined {
  if (!isJavaScriptType(attributes.type)) return undefined;
  const kind = 'setup' in attributes ? 'script setup' : attributes.context === 'module' || 'module' in attributes ? 'module script' : 'script';
  return { kind, lang: langOf(attributes) };
}

function bundledScript(attributes: Record<string, string>): Omit<ScriptBlock, 'start' | 'end'> | undefined {
  return Object.keys(attributes).every((name) => name === 'src') ? { kind: 'script', lang: 'ts' } : undefined;
}

/**
 * Astro's frontmatter: `---` first in the file (after blank space), up to the next line that starts
 * with `---`; without that closing fence, to the end of the file (and a problem).
 */
function frontmatterOf(text: string): { block?: ScriptBlock; after: number; problem?: string } {
  const opening = /^\s*---/.exec(text);
  if (!opening) return { after: 0 };
  const start = opening[0].length;
  const closing = /(?:\r\n|[\n\r\u2028\u2029])[ \t]*---/g;
  closing.lastIndex = start;
  const found = closing.exec(text);
  if (!found) return { block: { kind: 'frontmatter', start, end: text.length, lang: 'ts' }, after: text.length, problem: 'frontmatter has no closing --- fence' };
  const end = found.index + found[0].length - 3;
  return { block: { kind: 'frontmatter', start, end, lang: 'ts' }, after: end + 3 };
}
