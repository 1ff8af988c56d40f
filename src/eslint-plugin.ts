/**
 * The ESLint flat-config plugin (`feature-lifecycle/eslint-plugin`). The rules arrive with the
 * ESLint plugin work; until then the plugin object is valid but has no rules.
 */
const plugin = {
  meta: { name: 'feature-lifecycle', version: '0.1.0' },
  rules: {},
  configs: {} as Record<string, unknown>,
};
plugin.configs.recommended = { plugins: { lifecycle: plugin }, rules: {} };

export default plugin;
