/**
 * Parses the report comments CI systems post on Gerrit changes (Zuul's format and its older
 * `* job url : RESULT` form), and recognises uploads and recheck requests.
 */

export interface CommentJob {
  job: string;
  url?: string | undefined;
  result: string;
  durationMs?: number | undefined;
  voting: boolean;
}

export interface CiComment {
  patchset?: string | undefined;
  /** Verified vote in the `Patch Set N: Verified+1` prefix, if any. */
  verified?: number | undefined;
  pipeline?: string | undefined;
  /** SUCCESS / FAILURE / MERGE_CONFLICT from the summary line or the vote, if any. */
  overall?: string | undefined;
  jobs: CommentJob[];
  /** The comment without its prefix and job lines (what classification patterns look at). */
  text: string;
}

const PREFIX = /^Patch Set (\d+):?([^\n]*)/;
const UPLOAD = /^Uploaded patch set (\d+)/i;
const SUMMARY = /\bBuild (succeeded|successful|failed|failure)\b(?:[^\n(]*\(([\w.-]+) pipeline\))?/i;
const MERGE_FAILED = /\bMerge Failed\b|unable to be automatically merged|depends on a change that failed to merge/i;
const JOB_LINE = /^[-*] (\S+)(?: (\S+))? : ([A-Za-z_]+)(?: in (\d+[hms](?: \d+[hms])*))?( \(non-voting\))?/;
const URL_LINE = /^(https?:\/\/\S+) : ([A-Z_]+)\b/;
const VERIFIED = /\bVerified([+-]\d)\b/;

/** The patchset number of an "Uploaded patch set N." message, or undefined. */
export function uploadedPatchset(message: string): string | undefined {
  return UPLOAD.exec(message.trim())?.[1];
}

function durationOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  let ms = 0;
  for (const m of text.matchAll(/(\d+)([hms])/g)) {
    const n = Number(m[1]);
    ms += m[2] === 'h' ? n * 3_600_000 : m[2] === 'm' ? n * 60_000 : n * 1000;
  }
  return ms;
}

/** Splits off the `Patch Set N: …` prefix line. */
export function stripPrefix(message: string): { patchset?: string; votes: string; body: string } {
  const m = PREFIX.exec(message);
  if (!m) return { votes: '', body: message };
  return { patchset: m[1], votes: m[2] ?? '', body: message.slice(m[0].length) };
}

/**
 * Parses a CI report comment. Returns undefined when the comment reports nothing
 * (no summary line, no job lines, no Verified vote).
 */
export function parseCiComment(message: string): CiComment | undefined {
  const { patchset, votes, body } = stripPrefix(message);
  const jobs: CommentJob[] = [];
  const rest: string[] = [];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const job = JOB_LINE.exec(line);
    if (job) {
      const url = job[2] && /^https?:\/\//.test(job[2]) ? job[2] : undefined;
      jobs.push({
        job: job[1] ?? '',
        url,
        result: (job[3] ?? '').toUpperCase(),
        durationMs: durationOf(job[4]),
        voting: !job[5],
      });
      continue;
    }
    const urlLine = URL_LINE.exec(line);
    if (urlLine) {
      jobs.push({ job: urlLine[1] ?? '', url: urlLine[1], result: urlLine[2] ?? '', voting: true });
      continue;
    }
    rest.push(raw);
  }
  const verifiedMatch = VERIFIED.exec(votes);
  const verified = verifiedMatch ? Number(verifiedMatch[1]) : undefined;
  const summary = SUMMARY.exec(body);
  let overall: string | undefined;
  if (MERGE_FAILED.test(body)) overall = 'MERGE_CONFLICT';
  else if (summary) overall = /^succ/i.test(summary[1] ?? '') ? 'SUCCESS' : 'FAILURE';
  else if (verified !== undefined && verified !== 0) overall = verified > 0 ? 'SUCCESS' : 'FAILURE';
  if (!overall && jobs.length === 0) return undefined;
  return { patchset, verified, pipeline: summary?.[2], overall, jobs, text: rest.join('\n').trim() };
}

const LABEL_VOTE = /(?:^|\s)([A-Za-z][\w-]*?)([+-]\d+)(?=\s|$)/g;

/** The label votes of a `Patch Set N: Verified-1 Code-Review+1` prefix (`{}` when it has none). */
export function labelVotes(message: string): Record<string, number> {
  const { votes } = stripPrefix(message);
  const out: Record<string, number> = {};
  for (const m of votes.matchAll(LABEL_VOTE)) out[m[1] as string] = Number(m[2]);
  return out;
}

/** The first line of a human comment's body (after the `Patch Set N:` prefix). */
export function commentFirstLine(message: string): string {
  const { body, votes } = stripPrefix(message);
  const text = body.trim() || votes.trim();
  return (text.split(/\r?\n/)[0] ?? '').trim().slice(0, 200);
}
