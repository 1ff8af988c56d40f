import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { TS, TypeScript } from '../ts.js';
import type { DirectoryRead, TsProject } from './tsconfig.js';

/** One tsconfig, parsed for its options only (its file list is read only when needed). */
interface ProjectOutputs {
  /** Absolute path of the tsconfig. */
  configFile: string;
  commandLine: TS.ParsedCommandLine;
  /** Configs this one references (`references`), absolute. */
  references: string[];
  /** The directory reads its include/exclude asked for while parsing (not run: replayed per file). */
  directoryReads: DirectoryRead[];
}

interface OutputHost {
  fileExists(path: string): boolean;
  readFile(path: string): string | undefined;
}

interface MappedSource {
  /** The source file (absolute). */
  file: string;
  /** The output path it is built to (absolute): the target, or the target with an extension added. */
  output: string;
  /** `as packages/a/tsconfig.json builds it (rootDir src, outDir .)`. */
  how: string;
}

/** Every output extension TypeScript may write, longest first so `.d.ts` beats `.ts`. */
const OUTPUT_ENDINGS = ['.d.mts', '.d.cts', '.d.ts', '.mjs', '.cjs', '.jsx', '.js'];

/** TypeScript's `matchFiles` (what `ts.sys.readDirectory` runs over the real disk): internal, so looked up defensively. */
type MatchFiles = (
  path: string,
  extensions: readonly string[] | undefined,
  excludes: readonly string[] | undefined,
  includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean,
  currentDirectory: string,
  depth: number | undefined,
  getFileSystemEntries: (path: string) => { files: readonly string[]; directories: readonly string[] },
  realpath: (path: string) => string,
) => string[];

/**
 * Maps build outputs back to sources the way TypeScript does for project references
 * (`useSourceOfProjectReferenceRedirect`): the candidate source is found by running TypeScript's
 * output naming backwards (outDir or declarationDir → rootDir), then confirmed with TypeScript
 * itself: the config's include/exclude must list the candidate, and `getOutputFileNames` must name
 * the output. Each config is parsed once, for options only; nothing enumerates a project's files
 * unless its common source directory must be computed from them (no rootDir, not composite).
 */
export class OutputMaps {
  private readonly byConfig = new Map<string, ProjectOutputs | undefined>();
  /** Per config, its root files, enumerated when needed (absolute). */
  private readonly enumerated = new Map<string, ReadonlySet<string>>();
  /** Per config and file: whether the config lists the file (TypeScript's matching is costly). */
  private readonly listed = new Map<string, boolean>();
  /** Per workspace package directory: its tsconfig files and what they reference. */
  private readonly byPackage = new Map<string, ProjectOutputs[]>();
  /** Per config with references: the projects it references, transitively. */
  private readonly referenced = new Map<string, ProjectOutputs[]>();

  constructor(
    private readonly ts: TypeScript,
    private readonly host: OutputHost,
    /** Absolute project root: explanations name configs relative to it. */
    private readonly root: string,
    /** The parsed tsconfig (shared with resolution, so each config is parsed once per run). */
    private readonly projectOf: (configFile: string) => TsProject,
  ) {}

  /** Forget everything (the file system changed). */
  clear(): void {
    this.byConfig.clear();
    this.enumerated.clear();
    this.listed.clear();
    this.byPackage.clear();
    this.referenced.clear();
  }

  /**
   * The tsconfig files in a package's directory (`tsconfig.json` first, then `tsconfig.*.json`,
   * such as tsconfig.build.json or tsconfig.esm.json) and the projects they reference.
   */
  ofPackage(packageDir: string): ProjectOutputs[] {
    let outputs = this.byPackage.get(packageDir);
    if (!outputs) {
      let names: string[];
      try {
        names = readdirSync(packageDir).filter((name) => /^tsconfig(?:\..+)?\.json$/.test(name));
      } catch {
        names = [];
      }
      names.sort((a, b) => (a === 'tsconfig.json' ? -1 : b === 'tsconfig.json' ? 1 : a < b ? -1 : a > b ? 1 : 0));
      outputs = this.withReferences(names.map((name) => join(packageDir, name)));
      this.byPackage.set(packageDir, outputs);
    }
    return outputs;
  }

