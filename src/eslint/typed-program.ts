import { createRequire } from 'node:module';
import type { TS, TypeScript } from '../ts.js';

/**
 * The TypeScript program a type-aware rule may trust for the linted file.
 *
 * In single-run mode (`CI=true`, `TSESTREE_SINGLE_RUN=true`, the eslint binary) with
 * `parserOptions.project`, @typescript-eslint/parser builds each program once; when it parses a
 * file a second time in the same process (an autofix pass, or a second ESLint instance linting
 * the file again) it hands out an isolated program instead: `noResolve`, one root, and every file
 * name answered with the linted file's text. Walked as it is, every import of the public API
 * "does not resolve" (measured: 19 findings instead of 10 on test/fixtures/preview-api-leak-monorepo).
 * So an isolated program is replaced by the last full program that held the file: as it is when
 * the file's text did not change, else rebuilt over it with the new text (TypeScript reuses the
 * rest). Without one, the rule says it cannot check the file rather than report noise or nothing.
 */
export type TypedProgramOutcome = { program: TS.Program } | { problem: string };

/** Per linted file: the last full program that held it (weakly: an editor's old programs may go). */
const lastFullProgram = new Map<string, WeakRef<TS.Program>>();
/**
 * The one program rebuilt last (ESLint's autofix passes of a file run back to back, one file after
 * another): one slot, not one per file, so a `--fix` run over many files keeps one extra program
 * (each holds a checker: 5 to 16 MB on a 1,000-file project), not one per fixed file.
 */
let lastRebuilt: { base: TS.Program; fileName: string; text: string; program: TS.Program } | undefined;

export function typedProgramFor(program: TS.Program, fileName: string, text: string): TypedProgramOutcome {
  if (!isIsolated(program)) {
    if (lastFullProgram.get(fileName)?.deref() !== program) lastFullProgram.set(fileName, new WeakRef(program));
    return { program };
  }
  const base = lastFullProgram.get(fileName)?.deref();
  // The file as the full program names it (TypeScript's normalised spelling: `C:/…` for ESLint's `C:\…`).
  const target = base?.getSourceFile(fileName);
  if (!base || !target) {
    return {
      problem:
        'cannot check this file: @typescript-eslint/parser gave this lint a single-file program without types ' +
        '(it parses a file again in single-run mode, as CI=true or an autofix pass does, and no earlier program of this file is known); ' +
        'use parserOptions.projectService, or set TSESTREE_SINGLE_RUN=false',
    };
  }
  if (target.text === text) return { program: base };
  if (lastRebuilt && lastRebuilt.base === base && lastRebuilt.fileName === fileName && lastRebuilt.text === text) return { program: lastRebuilt.program };
  // The previous pass's program as the old one: TypeScript reuses what it can from it.
  const old = lastRebuilt?.base === base && lastRebuilt.fileName === fileName ? lastRebuilt.program : base;
  lastRebuilt = undefined;
  const current = withFileText(base, old, target.fileName, text);
  lastRebuilt = { base, fileName, text, program: current };
  return { program: current };
}

/**
 * The isolated program of @typescript-eslint/typescript-estree's createIsolatedProgram: `noResolve`,
 * one root, and a host whose current directory is '' (a user's tsconfig with `noResolve` and one
 * file has a real current directory).
 */
function isIsolated(program: TS.Program): boolean {
  return program.getCompilerOptions().noResolve === true && program.getRootFileNames().length === 1 && program.getCurrentDirectory() === '';
}

/**
 * `base` with one file's text replaced (`fileName` as base spells it); every other file is base's
 * own source file, except redirects (a package installed twice), which TypeScript must make itself.
 */
function withFileText(base: TS.Program, old: TS.Program, fileName: string, text: string): TS.Program {
  const ts = parserTypeScript();
  const options = base.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    if (name === fileName) return ts.createSourceFile(name, text, languageVersion, true);
    const known = base.getSourceFile(name);
    return known && !(known as { redirectInfo?: unknown }).redirectInfo ? known : readSourceFile(name, languageVersion, onError, shouldCreate);
  };
  const projectReferences = base.getProjectReferences();
  return ts.createProgram({ rootNames: base.getRootFileNames(), options, host, oldProgram: old, ...(projectReferences ? { projectReferences } : {}) });
}

let typescript: TypeScript | undefined;

/** The `typescript` that @typescript-eslint/parser builds its programs with (never mix two copies' objects). */
export function parserTypeScript(): TypeScript {
  if (!typescript) {
    const utils = createRequire(import.meta.url).resolve('@typescript-eslint/utils');
    const estree = createRequire(utils).resolve('@typescript-eslint/typescript-estree');
    typescript = createRequire(estree)('typescript') as TypeScript;
  }
  return typescript;
}
