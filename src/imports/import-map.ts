import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DenoConfig, DenoWorkspace, ImportMapSource, SpecifierMap } from '../workspace/deno.js';

/** What an import map made of a specifier. */
interface ImportMapHit {
  /** The mapped address: a `file:` URL, or another URL (`jsr:`, `npm:`, `node:`, `https:`, …). */
  address: string;
  /** How: `import map deno.json ("lib/" → "./src/lib/")`, with the scope when one matched. */
  explanation: string;
}

interface CompiledEntry {
  /** The key normalized: a bare specifier as written, or a URL (relative keys resolved against the map). */
  key: string;
  /** The address normalized to a URL; undefined when it is not one (the spec ignores such entries). */
  address: string | undefined;
  written: { key: string; address: string };
}

interface CompiledMap {
  file: string;
  imports: CompiledEntry[];
  scopes: { prefix: string; written: string; entries: CompiledEntry[] }[];
}

/**
 * The import maps of a Deno workspace, applied the way Deno applies them: a file of a member sees
 * its member's maps, then the root's; within a map, the scopes that match the importing file
 * (most specific first), then `imports`. Matching follows the import maps standard: an exact key,
 * or the longest key ending in `/` that prefixes the specifier. Plus Deno's own rule for deno.json:
 * `"@std/path": "jsr:@std/path@^1"` also maps `@std/path/posix` (to `jsr:/@std/path@^1/posix`).
 */
export class DenoImportMaps {
  private readonly maps = new Map<DenoConfig, CompiledMap[]>();
  private readonly memberDirs: string[];
  /** Whether any key is a URL (`./vendor/x.ts`, `https://…`): only then can a relative specifier be mapped. */
  private readonly urlKeys: boolean;

  constructor(
    private readonly realRoot: string,
    private readonly workspace: DenoWorkspace,
  ) {
    for (const config of [workspace.root, ...workspace.members]) {
      this.maps.set(config, config.importMaps.map((source) => compile(realRoot, source)));
    }
    this.memberDirs = workspace.members.map((member) => member.dir).sort((a, b) => b.length - a.length);
    const compiled = [...this.maps.values()].flat();
    this.urlKeys = compiled.some((map) => [...map.imports, ...map.scopes.flatMap((scope) => scope.entries)].some((entry) => /^[a-z][a-z0-9+.-]*:/i.test(entry.key)));
  }

  /**
   * Which files see the same mappings: those of one member (or of the root) that the same scopes
   * match. For the resolver's cache key.
   */
  scopeOf(containingFile: string): string {
    const member = this.memberOf(containingFile);
    const maps = this.mapsFor(member);
    if (!maps.some((map) => map.scopes.length > 0)) return member.dir;
    const containingUrl = pathToFileURL(join(this.realRoot, containingFile)).href;
    const matched = maps.flatMap((map) => map.scopes.filter((scope) => scopeMatches(scope.prefix, containingUrl)).map((scope) => `${map.file} ${scope.prefix}`));
    return [member.dir, ...matched].join('\0');
  }

  /** What the import maps seen by a project-relative file map a specifier to, if anything. */
  lookup(specifier: string, containingFile: string): ImportMapHit | undefined {
    if (!this.urlKeys && (specifier.startsWith('.') || specifier.startsWith('/'))) return undefined;
    const containingUrl = pathToFileURL(join(this.realRoot, containingFile)).href;
    const normalized = normalizeSpecifier(specifier, containingUrl);
    if (normalized === undefined) return undefined;
    for (const map of this.mapsFor(this.memberOf(containingFile))) {
      for (const scope of map.scopes) {
        if (!scopeMatches(scope.prefix, containingUrl)) continue;
        const hit = match(scope.entries, normalized);
        if (hit) return { address: hit.address, explanation: `import map ${map.file}, scope "${scope.written}" (${describe(hit.entry)})` };
      }
      const hit = match(map.imports, normalized);
      if (hit) return { address: hit.address, explanation: `import map ${map.file} (${describe(hit.entry)})` };
    }
    return undefined;
  }

