import { createHash } from 'node:crypto';
import { InputError } from '../../errors.js';
import { parseTimestamp } from '../time.js';
import { obj, str, type RecordReader, type SourceContext } from './context.js';
import { handleGerritComment } from './gerrit-common.js';
import { stripPrefix } from './gerrit-comment.js';

/**
 * Gerrit change queries, in the two shapes Gerrit writes them:
 * - REST with `o=MESSAGES` (`/changes/?q=…&o=MESSAGES`): after the `)]}'` line, an array of
 *   ChangeInfo whose `messages` hold uploads ("Uploaded patch set N."), CI reports and human
 *   comments. Message dates are naive UTC.
 * - SSH `gerrit query --format=JSON --comments [--patch-sets]`: one change per line (`number`,
 *   `comments[]` with epoch-second `timestamp`, `reviewer` and `message`; `patchSets[]` with
 *   `createdOn`), then a `{"type":"stats",…}` line. Output that ends with `moreChanges: true`
 *   was cut at the query limit: an input error, never a silently short history.
 */
export function gerritRestReader(context: SourceContext): RecordReader {
  const seen = new Set<string>();
  let truncated: { rowCount: string } | undefined;

  function restChange(change: Record<string, unknown>, number: string): void {
    const project = str(change.project);
    const owner = ownerOf(obj(change.owner));
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
  }

  function sshChange(change: Record<string, unknown>, number: string): void {
    const project = str(change.project);
    const owner = ownerOf(obj(change.owner));
    for (const item of Array.isArray(change.patchSets) ? change.patchSets : []) {
      const patchSet = obj(item);
      const patchset = str(patchSet?.number);
      const time = parseTimestamp(patchSet?.createdOn);
      if (patchset && time !== undefined) context.sink.patchset({ project, change: number, patchset, time });
    }
    for (const item of Array.isArray(change.comments) ? change.comments : []) {
      const comment = obj(item);
      if (!comment) continue;
      const time = parseTimestamp(comment.timestamp);
      if (time === undefined) {
        context.sink.ignore('comment without timestamp');
        continue;
      }
      const text = typeof comment.message === 'string' ? comment.message : '';
      const reviewer = obj(comment.reviewer);
      const who = str(reviewer?.username) ?? str(reviewer?.email) ?? str(reviewer?.name) ?? '';
      const id = `${number}/${time}/${who}/${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
      if (seen.has(id)) continue; // the same change in two overlapping query pages
      seen.add(id);
      handleGerritComment(context, { id, project, change: number, patchset: stripPrefix(text).patchset, time, author: reviewer, text, owner });
    }
  }

  return {
    record(value) {
      const change = obj(value);
      if (!change) return context.sink.ignore('not a change object');
      if (change.type === 'stats') {
        truncated = change.moreChanges === true ? { rowCount: str(change.rowCount) ?? '?' } : undefined;
        return;
      }
      truncated = undefined;
      const rest = str(change._number);
      if (rest) return restChange(change, rest);
      const ssh = str(change.number);
      if (ssh && ('comments' in change || 'patchSets' in change)) return sshChange(change, ssh);
      context.sink.ignore('change without _number');
    },
    end() {
      if (truncated) {
        throw new InputError(
          `${context.source}: the gerrit query output ends with moreChanges: true after ${truncated.rowCount} changes: the history is cut at the query limit; fetch the rest with --start N (or limit:) and give every page`,
        );
      }
    },
  };
}

/** The change owner as Gerrit names an account: REST `_account_id`, or SSH/REST username, email, name. */
function ownerOf(owner: Record<string, unknown> | undefined): string | undefined {
  return str(owner?._account_id) ?? str(owner?.username) ?? str(owner?.email) ?? str(owner?.name);
}
