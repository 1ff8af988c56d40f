import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import picomatch from 'picomatch';
import { InputError } from '../errors.js';

/** The names Deno reads its configuration from, in its order of preference. */
const DENO_CONFIG_NAMES = ['deno.json', 'deno.jsonc'] as const;

/** Specifier → address, as written (an import map's `imports`, or one of its scopes). */
export type SpecifierMap = Record<string, string>;

export interface ImportMapSource {
  /** Project-relative path of the file the map was read from (deno.json, or the `importMap` file). */
  file: string;
  /** Project-relative directory its relative keys and addresses are resolved from ('' for the root). */
  baseDir: string;
  imports: SpecifierMap;
  /** Scope prefix (as written) → its specifier map. */
  scopes: Record<string, SpecifierMap>;
  /**
   * Whether Deno adds `"x/": "jsr:/x@1/"` for every `"x": "jsr:x@1"` (and npm:) entry: it does for
   * the `imports` of deno.json, not for a standalone import map file.
   */
  expandsPackageEntries: boolean;
}

export interface DenoConfig {
  /** Project-relative directory ('' for the root). */
  dir: string;
  /** Project-relative path of the deno.json or deno.jsonc. */
  file: string;
  name?: string;
  version?: string;
  /** `exports`: one entry point, or a map of subpaths (`"./unstable-foo": "./unstable_foo.ts"`). */
  exports?: string | Record<string, string>;
  /** The inline `imports`/`scopes`, then the file named by `importMap` (when they exist). */
  importMaps: ImportMapSource[];
}

export interface DenoWorkspace {
  /** The deno.json(c) at the project root. */
  root: DenoConfig;
  /** The members its `workspace` lists (directories holding a deno.json(c)), sorted by directory. */
  members: DenoConfig[];
}

/**
 * Reads the Deno workspace of a project: the deno.json or deno.jsonc at its root (JSONC), the
 * members its `workspace` lists (paths or globs, `!` to exclude; as an array or `{ "members": [...] }`),
 * and each one's name, version, exports and import maps. Undefined when the root has no Deno config.
 * A config Deno would refuse (a syntax error, a field of the wrong type) is an input error.
 */
export function readDenoWorkspace(root: string, files: readonly string[]): DenoWorkspace | undefined {
  const configByDir = new Map<string, string>();
  for (const file of files) {
    const name = posix.basename(file);
    if (!(DENO_CONFIG_NAMES as readonly string[]).includes(name)) continue;
    const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
    // deno.json wins over deno.jsonc in the same directory, as in Deno.
    if (!configByDir.has(dir) || name === 'deno.json') configByDir.set(dir, file);
  }
  const rootFile = configByDir.get('');
  if (rootFile === undefined) return undefined;
  const rootConfig = readDenoConfig(root, rootFile, '');
  const patterns = rootConfig.memberPatterns;
  const include = patterns.filter((pattern) => !pattern.startsWith('!')).map(memberDirPattern);
  const exclude = patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => memberDirPattern(pattern.slice(1)));
  const isMember = include.length > 0 ? picomatch(include, { ignore: exclude }) : () => false;
  const members = [...configByDir]
    .filter(([dir]) => dir !== '' && isMember(dir))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dir, file]) => readDenoConfig(root, file, dir).config);
  return { root: rootConfig.config, members };
}

/** The configs whose `name` makes them importable by it: the members, and the root when it is a package itself. */
export function denoPackages(workspace: DenoWorkspace): DenoConfig[] {
  return [workspace.root, ...workspace.members].filter((config) => config.name !== undefined);
}

