import { classifyResult, type Classification } from './classify.js';
import { MAX_LINE, type CompiledPattern, type PatternMatch } from './patterns.js';
import { scanLine } from './patterns.js';
import { readChunks, readLineBatches } from './sources/read.js';
import { BUILTIN_RESULT_CODES, type ResultCodes } from './result-codes.js';
import type { VoteResult } from './result.js';
import { DEFAULT_VOTE_SCHEME, formatVote, type VoteScheme } from './types.js';

const WHY: Record<Classification['class'], string> = {
  pass: 'the run passed',
  test: 'a real test failure',
  infra: 'an infrastructure failure, not the change’s fault',
  unknown: 'an unknown result: not evidence against the change',
  novote: 'the CI could not test the change: post no vote',
  skipped: 'the run did not happen: post no vote',
};

/**
 * The vote for one run: the pass value for a pass, the failing value for a real test failure,
 * the neutral value for infra and unknown failures (never the failing one); no vote for merge
 * conflicts, config errors, skipped runs. A failure without evidence of a test failure in the
 * log gets the failing vote, or the neutral one under `unexplainedFailure: 0` (SmokeStack's rule).
 */
export function voteFor(
  result: string,
  found: { infra?: PatternMatch; test?: PatternMatch },
  options: { scheme?: VoteScheme; codes?: ResultCodes } = {},
): VoteResult {
  const scheme = options.scheme ?? DEFAULT_VOTE_SCHEME;
  const codes = options.codes ?? BUILTIN_RESULT_CODES;
  const classification = classifyResult(result, found, codes);
  const match = classification.match;
  const code = result.trim();
  const codeRule = `result code ${code} (${codes.sourceOf(code) ?? 'not a known code'})`;
  let value = scheme.neutral;
  let why = WHY[classification.class];
  let rule = match ? `${match.pattern.kind} pattern ${match.pattern.id} (line ${match.line})` : codeRule;
  if (classification.class === 'pass') value = scheme.pass;
  if (classification.class === 'test') {
    if (classification.testEvidence) value = scheme.fail;
    else if (scheme.unexplainedFailure === 0) {
      why = 'a failure without evidence of a test failure in the log: not held against the change';
      rule = `ci.unexplainedFailure: 0 (${codeRule}, no test-failure pattern matched)`;
    } else {
      value = scheme.fail;
      rule = `${codeRule}; ci.unexplainedFailure: fail (no test-failure pattern needed)`;
    }
  }
  const post = classification.class !== 'novote' && classification.class !== 'skipped';
  return {
    vote: formatVote(value),
    label: scheme.label,
    post,
    class: classification.class,
    result,
    reason: `${why} (${classification.reason})`,
    rule,
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
