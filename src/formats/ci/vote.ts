import { defuseCommandLines, escapeControl } from '../check/escape.js';
import type { VoteResult } from '../../ci/result.js';

/** `ci vote` output as text: the vote on the first line, then why (a log line it quotes is escaped: it may hold ESC or `::`). */
export function renderVoteText(result: VoteResult): string {
  const lines = [result.post ? result.vote : `${result.vote} (post no vote)`, `class: ${result.class}`, `reason: ${result.reason}`];
  if (result.match) lines.push(`matched ${result.match.kind} pattern /${result.match.pattern}/ at line ${result.match.line}: ${result.match.text}`);
  lines.push(`rule: ${result.rule}`);
  return defuseCommandLines(`${lines.map(escapeControl).join('\n')}\n`);
}

/** `ci vote --format json`. */
export function renderVoteJson(result: VoteResult): string {
  return `${JSON.stringify({ version: 1, vote: result.vote, label: result.label, post: result.post, class: result.class, result: result.result, reason: result.reason, rule: result.rule, match: result.match ?? null }, null, 2)}\n`;
}

export const VOTE_REPORTERS = { text: renderVoteText, json: renderVoteJson } as const;
