import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';
import { handleGerritComment } from './gerrit-common.js';
import { stripPrefix } from './gerrit-comment.js';

/**
 * Gerrit REST change queries with `o=MESSAGES` (`/changes/?q=…&o=MESSAGES`): after the `)]}'`
 * line, an array of ChangeInfo whose `messages` hold uploads ("Uploaded patch set N."), CI
 * reports and human comments. Message dates are naive UTC.
 */
export function gerritRestReader(context: SourceContext): RecordReader {
  const seen = new Set<string>();
  return {
    record(value) {
      const change = obj(value);
      if (!change) return context.sink.ignore('not a change object');
      const number = str(change._number);
      if (!number) return context.sink.ignore('change without _number');
      const project = str(change.project);
      const ownerInfo = obj(change.owner);
      const owner = str(ownerInfo?._account_id) ?? str(ownerInfo?.username) ?? str(ownerInfo?.email) ?? str(ownerInfo?.name);
      const messages = Array.isArray(change.messages) ? change.messages : [];
      for (const item of messages) {
        const message = obj(item);
        if (!message) continue;
        const id = str(message.id);
        if (id !== undefined) {
          if (seen.has(id)) continue; // the same change on two overlapping pages
          seen.add(id);
        }
        const time = parseTimestamp(message.date);
        if (time === undefined) {
          context.sink.ignore('message without date');
          continue;
        }
        const text = typeof message.message === 'string' ? message.message : '';
        const patchset = str(message._revision_number) ?? stripPrefix(text).patchset;
        handleGerritComment(context, {
          id: id ?? `${number}/${patchset ?? ''}/${time}`,
          project,
          change: number,
          patchset,
          time,
          author: obj(message.author) ?? obj(message.real_author),
          text,
          tag: str(message.tag),
          owner,
        });
      }
    },
    end() {},
  };
}
