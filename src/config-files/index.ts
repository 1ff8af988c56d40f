import { parseEnvConfig } from './env.js';
import { parseIniConfig } from './ini.js';
import { parseJsonConfig } from './json.js';
import { CommentAttacher, type ParsedConfig } from './source-text.js';
import { parseTomlConfig } from './toml.js';
import { parseYamlConfig } from './yaml.js';
import type { ConfigFileFacts, ConfigFormat } from '../facts/config-file.js';

/** The config format of a file, by its name; undefined when the name says nothing we know. */
export function configFormatOf(file: string): ConfigFormat | undefined {
  const name = file.slice(file.lastIndexOf('/') + 1).toLowerCase();
  if (name === '.env' || name.startsWith('.env.') || name.endsWith('.env')) return 'env';
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  switch (extension) {
    case 'yaml':
    case 'yml':
      return 'yaml';
    case 'json':
      return 'json';
    case 'jsonc':
      return 'jsonc';
    case 'ini':
    case 'conf':
    case 'cfg':
      return 'ini';
    case 'toml':
      return 'toml';
    default:
      return undefined;
  }
}

/** Parses one config file's text into keys with their attached comments (the facts of one file). */
export function configFileFacts(file: string, text: string): ConfigFileFacts {
  const format = configFormatOf(file);
  if (format === undefined) {
    return {
      file,
      format,
      keys: [],
      problem: { line: 1, column: 1, message: 'unknown config format (known: .yaml .yml .json .jsonc .ini .conf .cfg .toml .env)' },
    };
  }
  const parsed = parseConfig(format, text.startsWith('\uFEFF') ? text.slice(1) : text);
  if ('problem' in parsed) return { file, format, keys: [], problem: parsed.problem };
  const attacher = new CommentAttacher(parsed.comments);
  return {
    file,
    format,
    keys: parsed.keys.map((key) => ({ ...attacher.anchor(key), sections: key.sections.map((section) => attacher.anchor(section)) })),
    problem: undefined,
  };
}

function parseConfig(format: ConfigFormat, text: string): ParsedConfig {
  switch (format) {
    case 'yaml':
      return parseYamlConfig(text);
    case 'json':
      return parseJsonConfig(text, { trailingCommas: false });
    case 'jsonc':
      return parseJsonConfig(text, { trailingCommas: true });
    case 'ini':
      return parseIniConfig(text);
    case 'toml':
      return parseTomlConfig(text);
    case 'env':
      return parseEnvConfig(text);
  }
}
