import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';

/**
 * Zuul's REST API. Builds (`/api/tenant/{t}/builds`): an array of builds, in the older flat
 * shape (change, patchset, project at top level) or the newer one with a nested `ref` object.
 * Buildsets (`/api/tenant/{t}/buildsets`, `/buildset/{uuid}`): ref fields at top level (older)
 * or in `refs` (newer); a buildset with `builds` gives one run per final build (`retry_builds`
 * are not final), one without gives one run for the whole buildset (its result, and
 * `last_build_end_time` as its end). Timestamps are naive UTC. Builds still running, retried
 * (final: false) or without a change (periodic, post pipelines) are ignored and counted.
 */
export function zuulReader(context: SourceContext): RecordReader {
  const { sink } = context;

  function build(record: Record<string, unknown>, outer?: { buildset: Record<string, unknown>; ref: Record<string, unknown> }): void {
    const ref = obj(record.ref) ?? outer?.ref ?? record;
    const change = str(ref.change) ?? str(record.change);
    const patchset = str(ref.patchset) ?? str(record.patchset);
    if (!change || !patchset) return sink.ignore('build without change or patchset (periodic or post pipeline)');
    const result = str(record.result);
    if (!result) return sink.ignore('build in progress (no result)');
    if (record.final === false) return sink.ignore('build retried (final: false)');
    const end = parseTimestamp(record.end_time);
    if (end === undefined) return sink.ignore('build without end_time');
    const buildset = obj(record.buildset);
    sink.run({
      system: context.assign,
      id: str(record.uuid),
      buildset: str(buildset?.uuid) ?? str(record.buildset) ?? str(outer?.buildset.uuid) ?? str(record.event_id),
      project: str(ref.project) ?? str(record.project),
      change,
      patchset,
      pipeline: str(record.pipeline) ?? str(outer?.buildset.pipeline) ?? '',
      job: str(record.job_name) ?? '',
      cell: '',
      start: parseTimestamp(record.start_time),
      end,
      result,
      log: str(record.log_url),
      voting: record.voting !== false,
      message: str(record.error_detail),
    });
  }

  function buildset(record: Record<string, unknown>): void {
    const refs = Array.isArray(record.refs) ? record.refs : [];
    const ref = obj(refs[0]) ?? record;
    const builds = Array.isArray(record.builds) ? record.builds : [];
    const retried = Array.isArray(record.retry_builds) ? record.retry_builds.length : 0;
    for (let i = 0; i < retried; i++) sink.ignore('build retried (final: false)');
    if (builds.length > 0) {
      for (const item of builds) {
        const one = obj(item);
        if (one) build(one, { buildset: record, ref });
        else sink.ignore('not a build object');
      }
      return;
    }
    const change = str(ref.change);
    const patchset = str(ref.patchset);
    if (!change || !patchset) return sink.ignore('buildset without change or patchset (periodic or post pipeline)');
    const result = str(record.result);
    if (!result) return sink.ignore('buildset in progress (no result)');
    const end = parseTimestamp(record.last_build_end_time) ?? parseTimestamp(record.event_timestamp);
    if (end === undefined) return sink.ignore('buildset without last_build_end_time (ask for its builds: /buildset/{uuid})');
    sink.run({
      system: context.assign,
      id: str(record.uuid),
      buildset: str(record.uuid),
      project: str(ref.project),
      change,
      patchset,
      pipeline: str(record.pipeline) ?? '',
      job: '',
      cell: '',
      start: parseTimestamp(record.first_build_start_time),
      end,
      result,
      voting: true,
      message: str(record.message),
    });
  }

  return {
    record(value) {
      const record = obj(value);
      if (!record) return sink.ignore('not a build object');
      if (!('job_name' in record) && 'uuid' in record) {
        buildset(record);
      } else {
        build(record);
      }
    },
    end() {},
  };
}
