import { createHash } from 'node:crypto';
import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';
import { handleGerritComment } from './gerrit-common.js';

/** Gerrit 2.x wrote label codes in `type` (VRIF, CRVW, SUBM); later versions write the label name. */
const LABEL_CODES: Record<string, string> = { VRIF: 'Verified', CRVW: 'Code-Review', SUBM: 'Submit' };

/** The label an approval votes on, by its name (`Verified`) whatever the Gerrit version wrote. */
function approvalLabel(approval: Record<string, unknown> | undefined): string | undefined {
  const type = str(approval?.type);
  return type === undefined ? undefined : (LABEL_CODES[type] ?? type);
}

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
      const verified = approvals
        .map((a) => obj(a))
        .find((a) => approvalLabel(a)?.toLowerCase() === 'verified');
      const vote = verified ? Number(str(verified.value)) : undefined;
      const votes: Record<string, number> = {};
      for (const approval of approvals.map((a) => obj(a))) {
        const label = approvalLabel(approval); // Gerrit 2.x codes (VRIF, CRVW) read as their labels
        const value = Number(str(approval?.value));
        if (label && Number.isFinite(value)) votes[label] = value;
      }
      const owner = obj(change?.owner);
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
        votes: approvals.length > 0 ? votes : undefined,
        owner: str(owner?.username) ?? str(owner?.email) ?? str(owner?.name),
      });
    },
    end() {},
  };
}
