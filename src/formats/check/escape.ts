/**
 * Escaping for human formats (stylish, markdown, report text and markdown, explain, error lines).
 * A file name, import specifier or policy value may hold a newline, an ESC sequence or a `::`
 * workflow command: printed raw, it could forge a line (`::error ::…` in a GitHub Actions log),
 * recolour or hide text on a terminal. Machine formats (JSON, SARIF) escape by their own syntax.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional overrides (Trojan Source). */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\nb` → `a\\nb`, ESC → `\\x1b`, U+202E → `\\u202e`: visible, and never a line break. */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (char) => {
    const named = NAMED[char];
    if (named) return named;
    const code = char.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Every string in a value (arrays, plain objects, Maps and Sets; keys too) passed through escapeControl. */
export function escapeStrings<T>(value: T): T {
  return escapeDeep(value) as T;
}

function escapeDeep(value: unknown): unknown {
  if (typeof value === 'string') return escapeControl(value);
  if (Array.isArray(value)) return value.map(escapeDeep);
  if (value instanceof Map) return new Map([...value].map(([key, item]) => [escapeDeep(key), escapeDeep(item)]));
  if (value instanceof Set) return new Set([...value].map(escapeDeep));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeControl(key), escapeDeep(item)]));
  }
  return value;
}

/**
 * A line that starts (after blanks and colour codes) with `::` or `##[` is a command to the GitHub
 * Actions runner; such a line, which only a hostile name can produce, gets a backslash in front.
 */
export function defuseCommandLines(text: string): string {
  return text.replace(/^((?:[ \t]|\u001b\[[0-9;]*m)*)(::|##\[)/gm, '$1\\$2');
}
