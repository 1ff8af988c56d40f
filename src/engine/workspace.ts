import picomatch from 'picomatch';
import { loadPolicy, type LoadedPolicy } from '../policy/load.js';
import { Classifier } from '../workspace/classify.js';
import { discoverFiles, type DiscoveryNote } from '../workspace/discover.js';
import { readWorkspacePackages, type WorkspacePackages } from '../workspace/packages.js';
import { ImportResolver } from '../imports/resolve.js';

export const SOURCE_FILE = /\.(?:[mc]?[jt]sx?)$/;

/** Everything about a project that does not depend on which files are analysed. */
export interface Workspace {
  loaded: LoadedPolicy;
  root: string;
  /** Source files in scope (files.include/exclude, .gitignore), project-relative, sorted. */
  sourceFiles: string[];
  notes: DiscoveryNote[];
  packages: WorkspacePackages;
  classifier: Classifier;
  resolver: ImportResolver;
}

export function openWorkspace(options: { cwd: string; policyPath?: string }): Workspace {
  const loaded = loadPolicy(options);
  const { policy } = loaded;
  const root = loaded.root;
  const discovery = discoverFiles(root);
  const include = policy.files.include;
  const isIncluded = include ? picomatch(include, { dot: true }) : () => true;
  const isExcluded = policy.files.exclude.length > 0 ? picomatch(policy.files.exclude, { dot: true }) : () => false;
  const sourceFiles = discovery.files.filter((file) => SOURCE_FILE.test(file) && isIncluded(file) && !isExcluded(file));
  const packages = readWorkspacePackages(root, discovery.files);
  return {
    loaded,
    root,
    sourceFiles,
    notes: discovery.notes,
    packages,
    classifier: new Classifier(policy, packages),
    resolver: new ImportResolver(root, packages),
  };
}
