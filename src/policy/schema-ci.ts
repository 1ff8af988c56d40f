import { z } from 'zod';
import { checkPattern } from './re2-patterns.js';

/**
 * The `ci:` section of lifecycle.yaml (CI readiness). Owned by the CI-readiness feature;
 * merged into the one policy schema in schema.ts. Defaults live in policies/recommended.yaml
 * and src/ci/defaults.ts; every key here is optional so presets and overrides validate alike.
 */

const safePattern = z
  .string()
  .superRefine((value, ctx) => {
    const problem = checkPattern(value);
    if (problem) ctx.addIssue({ code: 'custom', message: `pattern /${value}/: ${problem}` });
  })
  .describe('A regular expression in RE2 syntax (linear-time matching; no lookaround or backreferences), matched case-insensitively, line by line.');

const patternEntry = z.union([
  safePattern,
  z.strictObject({
    pattern: safePattern,
    id: z.string().min(1).optional().describe('Short id shown as the reason (default: custom).'),
    reason: z.string().min(1).optional().describe('What the match means, e.g. "package mirror out of sync".'),
  }),
]);

const ratio = z.number().min(0).max(1);
const day = z
  .union([z.string(), z.date()])
  .describe('A date, YYYY-MM-DD (UTC).');

const historyInput = z
  .strictObject({
    format: z
      .enum(['zuul', 'gerrit', 'gerrit-events', 'github', 'ndjson'])
      .optional()
      .describe('Source format of the file(s); detected from the first record when omitted.'),
    path: z.string().min(1).optional().describe('A history file, relative to the policy file.'),
    paths: z.array(z.string().min(1)).optional().describe('Several history files, relative to the policy file.'),
    from: z
      .string()
      .regex(/^(zuul|gerrit|github):\S+$/, 'expected zuul:URL, gerrit:URL or github:OWNER/REPO')
      .optional()
      .describe('Live source: zuul:BUILDS_API_URL, gerrit:CHANGES_QUERY_URL or github:OWNER/REPO.'),
    workflow: z.string().min(1).optional().describe('GitHub: only runs of this workflow name count.'),
  })
  .refine((input) => [input.path, input.paths, input.from].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of path, paths or from',
  })
  .describe('Where a history comes from: file(s) in a source format, or a live API.');

const massFailureSchema = z
  .union([
    z.literal(false),
    z.strictObject({
      windowMinutes: z.number().positive().optional().describe('Sliding window length in minutes (default 120).'),
      minChanges: z.number().int().min(2).optional().describe('Distinct failed changes needed, corroborated by other systems (default 3).'),
      ratio: ratio.optional().describe('Share of failed reports needed (default 0.8).'),
    }),
  ])
  .describe(
    'Failures of most reports across changes of several owners in a short window, which the reference gate or other systems failed too, count as infra (an outage, not the CI); false turns it off.',
  );

const FAILURE_CLASS_NAMES = ['pass', 'test', 'infra', 'unknown', 'novote', 'skipped'] as const;

const voteScheme = z
  .strictObject({
    label: z.string().min(1).optional().describe('The Gerrit label the CI votes on (default Verified).'),
    pass: z.number().int().optional().describe('The vote for a pass (default +1; SmokeStack: +2).'),
    fail: z.number().int().optional().describe('The vote for a real test failure (default -1; SmokeStack: -2).'),
    neutral: z.number().int().optional().describe('The vote for an infra or unknown failure (default 0).'),
  })
  .superRefine((vote, ctx) => {
    const [pass, fail, neutral] = [vote.pass ?? 1, vote.fail ?? -1, vote.neutral ?? 0];
    if (!(fail < neutral && neutral < pass)) {
      ctx.addIssue({ code: 'custom', message: `expected fail < neutral < pass, got fail ${fail}, neutral ${neutral}, pass ${pass}` });
    }
  })
  .describe('How the CI votes: its label and values.');

const unexplainedFailure = z
  .union([z.literal(0), z.literal('fail')])
  .describe('The vote for a failure without evidence of a test failure in the log: fail (default) or 0 (SmokeStack: no -1 without evidence).');

const ciCriteriaSchema = z
  .strictObject({
    probationDays: z.number().int().min(1).max(366).optional().describe('Length of the probation window in days (default 30).'),
    minCoverage: ratio.optional().describe('Minimum share of upstream patchsets the CI reported on (default 0.95).'),
    maxSilenceHours: z.number().positive().optional().describe('Longest silence while upstream was active, in hours (default 48).'),
    maxInfraRate: ratio.optional().describe('Maximum share of reports failed for infra or unknown reasons (default 0.05).'),
    maxFalseNegativeRate: ratio.optional().describe('Maximum share of -1s where the reference gate passed (default 0.03).'),
    failureStreakLimit: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('A failure streak must stay below this many distinct changes (default 5).'),
    maxDuplicateReports: z.number().int().min(0).optional().describe('Reports repeated on a patchset without a recheck (default 0).'),
    recheckAnswerHours: z.number().positive().optional().describe('A recheck must be answered within this many hours (default 24).'),
    minRecheckAnswerRate: ratio.optional().describe('Minimum share of rechecks answered in time (default 1).'),
    maxReportsWithoutLog: z.number().int().min(0).optional().describe('Reports without a log link (default 0).'),
    minContacts: z.number().int().min(0).optional().describe('People who answer for the CI (default 2).'),
    reportDeadlineHours: z
      .number()
      .positive()
      .optional()
      .describe('Upstream patchsets younger than this are pending, not missed (default 24).'),
    clockSkewMinutes: z
      .number()
      .min(0)
      .optional()
      .describe('Tolerance between the CI clock and upstream clocks, in minutes (default 15).'),
    maxPassWhereReferenceFailed: ratio
      .optional()
      .describe('agreement: the most the CI may pass of the patchsets the reference gate failed (default 0.8; a rubber stamp scores 1).'),
    maxInfraVotes: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('infra-votes: failing votes posted on infra or unknown failures (default 0: any such vote fails it).'),
    massFailure: massFailureSchema.optional(),
  })
  .describe('Thresholds of the readiness criteria (see docs/ci-readiness.md).');

