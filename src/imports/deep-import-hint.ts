/**
 * Whether a file may hold imports below its top-level statements: `import(`, `require(` (also
 * through `?.` or with a comment before the parenthesis), `import.defer(` and `import.source(`.
 * Files without it are read at the top level only, by both extractors (the CLI's and ESLint's).
 */
export const DEEP_IMPORT_HINT = /\b(?:import|require)\s*(?:\(|\?\.|\/[*/])|\bimport\s*\.\s*(?:defer|source)\b/;
