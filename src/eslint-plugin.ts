import type { TSESLint } from '@typescript-eslint/utils';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import noPreviewImport from '../rules/no-preview-import.js';
import previewCliLabel from '../rules/preview-cli-label.js';
import previewDeadline from '../rules/preview-deadline.js';
import previewRouteLabel from '../rules/preview-route-label.js';
import previewUnregistered from '../rules/preview-unregistered.js';
import { packageRoot } from './package-root.js';

const { version } = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };

/** The rules, by id: the same ids as `lifecycle check`, docs at docs/rules/<id>.md. */
export const rules = {
  'no-preview-import': noPreviewImport,
  'preview-unregistered': previewUnregistered,
  'preview-cli-label': previewCliLabel,
  'preview-route-label': previewRouteLabel,
  'preview-deadline': previewDeadline,
};

type RuleLevel = 'error' | 'warn' | 'off';

const plugin = {
  meta: { name: 'feature-lifecycle', version },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

const config = (name: string, levels: Record<keyof typeof rules, RuleLevel>): TSESLint.FlatConfig.Config => ({
  name: `feature-lifecycle/${name}`,
  plugins: { lifecycle: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(Object.entries(levels).map(([id, level]) => [`lifecycle/${id}`, level])),
});

/** recommended: the defaults of `policies/recommended.yaml`; strict: every rule an error. */
plugin.configs.recommended = config('recommended', {
  'no-preview-import': 'error',
  'preview-unregistered': 'error',
  'preview-cli-label': 'error',
  'preview-route-label': 'off',
  'preview-deadline': 'warn',
});
plugin.configs.strict = config('strict', {
  'no-preview-import': 'error',
  'preview-unregistered': 'error',
  'preview-cli-label': 'error',
  'preview-route-label': 'error',
  'preview-deadline': 'error',
});

export default plugin;
