import { describe, expect, it } from 'vitest';
import { extractImports } from '../../src/extract/typescript/extract-imports.js';
import { componentScripts, maskedToBlocks } from '../../src/extract/shared/component-blocks.js';

/** `specifier line:column` of each import the CLI extractor finds in a component file. */
function sites(file: string, text: string): string[] {
  return extractImports(file, text).imports.map((site) => `${site.specifier} ${site.line}:${site.column}`);
}

describe('component files: script blocks and their imports at the file’s own positions', () => {
  it('Vue: <script> and <script setup lang="ts"> in one file; template, comments and <style> are not code', () => {
    const text = [
      '<template>',
      "  <!-- import x from './comment' -->",
      "  <div><script>import y from './in-template'</script><Foo /></div>",
      '</template>',
      '<script>',
      "import a from './a';",
      'export default {};',
      '</script>',
      '<script setup lang="ts">',
      "  import type { B } from './b';",
      '</script>',
      "<style>a::after { content: \"<script>import z from './style'</script>\" }</style>",
    ].join('\n');
    expect(sites('C.vue', text)).toEqual(['./a 6:15', './b 10:26']);
    expect(componentScripts('C.vue', text).blocks.map((block) => `${block.kind} ${block.lang}`)).toEqual(['script js', 'script setup ts']);
    expect(extractImports('C.vue', text).imports[1]!.typeOnly).toBe(true);
  });

  it('Vue: lang="tsx" is read as TSX; a block with a syntax error (full parse) does not hide the other block', () => {
    const text = "<script lang=\"tsx\">\nimport a from './a';\nconst v = <div>{a}</div>;\n</script>\n<script setup lang=\"ts\">\nimport b from './b';\nconst = ;\n</script>\n";
    const extracted = extractImports('C.vue', text, { fullParse: true });
    expect(extracted.imports.map((site) => site.specifier)).toEqual(['./a', './b']);
    expect(extracted.syntaxError).toMatchObject({ line: 7 });
  });

  it('Svelte: context="module", Svelte 5 `module`, the instance script; <svelte:head> scripts are the page’s', () => {
    const text = [
      '<script context="module" lang="ts">',
      "  export * from './m4';",
      '</script>',
      '<script module>',
      "  import m5 from './m5';",
      '</script>',
      '<script lang="ts">',
      "  import i from './instance';",
      '</script>',
      "<svelte:head><script>import h from './head';</script></svelte:head>",
      "{#if a < b}<p>{i}</p>{/if}",
    ].join('\n');
    expect(sites('C.svelte', text)).toEqual(['./m4 2:17', './m5 5:18', './instance 8:17']);
    expect(componentScripts('C.svelte', text).blocks.map((block) => block.kind)).toEqual(['module script', 'module script', 'script']);
  });

  it('Astro: the frontmatter and every <script> Astro bundles, at any depth; is:inline and typed scripts are the page’s', () => {
    const text = [
      '---',
      "import Card from './Card.astro';",
      'const ok = 1 < 2;',
      '---',
      '<html><body>',
      "<div><script>import { a } from './bundled';</script></div>",
      "<script is:inline>import('/public.js');</script>",
      '<script type="application/ld+json">{"import": "./x"}</script>',
      "<script src=\"./external.ts\"></script>",
      '</body></html>',
    ].join('\n');
    expect(sites('C.astro', text)).toEqual(['./Card.astro 2:18', './bundled 6:32', './external.ts 9:13']);
    expect(componentScripts('C.astro', text).blocks.map((block) => block.kind)).toEqual(['frontmatter', 'script', 'script']);
  });

  it('keeps positions through CRLF line ends and UTF-16 characters before a block', () => {
    const text = "<template><p>😀 é</p></template>\r\n<!-- 😀 --><script>import a from './a';</script>\r\n<script setup>\r\n  import b from './b';\r\n</script>\r\n";
    expect(sites('C.vue', text)).toEqual(['./a 2:34', './b 4:17']);
    const masked = maskedToBlocks(text, componentScripts('C.vue', text).blocks);
    expect(masked.length).toBe(text.length);
    expect(masked.split('\r\n').length).toBe(text.split('\r\n').length);
  });

  it('says so when a block is not closed, and still reads it to the end of the file (as HTML does)', () => {
    const vue = extractImports('C.vue', "<template/>\n<script>\nimport a from './a';\n");
    expect(vue.syntaxError).toEqual({ line: 2, column: 9, message: '<script> is not closed before the end of the file' });
    expect(vue.imports.map((site) => `${site.specifier} ${site.line}:${site.column}`)).toEqual(['./a 3:15']);
    const astro = extractImports('C.astro', "---\nimport a from './a';\n<p/>\n");
    expect(astro.syntaxError).toEqual({ line: 1, column: 1, message: 'frontmatter has no closing --- fence' });
    expect(astro.imports.map((site) => site.specifier)).toEqual(['./a']);
  });

  it('a file without script blocks has no imports and no problem', () => {
    expect(extractImports('C.vue', '<template><p>hi</p></template>\n')).toMatchObject({ imports: [], syntaxError: undefined });
    expect(extractImports('C.astro', '<p>no frontmatter</p>\n')).toMatchObject({ imports: [], syntaxError: undefined });
  });

  it('<script src="…"> imports the file it names (a project path; URLs and site-root paths are the server’s)', () => {
    const vue = "<template/>\n<script setup lang=\"ts\" src='./setup.ts'></script>\n";
    expect(sites('C.vue', vue)).toEqual(['./setup.ts 2:29']);
    expect(extractImports('C.vue', vue).imports[0]).toMatchObject({ form: 'side-effect', typeOnly: false });
    const astro = '---\n---\n<script src=../lib/x.ts></script>\n<script src="/public.js"></script>\n<script src="https://cdn.example/x.js"></script>\n';
    expect(sites('C.astro', astro)).toEqual(['../lib/x.ts 3:13']);
  });

  it('a <script> opening its line that an element left open swallowed is still read, and reported', () => {
    const svelte = "<p>{a<b}</p>\n{#if x}<b>{/if}\n<script context=\"module\">\nimport m from './m';\n</script>\n<script lang=\"ts\">\n  import i from './i';\n</script>\n";
    const extracted = extractImports('C.svelte', svelte);
    expect(extracted.imports.map((site) => `${site.specifier} ${site.line}:${site.column}`)).toEqual(['./m 4:15', './i 7:17']);
    expect(extracted.syntaxError).toEqual({ line: 3, column: 1, message: '<script> is inside an element left open before it (or read as one); its code was read from its own line' });
    const commented = "<template><p/></template>\n<!--\n<script>import old from './old'</script>\n-->\n<script setup>import x from './x'</script>\n";
    expect(extractImports('C.vue', commented)).toMatchObject({ syntaxError: undefined });
    expect(sites('C.vue', commented)).toEqual(['./x 5:29']);
  });
});