  private memberOf(file: string): DenoConfig {
    const dir = this.memberDirs.find((candidate) => file.startsWith(`${candidate}/`));
    return this.workspace.members.find((member) => member.dir === dir) ?? this.workspace.root;
  }

  private mapsFor(member: DenoConfig): CompiledMap[] {
    const own = this.maps.get(member) ?? [];
    return member === this.workspace.root ? own : [...own, ...(this.maps.get(this.workspace.root) ?? [])];
  }
}

/** The standard's scope match: the importing module's URL itself, or a prefix ending in `/`. */
function scopeMatches(prefix: string, containingUrl: string): boolean {
  return prefix === containingUrl || (prefix.endsWith('/') && containingUrl.startsWith(prefix));
}

function describe(entry: CompiledEntry): string {
  return `${JSON.stringify(entry.written.key)} → ${JSON.stringify(entry.written.address)}`;
}

function compile(realRoot: string, source: ImportMapSource): CompiledMap {
  const baseUrl = pathToFileURL(`${join(realRoot, source.baseDir)}/`).href;
  const entries = (map: SpecifierMap, expands: boolean): CompiledEntry[] => {
    const compiled: CompiledEntry[] = [];
    for (const [key, address] of Object.entries(map)) {
      const normalizedKey = normalizeSpecifier(key, baseUrl);
      if (normalizedKey === undefined) continue;
      compiled.push({ key: normalizedKey, address: normalizeAddress(address, baseUrl), written: { key, address } });
      // Deno: a registry package entry maps the package's subpaths too, unless the map says otherwise.
      const registry = /^(jsr|npm):\/?(.*)$/.exec(address);
      if (expands && registry && !key.endsWith('/') && !Object.hasOwn(map, `${key}/`)) {
        compiled.push({ key: `${normalizedKey}/`, address: `${registry[1]}:/${registry[2]}/`, written: { key, address } });
      }
    }
    // The standard's order: keys by code units, descending, so that the longest prefix wins.
    return compiled.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  };
  const scopes = Object.entries(source.scopes)
    .map(([written, map]) => ({ prefix: toUrl(written, baseUrl) ?? written, written, entries: entries(map, false) }))
    .sort((a, b) => (a.prefix < b.prefix ? 1 : a.prefix > b.prefix ? -1 : 0));
  return { file: source.file, imports: entries(source.imports, source.expandsPackageEntries), scopes };
}

function match(entries: readonly CompiledEntry[], specifier: string): { address: string; entry: CompiledEntry } | undefined {
  for (const entry of entries) {
    if (entry.key === specifier) return entry.address === undefined ? undefined : { address: entry.address, entry };
    if (entry.key.endsWith('/') && specifier.startsWith(entry.key)) {
      // A prefix entry whose address is no prefix cannot map a longer specifier (the standard blocks it).
      if (entry.address === undefined || !entry.address.endsWith('/')) return undefined;
      return { address: entry.address + specifier.slice(entry.key.length), entry };
    }
  }
  return undefined;
}

/** A relative or absolute URL resolved against `base`, undefined when it is neither (a bare name). */
function toUrl(text: string, base: string): string | undefined {
  if (text.startsWith('/') || text.startsWith('./') || text.startsWith('../')) {
    const url = new URL(text, base).href;
    return text.endsWith('/') && !url.endsWith('/') ? `${url}/` : url;
  }
  try {
    return new URL(text).href;
  } catch {
    return undefined;
  }
}

/** A key or specifier as the standard compares it: URLs normalized, bare names as written. */
function normalizeSpecifier(text: string, base: string): string | undefined {
  if (text === '') return undefined;
  return toUrl(text, base) ?? text;
}

/** An address must be a URL (relative ones resolved against the map); anything else maps nothing. */
function normalizeAddress(text: string, base: string): string | undefined {
  return toUrl(text, base);
}

/** The absolute path of a `file:` address (a mapping into the project or beside it). */
export function filePathOfAddress(address: string): string | undefined {
  if (!address.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(address);
  } catch {
    return undefined;
  }
}
