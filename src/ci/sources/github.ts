import { parseTimestamp } from '../time.js';
import type { Run } from '../types.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';

/**
 * GitHub Actions: workflow runs (`{ workflow_runs: [...] }`, pages may be concatenated as
 * `gh api --paginate` writes them) and, optionally, their jobs (`{ jobs: [...] }`); or the
 * `workflow_run` / `workflow_job` webhook payloads (one per line or in an array, as saved
 * deliveries are). Only runs triggered by `pull_request` / `pull_request_target` count: a
 * `push`, `schedule` or `repository_dispatch` run tests a branch, not a proposed change, even
 * when GitHub fills its `pull_requests`. With jobs, each job is a run (its matrix cell is the
 * part of the job name in parentheses), and a run that failed while none of its jobs did (a
 * workflow-level failure) adds one run with its conclusion; without jobs, each workflow run
 * attempt is one run. A re-run (run_attempt > 1) is a recheck request.
 */
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target']);
const QUIET_CONCLUSIONS = new Set(['success', 'neutral', 'skipped']);
export function githubReader(context: SourceContext): RecordReader {
  const runs = new Map<string, Run>();
  const jobs = new Map<string, Run[]>();
  const workflow = context.workflow?.toLowerCase();
  const otherWorkflow = new Set<string>();

  function workflowRun(run: Record<string, unknown>): void {
    const name = str(run.name) ?? '';
    if (workflow && name.toLowerCase() !== workflow) {
      otherWorkflow.add(`${str(run.id) ?? ''}/${Number(str(run.run_attempt) ?? '1') || 1}`);
      return context.sink.ignore('run of another workflow');
    }
    const prs = Array.isArray(run.pull_requests) ? run.pull_requests : [];
    const pr = str(obj(prs[0])?.number);
    const event = str(run.event) ?? '';
    if (!PULL_REQUEST_EVENTS.has(event)) return context.sink.ignore(`workflow run not for a pull request (event ${event || 'missing'})`);
    const headRepo = str(obj(run.head_repository)?.full_name) ?? '';
    const change = pr ?? `${headRepo}:${str(run.head_branch) ?? ''}`;
    const patchset = str(run.head_sha);
    if (!patchset) return context.sink.ignore('workflow run without head_sha');
    const conclusion = str(run.conclusion);
    if (!conclusion || (str(run.status) ?? 'completed') !== 'completed') return context.sink.ignore('workflow run in progress');
    const end = parseTimestamp(run.updated_at);
    if (end === undefined) return context.sink.ignore('workflow run without updated_at');
    const id = str(run.id) ?? '';
    const attempt = Number(str(run.run_attempt) ?? '1') || 1;
    const start = parseTimestamp(run.run_started_at) ?? parseTimestamp(run.created_at);
    const key = `${id}/${attempt}`;
    runs.set(key, {
      system: context.assign,
      id: key,
      buildset: key,
      project: str(obj(run.repository)?.full_name),
      change,
      patchset,
      pipeline: event,
      job: name,
      cell: '',
      start,
      end,
      result: conclusion,
      log: str(run.html_url),
      voting: true,
    });
    if (attempt > 1 && start !== undefined) {
      context.sink.recheck({ change, patchset, time: start, text: `re-run (attempt ${attempt})` });
    }
  }

  function job(record: Record<string, unknown>): void {
    const runId = str(record.run_id);
    if (!runId) return context.sink.ignore('job without run_id');
    const conclusion = str(record.conclusion);
    if (!conclusion || (str(record.status) ?? 'completed') !== 'completed') return context.sink.ignore('job in progress');
    const end = parseTimestamp(record.completed_at);
    if (end === undefined) return context.sink.ignore('job without completed_at');
    const fullName = str(record.name) ?? '';
    const m = /^(.*?) \((.+)\)$/.exec(fullName);
    const key = `${runId}/${Number(str(record.run_attempt) ?? '1') || 1}`;
    const list = jobs.get(key) ?? [];
    const id = `job:${str(record.id) ?? `${key}/${fullName}`}`;
    const at = list.findIndex((j) => j.id === id);
    if (at !== -1) list.splice(at, 1); // a webhook delivered twice, or a job listed on two pages
    list.push({
      system: context.assign,
      id,
      buildset: key,
      change: '',
      patchset: str(record.head_sha) ?? '',
      pipeline: '',
      job: m ? (m[1] ?? fullName) : fullName,
      cell: m ? (m[2] ?? '') : '',
      start: parseTimestamp(record.started_at),
      end,
      result: conclusion,
      log: str(record.html_url),
      voting: true,
    });
    jobs.set(key, list);
  }

  return {
    record(value, key) {
      const record = obj(value);
      if (!record) return context.sink.ignore('not an object');
      const hookRun = obj(record.workflow_run);
      const hookJob = obj(record.workflow_job);
      if (hookRun || hookJob) {
        // A webhook payload: only `completed` deliveries carry a result.
        if (str(record.action) !== 'completed') return context.sink.ignore(`webhook delivery with action ${str(record.action) ?? 'missing'} (not completed)`);
        if (hookJob) job(hookJob);
        else if (hookRun) workflowRun(hookRun);
        return;
      }
      if (key === 'jobs' || ('run_id' in record && 'steps' in record)) job(record);
      else workflowRun(record);
    },
    end() {
      for (const key of [...runs.keys()].sort()) {
        const run = runs.get(key) as Run;
        const runJobs = jobs.get(key);
        jobs.delete(key);
        if (!runJobs || runJobs.length === 0) {
          context.sink.run(run);
          continue;
        }
        for (const j of runJobs) {
          context.sink.run({ ...j, change: run.change, patchset: run.patchset, pipeline: run.pipeline, project: run.project });
        }
        if (!QUIET_CONCLUSIONS.has(run.result) && !runJobs.some((j) => j.result === run.result)) {
          context.sink.run({ ...run, id: `${run.id ?? key}/workflow` });
        }
      }
      for (const [key, list] of jobs) {
        const reason = otherWorkflow.has(key) ? 'job of another workflow' : 'job without its workflow run';
        for (let i = 0; i < list.length; i++) context.sink.ignore(reason);
      }
    },
  };
}
