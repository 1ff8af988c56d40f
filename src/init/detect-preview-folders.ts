import { PREVIEW_FOLDER_NAMES } from '../policy/preview-folders.js';
import { NOTHING_DETECTED, type Detection, type DetectedFeature } from './detection.js';
import { GENERIC_FOLDER_NAMES, PREVIEW_FOLDER_NAMES_WHEN_CODE, TEST_FOLDER } from './preview-words.js';
import type { RepositoryScan } from './scan.js';

interface PreviewFolder {
  folder: string;
  word: string;
  /** Sub-folders holding code, by name. */
  features: Set<string>;
  /** Sub-folders with a generic name (utils, shared, …): shared code of the folder. */
  generic: Set<string>;
  /** Source files directly in the folder (file names). */
  direct: Set<string>;
}

const ALWAYS_PREVIEW: readonly string[] = PREVIEW_FOLDER_NAMES;
const PREVIEW_WHEN_CODE: readonly string[] = PREVIEW_FOLDER_NAMES_WHEN_CODE;

/**
 * Preview folders among the source files: folders named preview, experimental, labs, unstable or
 * incubating, and alpha, beta or next (those hold code, since only source files are looked at).
 * Each sub-folder holding code is a feature (`<folder>/{feature}/**`), except generic ones (utils,
 * shared, types, …); files directly in the folder and its generic sub-folders belong to its one
 * feature, or with several (or none) make a feature of their own (`features.<id>.paths`), so no
 * preview file belongs to no feature. A preview folder under test/ holds the tests of the features
 * (`preview.tests`). A folder that is a workspace package is left to the package (its name
 * decides), and so is everything in `skipDirs`.
 */
export function detectPreviewFolders(scan: RepositoryScan, skipDirs: readonly string[]): Detection {
  const code = new Map<string, PreviewFolder>();
  const tests = new Set<string>();
  const migrations = new Set<string>();
  for (const file of scan.sourceFiles) {
    if (skipDirs.some((dir) => file.startsWith(`${dir}/`))) continue;
    const parts = file.split('/');
    for (let index = 0; index < parts.length - 1; index += 1) {
      const name = parts[index]!;
      const folder = parts.slice(0, index + 1).join('/');
      if (name === 'migrations') migrations.add(folder);
      if (!ALWAYS_PREVIEW.includes(name) && !PREVIEW_WHEN_CODE.includes(name)) continue;
      if (scan.packageByDir.has(folder)) continue;
      if (parts.slice(0, index).some((part) => TEST_FOLDER.test(part))) {
        tests.add(folder);
        break;
      }
      const entry = code.get(folder) ?? { folder, word: name, features: new Set(), generic: new Set(), direct: new Set() };
      code.set(folder, entry);
      const sub = parts[index + 1]!;
      if (index + 1 === parts.length - 1) entry.direct.add(sub);
      else if (GENERIC_FOLDER_NAMES.has(sub) || TEST_FOLDER.test(sub)) entry.generic.add(sub);
      else entry.features.add(sub);
      break;
    }
  }
  const folders = [...code.values()].sort((a, b) => (a.folder < b.folder ? -1 : 1));
  const features: DetectedFeature[] = [];
  const notes: string[] = [];
  for (const entry of folders) {
    notes.push(`preview folder ${entry.folder}: a folder named ${entry.word}${PREVIEW_WHEN_CODE.includes(entry.word) ? ' that holds code' : ''}`);
    const own = [...entry.features].sort().map((sub): DetectedFeature => ({ id: sub, title: sub, where: `${entry.folder}/${sub}`, why: `a folder in the preview folder ${entry.folder}`, kind: 'preview folder', word: entry.word }));
    const shared = sharedCode(entry);
    // With one feature in the folder, the shared files are that feature's; with several (or none), a feature of their own.
    const sole = own.length === 1 ? own[0]! : undefined;
    if (sole && shared) own[0] = { ...sole, where: `${sole.where}, ${shared.where}`, why: `${sole.why}; ${shared.why}: the only feature there`, paths: shared.paths! };
    features.push(...own, ...(shared && !sole ? [{ ...shared, why: `${shared.why}: a feature of their own${own.length > 1 ? ', so imports between it and the other features there are cross-feature imports (preview.crossFeatureImports)' : ''}` }] : []));
    const owner = sole ?? shared;
    for (const sub of [...entry.generic].sort()) notes.push(`not a feature: ${entry.folder}/${sub} (a generic folder name; its files are feature "${owner!.id}")`);
  }
  return {
    ...NOTHING_DETECTED,
    features,
    code: folders.filter((entry) => entry.features.size > 0).map((entry) => `${entry.folder}/{feature}/**`),
    tests: [...tests].sort().map((folder) => `${folder}/{feature}/**`),
    exceptionFolders: [...migrations].sort(),
    claimedDirs: [...folders.map((entry) => entry.folder), ...tests].sort(),
    notes,
  };
}

/** The feature of the files directly in a preview folder and of its generic sub-folders, if it has any. */
function sharedCode(entry: PreviewFolder): DetectedFeature | undefined {
  if (entry.direct.size === 0 && entry.generic.size === 0) return undefined;
  const parts = entry.folder.split('/');
  // Named after the nearest folder above that names something (packages/charts/src/beta → charts-beta).
  const owner = parts.slice(0, -1).reverse().find((part) => !GENERIC_FOLDER_NAMES.has(part) && !TEST_FOLDER.test(part) && !part.startsWith('.'));
  const id = owner ? `${owner}-${entry.word}` : entry.word;
  const direct = [...entry.direct].sort();
  const generic = [...entry.generic].sort();
  const what = [
    ...(direct.length > 0 ? [`files directly in ${entry.folder} (${direct.join(', ')})`] : []),
    ...(generic.length > 0 ? [`its generic folder${generic.length === 1 ? '' : 's'} ${generic.join(', ')}`] : []),
  ].join(' and ');
  const paths = [...(direct.length > 0 ? [`${entry.folder}/*`] : []), ...generic.map((sub) => `${entry.folder}/${sub}/**`)];
  return { id, title: `Shared code of ${entry.folder}`, where: paths.join(', '), why: what, kind: 'preview folder', word: entry.word, paths };
}
