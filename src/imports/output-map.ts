import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { TS, TypeScript } from '../ts.js';

/** What a project's build writes, mapped back to the source file it is written from. */
export interface ProjectOutputs {
  /** Absolute path of the tsconfig. */
  configFile: string;
  /** Output file (absolute) → source file (absolute). */
  sources: Map<string, string>;
  /** `rootDir src, outDir ., declarationDir types`: the options that decided the mapping, for explanations. */
  layout: string;
  /** Configs this one references (`references`), absolute. */
  references: string[];
  /** The project's root files (its `files`/`include`/`exclude` enumerated), absolute. */
  files: ReadonlySet<string>;
  /**
   * Set when the config lists no root file (an `include` that its own default `exclude` of
   * outDir empties, as with `outDir: "."`): outputs are then mapped by the options alone.
   */
  byOptions?: { rootDir: string; outDir: string | undefined; declarationDir: string | undefined };
}

export interface OutputHost {
  fileExists(path: string): boolean;
  readFile(path: string): string | undefined;
}

/** Every output extension TypeScript may write for a source, longest first so `.d.ts` beats `.ts`. */
const OUTPUT_ENDINGS = ['.d.mts', '.d.cts', '.d.ts', '.mjs', '.cjs', '.jsx', '.js'];

/**
 * Maps build outputs back to sources the way TypeScript does for project references
 * (`useSourceOfProjectReferenceRedirect`): parse the tsconfig with its file list, then ask
 * TypeScript (`getOutputFileNames`, which applies rootDir / outDir / declarationDir / composite)
 * what each root file is emitted as. One parse and one pass per config, cached; lookups are O(1).
 */
export class OutputMaps {
  private readonly byConfig = new Map<string, ProjectOutputs | undefined>();
  /** Per workspace package directory: its tsconfig files and what they reference. */
  private readonly byPackage = new Map<string, ProjectOutputs[]>();
  /** Per config with references: the projects it references, transitively. */
  private readonly referenced = new Map<string, ProjectOutputs[]>();

  constructor(
    private readonly ts: TypeScript,
    private readonly host: OutputHost,
    /** Absolute project root: explanations name configs relative to it. */
    private readonly root: string,
  ) {}

  /** Forget every map (the file system changed). */
  clear(): void {
    this.byConfig.clear();
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

  /** The source an output path is built from by one of these projects, and which one says so. */
  sourceIn(projects: readonly ProjectOutputs[], path: string): { file: string; output: string; how: string } | undefined {
    for (const project of projects) {
      const found = this.sourceOf(project, path);
      if (found) return { file: found.source, output: found.output, how: `as ${relative(this.root, project.configFile)} builds it (${project.layout})` };
    }
    return undefined;
  }

  /** The outputs of one tsconfig; undefined when it cannot be read. */
  outputsOf(configFile: string): ProjectOutputs | undefined {
    if (!this.byConfig.has(configFile)) this.byConfig.set(configFile, this.build(configFile));
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

  private build(configFile: string): ProjectOutputs | undefined {
    const ts = this.ts;
    if (!this.host.fileExists(configFile)) return undefined;
    const read = ts.readConfigFile(configFile, (path) => this.host.readFile(path));
    if (read.error) return undefined;
    const parseHost: TS.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: (root, extensions, excludes, includes, depth) => ts.sys.readDirectory(root, extensions, excludes, includes, depth),
      fileExists: (path) => this.host.fileExists(path),
      readFile: (path) => this.host.readFile(path),
    };
    const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, dirname(configFile), undefined, configFile);
    const options = parsed.options;
    const references = (parsed.projectReferences ?? []).map((reference) => ts.resolveProjectReferencePath(reference));
    const sources = new Map<string, string>();
    const inputs = parsed.fileNames.filter((file) => !/\.d\.[mc]?ts$/.test(file) && !file.endsWith('.json'));
    // TypeScript computes the common source directory from all root files on every call when
    // rootDir is not set: compute it once, as TypeScript does, and pass it as rootDir.
    const rootDir = options.rootDir ?? (options.composite ? dirname(configFile) : commonDirectory(inputs));
    const commandLine = { ...parsed, options: { ...options, ...(rootDir ? { rootDir } : {}) } };
    for (const input of inputs) {
      for (const output of ts.getOutputFileNames(commandLine, input, false)) {
        if (output !== input && OUTPUT_ENDINGS.some((ending) => output.endsWith(ending)) && !sources.has(output)) sources.set(output, input);
      }
    }
    const base = dirname(configFile);
    const show = (path: string | undefined) => (path === undefined ? undefined : relative(base, path) || '.');
    const layout = [
      rootDir !== undefined ? `rootDir ${show(rootDir)}` : undefined,
      `outDir ${show(options.outDir) ?? '(next to the sources)'}`,
      options.declarationDir !== undefined ? `declarationDir ${show(options.declarationDir)}` : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const byOptions = inputs.length === 0 ? { rootDir: rootDir ?? base, outDir: options.outDir, declarationDir: options.declarationDir } : undefined;
    return { configFile, sources, files: new Set(parsed.fileNames), layout: byOptions ? `${layout}; its include lists no file (tsc would stop with TS18003), so mapped by these options alone` : layout, references, ...(byOptions ? { byOptions } : {}) };
  }

  /**
   * The source a build output path stands for, trying what an extensionless or `.js` target can
   * name (`lib/x` → `lib/x.js`, `lib/x.d.ts`, `lib/x/index.js`; `x.js` → also `x.d.ts`).
   */
  private sourceOf(outputs: ProjectOutputs, target: string): { source: string; output: string } | undefined {
    for (const output of outputCandidates(target)) {
      const source = outputs.sources.get(output) ?? (outputs.byOptions ? this.sourceByOptions(outputs.byOptions, output) : undefined);
      if (source !== undefined) return { source, output };
    }
    return undefined;
  }

  /** TypeScript's output naming run backwards: outDir (declarationDir for .d.ts) → rootDir, then the source extensions. */
  private sourceByOptions(layout: NonNullable<ProjectOutputs['byOptions']>, output: string): string | undefined {
    const declaration = /\.d\.([mc]?)ts$/.exec(output);
    const js = declaration ? undefined : /\.([mc]?)jsx?$/.exec(output);
    const match = declaration ?? js;
    if (!match) return undefined;
    const outDir = (declaration ? layout.declarationDir : undefined) ?? layout.outDir ?? layout.rootDir;
    const rel = relative(outDir, output.slice(0, match.index));
    if (rel.startsWith('..') || rel === '') return undefined;
    const stem = join(layout.rootDir, rel);
    const flavour = match[1] ?? '';
    const extensions = flavour === '' ? ['.ts', '.tsx'] : [`.${flavour}ts`];
    for (const extension of extensions) if (this.host.fileExists(stem + extension)) return stem + extension;
    return undefined;
  }
}

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
