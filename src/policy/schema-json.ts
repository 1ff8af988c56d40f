import { policyJsonSchema } from './schema.js';

/** The exact text of the published schema.json (a test fails when the committed file differs). */
export function renderSchemaJson(): string {
  const schema = {
    $id: 'https://unpkg.com/feature-lifecycle/schema.json',
    title: 'feature-lifecycle policy (lifecycle.yaml)',
    ...policyJsonSchema(),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
