/**
 * Whether a text carries the policy label (`preview.label`, default "preview") as a word:
 * case-insensitive, bounded by the start or end of the text, a character that is not a letter or
 * digit (so `enable_preview`, `[preview]`, `Preview.` count), or a camelCase boundary (so
 * `previewMode` and `enablePreview` count). `previews` and `nonpreview` do not.
 */
export function hasLabel(text: string, label: string): boolean {
  if (label === '') return false;
  const haystack = text.toLowerCase();
  const needle = label.toLowerCase();
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (boundaryBefore(text, at) && boundaryAfter(text, at + needle.length)) return true;
  }
  return false;
}

const ALNUM = /[\p{L}\p{N}]/u;
const LOWER_OR_DIGIT = /[\p{Ll}\p{N}]/u;
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;

function boundaryBefore(text: string, index: number): boolean {
  const previous = text[index - 1];
  if (previous === undefined || !ALNUM.test(previous)) return true;
  return LOWER_OR_DIGIT.test(previous) && UPPER.test(text[index]!);
}

function boundaryAfter(text: string, index: number): boolean {
  const next = text[index];
  if (next === undefined || !ALNUM.test(next)) return true;
  return UPPER.test(next) && LOWER.test(text[index - 1]!);
}
