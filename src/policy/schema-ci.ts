import { z } from 'zod';

/**
 * The `ci:` section of lifecycle.yaml (CI readiness). Owned by the CI-readiness feature;
 * merged into the one policy schema in schema.ts.
 */
export const ciSectionSchema = z
  .strictObject({})
  .describe('CI readiness: the external CI systems and the criteria they must meet before voting.');
