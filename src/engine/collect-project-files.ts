import { join } from 'node:path';
import picomatch from 'picomatch';
import type { ConfigFileFacts, DocFileFacts, ProjectFacts } from '../checks/facts.js';
import { readSourceText } from './read-source.js';
import type { Workspace } from './workspace.js';

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
): Promise<Pick<ProjectFacts, 'config' | 'docs'>> {
  const { policy } = workspace.loaded;
  const isExcluded = policy.files.exclude.length > 0 ? picomatch(policy.files.exclude, { dot: true }) : () => false;
  const candidates = workspace.allFiles.filter((file) => !isExcluded(file) && shouldRead(file));

  const isConfig = policy.config.files.length > 0 ? picomatch(policy.config.files, { dot: true }) : () => false;
  const configFiles = candidates.filter((file) => isConfig(file));
  const { configFileFacts, configFormatOf } = configFiles.length > 0 ? await import('../config-files/index.js') : UNUSED_CONFIG;
  const config = configFiles.map((file): ConfigFileFacts => {
    const read = readSourceText(join(workspace.root, file));
    return 'problem' in read
      ? { file, format: configFormatOf(file), keys: [], problem: { line: 1, column: 1, message: read.problem } }
      : configFileFacts(file, read.text);
  });

  const docGlobs = policy.features.filter((feature) => feature.status !== 'removed').flatMap((feature) => feature.docs);
  const isDoc = docGlobs.length > 0 ? picomatch(docGlobs, { dot: true }) : () => false;
  const docFiles = candidates.filter((file) => isDoc(file));
  const { markdownFacts } = docFiles.length > 0 ? await import('../docs-files/markdown.js') : UNUSED_DOCS;
  const docs = docFiles.map((file): DocFileFacts => {
    const read = readSourceText(join(workspace.root, file));
    const format = /\.mdx$/i.test(file) ? 'mdx' : 'markdown';
    return 'problem' in read
      ? { file, format, title: undefined, marks: [], problem: { line: 1, column: 1, message: read.problem } }
      : markdownFacts(file, read.text);
  });
  return { config, docs };
}

/** Stand-ins when there is nothing to parse: never called on an empty list. */
const never = (): never => {
  throw new Error('no parser loaded');
};
const UNUSED_CONFIG = { configFileFacts: never, configFormatOf: never };
const UNUSED_DOCS = { markdownFacts: never };

