import { InputError } from '../errors.js';
import type { SkippedCounts } from '../findings.js';
import type { Workspace } from '../workspace/open-workspace.js';

/**
 * The one line of a run that analysed no source file (exit 2): the project root, what discovery
 * listed, what .gitignore hid, and where the source files went (files.include, files.exclude,
 * vendored, the paths given, unreadable directories).
 */
export function nothingAnalysedError(workspace: Workspace, skipped: SkippedCounts, paths?: readonly string[]): InputError {
  const { discovery } = workspace;
  const policy = workspace.loaded.policy;
  const hidden = discovery.gitignored;
  const hid = [...(hidden.files > 0 ? [plural(hidden.files, 'file')] : []), ...(hidden.directories > 0 ? [plural(hidden.directories, 'directory', 'directories')] : [])];
  const listed = `discovery listed ${plural(discovery.files, 'file')}${hid.length > 0 ? ` (.gitignore hid ${hid.join(' and ')})` : ''}`;
  const where = [
    ...(skipped.notIncluded > 0 ? [`${skipped.notIncluded} outside files.include (${(policy.files.include ?? []).join(', ') || 'an empty list'})`] : []),
    ...(skipped.excluded > 0 ? [`${skipped.excluded} matched by files.exclude`] : []),
    ...(skipped.vendored > 0 ? [`${skipped.vendored} vendored or minified (name them in files.include to analyse them)`] : []),
    ...(skipped.outsidePaths > 0 ? [`${skipped.outsidePaths} not under ${paths?.join(', ') ?? 'the given paths'}`] : []),
  ];
  const sources =
    discovery.sourceFiles === 0
      ? 'none of them a source file (.ts, .tsx, .js, .jsx, .mts, .cts, .mjs, .cjs)'
      : `${plural(discovery.sourceFiles, 'source file')} among them: ${where.join(', ')}`;
  const unreadable = discovery.unreadableDirectories;
  const unreadableText =
    unreadable.length > 0 ? `; ${plural(unreadable.length, 'directory', 'directories')} could not be read (${unreadable.map((dir) => `${dir.path}: ${dir.code}`).join(', ')})` : '';
  const scope = paths && paths.length > 0 ? ` under ${paths.join(', ')}` : '';
  return new InputError(`nothing analysed${scope}: project root ${workspace.root} (the directory of ${policy.file}); ${listed}, ${sources}${unreadableText}`);
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
