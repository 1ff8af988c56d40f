import { InputError } from '../../errors.js';
import { TIMESTAMP_HINT, parseTimestamp, formatTime } from '../time.js';
import { FAILURE_CLASSES, type FailureClass, type PatchsetEvent, type RecheckEvent, type Run } from '../types.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';

/**
 * The documented NDJSON of normalized runs (docs/ci-readiness.md): one object per line,
 * `type` = `run` (default), `patchset` (upstream activity) or `recheck`. What
 * `--export-ndjson` writes and what re-evaluates fastest.
 */
const CLASSES = new Set<string>(FAILURE_CLASSES);
const RESOLVED_NAMES = 1000;

export function ndjsonReader(context: SourceContext): RecordReader {
  const { sink } = context;
  /** A time field: absent is undefined (the record is ignored); present but not a time is an error. */
  const time = (raw: unknown, field: string, line: number): number | undefined => {
    if (raw === undefined || raw === null) return undefined;
    const parsed = parseTimestamp(raw);
    if (parsed === undefined) throw new InputError(`${context.source}: line ${line}: ${field} ${JSON.stringify(raw)} is not a timestamp (${TIMESTAMP_HINT})`);
    return parsed;
  };
  /** A boolean field: absent is `fallback`; anything but true or false (such as "false") is an error. */
  const flag = (raw: unknown, field: string, line: number, fallback: boolean): boolean => {
    if (raw === undefined || raw === null) return fallback;
    if (typeof raw !== 'boolean') throw new InputError(`${context.source}: line ${line}: ${field} must be true or false (a JSON boolean), found ${JSON.stringify(raw)}`);
    return raw;
  };
  // The few system names of a history, resolved once each (not once per run); a history naming
  // more than RESOLVED_NAMES distinct systems resolves the rest one by one.
  const resolved = new Map<string, string>();
  const systemOf = (named: string): string => {
    let name = resolved.get(named);
    if (name === undefined) {
      name = context.resolve([named]) ?? named;
      if (resolved.size < RESOLVED_NAMES) resolved.set(named, name);
    }
    return name;
  };
  return {
    record(value, _key, line) {
      const record = obj(value);
      if (!record) return sink.ignore('not an object');
      const type = record.type ?? 'run';
      const change = str(record.change);
      const patchset = str(record.patchset);
      if (!change || !patchset) return sink.ignore(`${String(type)} record without change or patchset`);
      if (type === 'run') {
        const end = time(record.end, 'end', line);
        if (end === undefined) return sink.ignore('run without end time');
        const result = str(record.result);
        if (!result) return sink.ignore('run without result');
        const named = str(record.system);
        const cls = typeof record.class === 'string' && CLASSES.has(record.class) ? (record.class as FailureClass) : undefined;
        const run: Run = {
          system: named ? systemOf(named) : context.assign,
          id: str(record.id),
          buildset: str(record.buildset),
          project: str(record.project),
          change,
          patchset,
          pipeline: str(record.pipeline) ?? '',
          job: str(record.job) ?? '',
          cell: str(record.cell) ?? '',
          start: context.keepDetail ? time(record.start, 'start', line) : undefined,
          end,
          result,
          class: cls,
          reason: cls ? (str(record.reason) ?? `class ${cls} from the record`) : undefined,
          testEvidence: flag(record.testEvidence, 'testEvidence', line, false) || undefined,
          log: str(record.log),
          voting: flag(record.voting, 'voting', line, true),
          message: typeof record.message === 'string' ? record.message : undefined,
          votes: votesOf(record.votes),
          owner: str(record.owner),
        };
        sink.run(run);
        if (!named) for (const system of context.alsoAssign ?? []) sink.run({ ...run, system });
        return;
      }
      const at = time(record.time, 'time', line);
      if (at === undefined) return sink.ignore(`${String(type)} record without time`);
      if (type === 'patchset') {
        sink.patchset({ project: str(record.project), change, patchset, time: at });
      } else if (type === 'recheck') {
        sink.recheck({ change, patchset, time: at, text: str(record.text) ?? 'recheck' });
      } else {
        sink.ignore(`unknown record type ${JSON.stringify(type)}`);
      }
    },
    end() {},
  };
}

/** A `votes` object of label → integer vote; anything else is "votes not known". */
function votesOf(value: unknown): Record<string, number> | undefined {
  const record = obj(value);
  if (!record) return undefined;
  const out: Record<string, number> = {};
  for (const [label, vote] of Object.entries(record)) {
    if (typeof vote === 'number' && Number.isInteger(vote)) out[label] = vote;
  }
  return out;
}

/** One normalized run as an NDJSON line (fixed key order, absent fields left out). */
export function runToLine(run: Run): string {
  const record: Record<string, unknown> = { type: 'run', system: run.system };
  if (run.id !== undefined) record.id = run.id;
  if (run.buildset !== undefined) record.buildset = run.buildset;
  if (run.project !== undefined) record.project = run.project;
  record.change = run.change;
  record.patchset = run.patchset;
  record.pipeline = run.pipeline;
  record.job = run.job;
  record.cell = run.cell;
  record.voting = run.voting;
  if (run.start !== undefined) record.start = formatTime(run.start);
  record.end = formatTime(run.end);
  record.result = run.result;
  if (run.class !== undefined) record.class = run.class;
  if (run.reason !== undefined) record.reason = run.reason;
  if (run.testEvidence) record.testEvidence = true;
  if (run.log !== undefined) record.log = run.log;
  if (run.votes !== undefined) record.votes = run.votes;
  if (run.owner !== undefined) record.owner = run.owner;
  return JSON.stringify(record);
}

export function patchsetToLine(event: PatchsetEvent): string {
  const record: Record<string, unknown> = { type: 'patchset' };
  if (event.project !== undefined) record.project = event.project;
  record.change = event.change;
  record.patchset = event.patchset;
  record.time = formatTime(event.time);
  return JSON.stringify(record);
}

export function recheckToLine(event: RecheckEvent): string {
  return JSON.stringify({
    type: 'recheck',
    change: event.change,
    patchset: event.patchset,
    time: formatTime(event.time),
    text: event.text,
  });
}
