import type { SourceFormat } from '../types.js';

/** Guesses which source format one record belongs to (for auto-detection and wrong-flag errors). */
export function detectRecordFormat(value: unknown, key: string | null): SourceFormat | undefined {
  if (key === 'workflow_runs' || key === 'jobs') return 'github';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  if ('workflow_runs' in record || 'jobs' in record) return 'github';
  if ('head_sha' in record && ('workflow_id' in record || 'run_id' in record || 'run_attempt' in record)) return 'github';
  if ('job_name' in record && ('uuid' in record || 'result' in record || 'end_time' in record)) return 'zuul';
  if ('uuid' in record && ('builds' in record || 'refs' in record || 'first_build_start_time' in record || ('pipeline' in record && 'ref_url' in record))) return 'zuul';
  if ('workflow_run' in record || 'workflow_job' in record) return 'github';
  if (record.type === 'stats' && 'rowCount' in record) return 'gerrit';
  if (('number' in record || 'id' in record) && 'project' in record && ('comments' in record || 'patchSets' in record)) return 'gerrit';
  if ('_number' in record && ('messages' in record || 'change_id' in record || 'project' in record)) return 'gerrit';
  if (typeof record.type === 'string' && /^(comment-added|patchset-created|change-\w+|ref-updated|reviewer-\w+|topic-changed|wip-state-changed|private-state-changed|vote-deleted|hashtags-changed|project-created|dropped-output|assignee-changed)$/.test(record.type)) {
    return 'gerrit-events';
  }
  if (typeof record.type === 'string' && /^(run|patchset|recheck)$/.test(record.type)) return 'ndjson';
  if ('change' in record && 'patchset' in record && 'result' in record && 'end' in record) return 'ndjson';
  return undefined;
}

/** How each format looks, for error messages. */
export const FORMAT_DESCRIPTIONS: Record<SourceFormat, string> = {
  zuul: 'Zuul builds or buildsets API JSON (an array of builds with job_name, result, end_time, or of buildsets)',
  gerrit: "Gerrit REST change query JSON with o=MESSAGES (after the )]}' line, an array of changes), or ssh gerrit query --format=JSON --comments output",
  'gerrit-events': 'Gerrit stream-events NDJSON (one event object per line, or a JSON array of events: comment-added, patchset-created)',
  github: 'GitHub Actions workflow runs ({ "workflow_runs": [...] } pages), jobs ({ "jobs": [...] }), or workflow_run / workflow_job webhook payloads',
  ndjson: 'normalized runs NDJSON (one {"type":"run"|"patchset"|"recheck", ...} object per line)',
};
