import { posix } from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree, type Node } from 'jsonc-parser';
import type { FolderMove } from './rewrite-imports.js';

/** tsconfig files (tsconfig.json, tsconfig.build.json, …) and package manifests whose paths may name moved files. */
export function isManifest(file: string): boolean {
  const name = posix.basename(file);
  return name === 'package.json' || /^tsconfig(\..+)?\.json$/.test(name) || name === 'jsconfig.json';
}

/** Package fields whose values are paths of the package's own files. */
const PACKAGE_PATH_FIELDS = ['exports', 'main', 'module', 'types', 'typings', 'browser', 'bin', 'imports'];

/**
 * The manifest with every path that named a moved folder rewritten, comments and layout kept:
 * tsconfig `compilerOptions.paths` targets (relative to `baseUrl`, else the tsconfig), `include`
 * and `files` entries, and package.json `exports`, `imports`, `main`, `types`, `bin`, …
 * (relative to the package). Returns the text unchanged when nothing named them.
 */
export function rewriteManifestPaths(file: string, text: string, folders: readonly FolderMove[]): string {
  const tree = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!tree) return text;
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const roots: { node: Node; base: string }[] = [];
  if (posix.basename(file) === 'package.json') {
    for (const field of PACKAGE_PATH_FIELDS) {
      const node = findNodeAtLocation(tree, [field]);
      if (node) roots.push({ node, base: dir });
    }
  } else {
    const baseUrl = findNodeAtLocation(tree, ['compilerOptions', 'baseUrl'])?.value;
    const paths = findNodeAtLocation(tree, ['compilerOptions', 'paths']);
    if (paths) roots.push({ node: paths, base: typeof baseUrl === 'string' ? posix.join(dir, baseUrl) : dir });
    for (const field of ['include', 'files']) {
      const node = findNodeAtLocation(tree, [field]);
      if (node) roots.push({ node, base: dir });
    }
  }
  let out = text;
  for (const { node, base } of roots) {
    for (const leaf of stringLeaves(node)) {
      const value = leaf.node.value as string;
      const rewritten = movedPath(value, base, folders);
      if (rewritten === undefined) continue;
      out = applyEdits(out, modify(out, leaf.path, rewritten, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
    }
  }
  return out;
}

/** The path value with the moved folder replaced, when it names the folder or something in it (globs included). */
function movedPath(value: string, base: string, folders: readonly FolderMove[]): string | undefined {
  if (value.includes('://') || value.startsWith('#')) return undefined;
  const resolved = posix.normalize(posix.join(base, value));
  const folder = folders.find((candidate) => resolved === candidate.from || resolved.startsWith(`${candidate.from}/`));
  if (!folder) return undefined;
  const moved = `${folder.to}${resolved.slice(folder.from.length)}`;
  let relative = posix.relative(base || '.', moved);
  if (value.startsWith('./') && !relative.startsWith('../')) relative = `./${relative}`;
  return relative;
}

/** Every string value below a node, with its JSON path from the document root. */
function stringLeaves(node: Node): { node: Node; path: (string | number)[] }[] {
  const leaves: { node: Node; path: (string | number)[] }[] = [];
  const walk = (current: Node) => {
    if (current.type !== 'string') {
      for (const child of current.children ?? []) walk(child);
      return;
    }
    const isKey = current.parent?.type === 'property' && current.parent.children?.[0] === current;
    if (!isKey) leaves.push({ node: current, path: pathOf(current) });
  };
  walk(node);
  return leaves;
}

function pathOf(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') path.unshift(parent.children![0]!.value as string);
    else if (parent.type === 'array') path.unshift(parent.children!.indexOf(current));
    current = parent;
  }
  return path;
}
