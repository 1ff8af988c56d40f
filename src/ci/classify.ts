import { BUILTIN_RESULT_CODES, type ResultCodes } from './result-codes.js';
import { scanText, type CompiledPattern, type PatternMatch } from './patterns.js';
import type { FailureClass } from './types.js';

export interface Classification {
  class: FailureClass;
  reason: string;
  /** A real test-failure pattern matched. */
  testEvidence: boolean;
  /** The pattern match that decided, if any. */
  match?: PatternMatch | undefined;
}

/**
 * Classifies one run: the result code first; a failure (or an unknown code) is then looked at
 * through the log/comment patterns, where a real test failure wins over an infra pattern.
 * Pure: `found` is what the patterns matched in the run's log or comment.
 */
export function classifyResult(
  result: string,
  found: { infra?: PatternMatch; test?: PatternMatch },
  codes: ResultCodes = BUILTIN_RESULT_CODES,
): Classification {
  const code = result.trim();
  const byCode = codes.classOf(code);
  const byPolicy = codes.sourceOf(code) === 'ci.resultCodes' ? ' (ci.resultCodes)' : '';
  if (byCode !== 'test' && byCode !== 'unknown') {
    return { class: byCode, reason: `result ${code}${byPolicy}`, testEvidence: false };
  }
  if (found.test) {
    return {
      class: 'test',
      reason: `${found.test.pattern.reason} (pattern ${found.test.pattern.id}, line ${found.test.line})`,
      testEvidence: true,
      match: found.test,
    };
  }
  if (found.infra) {
    return {
      class: 'infra',
      reason: `${found.infra.pattern.reason} (pattern ${found.infra.pattern.id}, line ${found.infra.line})`,
      testEvidence: false,
      match: found.infra,
    };
  }
  if (byCode === 'unknown') {
    return { class: 'unknown', reason: `unknown result code ${JSON.stringify(code)}`, testEvidence: false };
  }
  return { class: 'test', reason: `result ${code}${byPolicy}`, testEvidence: false };
}

/** Classifies a run from its result code and an optional message (comment or log excerpt). */
export function classifyRun(
  result: string,
  message: string | undefined,
  patterns: readonly CompiledPattern[],
  codes: ResultCodes = BUILTIN_RESULT_CODES,
): Classification {
  const byCode = codes.classOf(result);
  const needsText = (byCode === 'test' || byCode === 'unknown') && message !== undefined && message !== '';
  return classifyResult(result, needsText ? scanText(message, patterns) : {}, codes);
}

/**
 * classifyRun with a memory: a history of a million runs has a handful of distinct result codes
 * (and comment texts), so each is classified once. Classifications are pure functions of the
 * result code, the text, the patterns and the result codes, so a remembered one is the same.
 */
export class RunClassifier {
  private readonly byCode = new Map<string, Classification>();
  private readonly byText = new Map<string, Classification>();

  constructor(
    private readonly patterns: readonly CompiledPattern[],
    private readonly codes: ResultCodes = BUILTIN_RESULT_CODES,
  ) {}

  classify(result: string, message: string | undefined): Classification {
    if (message === undefined || message === '') {
      let known = this.byCode.get(result);
      if (!known) {
        known = classifyRun(result, undefined, this.patterns, this.codes);
        this.byCode.set(result, known);
      }
      return known;
    }
    // Texts are remembered only while short and few: memory stays bounded on any history.
    if (message.length > TEXT_KEY_LIMIT) return classifyRun(result, message, this.patterns, this.codes);
    const key = result + '\u0000' + message;
    let known = this.byText.get(key);
    if (!known) {
      known = classifyRun(result, message, this.patterns, this.codes);
      if (this.byText.size >= TEXT_CACHE_SIZE) this.byText.clear();
      this.byText.set(key, known);
    }
    return known;
  }
}

const TEXT_KEY_LIMIT = 4096;
const TEXT_CACHE_SIZE = 10_000;
