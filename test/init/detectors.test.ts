import { describe, expect, it } from 'vitest';
import { detectPreviewFolders } from '../../src/init/detect-preview-folders.js';
import { detectPreviewNames } from '../../src/init/detect-preview-names.js';
import { detectPreviewPackages } from '../../src/init/detect-preview-packages.js';
import { detectVersion } from '../../src/init/detect-version.js';
import { scanRepository } from '../../src/init/scan.js';
import { tempProject } from '../helpers/temp-project.js';

const scanOf = (files: Record<string, string>) => scanRepository(tempProject(files));
const workspace = (packages: Record<string, { name: string; version?: string }>, root: Record<string, unknown> = {}) => ({
  'package.json': JSON.stringify({ name: 'root', private: true, workspaces: ['packages/*'], ...root }),
  ...Object.fromEntries(Object.entries(packages).flatMap(([dir, manifest]) => [[`packages/${dir}/package.json`, JSON.stringify(manifest)], [`packages/${dir}/index.ts`, 'export const x = 1;\n']])),
});

describe('detectPreviewPackages', () => {
  it('finds preview packages by name, with or without scope, and nothing else', () => {
    const scan = scanOf(
      workspace({
        'charts-experimental': { name: '@acme/charts-experimental' },
        'maps-alpha': { name: 'maps-alpha' },
        'labs-geo': { name: '@acme/labs-geo' },
        'ui-preview': { name: '@acme/ui-preview' },
        'betamax': { name: '@acme/betamax' },
        'experimental': { name: '@acme/experimental' },
        'labs': { name: 'labs-' },
      }),
    );
    expect(detectPreviewPackages(scan).features.map((feature) => `${feature.id} ${feature.packages!.join()} (${feature.why})`)).toEqual([
      'charts @acme/charts-experimental (package name ends in -experimental)',
      'geo @acme/labs-geo (package name starts with labs-)',
      'maps maps-alpha (package name ends in -alpha)',
      'ui @acme/ui-preview (package name ends in -preview)',
    ]);
  });

  it('keeps two packages that would share an id apart by their whole names', () => {
    const scan = scanOf(workspace({ a: { name: '@a/charts-beta' }, b: { name: '@b/charts-experimental' }, c: { name: '@c/maps-beta' } }));
    expect(detectPreviewPackages(scan).features.map((feature) => feature.id)).toEqual(['charts-beta', 'charts-experimental', 'maps']);
  });
});

describe('detectPreviewFolders', () => {
  it('takes alpha/beta/next only where they hold code, never a package folder, never a generic sub-folder', () => {
    const scan = scanOf({
      ...workspace({ next: { name: '@acme/next' } }),
      'docs/next/intro.md': '# next\n',
      'src/next/router/index.ts': '',
      'src/experimental/utils/a.ts': '',
      'src/experimental/types/b.ts': '',
      'src/experimental/charts/c.ts': '',
      'src/experimental/maps/d.ts': '',
    });
    const detection = detectPreviewFolders(scan, []);
    expect(detection.code).toEqual(['src/experimental/{feature}/**', 'src/next/{feature}/**']);
    expect(detection.features.map((feature) => [feature.id, feature.paths ?? []])).toEqual([
      ['charts', []],
      ['maps', []],
      ['experimental', ['src/experimental/types/**', 'src/experimental/utils/**']],
      ['router', []],
    ]);
    expect(detection.notes).toContain('not a feature: src/experimental/utils (a generic folder name; its files are feature "experimental")');
  });

  it('gives the loose files of a folder with one feature to that feature, and names a folder\'s own feature after the folder above', () => {
    const scan = scanOf({ 'packages/web/src/beta/index.ts': '', 'packages/web/src/beta/search/a.ts': '', 'packages/web/src/labs/x.ts': '' });
    expect(detectPreviewFolders(scan, []).features.map((feature) => [feature.id, feature.paths ?? []])).toEqual([
      ['search', ['packages/web/src/beta/*']],
      ['web-labs', ['packages/web/src/labs/*']],
    ]);
  });

  it('leaves the files under skipped directories (preview packages) alone', () => {
    const scan = scanOf({ 'packages/x-beta/src/experimental/a/b.ts': '' });
    expect(detectPreviewFolders(scan, ['packages/x-beta']).features).toEqual([]);
  });
});

describe('detectPreviewNames', () => {
  it('binds files by package in a workspace, by file name elsewhere, and lists at most ten preview exports', () => {
    const exports = Array.from({ length: 12 }, (_, index) => `export const unstable_n${index} = ${index};\n`).join('');
    const scan = scanOf({ ...workspace({ core: { name: '@acme/core' } }), 'packages/core/unstable_cache.ts': '', 'src/experimental_flags.ts': '', 'src/api.ts': exports });
    const detection = detectPreviewNames(scan, []);
    expect(detection.code).toEqual(['packages/{feature}/**/unstable_*', 'src/experimental_{feature}.*']);
    expect(detection.features.map((feature) => feature.id)).toEqual(['core', 'flags']);
    expect(detection.notes).toHaveLength(1);
    expect(detection.notes[0]).toContain('unstable_n9 (src/api.ts) and 2 more;');
    expect(detection.notes[0]).not.toContain('unstable_n10');
  });
});

describe('detectVersion', () => {
  it('reads the root version, else the version most stable workspace packages share, never the placeholder 0.0.0', () => {
    expect(detectVersion(scanOf({ 'package.json': '{"version":"3.4.1"}' }), new Set(), undefined)).toMatchObject({ kind: 'root', release: '3.4' });
    const scan = scanOf(
      workspace({ a: { name: '@x/a', version: '5.1.0' }, b: { name: '@x/b', version: '5.2.3' }, c: { name: '@x/c', version: '5.2.0' }, d: { name: '@x/d-beta', version: '0.1.0' } }, { version: '0.0.0' }),
    );
    expect(detectVersion(scan, new Set(['@x/d-beta']), undefined)).toEqual({
      kind: 'package',
      release: '5.2',
      version: '5.2.3',
      name: '@x/b',
      why: 'the root package.json has the placeholder version 0.0.0; 2 of 3 versioned workspace packages are at 5.2',
    });
    expect(detectVersion(scanOf(workspace({ a: { name: '@x/a', version: '0.0.0' } })), new Set(), undefined)).toEqual({ kind: 'none', rootPlaceholder: false });
  });
});
