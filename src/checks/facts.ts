import type { LabelledText } from '../extract/label-calls.js';
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
  /** CLI help strings and route paths; collected for preview files only. */
  labelledTexts?: LabelledText[];
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
}

export type ConfigFormat = 'yaml' | 'json' | 'jsonc' | 'ini' | 'toml' | 'env';

/** A comment that may carry the label, attached to the key or section it sits on or directly above. */
export interface ConfigComment {
  text: string;
  line: number;
  column: number;
  /** On the same line after the key, on comment lines directly above it, or a JSON `"$comment"`/`"//"` member. */
  placement: 'inline' | 'above' | 'member';
}

/** A key or a section (YAML/JSON parent key, INI/TOML table header) of a config file. */
export interface ConfigAnchor {
  /** Key path from the root (e.g. ['fwaas', 'enabled']); for .env files the lower-cased words of the name. */
  path: string[];
  /** The key as written, when `path` is derived from it (.env names). */
  name?: string;
  line: number;
  column: number;
  comments: ConfigComment[];
}

/** One setting: a key whose value is not itself a section (scalars and lists are settings). */
export interface ConfigKeyFact extends ConfigAnchor {
  /** Enclosing sections, innermost first (shared between the keys of one section). */
  sections: ConfigAnchor[];
}

export interface ConfigFileFacts {
  file: string;
  format: ConfigFormat | undefined;
  keys: ConfigKeyFact[];
  /** Set when the file could not be read or parsed (then `keys` is empty). */
  problem: FileProblem | undefined;
}

/** A place in a doc that may carry the label: its title, or a mark before its first section. */
export interface DocMark {
  kind: 'title' | 'front matter title' | 'admonition' | 'badge' | 'strong text' | 'html' | 'jsx';
  text: string;
  line: number;
  column: number;
}

export interface DocFileFacts {
  file: string;
  format: 'markdown' | 'mdx';
  /** The first heading (a front matter `title` is a mark). */
  title: DocMark | undefined;
  /** Admonitions, badges, strong text, HTML and JSX before the first section, in document order. */
  marks: DocMark[];
  problem: FileProblem | undefined;
}

/** A pure check: facts and policy in, findings (with the check's own severity) out. */
export interface Check {
  id: string;
  run(facts: ProjectFacts): Finding[];
}
