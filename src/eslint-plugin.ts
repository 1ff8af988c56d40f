import type { TSESLint } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import noPreviewImport from '../rules/no-preview-import.js';
import previewApiLeak from '../rules/preview-api-leak.js';
import previewCliLabel from '../rules/preview-cli-label.js';
import previewDeadline from '../rules/preview-deadline.js';
import previewRouteLabel from '../rules/preview-route-label.js';
import previewUnregistered from '../rules/preview-unregistered.js';
import { CHECKS, editorLevel, type EditorConfig } from './checks/catalogue.js';
import { packageRoot } from './package-root.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };

/** The rules, by id: the same ids as `lifecycle check`, docs at docs/rules/<id>.md. */
export const rules = {
  'no-preview-import': noPreviewImport,
  'preview-unregistered': previewUnregistered,
  'preview-cli-label': previewCliLabel,
  'preview-route-label': previewRouteLabel,
  'preview-deadline': previewDeadline,
  'preview-api-leak': previewApiLeak,
};

const plugin = {
  meta: { name: 'feature-lifecycle', version },
  rules,
  configs: {} as Record<EditorConfig, TSESLint.FlatConfig.Config>,
};

/**
 * A shared config, derived from the catalogue: every check that runs in the editor at the level
 * `editorLevel` gives it (recommended: the check's default severity, as in
 * `policies/recommended.yaml`; strict: error).
 */
const config = (name: EditorConfig): TSESLint.FlatConfig.Config => ({
  name: `feature-lifecycle/${name}`,
  plugins: { lifecycle: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(CHECKS.filter((check) => check.editor).map((check) => [`lifecycle/${check.id}`, editorLevel(check, name)])),
});

plugin.configs.recommended = config('recommended');
plugin.configs.strict = config('strict');

export default plugin;
