import type { CheckResult, Finding } from '../findings.js';

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
  const { errors, warnings, files, unresolved } = result.summary;
  return `${JSON.stringify({ version: 1, findings, summary: { errors, warnings, files, unresolved } }, null, 2)}\n`;
}
