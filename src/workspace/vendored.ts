import picomatch from 'picomatch';

/** A line longer than this makes a file a minified bundle. */
const MINIFIED_LINE_LENGTH = 10_000;
/** Files under a `vendor/` folder from this size on are vendored copies (unless they say `prettier-ignore`). */
const VENDOR_FILE_BYTES = 1024 * 1024;

/**
 * Why a file is vendored or generated code that is not analysed by default, and which part of its
 * path makes it so (`part`: the folder or file a `files.include` glob must name to analyse it).
 */
interface VendoredReason {
  reason: string;
  part: string;
}

/** Vendored by its path alone: Yarn's own folder (`.yarn/`: releases, plugins, the cache) and Plug'n'Play loaders (`.pnp.*`). */
export function vendoredByPath(file: string): VendoredReason | undefined {
  // Runs once per discovered file: most paths hold neither name.
  if (!file.includes('.yarn') && !file.includes('.pnp.')) return undefined;
  const segments = file.split('/');
  const yarn = segments.indexOf('.yarn');
  if (yarn >= 0 && yarn < segments.length - 1) return { reason: 'under .yarn/ (Yarn releases, plugins and cache)', part: segments.slice(0, yarn + 1).join('/') };
  if (segments.at(-1)!.startsWith('.pnp.')) return { reason: "a Yarn Plug'n'Play loader (.pnp.*)", part: file };
  return undefined;
}

/**
 * Vendored by its content: a minified bundle (one line over MINIFIED_LINE_LENGTH characters), or
 * a file of VENDOR_FILE_BYTES or more under a `vendor/` folder without a `prettier-ignore` comment.
 */
export function vendoredByContent(file: string, text: string): VendoredReason | undefined {
  if (hasLongLine(text)) return { reason: `minified (a line over ${MINIFIED_LINE_LENGTH} characters)`, part: file };
  // Runs once per linted file in the editor: most paths have no vendor/ folder, and splitting each costs more than this search.
  if (!file.includes('vendor/')) return undefined;
  const segments = file.split('/');
  const vendor = segments.lastIndexOf('vendor');
  if (vendor >= 0 && vendor < segments.length - 1 && Buffer.byteLength(text) >= VENDOR_FILE_BYTES && !text.includes('prettier-ignore')) {
    return { reason: 'a file of 1 MB or more under vendor/', part: segments.slice(0, vendor + 1).join('/') };
  }
  return undefined;
}

function hasLongLine(text: string): boolean {
  // From each line start, the last newline within the next MINIFIED_LINE_LENGTH characters: none
  // means a longer line; else the search goes on after it (a few searches per file, not one per line).
  let start = 0;
  while (text.length - start > MINIFIED_LINE_LENGTH) {
    const newline = text.lastIndexOf('\n', start + MINIFIED_LINE_LENGTH);
    if (newline < start) return true;
    start = newline + 1;
  }
  return false;
}

/**
 * Whether `files.include` names a vendored file explicitly: a glob that matches the file and whose
 * literal part (before its first wildcard) is the vendored folder or file itself, or lies inside it
 * (`.yarn/**`, `vendor/**`, `public/app.min.js`). `**` and `src/**` do not count.
 */
export function includedExplicitly(file: string, vendored: VendoredReason, include: readonly string[] | undefined): boolean {
  if (!include) return false;
  return include.some((glob) => {
    const base = picomatch.scan(glob).base;
    const names = base === vendored.part || base.startsWith(`${vendored.part}/`);
    return names && picomatch.isMatch(file, glob, { dot: true });
  });
}
