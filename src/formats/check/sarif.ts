import type { CheckResult, CheckRuleInfo, Finding } from '../../findings.js';
import { summaryJson } from './json.js';
import { ruleHelpUri, TOOL_INFORMATION_URI } from './tool-info.js';

/** SARIF 2.1.0 (OASIS); validated in test/reporters/sarif.test.ts against the vendored official schema. */
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Result locations are relative to the project root (the directory of lifecycle.yaml). */
const SRCROOT = '%SRCROOT%';
/** Our own partial fingerprint (`name/version`, as SARIF recommends); GitHub's `primaryLocationLineHash` is left to the uploader. */
const FINGERPRINT_KEY = 'featureLifecycle/v1';

/** One SARIF log with one run: every check the result lists as a rule, every finding as a result. */
export function formatSarif(result: CheckResult): string {
  const tool = result.tool;
  const ruleIndex = new Map(result.rules.map((check, index) => [check.id, index]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            semanticVersion: tool.version,
            informationUri: TOOL_INFORMATION_URI,
            rules: result.rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: {
          [SRCROOT]: { description: { text: 'The project root: the directory holding lifecycle.yaml.' } },
        },
        columnKind: 'utf16CodeUnits',
        // The same summary as --format json: files checked and skipped (by reason), imports resolved.
        properties: { summary: summaryJson(result.summary) },
        results: result.findings.map((finding) => sarifResult(finding, ruleIndex.get(finding.rule))),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(check: CheckRuleInfo) {
  return {
    id: check.id,
    name: check.id,
    shortDescription: { text: check.description },
    helpUri: ruleHelpUri(check.id),
    defaultConfiguration:
      check.defaultSeverity === 'off' ? { enabled: false, level: 'error' } : { level: sarifLevel(check.defaultSeverity) },
  };
}

function sarifResult(finding: Finding, ruleIndex: number | undefined) {
  const properties = {
    ...(finding.feature !== undefined ? { feature: finding.feature } : {}),
    ...(finding.target !== undefined ? { target: finding.target } : {}),
  };
  return {
    ruleId: finding.rule,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: sarifLevel(finding.severity),
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(finding.file), uriBaseId: SRCROOT },
          region: { startLine: finding.line, startColumn: finding.column },
        },
      },
    ],
    // The engine gives every finding its fingerprint (src/baseline/fingerprint.ts); a result built
    // elsewhere without one gets no partial fingerprint (SARIF consumers then match by location).
    ...(finding.fingerprint !== undefined ? { partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint } } : {}),
    ...(Object.keys(properties).length > 0 ? { properties } : {}),
  };
}

function sarifLevel(severity: 'error' | 'warn'): 'error' | 'warning' {
  return severity === 'error' ? 'error' : 'warning';
}

/** A relative URI reference: each path segment percent-encoded (spaces, `#`, `?`, `%`, a `:` that would look like a scheme). */
function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}
