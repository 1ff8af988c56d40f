import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ApiSurfaceFacts } from '../../facts/api-surface.js';
import { bundledLibFiles, bundledTypeScript, type TS, type TypeScript } from '../../ts.js';
import type { Workspace } from '../../workspace/open-workspace.js';
import { apiSurfaceOfProgram, projectPathBelow } from './api-surface.js';
import { apiEntryPoints } from './entry-points.js';
import { mergeApiSurfaces } from './merge-surfaces.js';

/**
 * The public API of a workspace's stable entry points for `lifecycle check`: one TypeScript
 * Program per tsconfig project that holds entry points (its own files, as `tsc -p` reads them),
 * built once, sharing parsed files between programs; TypeScript's checker then walks the shapes.
 * Workspace packages that TypeScript cannot resolve (a fresh clone: nothing installed or built)
 * resolve to their sources as `lifecycle check` resolves them.
 */
export function projectApiSurface(workspace: Workspace): ApiSurfaceFacts {
  const ts = bundledTypeScript();
  const configs: ConfigCache = new Map();
  const entries = apiEntryPoints(workspace);
  const byConfig = new Map<string | undefined, string[]>();
  for (const file of entries.files) {
    const abs = join(workspace.root, file);
    const config = governingConfig(ts, configs, workspace.root, abs);
    byConfig.set(config, [...(byConfig.get(config) ?? []), abs]);
  }
  const shared: SharedFiles = { sourceFiles: new Map(), libFiles: byConfig.size > 0 ? bundledLibFiles() : new Map() };
  const surfaces: ApiSurfaceFacts[] = [{ declarations: [], exports: [], problems: entries.problems }];
  for (const [configFile, files] of byConfig) {
    const read = readConfig(ts, configs, configFile);
    if (typeof read === 'string') {
      surfaces.push({ declarations: [], exports: [], problems: files.map((abs) => ({ file: relativeTo(workspace, abs)!, line: 1, column: 1, message: `cannot check the public API of ${relativeTo(workspace, abs)}: ${read}` })) });
      continue;
    }
    const options: TS.CompilerOptions = { ...read.options, noEmit: true };
    const host = sharedHost(ts, options, shared, workspace);
    const program = ts.createProgram({ rootNames: [...new Set([...read.fileNames, ...files])], options, host, ...(read.projectReferences ? { projectReferences: read.projectReferences } : {}) });
    surfaces.push(
      apiSurfaceOfProgram(
        { ts, program, projectPath: (fileName) => relativeTo(workspace, fileName), classify: (file) => workspace.classifier.classify(file) },
        files,
      ),
    );
  }
  return mergeApiSurfaces(surfaces);
}

/** A project path, or undefined outside the root or in node_modules. */
function relativeTo(workspace: Workspace, fileName: string): string | undefined {
  return projectPathBelow(workspace.root, fileName);
}

/**
 * The tsconfig.json that governs a file: the nearest one above it, unless that one does not
 * include it and one of its references does (a solution-style tsconfig.json); undefined: defaults.
 */
function governingConfig(ts: TypeScript, configs: ConfigCache, root: string, abs: string): string | undefined {
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json');
    if (existsSync(candidate)) {
      const read = readConfig(ts, configs, candidate);
      if (typeof read === 'string' || read.fileNames.includes(abs) || !read.projectReferences) return candidate;
      const including = read.projectReferences.map((reference) => ts.resolveProjectReferencePath(reference)).find((reference) => {
        const referenced = readConfig(ts, configs, reference);
        return typeof referenced !== 'string' && referenced.fileNames.includes(abs);
      });
      return including ?? candidate;
    }
    if (dir === root || dirname(dir) === dir) return undefined;
  }
}

/** Parsed tsconfig files of one run, by path. */
type ConfigCache = Map<string, TS.ParsedCommandLine | string>;

/** A tsconfig as `tsc -p` reads it (its files listed), or why it cannot be read; undefined: the defaults. */
function readConfig(ts: TypeScript, parsedConfigs: ConfigCache, configFile: string | undefined): TS.ParsedCommandLine | string {
  if (configFile === undefined) {
    return { options: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, target: ts.ScriptTarget.ES2022, allowJs: true, skipLibCheck: true }, fileNames: [], errors: [] };
  }
  let parsed = parsedConfigs.get(configFile);
  if (parsed === undefined) {
    let failure: string | undefined;
    const host: TS.ParseConfigFileHost = {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        failure = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      },
    };
    const read = ts.getParsedCommandLineOfConfigFile(configFile, undefined, host);
    parsed = read ?? `${configFile}: ${failure ?? 'cannot be read'}`;
    parsedConfigs.set(configFile, parsed);
  }
  return parsed;
}

