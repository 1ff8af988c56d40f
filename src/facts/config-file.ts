// Facts about config files (keys, sections and the comments on them) and doc files (title and
// marks before the first section), produced by src/config-files/ and src/docs-files/.
import type { FileProblem } from './source-file.js';

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