  /** The projects a config references, transitively (not the config itself). */
  referencedBy(configFile: string, references: readonly string[]): ProjectOutputs[] {
    let outputs = this.referenced.get(configFile);
    if (!outputs) {
      outputs = this.withReferences(references).filter((project) => project.configFile !== configFile);
      this.referenced.set(configFile, outputs);
    }
    return outputs;
  }

  /**
   * The source an output path is built from by one of these projects, and which one says so.
   * A project whose include/exclude does not list the source (so `tsc` would not build it) answers
   * only when none lists it, and the answer says so.
   */
  sourceIn(projects: readonly ProjectOutputs[], path: string): MappedSource | undefined {
    let unlisted: MappedSource | undefined;
    for (const project of projects) {
      for (const output of outputCandidates(path)) {
        const found = this.sourceOf(project, output);
        if (found?.listed) return found.mapped;
        unlisted ??= found?.mapped;
      }
    }
    return unlisted;
  }

  /** Whether a config's include/exclude/files list an absolute file, by TypeScript's own matching. */
  lists(configFile: string, file: string): boolean {
    const project = this.outputsOf(configFile);
    return project !== undefined && this.listsFile(project, file);
  }

  private outputsOf(configFile: string): ProjectOutputs | undefined {
    if (!this.byConfig.has(configFile)) {
      const project = this.host.fileExists(configFile) ? this.projectOf(configFile) : undefined;
      const commandLine = project?.commandLine;
      this.byConfig.set(configFile, commandLine && { configFile, commandLine, references: project.references, directoryReads: project.directoryReads });
    }
    return this.byConfig.get(configFile);
  }

  /** The configs and every config they reference, transitively, each once, in order. */
  private withReferences(configFiles: readonly string[]): ProjectOutputs[] {
    const seen = new Set<string>();
    const result: ProjectOutputs[] = [];
    const visit = (configFile: string) => {
      if (seen.has(configFile)) return;
      seen.add(configFile);
      const outputs = this.outputsOf(configFile);
      if (!outputs) return;
      result.push(outputs);
      for (const reference of outputs.references) visit(reference);
    };
    for (const configFile of configFiles) visit(configFile);
    return result;
  }

