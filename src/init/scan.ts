import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { discoverFiles } from '../workspace/discover.js';
import { SOURCE_FILE } from '../workspace/open-workspace.js';
import { readWorkspacePackages, type WorkspacePackage, type WorkspacePackages } from '../workspace/packages.js';
import { vendoredByContent, vendoredByPath } from '../workspace/vendored.js';

/** What `lifecycle init` knows of a repository before deciding anything: its files and packages. */
export interface RepositoryScan {
  root: string;
  /** Every file git would see, project-relative (for manifests and config files). */
  files: string[];
  /** The source files init looks at: vendored and generated ones (`.yarn/`, minified bundles) left out. */
  sourceFiles: string[];
  /** The vendored source files left out, grouped by the folder or file that makes them vendored. */
  vendored: { part: string; reason: string; files: number }[];
  packages: WorkspacePackages;
  /** The workspace packages other than the root one, by directory. */
  packageByDir: Map<string, WorkspacePackage>;
  /** The text of a file ('' when it cannot be read). */
  text(file: string): string;
}

/**
 * Lists the repository the way `lifecycle check` does (workspace discovery: .gitignore honoured,
 * node_modules and .git skipped; workspace manifests read), and leaves out vendored source files
 * by the same rules (by path: `.yarn/`, `.pnp.*`; by content: minified, large files under vendor/).
 */
export function scanRepository(root: string): RepositoryScan {
  const files = discoverFiles(root).files;
  // Read when asked, never kept: a large repository's sources do not all fit in memory at once.
  const text = (file: string): string => {
    try {
      return readFileSync(join(root, file), 'utf8');
    } catch {
      return '';
    }
  };
  const vendored = new Map<string, { part: string; reason: string; files: number }>();
  const sourceFiles = files.filter((file) => {
    if (!SOURCE_FILE.test(file)) return false;
    const why = vendoredByPath(file) ?? vendoredByContent(file, text(file));
    if (!why) return true;
    const seen = vendored.get(why.part) ?? { part: why.part, reason: why.reason, files: 0 };
    seen.files += 1;
    vendored.set(why.part, seen);
    return false;
  });
  const packages = readWorkspacePackages(root, files);
  const packageByDir = new Map([...packages.byName.values()].filter((pkg) => pkg.dir !== '').map((pkg) => [pkg.dir, pkg]));
  return { root, files, sourceFiles, vendored: [...vendored.values()], packages, packageByDir, text };
}

/** The workspace package (other than the root) whose directory holds a file, if any: the deepest one. */
export function packageOf(scan: RepositoryScan, file: string): WorkspacePackage | undefined {
  const parts = file.split('/');
  for (let length = parts.length - 1; length > 0; length -= 1) {
    const pkg = scan.packageByDir.get(parts.slice(0, length).join('/'));
    if (pkg) return pkg;
  }
  return undefined;
}
