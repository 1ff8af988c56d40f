import { join } from 'node:path';
import picomatch from 'picomatch';
import type * as ConfigParsers from '../config-files/index.js';
import type * as MarkdownParser from '../docs-files/markdown.js';
import { readSourceText } from './read-source.js';
import type { Workspace } from '../workspace/open-workspace.js';
import type { ConfigFileFacts } from '../facts/config-file.js';
import type { DocFileFacts } from '../facts/doc-file.js';
import type { CheckInput } from '../checks/check.js';

/**
 * The facts about non-source files: config files matched by `config.files`, and the doc files
 * named by the `docs` globs of features that are not removed. Only those files are read.
 * `files.exclude` applies to them; `files.include` (a list of source trees) does not.
 * `shouldRead` skips files whose findings would not be reported anyway (--changed-since).
 * The parsers (YAML, TOML, INI, JSON, Markdown/MDX) are loaded only when there are such files.
 */
export async function collectProjectFiles(
  workspace: Workspace,
  shouldRead: (file: string) => boolean = () => true,
): Promise<Pick<CheckInput, 'config' | 'docs'>> {
  const { policy } = workspace.loaded;
  const isExcluded = policy.files.exclude.length > 0 ? picomatch(policy.files.exclude, { dot: true }) : () => false;
  const candidates = workspace.allFiles.filter((file) => !isExcluded(file) && shouldRead(file));

  const isConfig = policy.config.files.length > 0 ? picomatch(policy.config.files, { dot: true }) : () => false;
  const configFiles = candidates.filter((file) => isConfig(file));
  const docGlobs = policy.features.filter((feature) => feature.status !== 'removed').flatMap((feature) => feature.docs);
  const isDoc = docGlobs.length > 0 ? picomatch(docGlobs, { dot: true }) : () => false;
  const docFiles = candidates.filter((file) => isDoc(file));
  return {
    config: configFiles.length > 0 ? readConfigFiles(workspace.root, configFiles, await import('../config-files/index.js')) : [],
    docs: docFiles.length > 0 ? readDocFiles(workspace.root, docFiles, await import('../docs-files/markdown.js')) : [],
  };
}

function readConfigFiles(root: string, files: readonly string[], parsers: typeof ConfigParsers): ConfigFileFacts[] {
  return files.map((file) => {
    const read = readSourceText(join(root, file));
    return 'problem' in read
      ? { file, format: parsers.configFormatOf(file), keys: [], problem: { line: 1, column: 1, message: read.problem } }
      : parsers.configFileFacts(file, read.text);
  });
}

function readDocFiles(root: string, files: readonly string[], parser: typeof MarkdownParser): DocFileFacts[] {
  return files.map((file) => {
    const read = readSourceText(join(root, file));
    const format = /\.mdx$/i.test(file) ? 'mdx' : 'markdown';
    return 'problem' in read
      ? { file, format, title: undefined, marks: [], problem: { line: 1, column: 1, message: read.problem } }
      : parser.markdownFacts(file, read.text);
  });
}
