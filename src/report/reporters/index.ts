import type { ReportModel } from '../model.js';
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

/** The one map from `lifecycle report --format` name to reporter. */
export const REPORT_REPORTERS: Record<ReportFormat, ReportReporter> = {
  text: renderReportText,
  markdown: (model) => renderReportMarkdown(model),
  json: (model) => renderReportJson(model),
  html: (model) => renderReportHtml(model),
};

export const REPORT_FORMATS = Object.keys(REPORT_REPORTERS) as ReportFormat[];