/**
 * A compiler host whose parsed files are shared by every program of the run (binding is, too:
 * TypeScript binds a file once), that reads sources of referenced projects instead of their
 * unbuilt outputs, and that falls back to lifecycle's resolver for workspace packages.
 */
function sharedHost(ts: TypeScript, options: TS.CompilerOptions, shared: SharedFiles, workspace: Workspace): TS.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (name) => name, options);
  const libText = (fileName: string) => (fileName.startsWith(LIB_FOLDER) ? shared.libFiles.get(fileName.slice(LIB_FOLDER.length)) : undefined);
  const withLibs: TS.CompilerHost & { useSourceOfProjectReferenceRedirect(): boolean } = {
    ...host,
    useSourceOfProjectReferenceRedirect: () => true,
    getDefaultLibLocation: () => LIB_FOLDER.slice(0, -1),
    getDefaultLibFileName: (compilerOptions) => `${LIB_FOLDER}${ts.getDefaultLibFileName(compilerOptions)}`,
    fileExists: (fileName) => libText(fileName) !== undefined || host.fileExists(fileName),
    readFile: (fileName) => libText(fileName) ?? host.readFile(fileName),
    getSourceFile(fileName, languageVersion, onError, shouldCreate) {
      const settings = typeof languageVersion === 'object' ? languageVersion : { languageVersion };
      const key = `${fileName}\0${settings.languageVersion}\0${settings.impliedNodeFormat ?? ''}`;
      if (!shared.sourceFiles.has(key) || shouldCreate) {
        const text = libText(fileName);
        shared.sourceFiles.set(key, text === undefined ? getSourceFile(fileName, languageVersion, onError, shouldCreate) : ts.createSourceFile(fileName, text, languageVersion, false));
      }
      return shared.sourceFiles.get(key);
    },
    resolveModuleNameLiterals(literals, containingFile, redirectedReference, compilerOptions, containingSourceFile) {
      return literals.map((literal) => {
        const mode = ts.getModeForUsageLocation(containingSourceFile, literal, compilerOptions);
        const resolved = ts.resolveModuleName(literal.text, containingFile, compilerOptions, host, cache, redirectedReference, mode);
        if (resolved.resolvedModule) return resolved;
        const containing = relativeTo(workspace, containingFile);
        const own = containing === undefined ? undefined : workspace.resolver.resolve(literal.text, containing, mode === ts.ModuleKind.CommonJS ? 'cjs' : 'esm');
        const extension = own?.kind === 'file' ? extensionOf(ts, own.file) : undefined;
        if (own?.kind !== 'file' || extension === undefined) return resolved;
        return { resolvedModule: { resolvedFileName: join(workspace.root, own.file), extension, isExternalLibraryImport: false } };
      });
    },
  };
  return withLibs;
}

/** Where the programs see the bundled lib files (they exist in memory only). */
const LIB_FOLDER = '/@ts-morph/common/lib/';

/** Parsed files (and the lib files' texts) shared by the programs of one run. */
interface SharedFiles {
  sourceFiles: Map<string, TS.SourceFile | undefined>;
  libFiles: ReadonlyMap<string, string>;
}

function extensionOf(ts: TypeScript, file: string): TS.Extension | undefined {
  const match = /\.d\.[mc]?ts$|\.[mc]?[jt]sx?$/.exec(file)?.[0];
  const byName: Record<string, TS.Extension> = {
    '.ts': ts.Extension.Ts, '.tsx': ts.Extension.Tsx, '.mts': ts.Extension.Mts, '.cts': ts.Extension.Cts,
    '.d.ts': ts.Extension.Dts, '.d.mts': ts.Extension.Dmts, '.d.cts': ts.Extension.Dcts,
    '.js': ts.Extension.Js, '.jsx': ts.Extension.Jsx, '.mjs': ts.Extension.Mjs, '.cjs': ts.Extension.Cjs,
  };
  return match === undefined ? undefined : byName[match];
}
