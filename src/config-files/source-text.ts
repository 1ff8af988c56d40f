import { lineStartsOf, positionIn } from '../line-positions.js';
import type { ConfigAnchor, ConfigComment } from '../facts/config-file.js';
import type { FileProblem } from '../facts/source-file.js';

/** A comment as a format parser found it, before it is attached to a key or section. */
export interface RawComment {
  /** The comment's text without its marker (`#`, `;`, `//`, `/*`). */
  text: string;
  line: number;
  column: number;
  /** Line where the comment ends (block comments can span lines). */
  endLine: number;
  /** True when only whitespace precedes the comment on its line. */
  ownLine: boolean;
}

/** A key or section as a format parser found it; comments are attached afterwards. */
export interface RawAnchor {
  path: string[];
  /** The key as written, when `path` is derived from it (.env names). */
  name?: string;
  line: number;
  column: number;
  /** Comments that belong to the anchor by structure (JSON `"$comment"` members), not by position. */
  members?: RawComment[];
}

export interface RawKey extends RawAnchor {
  /** Enclosing sections, innermost first. */
  sections: RawAnchor[];
}

/** What a format parser returns: keys and all comments, or the reason it could not parse. */
export type ParsedConfig = { keys: RawKey[]; comments: RawComment[] } | { problem: FileProblem };

/** Offsets → 1-based line and column, and "is this offset the first non-blank of its line". */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = lineStartsOf(text, 'lf');
  }

  position(offset: number): { line: number; column: number } {
    return positionIn(this.starts, offset);
  }

  /** True when only spaces and tabs precede `offset` on its line. */
  startsLine(offset: number): boolean {
    const { line } = this.position(offset);
    return /^[ \t]*$/.test(this.text.slice(this.starts[line - 1]!, offset));
  }

  /** A comment spanning [start, end) of the text; `marker` is stripped from the front of its text. */
  comment(start: number, end: number, text: string): RawComment {
    const from = this.position(start);
    const to = this.position(Math.max(start, end - 1));
    return { text, line: from.line, column: from.column, endLine: to.line, ownLine: this.startsLine(start) };
  }
}

/**
 * Attaches comments to keys and sections: a comment on the anchor's line after it ("inline"), and
 * the block of comment-only lines directly above it, with no blank or other line between ("above").
 */
export class CommentAttacher {
  private readonly byEndLine = new Map<number, RawComment[]>();
  private readonly cache = new Map<RawAnchor, ConfigAnchor>();

  constructor(comments: readonly RawComment[]) {
    for (const comment of comments) {
      const list = this.byEndLine.get(comment.endLine) ?? [];
      list.push(comment);
      this.byEndLine.set(comment.endLine, list);
    }
  }

  anchor(raw: RawAnchor): ConfigAnchor {
    let attached = this.cache.get(raw);
    if (!attached) {
      attached = { path: raw.path, ...(raw.name !== undefined ? { name: raw.name } : {}), line: raw.line, column: raw.column, comments: this.commentsOf(raw) };
      this.cache.set(raw, attached);
    }
    return attached;
  }

  private commentsOf(raw: RawAnchor): ConfigComment[] {
    const found: ConfigComment[] = [];
    const keep = (comment: RawComment, placement: ConfigComment['placement']): void => {
      found.push({ text: comment.text, line: comment.line, column: comment.column, placement });
    };
    for (const comment of this.byEndLine.get(raw.line) ?? []) {
      if (comment.line === raw.line && comment.column > raw.column) keep(comment, 'inline');
    }
    let line = raw.line - 1;
    for (;;) {
      const above = (this.byEndLine.get(line) ?? []).filter((comment) => comment.ownLine);
      if (above.length === 0) break;
      for (const comment of above) keep(comment, 'above');
      line = Math.min(...above.map((comment) => comment.line)) - 1;
    }
    for (const member of raw.members ?? []) keep(member, 'member');
    return found;
  }
}
