import type { ImportSite, LabelledText } from '../../facts/source-file.js';
import { COMPONENT_FILE, componentScripts, maskedToBlocks, sourceImports } from '../shared/component-blocks.js';
import { extractImports } from '../typescript/extract-imports.js';

interface ComponentFileParts {
  /** Imports the ESLint parsers leave out of their Program: Astro's bundled `<script>` tags, `<script src>` files. */
  imports: ImportSite[];
  labelledTexts: LabelledText[];
  /** The text with everything outside script blocks blanked: where suppressions are read, as in `lifecycle check`. */
  scriptText: string;
}

/**
 * For a component file (.vue, .svelte, .astro) linted with its ESLint parser: what the Program
 * does not hold, read from the text the way `lifecycle check` reads it. vue-eslint-parser and
 * svelte-eslint-parser put every script block in the Program; astro-eslint-parser only the
 * frontmatter (eslint-plugin-astro lints `<script>` tags as virtual files, which the rules skip).
 * Undefined for other files.
 */
export function componentFileParts(file: string, text: string, labelledTexts: boolean): ComponentFileParts | undefined {
  if (!COMPONENT_FILE.test(file)) return undefined;
  const { blocks, sources } = componentScripts(file, text);
  const outsideProgram = file.endsWith('.astro') ? blocks.filter((block) => block.kind === 'script') : [];
  const parts = outsideProgram.map((block) => extractImports(`${file}.${block.lang}`, maskedToBlocks(text, [block]), { labelledTexts }));
  return {
    imports: [...parts.flatMap((part) => part.imports), ...sourceImports(text, sources)],
    labelledTexts: parts.flatMap((part) => part.labelledTexts),
    scriptText: maskedToBlocks(text, blocks),
  };
}
