import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { ts as TsNamespace } from '@ts-morph/common';

/** The TypeScript compiler API, as a value type (the module object). */
export type TypeScript = typeof TsNamespace;
export type { TsNamespace as TS };

const require = createRequire(import.meta.url);
let bundled: TypeScript | undefined;

/**
 * The TypeScript this package analyses with: the copy ts-morph bundles (its @ts-morph/common
 * ships it as dist/typescript.js, which ts-morph re-exports as `ts`). Loaded on first use, so
 * code that never parses (the ESLint rules, ci-readiness) does not pay for it. Never mix its
 * objects with another TypeScript copy's.
 */
export function bundledTypeScript(): TypeScript {
  bundled ??= loadWithCodeCache(require.resolve('@ts-morph/common/dist/typescript.js'));
  return bundled;
}

/**
 * Loads a large CommonJS file with V8's code cache, as Node 22's module.enableCompileCache does
 * (not available on Node 20): the first run compiles the 9 MB compiler and, when the process
 * exits, stores the compiled code in the OS temp directory; later runs start about 0.2 s faster.
 * A rejected or unwritable cache only costs that time. LIFECYCLE_NO_CODE_CACHE=1 turns it off.
 */
function loadWithCodeCache(filename: string): TypeScript {
  if (process.env.LIFECYCLE_NO_CODE_CACHE === '1') return require(filename) as TypeScript;
  const stat = statSync(filename);
  const cacheFile = join(
    tmpdir(),
    'feature-lifecycle-code-cache',
    `${process.version}-${process.arch}-${stat.size}-${Math.trunc(stat.mtimeMs)}-${Buffer.from(filename).toString('base64url').slice(-40)}.bin`,
  );
  let cachedData: Buffer | undefined;
  try {
    cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
  } catch {
    cachedData = undefined;
  }
  const script = new Script(Module.wrap(readFileSync(filename, 'utf8')), { filename, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(filename), module, filename, dirname(filename));
  if (!cachedData || script.cachedDataRejected) {
    // At exit, the cache also holds the functions compiled while this run parsed files.
    process.once('exit', () => storeCodeCache(cacheFile, script));
  }
  return module.exports as TypeScript;
}

function storeCodeCache(cacheFile: string, script: Script): void {
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // A cache is an optimisation: never fail a run over it.
  }
}

/**
 * The lib files (lib.es2022.d.ts, lib.dom.d.ts, …) of the bundled TypeScript, which ships them
 * in @ts-morph/common as data, not as files: read from there, with that module given our copy
 * of the compiler (so loading it does not load the compiler twice). For type-checking programs.
 */
export function bundledLibFiles(): ReadonlyMap<string, string> {
  const compiler = require.resolve('@ts-morph/common/dist/typescript.js');
  if (!require.cache[compiler]) {
    const module = new Module(compiler);
    module.filename = compiler;
    module.loaded = true;
    module.exports = bundledTypeScript();
    require.cache[compiler] = module;
  }
  const common = require('@ts-morph/common') as { getLibFiles(): { fileName: string; text: string }[] };
  return new Map(common.getLibFiles().map((file) => [file.fileName, file.text]));
}
