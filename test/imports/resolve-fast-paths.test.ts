import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceText } from '../../src/engine/read-source.js';
import { openWorkspace, projectsOf, type Workspace } from '../../src/workspace/open-workspace.js';
import { extractImports } from '../../src/extract/typescript/extract-imports.js';
import { ImportResolver } from '../../src/imports/resolve.js';
import type { ModuleFormat } from '../../src/imports/resolution.js';
import type { TypeScript } from '../../src/ts.js';

/**
 * Differential test of ImportResolver's shortcuts (the relative fast path, the tsconfig `paths`
 * fast path, and the per-scope memo of bare specifiers): one shared resolver with every shortcut
 * on must give, for every import site of real projects, exactly the answer of a fresh resolver
 * per containing file that asks TypeScript for everything.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
const ts = createRequire(import.meta.url)('typescript') as TypeScript;

/** `ts` with resolveModuleName counted, to tell which answers skipped TypeScript. */
function countingTypeScript(): { ts: TypeScript; calls: () => number } {
  let calls = 0;
  const counted = Object.create(ts, {
    resolveModuleName: {
      value: (...args: Parameters<TypeScript['resolveModuleName']>) => {
        calls += 1;
        return ts.resolveModuleName(...args);
      },
    },
  }) as TypeScript;
  return { ts: counted, calls: () => calls };
}

interface Comparison {
  fast: string[];
  truth: string[];
  sites: number;
  /** Non-relative specifiers answered with a project file from a tsconfig without calling TypeScript (first resolution, not a memo hit). */
  pathsFastHits: string[];
  /** Relative specifiers answered with a project file without calling TypeScript. */
  relativeFastHits: number;
}

/** Mirrors src/extract/shared/file-facts.ts (resolveImportSites). */
function formatOfSite(form: string, fileFormat: ModuleFormat): ModuleFormat {
  return form === 'require' || form === 'import-equals' ? 'cjs' : form === 'dynamic-import' ? 'esm' : fileFormat;
}

function compareProject(workspace: Workspace): Comparison {
  const { root, packages, sourceFiles } = workspace;
  const counting = countingTypeScript();
  const shared = new ImportResolver(root, packages, counting.ts);
  const seen = new Set<string>();
  const result: Comparison = { fast: [], truth: [], sites: 0, pathsFastHits: [], relativeFastHits: 0 };
  for (const file of sourceFiles) {
    const source = readSourceText(join(root, file));
    if (!('text' in source)) continue; // binary or oversized: never analysed
    const sites = extractImports(file, source.text).imports.filter((site) => site.specifier !== undefined);
    if (sites.length === 0) continue;
    const truthResolver = new ImportResolver(root, packages, ts, false);
    const sharedFileFormat = shared.formatOf(file);
    const truthFileFormat = truthResolver.formatOf(file);
    for (const site of sites) {
      const specifier = site.specifier!;
      const format = formatOfSite(site.form, sharedFileFormat);
      const truthFormat = formatOfSite(site.form, truthFileFormat);
      const before = counting.calls();
      const fast = shared.resolve(specifier, file, format);
      const askedTypeScript = counting.calls() !== before;
      const truth = truthResolver.resolve(specifier, file, truthFormat);
      result.fast.push(`${file} ${specifier} ${format} -> ${JSON.stringify(fast)}`);
      result.truth.push(`${file} ${specifier} ${truthFormat} -> ${JSON.stringify(truth)}`);
      result.sites += 1;
      const firstTime = !seen.has(`${specifier}\0${format}`);
      seen.add(`${specifier}\0${format}`);
      if (!askedTypeScript && fast.kind === 'file') {
        if (specifier.startsWith('.')) result.relativeFastHits += 1;
        else if (firstTime && !fast.via.startsWith('workspace package') && fast.via !== 'file on disk') {
          result.pathsFastHits.push(`${file} ${specifier}`);
        }
      }
    }
  }
  return result;
}

/** Fixtures about the registry, docs and config files: not a single import to compare. */
const WITHOUT_IMPORTS = new Set([
  'test/fixtures/config-labels',
  'test/fixtures/deadlines',
  'test/fixtures/docs-labels',
  'test/fixtures/empty-scope-include-typo', // files.include matches nothing: no file is analysed
  'test/fixtures/registry-basics',
  'test/fixtures/registry-defects',
]);

const fixtureDirs = readdirSync(join(repo, 'test/fixtures'), { withFileTypes: true })
  // bad-*: a lifecycle.yaml broken on purpose, so no workspace to resolve in.
  .filter((entry) => entry.isDirectory() && !entry.name.startsWith('bad-') && existsSync(join(repo, 'test/fixtures', entry.name, 'lifecycle.yaml')))
  .map((entry) => `test/fixtures/${entry.name}`)
  .sort();

describe('ImportResolver fast paths give TypeScript’s own answers', () => {
  const generated = mkdtempSync(join(tmpdir(), 'resolve-fast-paths-'));
  afterAll(() => rmSync(generated, { recursive: true, force: true }));

  const totals = { projects: 0, sites: 0, pathsFastHits: [] as string[], relativeFastHits: 0 };

  /** Compares the fast paths on the project and on each nested project (a subtree with its own lifecycle.yaml). */
  function check(cwd: string, workspace: Workspace, withoutImports = false): void {
    const comparisons = projectsOf(workspace).map((project) => compareProject(project.workspace));
    const sites = comparisons.reduce((sum, comparison) => sum + comparison.sites, 0);
    if (withoutImports) expect(sites, `${cwd} now has imports: drop it from WITHOUT_IMPORTS`).toBe(0);
    else expect(sites, `${cwd}: no import sites compared`).toBeGreaterThan(0);
    for (const comparison of comparisons) {
      expect(comparison.fast).toEqual(comparison.truth);
      totals.projects += 1;
      totals.sites += comparison.sites;
      totals.pathsFastHits.push(...comparison.pathsFastHits.map((hit) => `${cwd}: ${hit}`));
      totals.relativeFastHits += comparison.relativeFastHits;
    }
  }

  for (const dir of [...fixtureDirs, 'examples/netsvc']) {
    it(dir, () => {
      check(dir, openWorkspace({ cwd: join(repo, dir) }), WITHOUT_IMPORTS.has(dir));
    });
  }

  it('a generated monorepo (300 files: @app/* paths, workspace packages, every import form)', async () => {
    // @ts-expect-error: the generator is a plain JavaScript module without types.
    const { generateMonorepo } = (await import('../../bench/generate-monorepo.js')) as {
      generateMonorepo: (options: { files: number; out: string }) => unknown;
    };
    const out = join(generated, 'mono');
    generateMonorepo({ files: 300, out });
    check('generated monorepo', openWorkspace({ cwd: out }));
  });

  it('covers real ground: the paths and relative fast paths were taken', () => {
    expect(totals.projects).toBeGreaterThan(5);
    expect(totals.sites).toBeGreaterThan(500);
    expect(totals.relativeFastHits).toBeGreaterThan(100);
    expect(totals.pathsFastHits.filter((hit) => hit.startsWith('test/fixtures/tsconfig-paths:')).length).toBeGreaterThan(0);
    expect(totals.pathsFastHits.filter((hit) => hit.startsWith('generated monorepo:') && / @app\//.test(hit)).length).toBeGreaterThan(0);
  });
});
