import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import type { AdHocFlags } from '../../ci/config.js';
import type { PlanSource } from '../../ci/pipeline.js';
import { READINESS_FORMATS, type ReadinessFormat } from '../../ci/result.js';
import { DEFAULT_MAX_LINE_MB, megabytes } from '../../ci/sources/read.js';
import { FIRST_YEAR, LAST_YEAR, dayOf, parseDay } from '../../ci/time.js';
import { SOURCE_FORMATS } from '../../ci/types.js';
import type { CliIo } from '../io.js';
import type { SetExitCode } from './shared.js';
import { resolveCwd } from './shared.js';

interface ReadinessOptions {
  asOf?: string;
  since?: string;
  format: string;
  policy?: string;
  cwd?: string;
  history: string[];
  from: string[];
  sourceFormat?: string;
  system?: string;
  alias: string[];
  reference: string[];
  referenceFormat?: string;
  referenceSystem: string;
  voting: boolean;
  contact: string[];
  project: string[];
  workflow?: string;
  referenceWorkflow?: string;
  infraPattern: string[];
  testPattern: string[];
  recheck?: string;
  changeUrl?: string;
  exportNdjson?: string;
  maxLineMb?: string;
  maxPages?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

const HELP = `
How it works:
  Every history (files or live APIs) is normalized to runs, classified (pass / test / infra /
  unknown / novote / skipped), collated per report the Zuul way, and measured over the
  probation window ending on the as-of day. A non-voting CI gets "grant" once every criterion
  holds for a full window, else "not-yet"; a voting CI gets "keep", or "revoke" with evidence.
  Exit code: 0 when every evaluated system may vote, 1 otherwise, 2 on input errors.
  The as-of day defaults to the UTC day of the latest record in the data (today if there is none).

Examples:
  # the systems of ci.systems in lifecycle.yaml
  $ lifecycle ci-readiness
  $ lifecycle ci-readiness acme-ci --as-of 2026-03-31 --format json

  # ad hoc: a third-party CI's comments in a Gerrit query dump, judged against Zuul's
  $ curl -s 'https://review.example.org/changes/?q=project:netsvc+after:2026-01-01&o=MESSAGES' > gerrit.json
  $ lifecycle ci-readiness --history gerrit.json --source-format gerrit --system "Acme CI" \\
      --reference gerrit.json --reference-system Zuul --contact alice@example.org --contact bob@example.org

  # ad hoc: a Zuul builds API dump, live; then convert once and re-evaluate fast
  $ lifecycle ci-readiness --from zuul:https://zuul.acme.example/api/tenant/acme/builds?project=netsvc \\
      --system acme-ci --since 2026-01-01 --export-ndjson acme.ndjson
  $ lifecycle ci-readiness --history acme.ndjson --source-format ndjson --system acme-ci

Docs: docs/ci-readiness.md
`;

/** `lifecycle ci-readiness`: may this CI vote? */
export function registerCiReadinessCommand(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('ci-readiness')
    .description('prove from its run history that a CI ran reliably for N days before it may vote')
    .argument('[system...]', 'systems of ci.systems to evaluate (default: all)')
    .option('--as-of <date>', 'evaluate as of this UTC day (YYYY-MM-DD; default: day of the latest record)')
    .option('--since <date>', 'ignore records before this day (also limits live fetches)')
    .addOption(new Option('--format <format>', 'output format').choices(READINESS_FORMATS).default('text'))
    .option('--policy <file>', 'policy file (default: lifecycle.yaml found from --cwd upwards)')
    .option('--cwd <dir>', 'directory to run in')
    .option('--history <files...>', 'ad hoc: history files of the system (and of upstream activity)', collect)
    .option('--from <source>', 'ad hoc: live history: zuul:URL, gerrit:URL or github:OWNER/REPO (repeatable)', collect)
    .option('--source-format <format>', `ad hoc: format of --history files: ${SOURCE_FORMATS.join('|')} (default: detected)`)
    .option('--system <name>', 'ad hoc: the CI system to evaluate (its Gerrit account name, or any label)')
    .option('--alias <identity>', 'ad hoc: another identity of the system in the history (repeatable)', collect)
    .option('--reference <files...>', "ad hoc: the reference gate's history (e.g. Zuul's)", collect)
    .option('--reference-format <format>', 'ad hoc: format of --reference files (default: --source-format)')
    .option('--reference-system <name>', "ad hoc: the reference gate's name in the histories", 'Zuul')
    .option('--voting', 'ad hoc: the system votes today (verdict keep/revoke instead of grant/not-yet)', false)
    .option('--contact <who>', 'ad hoc: a contact of the CI (repeatable; >= 2 needed)', collect)
    .option('--project <name>', 'ad hoc: only upstream patchsets of this project count (repeatable)', collect)
    .option('--workflow <name>', 'ad hoc: GitHub: only runs of this workflow')
    .option('--reference-workflow <name>', "ad hoc: GitHub: the reference gate's workflow")
    .option('--infra-pattern <regex>', 'extra log/comment pattern of infra failures (repeatable)', collect)
    .option('--test-pattern <regex>', 'extra log/comment pattern of real test failures (repeatable)', collect)
    .option('--recheck <regex>', 'which comments are recheck requests')
    .option('--change-url <template>', 'link change numbers in the report: URL with {change}, {patchset}, {project} (default: ci.changeUrl)')
    .option('--export-ndjson <file>', 'write the normalized runs of all inputs to FILE (NDJSON)')
    .option('--max-line-mb <n>', 'longest line (NDJSON, stream-events) or JSON record of an input, in MiB; a longer one is an input error', String(DEFAULT_MAX_LINE_MB))
    .option('--max-pages <n>', 'page cap of each live source (--from); more pages than this is an input error, never a truncated history', '1000')
    .addHelpText('after', HELP)
    .action(async (systems: string[], raw: Partial<ReadinessOptions>) => {
      const list = (value: string[] | undefined): string[] => value ?? [];
      const options: ReadinessOptions = {
        ...(raw as ReadinessOptions),
        history: list(raw.history),
        from: list(raw.from),
        alias: list(raw.alias),
        reference: list(raw.reference),
        contact: list(raw.contact),
        project: list(raw.project),
        infraPattern: list(raw.infraPattern),
        testPattern: list(raw.testPattern),
      };
      const code = await runReadiness(systems, options, io);
      setExitCode(code);
    });
}

function day(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = parseDay(value);
  if (parsed === undefined) throw new InputError(`${flag} ${JSON.stringify(value)}: expected a date, YYYY-MM-DD, in the years ${FIRST_YEAR}–${LAST_YEAR}`);
  return parsed;
}

/**
 * The action of `lifecycle ci-readiness`: checks the options, then runs the pipeline
 * (src/ci/pipeline.ts) and prints its result. The pipeline, the policy loader and the reporters
 * are imported here, not at the top: `lifecycle --help` and the other commands need none of them.
 */
async function runReadiness(systems: string[], options: ReadinessOptions, io: CliIo): Promise<number> {
  const cwd = resolveCwd(io.cwd, options.cwd);
  const asOfDay = day(options.asOf, '--as-of');
  const sinceDay = day(options.since, '--since');
  const maxLineMb = Number(options.maxLineMb ?? DEFAULT_MAX_LINE_MB);
  if (!Number.isFinite(maxLineMb) || maxLineMb <= 0) throw new InputError(`--max-line-mb ${JSON.stringify(options.maxLineMb)}: expected a positive number of MiB`);
  const maxPages = Number(options.maxPages ?? 1000);
  if (!Number.isInteger(maxPages) || maxPages < 1) throw new InputError(`--max-pages ${JSON.stringify(options.maxPages)}: expected a whole number of pages, at least 1`);
  const adHoc = options.history.length > 0 || options.from.length > 0 || options.system !== undefined || options.reference.length > 0;
  let plan: PlanSource;
  if (adHoc) {
    if (systems.length > 0) {
      throw new InputError(`system arguments (${systems.join(', ')}) select from ci.systems; with --history use --system NAME`);
    }
    if (options.history.length === 0 && options.from.length === 0) {
      throw new InputError('--system needs a history: --history FILE… or --from zuul:URL|gerrit:URL|github:OWNER/REPO');
    }
    if (options.system === undefined && options.exportNdjson === undefined) {
      throw new InputError('--history needs --system NAME (the CI to evaluate), or --export-ndjson FILE to convert only');
    }
    const ci = options.policy ? (await import('../../load-policy.js')).loadPolicy({ cwd, policyPath: options.policy }).merged.ci : undefined;
    const flags: AdHocFlags = {
      history: options.history,
      from: options.from,
      sourceFormat: options.sourceFormat,
      system: options.system,
      aliases: options.alias,
      reference: options.reference,
      referenceFormat: options.referenceFormat,
      referenceSystem: options.referenceSystem,
      voting: options.voting,
      contacts: options.contact,
      projects: options.project,
      workflow: options.workflow,
      referenceWorkflow: options.referenceWorkflow,
      infraPatterns: options.infraPattern,
      testPatterns: options.testPattern,
      recheck: options.recheck,
      changeUrl: options.changeUrl,
    };
    plan = { kind: 'ad-hoc', flags, ci, cwd };
  } else {
    const { loadPolicy } = await import('../../load-policy.js');
    const loaded = loadPolicy({ cwd, policyPath: options.policy });
    if (options.infraPattern.length || options.testPattern.length) {
      throw new InputError('--infra-pattern/--test-pattern apply to ad hoc runs; put patterns in ci.patterns of the policy');
    }
    plan = { kind: 'policy', ci: loaded.merged.ci, root: loaded.root, cwd, names: systems };
  }
  const [{ checkChangeUrl }, { runReadinessPipeline }] = await Promise.all([import('../../ci/config.js'), import('../../ci/pipeline.js')]);
  const outcome = await runReadinessPipeline({
    plan,
    asOfDay,
    sinceDay,
    today: dayOf(Date.now()),
    env: process.env,
    maxLineLength: megabytes(maxLineMb),
    maxPages,
    onNote: (message) => io.stderr(`lifecycle: ${message}\n`),
    exportNdjson: options.exportNdjson === undefined ? undefined : { path: resolve(cwd, options.exportNdjson), display: options.exportNdjson },
    changeUrl: checkChangeUrl(options.changeUrl),
  });
  if (!outcome.result) return 0;
  const { READINESS_REPORTERS } = await import('../../formats/ci/index.js');
  io.stdout(READINESS_REPORTERS[options.format as ReadinessFormat](outcome.result, { changeUrl: outcome.changeUrl }));
  return outcome.result.systems.every((s) => s.mayVote) ? 0 : 1;
}
