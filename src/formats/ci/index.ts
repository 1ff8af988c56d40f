import { defuseCommandLines, escapeStrings } from '../check/escape.js';
import type { ReadinessFormat, ReadinessResult } from '../../ci/result.js';
import { renderReadinessHtml } from './html.js';
import { renderReadinessMarkdown } from './markdown.js';
import { renderReadinessText, type ReadinessReportOptions } from './text.js';

/** The JSON report: the contract's shape (version, asOf, systems with criteria), stable key order. */
function renderReadinessJson(result: ReadinessResult): string {
  const out = {
    version: result.version,
    asOf: result.asOf,
    asOfSource: result.asOfSource,
    systems: result.systems.map((s) => ({
      name: s.name,
      verdict: s.verdict,
      voting: s.voting,
      mayVote: s.mayVote,
      cleanSince: s.cleanSince,
      eligibleOn: s.eligibleOn,
      window: s.window,
      strip: s.strip,
      broken: s.broken,
      account: s.account,
      daily: s.daily,
      reports: s.reports,
      cells: s.cells,
      criteria: s.criteria.map((c) => ({
        id: c.id,
        value: c.value,
        threshold: c.threshold,
        op: c.op,
        pass: c.pass,
        detail: c.detail,
        evidence: c.evidence.map((e) => ({ at: e.at, change: e.change ?? null, patchset: e.patchset ?? null, log: e.log ?? null, note: e.note })),
      })),
    })),
    input: result.input,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * The one map from format name to reporter (its keys: READINESS_FORMATS). The human formats see
 * the result with control characters escaped (a change, job or log text from a CI history may hold
 * a newline, an ESC sequence or a `::` workflow command) and no line starting as a runner command.
 */
export const READINESS_REPORTERS: Record<ReadinessFormat, (result: ReadinessResult, options: ReadinessReportOptions) => string> = {
  text: (result, options) => defuseCommandLines(renderReadinessText(escapeStrings(result), options)),
  json: (result) => renderReadinessJson(result),
  markdown: (result, options) => defuseCommandLines(renderReadinessMarkdown(escapeStrings(result), options)),
  html: renderReadinessHtml,
};
