/** One replacement in a text: `length` characters at `offset` become `text`. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/** Applies non-overlapping edits (any order given); overlapping ones are a bug of the caller. */
export function applyTextEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.offset - a.offset);
  let out = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.offset + edit.length > limit) throw new Error(`overlapping edits at offset ${edit.offset}`);
    out = out.slice(0, edit.offset) + edit.text + out.slice(edit.offset + edit.length);
    limit = edit.offset;
  }
  return out;
}

/** The offset of a 1-based line and column (columns count UTF-16 code units, as the extractors do). */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** The whole line (with its line break) that holds `offset`: [start, end). */
export function lineAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  return [start, newline < 0 ? text.length : newline + 1];
}