const matrixCell = z
  .strictObject({
    cell: z.string().min(1).describe('A job name (Zuul, Gerrit) or a matrix combination (GitHub: the part in parentheses).'),
    voting: z.boolean().optional().describe('false: a non-voting cell, ignored when collating (default true).'),
    required: z.boolean().optional().describe('true: a report in which this cell never ran fails (infra) and counts as a matrix problem.'),
    disabled: z
      .strictObject({
        reason: z.string().optional().describe('Why the cell is disabled (required by the matrix criterion).'),
        until: day.optional().describe('When the cell must be back (required by the matrix criterion); it counts again after.'),
      })
      .optional()
      .describe('A temporarily disabled cell: ignored until its expiry date.'),
  })
  .describe('One cell of the CI job matrix.');

const systemSchema = z
  .strictObject({
    name: z.string().min(1).describe('The CI system name (its Gerrit account name, or any label for Zuul/GitHub histories).'),
    aliases: z
      .array(z.string().min(1))
      .optional()
      .describe('Other identities of the CI in the histories: Gerrit username, email, account id.'),
    voting: z.boolean().optional().describe('Whether the CI votes today (then the verdict is keep or revoke; default false).'),
    contacts: z.array(z.string().min(1)).optional().describe('People who answer for the CI (at least 2 recommended).'),
    history: z.array(historyInput).optional().describe("The CI's run history."),
    projects: z.array(z.string().min(1)).optional().describe('Only upstream patchsets of these projects count (default: all).'),
    recheck: safePattern.optional().describe('Which comments ask this CI to run again (default: ci.recheck).'),
    matrix: z.array(matrixCell).optional().describe('Matrix cells that are non-voting, disabled or required.'),
    criteria: ciCriteriaSchema.optional().describe('Per-system overrides of ci.criteria.'),
    vote: voteScheme.optional().describe('Per-system override of ci.vote.'),
    unexplainedFailure: unexplainedFailure.optional(),
  })
  .describe('One external CI system.');

export const ciSectionSchema = z
  .strictObject({
    systems: z
      .array(systemSchema)
      .superRefine((systems, context) => {
        // Verdicts, votes and --system are keyed by name: a second entry of the same name would hide the first.
        const first = new Map<string, number>();
        systems.forEach((system, index) => {
          const earlier = first.get(system.name);
          if (earlier === undefined) first.set(system.name, index);
          else context.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate CI system name "${system.name}" (also ci.systems[${earlier}]); names must be unique` });
        });
      })
      .optional()
      .describe('The CI systems to evaluate with `lifecycle ci-readiness`.'),
    reference: z
      .strictObject({
        name: z.string().min(1).describe("The reference gate's name (e.g. Zuul, the upstream gate)."),
        aliases: z.array(z.string().min(1)).optional().describe('Other identities of the reference gate in the histories.'),
        history: z.array(historyInput).optional().describe("The reference gate's history (may be the same Gerrit file)."),
      })
      .optional()
      .describe('The upstream gate: its reports define upstream activity and the reference result per patchset.'),
    criteria: ciCriteriaSchema.optional(),
    patterns: z
      .strictObject({
        infra: z.array(patternEntry).optional().describe('Extra patterns that mark a failure as infra (0, never -1).'),
        test: z.array(patternEntry).optional().describe('Extra patterns that mark a real test failure (wins over infra).'),
      })
      .optional()
      .describe('Log/comment patterns added to the built-ins.'),
    recheck: safePattern.optional().describe('Which human comments are recheck requests (default ^\\s*(recheck|reverify|re-run)\\b).'),
    resultCodes: z
      .record(z.string().min(1), z.enum(FAILURE_CLASS_NAMES))
      .optional()
      .describe('Result codes and their class, added to the built-ins or overriding them (case-insensitive), e.g. { UNSTABLE: infra }.'),
    massFailure: massFailureSchema.optional(),
    vote: voteScheme.optional(),
    unexplainedFailure: unexplainedFailure.optional(),
    changeUrl: z
      .string()
      .regex(/^https?:\/\/[^\s]*\{change\}/, 'expected an http(s) URL template with {change}, e.g. https://review.example.org/c/{change}/{patchset}')
      .optional()
      .describe('Link template for change numbers in readiness reports: {change}, {patchset}, {project}.'),
  })
  .describe('CI readiness: the external CI systems and the criteria they must meet before voting.');

export type CiSection = z.infer<typeof ciSectionSchema>;
export type CiSystemEntry = z.infer<typeof systemSchema>;
export type CiHistoryInput = z.infer<typeof historyInput>;
export type CiCriteriaEntry = z.infer<typeof ciCriteriaSchema>;
