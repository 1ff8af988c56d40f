import type { CheckResult, CheckSummary, Finding } from '../../findings.js';

/** The JSON contract of DESIGN.md: version, findings (fixed key order), summary. */
export function formatJson(result: CheckResult): string {
  const findings = result.findings.map((finding: Finding) => ({
    rule: finding.rule,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    ...(finding.feature !== undefined ? { feature: finding.feature } : {}),
    ...(finding.target !== undefined ? { target: finding.target } : {}),
  }));
  return `${JSON.stringify({ version: 1, findings, summary: summaryJson(result.summary) }, null, 2)}\n`;
}

/** The summary in its fixed key order: the four original counts first, then the additions. */
export function summaryJson(summary: CheckSummary) {
  const { errors, warnings, files, unresolved, resolved, skipped, discovered } = summary;
  const { total, notIncluded, excluded, vendored, outsidePaths, unchanged } = skipped;
  const { files: listed, sourceFiles, gitignoredFiles, gitignoredDirectories, unreadableDirectories } = discovered;
  return {
    errors,
    warnings,
    files,
    unresolved,
    resolved,
    skipped: { total, notIncluded, excluded, vendored, outsidePaths, unchanged },
    discovered: { files: listed, sourceFiles, gitignoredFiles, gitignoredDirectories, unreadableDirectories },
  };
}
