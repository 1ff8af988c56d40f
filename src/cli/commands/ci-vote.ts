import { Option, type Command } from 'commander';
import { InputError } from '../../errors.js';
import { knownResultCodes } from '../../ci/result-codes.js';
import type { CliIo } from '../io.js';
import { resolveCwd } from './shared.js';
import { resolve } from 'node:path';

interface VoteOptions {
  result: string;
  log?: string;
  format: 'text' | 'json';
  policy?: string;
  cwd?: string;
  infraPattern: string[];
  testPattern: string[];
  system?: string;
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function helpText(): string {
  const byClass = new Map<string, string[]>();
  for (const { code, class: cls } of knownResultCodes()) byClass.set(cls, [...(byClass.get(cls) ?? []), code]);
  const table = [...byClass.entries()].map(([cls, codes]) => `  ${cls.padEnd(8)} ${codes.join(', ')}`).join('\n');
  return `
Votes: +1 pass, -1 real test failure, 0 infra or unknown failure (never -1); no vote at all for
merge conflicts, config errors and skipped runs. A failing result is checked against the log: a
real test failure (pytest, unittest, TAP, jest…) wins over an infra pattern (package mirror,
network, OOM, lost runner, disk full); any other code is "unknown" (0). The last line says which
rule decided.

From the policy (--policy, with --system NAME for a system's own settings):
  ci.vote             the label and values, e.g. { label: Verified, pass: 2, fail: -2, neutral: 0 }
  ci.unexplainedFailure: 0
                      a failure without evidence of a test failure in the log gets 0, not -1
                      (SmokeStack's rule; the preset policies/smokestack.yaml sets both)
  ci.resultCodes      more result codes, or other classes for these, e.g. { UNSTABLE: infra }

Built-in result codes (case-insensitive):
${table}

Examples:
  $ lifecycle ci vote --result SUCCESS
  +1
  $ lifecycle ci vote --result FAILURE --log job-output.txt
  0
  class: infra
  reason: an infrastructure failure, not the change’s fault (package mirror out of sync (pattern mirror, line 812))
  $ lifecycle ci vote --result NODE_FAILURE --format json
`;
}

/** `lifecycle ci vote`: the vote a CI should post for one run. */
export function registerCiVoteCommand(ci: Command, io: CliIo): void {
  ci.command('vote')
    .description('print the vote (+1, -1 or 0) a CI should post for one run, and why')
    .requiredOption('--result <code>', 'the result code (Zuul: SUCCESS, FAILURE, NODE_FAILURE…; GitHub: success, failure, startup_failure…)')
    .option('--log <file>', 'the job log (scanned line by line for infra and test-failure patterns)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--policy <file>', 'take patterns, result codes and the vote scheme from the ci: section of this policy')
    .option('--system <name>', 'use the vote scheme of this system of ci.systems (with --policy)')
    .option('--cwd <dir>', 'directory to run in')
    .option('--infra-pattern <regex>', 'extra pattern of infra failures (repeatable)', collect)
    .option('--test-pattern <regex>', 'extra pattern of real test failures (repeatable)', collect)
    .addHelpText('after', helpText())
    .action(async (raw: VoteOptions) => {
      const options: VoteOptions = { ...raw, infraPattern: raw.infraPattern ?? [], testPattern: raw.testPattern ?? [] };
      const cwd = resolveCwd(io.cwd, options.cwd);
      if (options.result.trim() === '') throw new InputError('--result: empty result code');
      // Loaded here, not at the top: `lifecycle --help` and the other commands need none of it.
      const ci = options.policy ? (await import('../../load-policy.js')).loadPolicy({ cwd, policyPath: options.policy }).merged.ci : undefined;
      const [{ decideVote }, { VOTE_REPORTERS }] = await Promise.all([import('../../ci/pipeline.js'), import('../../formats/ci/vote.js')]);
      const vote = await decideVote({
        result: options.result,
        log: options.log === undefined ? undefined : { path: resolve(cwd, options.log), display: options.log },
        ci,
        system: options.system,
        infraPatterns: options.infraPattern,
        testPatterns: options.testPattern,
      });
      io.stdout(VOTE_REPORTERS[options.format](vote));
    });
}
