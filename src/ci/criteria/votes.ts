import type { Evidence } from '../result.js';
import { formatVote, postedVote } from '../types.js';
import {
  DayCounts,
  capEvidence,
  NO_REFERENCE,
  notMeasurable,
  evidenceOf,
  inWindow,
  percent,
  referenceOutcomes,
  rollingIncidents,
  round,
  type CriterionResult,
  type EvaluationInput,
} from './types.js';

/**
 * Agreement: of the CI's reports on patchsets the reference gate failed (a real test failure,
 * never passed), the share that were +1. A rubber stamp that passes everything scores 1 and
 * is never granted; a CI that tests other things may pass some of them, hence a threshold.
 */
export function agreementCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const base = { id: 'agreement' as const, threshold: settings.maxPassWhereReferenceFailed, op: '<=' as const };
  if (input.reference.length === 0) {
    return notMeasurable(base, NO_REFERENCE);
  }
  const outcomes = referenceOutcomes(input.reference);
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let compared = 0;
  let passed = 0;
  const items: Evidence[] = [];
  for (const report of input.reports) {
    const cls = report.massFailureOf ?? report.class;
    if (cls !== 'pass' && cls !== 'test') continue;
    // The patchsets the reference gate failed and never passed count (a recheck that passed
    // clears them: a flaky gate is no evidence against the CI's +1), with its failing report.
    const outcome = outcomes.get(report.key);
    const failure = outcome && !outcome.passed ? outcome.firstFailure : undefined;
    if (!failure) continue;
    counts.add(report.time, cls === 'pass');
    if (!inWindow(input, report.time)) continue;
    compared++;
    if (cls === 'pass') {
      passed++;
      items.push(evidenceOf(report, `passed where the reference gate failed (${failure.reason})`));
    }
  }
  const max = settings.maxPassWhereReferenceFailed;
  const incidents = rollingIncidents(counts, settings.probationDays, (bad, all) => all > 0 && bad / all > max);
  if (compared === 0) {
    return notMeasurable(base, 'not measurable: the CI reported on no patchset the reference gate failed in the window (a CI that never saw a broken change has not shown it can fail one)', incidents);
  }
  const rate = passed / compared;
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: round(rate, 4),
    pass: rate <= max,
    detail: `passed ${passed} of ${compared} patchsets the reference gate failed (${percent(rate)}); failed the other ${compared - passed}${more}`,
    evidence,
    incidents,
  };
}

/**
 * Infra votes, the Tail-f harm: failing votes (below the neutral value of the CI's label)
 * actually posted on reports the tool classes as infra or unknown — and, under the rule
 * `unexplainedFailure: 0`, on failures without evidence of a test failure. A corroborated
 * mass failure is not counted here (the gate failed those changes too; a -1 there mirrors it,
 * and false-negative-rate judges it where the gate passed).
 */
export function infraVotesCriterion(input: EvaluationInput): CriterionResult {
  const { settings } = input;
  const scheme = input.system.vote;
  const base = { id: 'infra-votes' as const, threshold: settings.maxInfraVotes, op: '<=' as const };
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  let known = 0;
  let failing = 0;
  let bad = 0;
  const items: Evidence[] = [];
  for (const report of input.reports) {
    const vote = postedVote(report, scheme);
    if (vote === undefined) continue;
    const owed = report.massFailureOf === undefined && (report.class === 'infra' || report.class === 'unknown');
    const unexplained = scheme.unexplainedFailure === 0 && report.class === 'test' && !report.testEvidence;
    const isBad = vote !== null && vote < scheme.neutral && (owed || unexplained);
    counts.add(report.time, isBad);
    if (!inWindow(input, report.time)) continue;
    known++;
    if (vote !== null && vote < scheme.neutral) failing++;
    if (!isBad) continue;
    bad++;
    const why = owed ? `${report.class}: ${report.reason}` : `no evidence of a test failure (${report.reason}); rule unexplainedFailure: 0`;
    items.push(evidenceOf(report, `${scheme.label}${formatVote(vote as number)} posted on ${why}`));
  }
  const incidents = rollingIncidents(counts, settings.probationDays, (n) => n > settings.maxInfraVotes);
  if (known === 0) {
    // A non-voting CI has posted no vote that could block anyone; a voting one must show its votes.
    const voting = input.system.voting;
    return {
      ...base,
      value: null,
      pass: !voting,
      detail: `${voting ? 'not measurable' : 'not measured (a non-voting CI)'}: the history shows no report with its posted votes (Zuul builds and GitHub runs carry none; add the Gerrit history with the CI's comments)`,
      evidence: [],
      incidents,
    };
  }
  const { evidence, more } = capEvidence(items);
  return {
    ...base,
    value: bad,
    pass: bad <= settings.maxInfraVotes,
    detail:
      bad === 0
        ? `no failing ${scheme.label} vote on an infra or unknown failure (${failing} failing votes in ${known} reports)`
        : `${bad} failing ${scheme.label} votes posted on failures that were not the change's fault (of ${failing} failing votes in ${known} reports)${more}`,
    evidence,
    incidents,
  };
}
