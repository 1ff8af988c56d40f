/** Programmatic API of feature-lifecycle. */
export { runCheck, type CheckOptions, type CheckRun } from './engine/run-check.js';
export { openWorkspace, type Workspace } from './workspace/open-workspace.js';
export { analyzeFile } from './engine/analyze-file.js';
export { loadPolicy } from './load-policy.js';
export { findPolicyFile, type LoadedPolicy } from './policy/load.js';
export type { Policy, Feature, PreviewException } from './policy/model.js';
export type { PolicyFile } from './policy/schema.js';
export { cyclesBetween, releaseAfter, type ReleaseTrain } from './policy/releases.js';
export { CHECKS, checkRuleInfos, type CheckInfo } from './checks/catalogue.js';
export { CHECK_REPORTERS, type CheckFormat, type ReporterOptions } from './formats/check/index.js';
export type { CheckResult, CheckRuleInfo, Finding, CheckSummary, ToolInfo } from './findings.js';
// What a CheckResult built outside runCheck needs for its `tool` (the reporters, SARIF, show it).
export { toolInfo } from './tool-info.js';
export { InputError } from './errors.js';
export { buildReport } from './report/build-report.js';
export type { ReportInput, ReportModel, FeatureReport } from './report/model.js';
export { gatherReportInput, type GatherOptions } from './report/gather.js';
export { REPORT_REPORTERS, REPORT_FORMATS, renderReportJson, type ReportFormat, type ReportOptions } from './formats/report/index.js';
export type { Recommendation, RecommendationRule, Action as RecommendedAction } from './report/model.js';
