import { classifyResult, type Classification } from './classify.js';
import { MAX_LINE, type CompiledPattern, type PatternMatch } from './patterns.js';
import { scanLine } from './patterns.js';
import { readChunks, readLineBatches } from './sources/read.js';

export type Vote = '+1' | '-1' | '0';

export interface VoteResult {
  vote: Vote;
  /** What the CI should post: a vote, or nothing (a change it could not test, a skipped run). */
  post: boolean;
  class: Classification['class'];
  result: string;
  reason: string;
  match?: { pattern: string; kind: 'infra' | 'test'; line: number; text: string } | undefined;
}

/**
 * The vote for one run (SmokeStack's rule): +1 pass, -1 real test failure, 0 for infra and
 * unknown failures (never -1); no vote for merge conflicts, config errors, skipped runs.
 */
export function voteFor(result: string, found: { infra?: PatternMatch; test?: PatternMatch }): VoteResult {
  const classification = classifyResult(result, found);
  const vote: Vote = classification.class === 'pass' ? '+1' : classification.class === 'test' ? '-1' : '0';
  const post = classification.class !== 'novote' && classification.class !== 'skipped';
  const why: Record<Classification['class'], string> = {
    pass: 'the run passed',
    test: 'a real test failure',
    infra: 'an infrastructure failure, not the change’s fault',
    unknown: 'an unknown result: not evidence against the change',
    novote: 'the CI could not test the change: post no vote',
    skipped: 'the run did not happen: post no vote',
  };
  const match = classification.match;
  return {
    vote,
    post,
    class: classification.class,
    result,
    reason: `${why[classification.class]} (${classification.reason})`,
    match: match ? { pattern: match.pattern.pattern, kind: match.pattern.kind, line: match.line, text: match.text } : undefined,
  };
}

/** Scans a log file line by line (streamed) for the first infra and test pattern. */
export async function scanLogFile(path: string, patterns: readonly CompiledPattern[]): Promise<{ infra?: PatternMatch; test?: PatternMatch }> {
  const found: { infra?: PatternMatch; test?: PatternMatch } = {};
  for await (const { lines, firstLine } of readLineBatches(readChunks(path), { source: path, maxLength: MAX_LINE, overlong: 'truncate' })) {
    for (let i = 0; i < lines.length; i++) {
      scanLine(lines[i] as string, firstLine + i, patterns, found);
    }
    if (found.infra && found.test) break;
  }
  return found;
}
