import type { CriterionResult, EvaluationInput } from './criteria/types.js';
import { dayOf, formatDay, formatTime } from './time.js';
import type { AccountReport, DailyCounts, SystemAccount } from './result.js';
import { formatVote, postedVote, type FailureClass, type Report } from './types.js';

const FAILED = new Set<FailureClass>(['test', 'infra', 'unknown']);

function named(report: Report): AccountReport {
  return { at: formatTime(report.time), change: report.change, patchset: report.patchset, class: report.class };
}

/** The account of one system, from its evaluation input and the silence criterion. Pure. */
export function systemAccount(input: EvaluationInput, silence: CriterionResult | undefined): SystemAccount {
  const counted = input.reports.filter((r) => r.class !== 'skipped' && r.class !== 'novote');
  const last = input.reports[input.reports.length - 1];
  let goodIndex = -1;
  for (let i = counted.length - 1; i >= 0; i--) {
    if (counted[i]?.class === 'pass') {
      goodIndex = i;
      break;
    }
  }
  const since = counted.slice(goodIndex + 1).filter((r) => FAILED.has(r.class));
  const first = since[0];
  const span = silence?.span;
  return {
    failingVotes: failingVotesOf(input),
    lastSeen: last ? named(last) : null,
    lastGood: goodIndex >= 0 ? named(counted[goodIndex] as Report) : null,
    failingSince: first ? named(first) : null,
    failuresSinceGood: since.length,
    longestSilence:
      span && silence?.value !== null && silence?.value !== undefined
        ? { hours: silence.value, from: formatTime(span.from), to: span.open ? formatDay(input.asOfDay) : formatTime(span.to), open: span.open }
        : null,
  };
}

function failingVotesOf(input: EvaluationInput): SystemAccount['failingVotes'] {
  const scheme = input.system.vote;
  const from = input.windowStartDay;
  let shown = false;
  let count = 0;
  let onInfra = 0;
  let latest: Report | undefined;
  for (const report of input.reports) {
    if (dayOf(report.time) < from) continue;
    const vote = postedVote(report, scheme);
    if (vote === undefined) continue;
    shown = true;
    if (vote === null || vote >= scheme.neutral) continue;
    count++;
    if (report.class === 'infra' || report.class === 'unknown') onInfra++;
    latest = report;
  }
  return shown ? { label: scheme.label, vote: formatVote(scheme.fail), count, onInfra, latest: latest ? named(latest) : null } : null;
}

/** Reports per day of the window, by class. Pure. */
export function dailyCounts(input: EvaluationInput): DailyCounts {
  const days = input.asOfDay - input.windowStartDay + 1;
  const out: DailyCounts = [];
  for (let i = 0; i < days; i++) out.push({ day: formatDay(input.windowStartDay + i), pass: 0, test: 0, infra: 0, unknown: 0, novote: 0 });
  for (const report of input.reports) {
    const i = dayOf(report.time) - input.windowStartDay;
    const row = out[i];
    if (row && report.class !== 'skipped') row[report.class]++;
  }
  return out;
}
