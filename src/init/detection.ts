/** A preview feature one detector found, with what it found and why that makes it preview. */
export interface DetectedFeature {
  id: string;
  title: string;
  /** What was found: `packages/charts-experimental`, `src/experimental/charts`. */
  where: string;
  /** Why that is preview: `package name ends in -experimental`. */
  why: string;
  /** What was found, for a name that cannot be a feature id: `Not registered: preview folder "__proto__"`. */
  kind: 'preview folder' | 'package' | 'file' | 'Deno member';
  /** The word that says "not stable yet" (`experimental`, `beta`, `unstable`, …; '' for none); the label is taken from these. */
  word: string;
  /** `features.<id>.packages`: workspace packages that belong wholly to the feature. */
  packages?: string[];
  /** `features.<id>.paths`: globs of its code outside preview.code. */
  paths?: string[];
}

/** What one detector contributes to the starter policy. */
export interface Detection {
  features: DetectedFeature[];
  /** `preview.code` globs (with {feature}). */
  code: string[];
  /** `preview.tests` globs (with {feature}). */
  tests: string[];
  /** Folders whose stable code may import preview code (`preview.exceptions`, e.g. migrations). */
  exceptionFolders: string[];
  /** Directories whose files this detection has placed (a preview package, a preview folder): later detectors leave them alone. */
  claimedDirs: string[];
  /** Lines for the decisions print-out that register nothing (folders left out, advice). */
  notes: string[];
}

export const NOTHING_DETECTED: Detection = { features: [], code: [], tests: [], exceptionFolders: [], claimedDirs: [], notes: [] };
