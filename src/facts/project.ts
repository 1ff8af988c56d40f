// Facts about the whole project as one extractor run saw it (the CLI sees the tree, ESLint one
// file). The checks get these together with the policy (src/checks/check.ts).
import type { ApiSurfaceFacts } from './api-surface.js';
import type { ConfigFileFacts } from './config-file.js';
import type { DocFileFacts } from './doc-file.js';
import type { FileClass, SourceFileFacts } from './source-file.js';
import type { SuppressionUse } from './suppressions.js';

export interface ProjectFacts {
  /** Files whose imports were extracted. */
  files: readonly SourceFileFacts[];
  /**
   * Every source file in scope with its class (parsed or not), for checks about the tree as a
   * whole; undefined when the extractor sees one file only (the ESLint rules).
   */
  tree: readonly { file: string; class: FileClass }[] | undefined;
  /**
   * Every file discovery listed (.gitignore honoured, before files.include/exclude), and the
   * source files among them; undefined when not known (ESLint).
   */
  listing?: { files: readonly string[]; sourceFiles: readonly string[] };
  /** Directories discovery could not list (their files, if any, were never seen); undefined when not known (ESLint). */
  unreadableDirectories?: readonly { path: string; code: string }[];
  /** Config files matched by `config.files`, with their keys; undefined when not collected (ESLint). */
  config?: readonly ConfigFileFacts[];
  /** Doc files named by the features' `docs` globs; undefined when not collected (ESLint). */
  docs?: readonly DocFileFacts[];
  /**
   * The suppression directives of the files and whether each suppressed a finding: known only once
   * the other checks have run, so set for the `suppression-comment` check alone (suppressFindings in checks/suppression-comment.ts).
   */
  suppressions?: readonly SuppressionUse[];
  /**
   * The public API of the stable entry points as TypeScript's checker sees it (preview-api-leak);
   * undefined when that check is off, or when no type information is available.
   */
  apiSurface?: ApiSurfaceFacts;
}