  /** The config's root files, by TypeScript's own enumeration of the disk. */
  private enumerate(configFile: string): string[] {
    const ts = this.ts;
    const read = ts.readConfigFile(configFile, (path) => this.host.readFile(path));
    if (read.error) return [];
    const parseHost: TS.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: (root, extensions, excludes, includes, depth) => ts.sys.readDirectory(root, extensions, excludes, includes, depth),
      fileExists: (path) => this.host.fileExists(path),
      readFile: (path) => this.host.readFile(path),
    };
    return ts.parseJsonConfigFileContent(read.config, parseHost, dirname(configFile)).fileNames;
  }

  /**
   * The config's file list as `tsc` sees it, for one file only: its `files`, and its include/exclude
   * matched by TypeScript (the directory reads the parse asked for, replayed against a tree holding
   * just that file, so no directory is read).
   */
  private listsFile(project: ProjectOutputs, file: string): boolean {
    const key = `${project.configFile}\0${file}`;
    let listed = this.listed.get(key);
    if (listed === undefined) {
      listed = this.matchesFile(project, file);
      this.listed.set(key, listed);
    }
    return listed;
  }

  private matchesFile(project: ProjectOutputs, file: string): boolean {
    const known = this.enumerated.get(project.configFile);
    if (known) return known.has(file);
    if (project.commandLine.fileNames.includes(file)) return true;
    const matchFiles = (this.ts as unknown as { matchFiles?: MatchFiles }).matchFiles;
    if (typeof matchFiles !== 'function') return this.rootFiles(project).has(file);
    const entries = (dir: string) => {
      const rel = relative(dir, file);
      if (rel.startsWith('..') || rel === '') return { files: [], directories: [] };
      const first = rel.split('/')[0]!;
      return first === rel ? { files: [first], directories: [] } : { files: [], directories: [first] };
    };
    return project.directoryReads.some((read) =>
      matchFiles(read.root, read.extensions, read.excludes, read.includes, true, this.root, read.depth, entries, (path) => path).includes(file),
    );
  }

  /** Every root file of the config (enumerated once; only when its common source directory is needed). */
  private rootFiles(project: ProjectOutputs): ReadonlySet<string> {
    let files = this.enumerated.get(project.configFile);
    if (!files) {
      files = new Set(this.enumerate(project.configFile));
      this.enumerated.set(project.configFile, files);
    }
    return files;
  }

  /** rootDir as TypeScript uses it: set, or the config's directory when composite, or the common directory of the root files. */
  private rootDirOf(project: ProjectOutputs): string {
    const options = project.commandLine.options;
    if (options.rootDir !== undefined) return options.rootDir;
    if (options.composite) return dirname(project.configFile);
    const inputs = [...this.rootFiles(project)].filter((file) => !/\.d\.[mc]?ts$/.test(file) && !file.endsWith('.json'));
    return commonDirectory(inputs) ?? dirname(project.configFile);
  }

  /** TypeScript's output naming run backwards for one output path, then confirmed by TypeScript. */
  private sourceOf(project: ProjectOutputs, output: string): { mapped: MappedSource; listed: boolean } | undefined {
    const options = project.commandLine.options;
    const declaration = /\.d\.([mc]?)ts$/.exec(output);
    const js = declaration ? undefined : /\.([mc]?)jsx?$/.exec(output);
    const match = declaration ?? js;
    if (!match) return undefined;
    const outDir = (declaration ? options.declarationDir : undefined) ?? options.outDir;
    // Without an outDir, outputs sit next to their sources and rootDir plays no part.
    const rootDir = outDir === undefined ? undefined : this.rootDirOf(project);
    let stem = output.slice(0, match.index);
    if (outDir !== undefined && rootDir !== undefined) {
      const rel = relative(outDir, stem);
      if (rel.startsWith('..') || rel === '') return undefined;
      stem = join(rootDir, rel);
    }
    const flavour = match[1] ?? '';
    const extensions = flavour === '' ? ['.ts', '.tsx', ...(options.allowJs ? ['.js', '.jsx'] : [])] : [`.${flavour}ts`, ...(options.allowJs ? [`.${flavour}js`] : [])];
    for (const extension of extensions) {
      const source = stem + extension;
      if (source === output || !this.host.fileExists(source)) continue;
      const commandLine = { ...project.commandLine, fileNames: [source], options: rootDir === undefined ? options : { ...options, rootDir } };
      if (!this.ts.getOutputFileNames(commandLine, source, false).includes(output)) continue;
      const listed = this.listsFile(project, source);
      const how = `as ${relative(this.root, project.configFile)} builds it (${layoutOf(project, rootDir)})`;
      return {
        listed,
        mapped: { file: source, output, how: listed ? how : `${how}; its include/exclude do not list ${relative(dirname(project.configFile), source)}, so mapped by these options alone` },
      };
    }
    return undefined;
  }
}

/** `rootDir src, outDir ., declarationDir types`: the options that decide where outputs go. */
function layoutOf(project: ProjectOutputs, rootDir: string | undefined): string {
  const options = project.commandLine.options;
  const base = dirname(project.configFile);
  const show = (path: string) => relative(base, path) || '.';
  return [
    rootDir === undefined ? undefined : `rootDir ${show(rootDir)}`,
    `outDir ${options.outDir === undefined ? '(next to the sources)' : show(options.outDir)}`,
    options.declarationDir !== undefined ? `declarationDir ${show(options.declarationDir)}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
}

/** What an extensionless or `.js` target can name: `lib/x` → `lib/x.js`, `lib/x.d.ts`, `lib/x/index.js`; `x.js` → also `x.d.ts`. */
function outputCandidates(target: string): string[] {
  const js = /\.([mc]?)jsx?$/.exec(target);
  if (js) return [target, `${target.slice(0, js.index)}.d.${js[1]}ts`];
  if (OUTPUT_ENDINGS.some((ending) => target.endsWith(ending))) return [target];
  return ['.js', '.d.ts', '.mjs', '.d.mts', '.cjs', '.d.cts'].flatMap((ending) => [`${target}${ending}`, join(target, `index${ending}`)]);
}

function commonDirectory(files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  let common = dirname(files[0]!).split('/');
  for (const file of files.slice(1)) {
    const parts = dirname(file).split('/');
    let same = 0;
    while (same < common.length && same < parts.length && common[same] === parts[same]) same += 1;
    common = common.slice(0, same);
  }
  return common.join('/') || '/';
}
