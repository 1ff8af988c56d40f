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
/** Per linted file: the program rebuilt for its current text during an autofix cycle. */
const rebuilt = new Map<string, { base: TS.Program; text: string; program: TS.Program }>();

export function typedProgramFor(program: TS.Program, fileName: string, text: string): TypedProgramOutcome {
  if (!isIsolated(program)) {
    if (lastFullProgram.get(fileName)?.deref() !== program) lastFullProgram.set(fileName, new WeakRef(program));
    rebuilt.delete(fileName);
    return { program };
  }
  const base = lastFullProgram.get(fileName)?.deref();
  if (!base) {
    return {
      problem:
        'cannot check this file: @typescript-eslint/parser gave this lint a single-file program without types ' +
        '(it parses a file again in single-run mode, as CI=true or an autofix pass does, and no earlier program of this file is known); ' +
        'use parserOptions.projectService, or set TSESTREE_SINGLE_RUN=false',
    };
  }
  if (base.getSourceFile(fileName)?.text === text) return { program: base };
  const known = rebuilt.get(fileName);
  if (known && known.base === base && known.text === text) return { program: known.program };
  const current = withFileText(base, fileName, text);
  rebuilt.set(fileName, { base, text, program: current });
  return { program: current };
}

/** The isolated program of @typescript-eslint/typescript-estree's createIsolatedProgram. */
function isIsolated(program: TS.Program): boolean {
  return program.getCompilerOptions().noResolve === true && program.getRootFileNames().length === 1;
}

/** `base` with one file's text replaced; every other file is base's own source file. */
function withFileText(base: TS.Program, fileName: string, text: string): TS.Program {
  const ts = parserTypeScript();
  const options = base.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    if (name === fileName) return ts.createSourceFile(name, text, languageVersion, true);
    return base.getSourceFile(name) ?? readSourceFile(name, languageVersion, onError, shouldCreate);
  };
  return ts.createProgram({ rootNames: base.getRootFileNames(), options, host, oldProgram: base });
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
