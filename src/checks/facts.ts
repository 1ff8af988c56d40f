import type { Finding } from '../findings.js';
import type { Policy } from '../policy/model.js';
import type { ImportForm } from '../imports/extract.js';
import type { FileClass } from '../workspace/classify.js';

/** Where an import leads, already classified. */
export type ImportTarget =
  | { kind: 'file'; file: string; class: FileClass }
  /** A package known by name only (not installed), classified through `features.<id>.packages`. */
  | { kind: 'package'; packageName: string; class: FileClass }
  | { kind: 'external' | 'builtin'; packageName: string }
  | { kind: 'unresolved'; reason: string; declared: boolean; packageName?: string };

export interface ImportFact {
  specifier: string | undefined;
  form: ImportForm;
  typeOnly: boolean;
  line: number;
  column: number;
  target: ImportTarget;
  /** How the target was found (for `lifecycle explain`). */
  via: string;
}

/** A file that could not be analysed, or only partly (syntax error, binary, too large). */
export interface FileProblem {
  line: number;
  column: number;
  message: string;
}

export interface SourceFileFacts {
  file: string;
  class: FileClass;
  imports: ImportFact[];
  problem: FileProblem | undefined;
}

/** Everything the pure checks need; built by an extractor (CLI or ESLint rule). */
export interface ProjectFacts {
  policy: Policy;
  /** Files whose imports were extracted. */
  files: readonly SourceFileFacts[];
  /**
   * Every source file in scope with its class (parsed or not), for checks about the tree as a
   * whole; undefined when the extractor sees one file only (the ESLint rules).
   */
  tree: readonly { file: string; class: FileClass }[] | undefined;
}

/** A pure check: facts and policy in, findings (with the check's own severity) out. */
export interface Check {
  id: string;
  run(facts: ProjectFacts): Finding[];
}
