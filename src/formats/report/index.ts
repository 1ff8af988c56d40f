import { defuseCommandLines, escapeStrings } from '../check/escape.js';
import type { ReportModel } from '../../report/model.js';
import type { ReportOptions } from './cells.js';
import { renderReportHtml } from './html.js';
import { renderReportMarkdown } from './markdown.js';
import { renderReportText } from './text.js';

export type { ReportOptions } from './cells.js';

export type ReportReporter = (model: ReportModel, options: ReportOptions) => string;

/** The JSON report: the model itself (docs/report.md), `"version": 1`, keys in a fixed order. */
export function renderReportJson(model: ReportModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}

export type ReportFormat = 'text' | 'markdown' | 'json' | 'html';

/**
 * The one map from `lifecycle report --format` name to reporter. The human formats see the model
 * with control characters escaped (a hostile file name or policy value cannot forge a line).
 */
export const REPORT_REPORTERS: Record<ReportFormat, ReportReporter> = {
  text: (model, options) => defuseCommandLines(renderReportText(escapeStrings(model), options)),
  markdown: (model) => defuseCommandLines(renderReportMarkdown(escapeStrings(model))),
  json: (model) => renderReportJson(model),
  html: (model) => renderReportHtml(model),
};

export const REPORT_FORMATS = Object.keys(REPORT_REPORTERS) as ReportFormat[];