/** `./packages/x/` → `packages/x` (globs kept): member patterns are directories relative to the root. */
function memberDirPattern(pattern: string): string {
  return posix.normalize(pattern).replace(/^\.\//, '').replace(/\/+$/, '');
}

function readDenoConfig(root: string, file: string, dir: string): { config: DenoConfig; memberPatterns: string[] } {
  const tree = parseJsonc(root, file);
  const field = (key: string) => (tree ? findNodeAtLocation(tree, [key]) : undefined);
  const fail = (node: Node, what: string): never => {
    throw new InputError(`${locate(root, file, node.offset)}: ${what}`);
  };
  const str = (key: string): string | undefined => {
    const node = field(key);
    if (node === undefined) return undefined;
    return node.type === 'string' ? (node.value as string) : fail(node, `"${key}" must be a string`);
  };
  const stringMap = (node: Node, what: string): SpecifierMap => {
    if (node.type !== 'object') fail(node, `${what} must be an object of strings`);
    for (const property of node.children ?? []) {
      const value = property.children?.[1];
      if (value && value.type !== 'string') fail(value, `${what}: every entry must be a string`);
    }
    return getNodeValue(node) as SpecifierMap;
  };
  const importMapOf = (mapTree: Node | undefined, mapFile: string, baseDir: string, inline: boolean): ImportMapSource | undefined => {
    const imports = mapTree && findNodeAtLocation(mapTree, ['imports']);
    const scopes = mapTree && findNodeAtLocation(mapTree, ['scopes']);
    if (!imports && !scopes) return undefined;
    const scopeMaps: Record<string, SpecifierMap> = {};
    if (scopes && scopes.type !== 'object') fail(scopes, '"scopes" must be an object');
    for (const property of scopes?.children ?? []) {
      const [key, value] = property.children ?? [];
      if (key && value) scopeMaps[key.value as string] = stringMap(value, `scope "${String(key.value)}"`);
    }
    return { file: mapFile, baseDir, imports: imports ? stringMap(imports, '"imports"') : {}, scopes: scopeMaps, expandsPackageEntries: inline };
  };

  const workspace = field('workspace');
  let memberPatterns: string[] = [];
  if (workspace) {
    const list = workspace.type === 'object' ? findNodeAtLocation(workspace, ['members']) : workspace;
    if (!list || list.type !== 'array' || list.children?.some((item) => item.type !== 'string')) {
      fail(list ?? workspace, '"workspace" must be a list of member paths (or { "members": [...] })');
    }
    memberPatterns = getNodeValue(list!) as string[];
  }
  const exportsNode = field('exports');
  let exports: DenoConfig['exports'];
  if (exportsNode) exports = exportsNode.type === 'string' ? (exportsNode.value as string) : stringMap(exportsNode, '"exports"');
  const importMaps: ImportMapSource[] = [];
  const inline = importMapOf(tree, file, dir, true);
  if (inline) importMaps.push(inline);
  const importMapPath = str('importMap');
  // A remote import map (https:) is never fetched, like every remote module.
  if (importMapPath !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(importMapPath)) {
    const mapFile = posix.normalize(posix.join(dir, importMapPath));
    if (mapFile.startsWith('../') || posix.isAbsolute(mapFile)) fail(field('importMap')!, `"importMap" ${importMapPath} is outside the project`);
    const fromFile = importMapOf(parseJsonc(root, mapFile, { file, node: field('importMap')! }), mapFile, posix.dirname(mapFile) === '.' ? '' : posix.dirname(mapFile), false);
    if (fromFile) importMaps.push(fromFile);
  }
  const name = str('name');
  const version = str('version');
  return {
    config: { dir, file, ...(name !== undefined ? { name } : {}), ...(version !== undefined ? { version } : {}), ...(exports !== undefined ? { exports } : {}), importMaps },
    memberPatterns,
  };
}

/** The syntax tree of a JSONC file; `namedBy`: the config entry that names it (for a missing file). */
function parseJsonc(root: string, file: string, namedBy?: { file: string; node: Node }): Node | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const where = namedBy ? `${locate(root, namedBy.file, namedBy.node.offset)}: "importMap" names ${file}, which cannot be read` : `cannot read ${file}`;
    throw new InputError(`${where} (${code})`);
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true });
  const error = errors[0];
  if (error) throw new InputError(`${locate(root, file, error.offset, text)}: invalid JSONC (${printParseErrorCode(error.error)})`);
  if (tree && tree.type !== 'object') throw new InputError(`${locate(root, file, tree.offset, text)}: must hold an object`);
  return tree;
}

/** `file:line:column` of an offset (the file is read again only when a problem is reported). */
function locate(root: string, file: string, offset: number, text = readFileSync(join(root, file), 'utf8')): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return `${file}:${before.split('\n').length}:${offset - lineStart + 1}`;
}
