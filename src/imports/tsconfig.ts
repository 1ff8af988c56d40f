import { dirname, join, relative } from 'node:path';
import type { TS, TypeScript } from '../ts.js';

/** Compiler options for resolution when a file has no tsconfig: permissive, like a bundler. */
const defaultOptions = (ts: TypeScript): TS.CompilerOptions => ({
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
  allowArbitraryExtensions: true,
});

export interface TsProject {
  /** Absolute path of the tsconfig, or undefined for the defaults. */
  configFile: string | undefined;
  options: TS.CompilerOptions;
  /** How resolutions under this project are explained: `typescript (packages/a/tsconfig.json)`. */
  label: string;
  /** Problems reading the config (reported in --verbose, never fatal). */
  problems: string[];
  /** The tsconfig files of the projects it references (`references`), absolute. */
  references: string[];
  /** The config as TypeScript parsed it (its own options, `files`), when it could be read. */
  commandLine: TS.ParsedCommandLine | undefined;
  /** The directory reads its include/exclude asked for (not run: replayed per file when needed). */
  directoryReads: DirectoryRead[];
}

export interface DirectoryRead {
  root: string;
  extensions: readonly string[];
  excludes: readonly string[] | undefined;
  includes: readonly string[];
  depth: number | undefined;
}

/**
 * Finds and parses the nearest tsconfig.json for each directory (with `extends`), once per
 * config. Parsing never enumerates the project's files: only options matter for resolution.
 */
export class TsConfigIndex {
  private readonly configByDir = new Map<string, string | null>();
  private readonly projects = new Map<string, TsProject>();
  /** Per parsed config: every file its parse read (extends chain) or looked for, with what it saw. */
  private readonly inputs = new Map<string, Map<string, string | boolean | undefined>>();
  /** Configs whose inputs must be compared with the host's (revalidated) texts before reuse. */
  private readonly unchecked = new Set<string>();

  /** Per file under a config with `references`: the project that includes it. */
  private readonly governing = new Map<string, TsProject>();

  constructor(
    private readonly root: string,
    private readonly host: TS.ModuleResolutionHost & { getCurrentDirectory(): string },
    private readonly ts: TypeScript,
    /** Whether a config's include/exclude/files list an absolute file (to find the project that includes it). */
    private readonly lists: (configFile: string, file: string) => boolean = () => false,
  ) {}

  /** Problems of every tsconfig read so far, each prefixed with its file. */
  problems(): string[] {
    return [...this.projects.values()].flatMap((project) =>
      project.problems.map((problem) => (project.configFile ? `${project.configFile}: ${problem}` : problem)),
    );
  }

  /**
   * After the host was told to revalidate: find configs again, and re-parse a config only when
   * a file it was read from changed.
   */
  revalidate(): void {
    this.configByDir.clear();
    this.governing.clear();
    for (const key of this.inputs.keys()) this.unchecked.add(key);
  }

  /**
   * The project governing an absolute file path: the nearest tsconfig.json, unless it is a
   * solution file (`references` and no files of its own, e.g. `"files": []`) and a referenced
   * project includes the file: tsconfig.app.json / tsconfig.node.json under a Vite-style
   * tsconfig.json, as editors read it. (A config that lists files of its own governs them, so the
   * common case costs no file matching.)
   */
  projectFor(file: string): TsProject {
    const nearest = this.projectOf(this.nearestConfig(dirname(file)));
    if (!isSolution(nearest)) return nearest;
    let project = this.governing.get(file);
    if (!project) {
      const including = nearest.references.find((reference) => this.lists(reference, file));
      project = including ? this.projectOf(including) : nearest;
      this.governing.set(file, project);
    }
    return project;
  }

  /** The project of a tsconfig file (absolute), or of the defaults; parsed once. */
  projectOf(configFile: string | undefined): TsProject {
    const key = configFile ?? '<defaults>';
    let project = this.projects.get(key);
    if (project && this.unchecked.has(key)) {
      this.unchecked.delete(key);
      const read = this.inputs.get(key);
      const changed = (path: string, seen: string | boolean | undefined) =>
        (typeof seen === 'boolean' ? this.host.fileExists(path) : this.host.readFile(path)) !== seen;
      if (read && [...read].some(([path, seen]) => changed(path, seen))) project = undefined;
    }
    if (!project) {
      project = configFile ? this.parse(configFile) : this.makeProject(undefined, defaultOptions(this.ts), []);
      this.projects.set(key, project);
    }
    return project;
  }

