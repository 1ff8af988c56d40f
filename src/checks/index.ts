import type { Check } from './facts.js';
import { noPreviewImport } from './no-preview-import.js';
import { parseError } from './parse-error.js';
import { previewRegistry } from './preview-registry.js';
import { previewUnregistered } from './preview-unregistered.js';
import { unresolvedImport } from './unresolved-import.js';

/**
 * The checks run by `lifecycle check`, in one list. `suppression-comment` is not here: it is
 * produced while suppressions are applied (engine/suppressions.ts).
 */
export const CHECK_FUNCTIONS: readonly Check[] = [noPreviewImport, previewUnregistered, previewRegistry, parseError, unresolvedImport];
