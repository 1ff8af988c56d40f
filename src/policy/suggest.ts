import { closest, distance } from 'fastest-levenshtein';
import type { KeyPath } from './yaml-source.js';

type JsonSchema = {
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

/** The keys a JSON-schema object accepts at `path` (empty when the schema is not an object there). */
export function keysAt(schema: JsonSchema, path: KeyPath): string[] {
  let current: JsonSchema | undefined = schema;
  for (const segment of path) {
    current = current && childSchema(current, segment);
  }
  const object = current && objectVariant(current);
  return object?.properties ? Object.keys(object.properties) : [];
}

/** The nearest valid key to `key`, if it is close enough to be a plausible typo. */
export function nearestKey(key: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(key, candidates as string[]);
  const limit = Math.max(2, Math.floor(key.length / 3));
  return distance(key.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

function childSchema(schema: JsonSchema, segment: string | number): JsonSchema | undefined {
  for (const variant of variants(schema)) {
    if (typeof segment === 'number' && variant.items) return variant.items;
    const property = variant.properties?.[String(segment)];
    if (property) return property;
    if (typeof variant.additionalProperties === 'object') return variant.additionalProperties;
  }
  return undefined;
}

function objectVariant(schema: JsonSchema): JsonSchema | undefined {
  return variants(schema).find((variant) => variant.properties !== undefined);
}

function variants(schema: JsonSchema): JsonSchema[] {
  return [schema, ...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];
}
