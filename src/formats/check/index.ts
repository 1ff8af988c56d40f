import type { CheckResult } from '../../findings.js';
import type { ReporterOptions } from './reporter-options.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export type { ReporterOptions } from './reporter-options.js';

type CheckReporter = (result: CheckResult, options: ReporterOptions) => string;

/** The one map from `--format` name to reporter. */
export const CHECK_REPORTERS = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  markdown: formatMarkdown,
} satisfies Record<string, CheckReporter>;

export type CheckFormat = keyof typeof CHECK_REPORTERS;

export const CHECK_FORMATS = Object.keys(CHECK_REPORTERS) as CheckFormat[];
