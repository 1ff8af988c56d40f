import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';

/**
 * Zuul builds API (`/api/tenant/{t}/builds`): an array of builds, in the older flat shape
 * (change, patchset, project at top level) or the newer one with a nested `ref` object.
 * Timestamps are naive UTC. Builds still running, retried (final: false) or without a change
 * (periodic, post pipelines) are ignored and counted.
 */
export function zuulReader(context: SourceContext): RecordReader {
  return {
    record(value) {
      const build = obj(value);
      if (!build) return context.sink.ignore('not a build object');
      const ref = obj(build.ref) ?? build;
      const change = str(ref.change) ?? str(build.change);
      const patchset = str(ref.patchset) ?? str(build.patchset);
      if (!change || !patchset) return context.sink.ignore('build without change or patchset (periodic or post pipeline)');
      const result = str(build.result);
      if (!result) return context.sink.ignore('build in progress (no result)');
      if (build.final === false) return context.sink.ignore('build retried (final: false)');
      const end = parseTimestamp(build.end_time);
      if (end === undefined) return context.sink.ignore('build without end_time');
      const buildset = obj(build.buildset);
      context.sink.run({
        system: context.assign,
        id: str(build.uuid),
        buildset: str(buildset?.uuid) ?? str(build.buildset) ?? str(build.event_id),
        project: str(ref.project) ?? str(build.project),
        change,
        patchset,
        pipeline: str(build.pipeline) ?? '',
        job: str(build.job_name) ?? '',
        cell: '',
        start: parseTimestamp(build.start_time),
        end,
        result,
        log: str(build.log_url),
        voting: build.voting !== false,
        message: str(build.error_detail),
      });
    },
    end() {},
  };
}
