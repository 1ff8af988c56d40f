import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderSchemaJson } from '../src/policy/schema-json.js';
import { REPO_ROOT } from './helpers/cli.js';

describe('schema.json', () => {
  it('is what the policy schema generates (run npm run gen:schema after changing src/policy/schema*.ts)', () => {
    expect(readFileSync(join(REPO_ROOT, 'schema.json'), 'utf8')).toBe(renderSchemaJson());
  });

  it('describes every top-level key and forbids unknown ones', () => {
    const schema = JSON.parse(renderSchemaJson()) as { properties: Record<string, unknown>; additionalProperties: unknown; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['version', 'extends', 'releases', 'files', 'preview', 'features', 'checks', 'ci']));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['version']);
  });
});
