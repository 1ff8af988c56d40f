/**
 * The output formats of `lifecycle ci-readiness`, in the order `--help` lists them. A module of
 * its own that imports nothing, so the CLI can offer them as choices without loading the
 * reporters; `READINESS_REPORTERS` (reporters/index.ts) must have exactly these keys.
 */
const FORMATS = ['text', 'json', 'markdown', 'html'] as const;

export type ReadinessFormat = (typeof FORMATS)[number];

export const READINESS_FORMATS: ReadinessFormat[] = [...FORMATS];
