import { createHash } from 'node:crypto';
import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';
import { handleGerritComment } from './gerrit-common.js';

/**
 * Gerrit `stream-events` output: one JSON event per line. `patchset-created` is upstream
 * activity, `comment-added` a CI report or a human comment. Numbers may be strings or integers,
 * and any field may be missing (such events are ignored and counted). Events delivered twice
 * are deduplicated.
 */
export function gerritEventsReader(context: SourceContext): RecordReader {
  return {
    record(value) {
      const event = obj(value);
      if (!event) return context.sink.ignore('not an event object');
      const type = str(event.type) ?? '';
      if (type !== 'patchset-created' && type !== 'comment-added') return context.sink.ignore(`event type ${type || 'missing'}`);
      const change = obj(event.change);
      const patchSet = obj(event.patchSet);
      const number = str(change?.number);
      if (!number) return context.sink.ignore('event without change number');
      const patchset = str(patchSet?.number);
      const project = str(change?.project);
      if (type === 'patchset-created') {
        const time = parseTimestamp(patchSet?.createdOn) ?? parseTimestamp(event.eventCreatedOn);
        if (!patchset || time === undefined) return context.sink.ignore('patchset-created without number or time');
        context.sink.patchset({ project, change: number, patchset, time });
        return;
      }
      const time = parseTimestamp(event.eventCreatedOn);
      if (time === undefined) return context.sink.ignore('comment-added without eventCreatedOn');
      const text = typeof event.comment === 'string' ? event.comment : '';
      const author = obj(event.author);
      const approvals = Array.isArray(event.approvals) ? event.approvals : [];
      // Gerrit 2.x wrote label codes (VRIF, CRVW) in `type`; later versions write the label name.
      const verified = approvals
        .map((a) => obj(a))
        .find((a) => /^(verified|vrif)$/i.test(str(a?.type) ?? ''));
      const vote = verified ? Number(str(verified.value)) : undefined;
      const who = str(author?.username) ?? str(author?.email) ?? str(author?.name) ?? '';
      const digest = createHash('sha1').update(text).digest('hex').slice(0, 12);
      handleGerritComment(context, {
        id: `${number}/${patchset ?? ''}/${who}/${time}/${digest}`,
        project,
        change: number,
        patchset,
        time,
        author,
        text,
        verified: vote !== undefined && Number.isFinite(vote) ? vote : undefined,
      });
    },
    end() {},
  };
}
