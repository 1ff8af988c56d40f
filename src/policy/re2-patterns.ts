import { RE2JS } from 're2js';

/**
 * Users' regular expressions (ci.patterns, ci.recheck, --infra-pattern, --test-pattern, --recheck)
 * run on RE2 (re2js, a pure-JS port), whose matching takes time linear in the line whatever the
 * pattern. The policy schema checks each one when the policy is loaded; src/ci/patterns.ts compiles
 * and runs them.
 */

const MAX_PATTERN_LENGTH = 500;

const SYNTAX_HINT = 'RE2 syntax: no lookahead, lookbehind or backreferences; see docs/ci-readiness.md#pattern-syntax';

/** Translates JavaScript-only escapes (`\uXXXX`, `(?<name>…)`) and compiles on RE2, or throws. */
export function compileRe2(pattern: string): RE2JS {
  return RE2JS.compile(RE2JS.translateRegExp(pattern), RE2JS.CASE_INSENSITIVE);
}

/**
 * Checks one pattern. Returns an error message (one line) when it is empty, too long, or not a
 * valid RE2 regular expression.
 */
export function checkPattern(pattern: string): string | undefined {
  if (pattern.length === 0) return 'empty pattern';
  if (pattern.length > MAX_PATTERN_LENGTH) return `pattern longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    compileRe2(pattern);
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, '');
    return `not a valid regular expression: ${message} (${SYNTAX_HINT})`;
  }
  return undefined;
}
