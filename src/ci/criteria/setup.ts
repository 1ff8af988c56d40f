import type { Evidence } from '../result.js';
import { DAY_MS, formatDay } from '../time.js';
import {
  DayCounts,
  capEvidence,
  evidenceOf,
  inWindow,
  rollingIncidents,
  type CriterionResult,
  type EvaluationInput,
} from './types.js';

/** At least `minContacts` people answer for the CI (one contact on vacation must not block everyone). */
export function contactsCriterion(input: EvaluationInput): CriterionResult {
  const contacts = [...new Set(input.system.contacts.map((c) => c.trim()).filter((c) => c !== ''))].sort();
  const min = input.settings.minContacts;
  return {
    id: 'contacts',
    value: contacts.length,
    threshold: min,
    op: '>=',
    pass: contacts.length >= min,
    detail: contacts.length ? `contacts: ${contacts.join(', ')}` : 'no contact configured',
    evidence: [],
    incidents: [],
  };
}

/**
 * The matrix, collated the Zuul way: non-voting cells are ignored; a disabled cell needs a
 * reason and an expiry date (and is back in the vote once expired); a report whose voting
 * cells were all skipped, or in which a required cell never ran, is a failure.
 */
export function matrixCriterion(input: EvaluationInput): CriterionResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const required: string[] = [];
  const rules = [...input.system.matrix].sort((a, b) => (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0));
  for (const rule of rules) {
    if (!rule.voting) notes.push(`${rule.cell} non-voting`);
    if (rule.required && rule.voting) required.push(rule.cell);
    if (!rule.disabled) continue;
    const { reason, until } = rule.disabled;
    if (!reason) problems.push(`disabled cell ${rule.cell} has no reason`);
    if (until === undefined) problems.push(`disabled cell ${rule.cell} has no expiry date`);
    else if (Math.floor(until / DAY_MS) < input.asOfDay) problems.push(`disabled cell ${rule.cell} expired on ${formatDay(Math.floor(until / DAY_MS))} (it counts again)`);
    else notes.push(`${rule.cell} disabled until ${formatDay(Math.floor(until / DAY_MS))}${reason ? ` (${reason})` : ''}`);
  }
  const counts = new DayCounts(input.firstDay, input.asOfDay);
  const items: Evidence[] = [];
  let allSkipped = 0;
  let missing = 0;
  for (const report of input.reports) {
    if (report.class === 'skipped' || report.class === 'novote') continue;
    const cells = report.missingCells ?? [];
    counts.add(report.time, report.allSkipped || cells.length > 0);
    if (!inWindow(input, report.time)) continue;
    if (report.allSkipped) {
      allSkipped++;
      items.push(evidenceOf(report, 'all voting cells skipped'));
    } else if (cells.length > 0) {
      missing++;
      items.push(evidenceOf(report, `required cell${cells.length > 1 ? 's' : ''} ${cells.join(', ')} never ran`));
    }
  }
  if (allSkipped) problems.push(`${allSkipped} reports with every voting cell skipped`);
  if (missing) problems.push(`${missing} reports in which a required cell never ran`);
  const incidents = rollingIncidents(counts, input.settings.probationDays, (bad) => bad > 0);
  const { evidence, more } = capEvidence(items);
  const value = problems.length - (allSkipped ? 1 : 0) - (missing ? 1 : 0) + allSkipped + missing;
  const detail = [problems.join('; ') || 'matrix collated cleanly', required.length ? `required: ${required.join(', ')}` : '', notes.length ? `ignored: ${notes.join(', ')}` : '']
    .filter((s) => s !== '')
    .join('; ');
  return { id: 'matrix', value, threshold: 0, op: '<=', pass: value === 0, detail: detail + more, evidence, incidents };
}
