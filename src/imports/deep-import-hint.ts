/**
 * Whether a file may hold imports below its top-level statements: `import(`, `require(` (also
 * through `?.`, with a comment before the parenthesis, or as `(require)(`), `import.defer(` and
 * `import.source(`.
 * Files without it are read at the top level only, by both extractors (the CLI's and ESLint's).
 */
export const DEEP_IMPORT_HINT = /\b(?:import|require)\s*(?:\(|\?\.|\/[*/])|\brequire\s*\)|\bimport\s*\.\s*(?:defer|source)\b/;
