/**
 * Parses the report comments CI systems post on Gerrit changes (Zuul's format and its older
 * `* job url : RESULT` form), and recognises uploads and recheck requests.
 */

interface CommentJob {
  job: string;
  url?: string | undefined;
  result: string;
  durationMs?: number | undefined;
  voting: boolean;
  /** Zuul's error detail after the result (`NODE_FAILURE Node request 300-1 failed`). */
  detail?: string | undefined;
}

interface CiComment {
  patchset?: string | undefined;
  /** Verified vote in the `Patch Set N: Verified+1` prefix, if any. */
  verified?: number | undefined;
  pipeline?: string | undefined;
  /** SUCCESS / FAILURE / MERGE_CONFLICT from the summary line or the vote, if any. */
  overall?: string | undefined;
  jobs: CommentJob[];
  /** The report's own log link in prose (Zuul's buildset URL, a `Logs: URL` line), if any. */
  log?: string | undefined;
  /** The comment without its prefix and job lines (what classification patterns look at). */
  text: string;
}

const PREFIX = /^Patch Set (\d+):?([^\n]*)/;
const UPLOAD = /^Uploaded patch set (\d+)/i;
const SUMMARY = /\bBuild (succeeded|successful|failed|failure)\b(?:[^\n(]*\(([\w.-]+) pipeline\))?/i;
const MERGE_FAILED = /\bMerge Failed\b|unable to be automatically merged|depends on a change that failed to merge/i;
/**
 * Zuul writes `- {job} {url} : {RESULT}{ error detail}{ in 1h 02m 03s}{ (non-voting)}` (older
 * Zuul: `* ` and no error detail); the URL may be the job name again, or relative to the
 * buildset page (`build/<uuid>`).
 */
const JOB_LINE = /^[-*] (\S+)(?: (\S+))? : ([A-Za-z_]+)\b(.*)$/;
const JOB_TAIL = /^(.*?)(?: in (\d+[hms](?: \d+[hms])*))?( \(non-voting\))?\s*$/;
const URL_LINE = /^(https?:\/\/\S+) : ([A-Z_]+)\b/;
const PROSE_URL = /https?:\/\/[^\s<>()"']+/g;
const BUILDSET_URL = /https?:\/\/\S+\/buildset\/[\w-]+\/?/;
const LOG_WORD = /\blogs?\b/i;
const LOG_IN_URL = /(^|[/._-])logs?([/._-]|$)/i;
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
  const buildset = BUILDSET_URL.exec(body)?.[0];
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const job = JOB_LINE.exec(line);
    if (job) {
      const tail = JOB_TAIL.exec(job[4] ?? '');
      const detail = tail?.[1]?.trim();
      jobs.push({
        job: job[1] ?? '',
        url: jobUrl(job[2], buildset),
        result: (job[3] ?? '').toUpperCase(),
        durationMs: durationOf(tail?.[2]),
        voting: !tail?.[3],
        ...(detail ? { detail } : {}),
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
  const log = buildset ?? proseLog(rest);
  return { patchset, verified, pipeline: summary?.[2], overall, jobs, ...(log ? { log } : {}), text: rest.join('\n').trim() };
}

const LABEL_VOTE = /(?:^|\s)([A-Za-z][\w-]*?)([+-]\d+)(?=\s|$)/g;

/** The label votes of a `Patch Set N: Verified-1 Code-Review+1` prefix (`{}` when it has none). */
export function labelVotes(message: string): Record<string, number> {
  const { votes } = stripPrefix(message);
  const out: Record<string, number> = {};
  for (const m of votes.matchAll(LABEL_VOTE)) out[m[1] as string] = Number(m[2]);
  return out;
}


/**
 * A job line's URL: absolute as written, or relative (`build/<uuid>`) to the Zuul tenant root
 * the buildset page lives under (`…/t/<tenant>/buildset/<uuid>` → `…/t/<tenant>/build/<uuid>`).
 */
function jobUrl(written: string | undefined, buildset: string | undefined): string | undefined {
  if (!written) return undefined;
  if (/^https?:\/\//.test(written)) return written;
  if (!buildset || !/^[\w.-]+\/[\w./-]+$/.test(written)) return undefined; // the job name repeated
  try {
    return new URL(written, buildset.replace(/buildset\/[\w-]+\/?$/, '')).href;
  } catch {
    return undefined;
  }
}

/** The log link a comment gives in prose, for comments that report by vote alone. */
export function commentLog(message: string): string | undefined {
  return proseLog(stripPrefix(message).body.split(/\r?\n/));
}

/** A log link written in prose: the first URL on a line that says "log(s)", or whose path does. */
function proseLog(lines: readonly string[]): string | undefined {
  for (const line of lines) {
    for (const url of line.match(PROSE_URL) ?? []) {
      if (LOG_WORD.test(line) || LOG_IN_URL.test(url.slice(url.indexOf('//') + 2))) return url.replace(/[.,;:]+$/, '');
    }
  }
  return undefined;
}

const COMMENT_COUNT = /^\(\d+ (?:inline )?comments?\)$/i;

/**
 * The line of a human comment that asks for a recheck: the first line after Gerrit's preamble
 * (`Patch Set N: <votes>` and `(N comments)`) that matches `pattern`, or undefined. Lines are
 * trimmed and clipped to 200 characters (what the recheck patterns see).
 */
export function recheckLine(message: string, pattern: { test(text: string): boolean }): string | undefined {
  const { body, votes } = stripPrefix(message);
  const lines = [votes, ...body.split(/\r?\n/)];
  for (const raw of lines) {
    const line = raw.trim().slice(0, 200);
    if (line === '' || COMMENT_COUNT.test(line)) continue;
    if (pattern.test(line)) return line;
  }
  return undefined;
}
