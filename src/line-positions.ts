/**
 * Offsets where the lines of a text start. `lf` counts only `\n` (config files, where `\r\n` ends a
 * line too); `ecmascript` also counts a lone `\r`, U+2028 and U+2029, as TypeScript does.
 */
export function lineStartsOf(text: string, terminators: 'lf' | 'ecmascript'): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      starts.push(index + 1);
    } else if (terminators === 'ecmascript' && (code === 13 || code === 0x2028 || code === 0x2029)) {
      if (code === 13 && text.charCodeAt(index + 1) === 10) index += 1;
      starts.push(index + 1);
    }
  }
  return starts;
}

/** 1-based line and column (in UTF-16 units) of an offset, given the text's line starts. */
export function positionIn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
