import { createRequire } from 'node:module';
import { join } from 'node:path';
import { previewApiLeak } from '../src/checks/preview-api-leak.js';
import { createLifecycleRule, type TypedProgram } from '../src/eslint/create-rule.js';
import { apiSurfaceOfProgram, projectPathBelow } from '../src/extract/typed/api-surface.js';
import { apiEntryPoints } from '../src/extract/typed/entry-points.js';
import type { ApiSurfaceFacts } from '../src/facts/api-surface.js';
import type { TS, TypeScript } from '../src/ts.js';
import type { Workspace } from '../src/workspace/open-workspace.js';

/** Per program of typed linting, per workspace: the API surface, walked once for every linted file. */
const surfaces = new WeakMap<TypedProgram, WeakMap<Workspace, ApiSurfaceFacts>>();

/**
 * `lifecycle/preview-api-leak`: see docs/rules/preview-api-leak.md. A typed rule: the program and
 * checker come from @typescript-eslint/parser's services, walked with the TypeScript that parser
 * uses, by the same extractor as `lifecycle check`; it reports the findings at declarations of the
 * linted file.
 */
export default createLifecycleRule({
  check: previewApiLeak,
  typedFacts(typed, workspace) {
    let byWorkspace = surfaces.get(typed);
    if (!byWorkspace) {
      byWorkspace = new WeakMap();
      surfaces.set(typed, byWorkspace);
    }
    let surface = byWorkspace.get(workspace);
    if (!surface) {
      const program = typed as TS.Program;
      const entries = apiEntryPoints(workspace);
      const inProgram = entries.files.map((file) => join(workspace.root, file)).filter((abs) => program.getSourceFile(abs) !== undefined);
      const projectPath = (fileName: string) => projectPathBelow(workspace.root, fileName);
      const found = apiSurfaceOfProgram({ ts: parserTypeScript(), program, projectPath, classify: (file) => workspace.classifier.classify(file) }, inProgram);
      surface = { ...found, problems: [...entries.problems, ...found.problems] };
      byWorkspace.set(workspace, surface);
    }
    return { apiSurface: surface };
  },
});

let typescript: TypeScript | undefined;

/** The `typescript` that @typescript-eslint/parser built the program with (never mix two copies' objects). */
function parserTypeScript(): TypeScript {
  if (!typescript) {
    const utils = createRequire(import.meta.url).resolve('@typescript-eslint/utils');
    const estree = createRequire(utils).resolve('@typescript-eslint/typescript-estree');
    typescript = createRequire(estree)('typescript') as TypeScript;
  }
  return typescript;
}