  /** The nearest tsconfig.json above an absolute directory (inside the root). */
  nearestConfig(dir: string): string | undefined {
    // One lookup per call (this runs for every linted file): null stands for "none above".
    const known = this.configByDir.get(dir);
    if (known !== undefined) return known ?? undefined;
    const candidate = join(dir, 'tsconfig.json');
    let found: string | undefined;
    if (this.host.fileExists(candidate)) found = candidate;
    else if (dir !== this.root && dirname(dir) !== dir && dir.startsWith(this.root)) found = this.nearestConfig(dirname(dir));
    this.configByDir.set(dir, found ?? null);
    return found;
  }

  private parse(configFile: string): TsProject {
    const ts = this.ts;
    const inputs = new Map<string, string | boolean | undefined>();
    this.inputs.set(configFile, inputs);
    const readFile = (path: string) => {
      const text = this.host.readFile(path);
      inputs.set(path, text);
      return text;
    };
    const read = ts.readConfigFile(configFile, readFile);
    if (read.error) {
      return this.makeProject(configFile, defaultOptions(ts), [flatten(ts, read.error)]);
    }
    const directoryReads: DirectoryRead[] = [];
    const parseHost: TS.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: (root, extensions, excludes, includes, depth) => {
        directoryReads.push({ root, extensions, excludes, includes, depth });
        return [];
      },
      fileExists: (path) => {
        const exists = this.host.fileExists(path);
        if (!inputs.has(path)) inputs.set(path, exists); // a file also read keeps its text
        return exists;
      },
      readFile,
    };
    const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, dirname(configFile), undefined, configFile);
    const problems = parsed.errors
      // 18003: "No inputs were found" — expected, we do not list files.
      .filter((diagnostic) => diagnostic.code !== 18003)
      .map((diagnostic) => flatten(ts, diagnostic));
    const options: TS.CompilerOptions = { ...parsed.options, allowJs: true, resolveJsonModule: true, allowArbitraryExtensions: true };
    if (options.moduleResolution === undefined) {
      options.moduleResolution = moduleResolutionFor(ts, options.module);
    }
    const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
    return { ...this.makeProject(configFile, options, problems, references), commandLine: parsed, directoryReads };
  }

  private makeProject(configFile: string | undefined, options: TS.CompilerOptions, problems: string[], references: string[] = []): TsProject {
    // No ts.ModuleResolutionCache: it keeps every failed lookup location (hundreds of MB on
    // large trees); ImportResolver memoizes per directory and specifier instead.
    const label = `typescript (${configFile ? relative(this.root, configFile) : 'default options'})`;
    return { configFile, options, label, problems, references, commandLine: undefined, directoryReads: [] };
  }
}

/** A tsconfig that only references other projects: `references`, no `include` reads, no `files`. */
function isSolution(project: TsProject): boolean {
  return project.references.length > 0 && project.directoryReads.length === 0 && (project.commandLine?.fileNames.length ?? 0) === 0;
}

function moduleResolutionFor(ts: TypeScript, module: TS.ModuleKind | undefined): TS.ModuleResolutionKind {
  switch (module) {
    case ts.ModuleKind.Node16:
      return ts.ModuleResolutionKind.Node16;
    case ts.ModuleKind.NodeNext:
      return ts.ModuleResolutionKind.NodeNext;
    case ts.ModuleKind.CommonJS:
      return ts.ModuleResolutionKind.Node10;
    default:
      // ES modules, preserve, or nothing said: resolve like a bundler (extensionless, exports).
      return ts.ModuleResolutionKind.Bundler;
  }
}

function flatten(ts: TypeScript, diagnostic: TS.Diagnostic): string {
  const where = diagnostic.file ? `${diagnostic.file.fileName}: ` : '';
  return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
}
