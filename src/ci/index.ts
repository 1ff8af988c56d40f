/** Programmatic API of CI readiness (what `lifecycle ci-readiness` and `lifecycle ci vote` use). */
export { planAdHoc, planFromPolicy, buildPatterns, type AdHocFlags, type ReadinessPlan } from './config.js';
export { loadHistory, type InputPlan, type LoadOptions, type LoadedHistory } from './load-history.js';
export {
  collateHistory,
  evaluateCollated,
  evaluateReadiness,
  type ReadinessResult,
  type ReadinessSpec,
  type SystemResult,
  type SystemSpec,
} from './evaluate.js';
export { READINESS_REPORTERS, READINESS_FORMATS, renderReadinessJson, type ReadinessFormat } from './reporters/index.js';
export { voteFor, scanLogFile, type VoteResult } from './vote.js';
export { classifyRun, classifyResult } from './classify.js';
export { exportNdjson, normalizedLines } from './export.js';
export { DEFAULT_CRITERIA, DEFAULT_RECHECK } from './defaults.js';
export type { FailureClass, Run, Report, SourceFormat } from './types.js';
