import { checkPattern, compileRe2 } from '../policy/re2-patterns.js';

/**
 * Log and comment patterns. Infra patterns turn a failure into an infra failure (0, never -1);
 * test patterns are evidence of a real test failure, which wins over any infra pattern.
 * Patterns are matched line by line (lines capped at MAX_LINE characters), case-insensitively.
 *
 * Users' patterns (ci.patterns, ci.recheck, --infra-pattern, --test-pattern, --recheck) run on
 * RE2 (re2js, a pure-JS port): matching takes time linear in the line, whatever the pattern, so
 * no pattern can hang a run. The built-ins are fixed, reviewed and written in the same RE2
 * syntax (checked when compiled); they run on the native engine, which is faster on them.
 */

/** What a compiled pattern offers: a test of one text, and its source for messages. */
export interface TextMatcher {
  readonly source: string;
  test(text: string): boolean;
}

export interface PatternSpec {
  id: string;
  kind: 'infra' | 'test';
  pattern: string;
  reason: string;
}

export interface CompiledPattern extends PatternSpec {
  regex: TextMatcher;
}

export const MAX_LINE = 4096;

export const BUILTIN_PATTERNS: readonly PatternSpec[] = [
  // package mirrors
  { id: 'mirror', kind: 'infra', pattern: 'Hash Sum mismatch', reason: 'package mirror out of sync' },
  { id: 'mirror', kind: 'infra', pattern: 'Failed to fetch https?://\\S*mirror', reason: 'package mirror unreachable' },
  { id: 'mirror', kind: 'infra', pattern: 'E: Unable to fetch some archives', reason: 'package mirror unreachable' },
  { id: 'mirror', kind: 'infra', pattern: 'Some index files failed to download', reason: 'package mirror unreachable' },
  { id: 'mirror', kind: 'infra', pattern: 'Could not find a version that satisfies the requirement', reason: 'package index incomplete or unreachable' },
  { id: 'mirror', kind: 'infra', pattern: 'HTTP error 50[234] while getting', reason: 'package index error' },
  { id: 'mirror', kind: 'infra', pattern: 'npm ERR! code (ECONNRESET|ETIMEDOUT|E50[234])', reason: 'npm registry unreachable' },
  // network
  { id: 'network', kind: 'infra', pattern: 'Could not resolve host', reason: 'DNS failure' },
  { id: 'network', kind: 'infra', pattern: 'Temporary failure (in name resolution|resolving)', reason: 'DNS failure' },
  { id: 'network', kind: 'infra', pattern: 'getaddrinfo (ENOTFOUND|EAI_AGAIN)', reason: 'DNS failure' },
  { id: 'network', kind: 'infra', pattern: 'Network is unreachable', reason: 'network unreachable' },
  { id: 'network', kind: 'infra', pattern: 'No route to host', reason: 'network unreachable' },
  { id: 'network', kind: 'infra', pattern: 'Connection reset by peer', reason: 'connection reset' },
  { id: 'network', kind: 'infra', pattern: 'ReadTimeoutError: HTTPSConnectionPool', reason: 'network timeout' },
  { id: 'network', kind: 'infra', pattern: 'fatal: unable to access \\S+: (Could not resolve|Failed to connect)', reason: 'git remote unreachable' },
  // memory
  { id: 'oom', kind: 'infra', pattern: 'invoked oom-killer', reason: 'out of memory (OOM killer)' },
  { id: 'oom', kind: 'infra', pattern: 'Out of memory: Kill(ed)? process', reason: 'out of memory (OOM killer)' },
  { id: 'oom', kind: 'infra', pattern: 'Cannot allocate memory', reason: 'out of memory' },
  // disk
  { id: 'disk', kind: 'infra', pattern: 'No space left on device', reason: 'disk full' },
  // lost runners / nodes
  { id: 'runner-lost', kind: 'infra', pattern: 'The runner has received a shutdown signal', reason: 'runner lost' },
  { id: 'runner-lost', kind: 'infra', pattern: 'lost communication with the server', reason: 'runner lost' },
  { id: 'runner-lost', kind: 'infra', pattern: 'Connection to \\S+ closed by remote host', reason: 'node lost' },
  { id: 'runner-lost', kind: 'infra', pattern: 'ssh: connect to host \\S+ port \\d+: (Connection refused|Connection timed out)', reason: 'node unreachable' },
  { id: 'runner-lost', kind: 'infra', pattern: 'NODE_FAILURE|RETRY_LIMIT', reason: 'node failure' },
  // real test failures
  { id: 'pytest', kind: 'test', pattern: '^FAILED \\S+::\\S+', reason: 'pytest test failed' },
  { id: 'pytest', kind: 'test', pattern: '=+ \\d+ failed', reason: 'pytest tests failed' },
  { id: 'unittest', kind: 'test', pattern: '^FAIL: \\S+', reason: 'unittest test failed' },
  { id: 'stestr', kind: 'test', pattern: 'FAILED \\((failures|errors)=\\d+', reason: 'test run failed' },
  { id: 'stestr', kind: 'test', pattern: '\\.\\.\\. FAILED$', reason: 'test failed' },
  { id: 'tap', kind: 'test', pattern: '^not ok \\d+', reason: 'TAP test failed' },
  { id: 'jest', kind: 'test', pattern: '^Tests:\\s+\\d+ failed', reason: 'jest/vitest tests failed' },
  { id: 'assertion', kind: 'test', pattern: '^AssertionError\\b', reason: 'assertion failed' },
];

/** Compiles a user's pattern on the linear-time engine; throws an Error naming it when invalid. */
export function compileUserPattern(pattern: string): TextMatcher {
  const problem = checkPattern(pattern);
  if (problem) throw new Error(`pattern /${pattern}/: ${problem}`);
  const compiled = compileRe2(pattern);
  return { source: pattern, test: (text) => compiled.test(text) };
}

/** Compiles users' patterns; throws an Error naming the first invalid one. */
export function compilePatterns(specs: readonly PatternSpec[]): CompiledPattern[] {
  return specs.map((spec) => ({ ...spec, regex: compileUserPattern(spec.pattern) }));
}

let builtinCache: CompiledPattern[] | undefined;

/** The built-in patterns, compiled once (checked as RE2, run natively). */
export function builtinPatterns(): CompiledPattern[] {
  builtinCache ??= BUILTIN_PATTERNS.map((spec) => {
    compileUserPattern(spec.pattern);
    return { ...spec, regex: new RegExp(spec.pattern, 'i') };
  });
  return builtinCache;
}

/** A pattern that matched, with the line (trimmed to 200 characters) it matched on. */
export interface PatternMatch {
  pattern: CompiledPattern;
  line: number;
  text: string;
}

/** Scans one line for the first infra and the first test pattern; updates `found` in place. */
export function scanLine(
  line: string,
  lineNumber: number,
  patterns: readonly CompiledPattern[],
  found: { infra?: PatternMatch; test?: PatternMatch },
): void {
  const text = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
  for (const pattern of patterns) {
    if (found[pattern.kind]) continue;
    if (pattern.regex.test(text)) {
      found[pattern.kind] = { pattern, line: lineNumber, text: text.trim().slice(0, 200) };
    }
  }
}

/** Scans a whole text (a comment, a log excerpt) line by line. */
export function scanText(
  text: string,
  patterns: readonly CompiledPattern[],
): { infra?: PatternMatch; test?: PatternMatch } {
  const found: { infra?: PatternMatch; test?: PatternMatch } = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    scanLine(lines[i] ?? '', i + 1, patterns, found);
    if (found.infra && found.test) break;
  }
  return found;
}
