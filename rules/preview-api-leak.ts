import { join } from 'node:path';
import { previewApiLeak } from '../src/checks/preview-api-leak.js';
import { createLifecycleRule } from '../src/eslint/create-rule.js';
import { parserTypeScript } from '../src/eslint/typed-program.js';
import { apiSurfaceOfProgram, projectPathBelow } from '../src/extract/typed/api-surface.js';
import { apiEntryPoints } from '../src/extract/typed/entry-points.js';
import type { ApiSurfaceFacts } from '../src/facts/api-surface.js';
import type { TS } from '../src/ts.js';
import type { Workspace } from '../src/workspace/open-workspace.js';

/** Per program of typed linting, per workspace: the API surface, walked once for every linted file. */
const surfaces = new WeakMap<TS.Program, WeakMap<Workspace, ApiSurfaceFacts>>();

/**
 * `lifecycle/preview-api-leak`: see docs/rules/preview-api-leak.md. A typed rule: the program and
 * checker come from @typescript-eslint/parser's services, walked with the TypeScript that parser
 * uses, by the same extractor as `lifecycle check`; it reports the findings at declarations of the
 * linted file.
 */
export default createLifecycleRule({
  check: previewApiLeak,
  typedFacts(program, workspace) {
    let byWorkspace = surfaces.get(program);
    if (!byWorkspace) {
      byWorkspace = new WeakMap();
      surfaces.set(program, byWorkspace);
    }
    let surface = byWorkspace.get(workspace);
    if (!surface) {
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
