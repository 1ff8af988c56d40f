/**
 * Folder names that conventionally hold code that is not stable yet. A module of its own that
 * imports nothing, so `lifecycle init --help` can name them without loading the starter policy.
 */
export const PREVIEW_FOLDER_NAMES = ['preview', 'experimental', 'labs', 'unstable', 'incubating'] as const;
