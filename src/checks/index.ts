import { globMatchesNothing } from './glob-matches-nothing.js';
import { noPreviewImport } from './no-preview-import.js';
import { parseError } from './parse-error.js';
import { previewApiLeak } from './preview-api-leak.js';
import { previewConfigLabel } from './preview-config-label.js';
import { previewDeadline } from './preview-deadline.js';
import { previewDocsLabel } from './preview-docs-label.js';
import { previewCliLabel } from './preview-cli-label.js';
import { previewRegistry } from './preview-registry.js';
import { previewRouteLabel } from './preview-route-label.js';
import { previewTestLocation } from './preview-test-location.js';
import { previewUnregistered } from './preview-unregistered.js';
import { suppressionComment } from './suppression-comment.js';
import { unresolvedImport } from './unresolved-import.js';
import type { Check } from './check.js';

/**
 * Every check of `lifecycle check`, in one list (the catalogue, catalogue.ts, says what each one
 * is). `suppression-comment` judges the directives the other checks' findings were matched
 * against, so the engine runs it after them (engine/run-check.ts).
 */
export const CHECK_FUNCTIONS: readonly Check[] = [noPreviewImport, previewUnregistered, previewRegistry, parseError, unresolvedImport, previewCliLabel, previewRouteLabel, previewTestLocation, previewConfigLabel, previewDocsLabel, previewDeadline, previewApiLeak, globMatchesNothing, suppressionComment];
