import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';
import { renderSchemaJson } from '../src/policy/schema-json.js';

// Regenerates schema.json from the one policy schema (src/policy/schema.ts).
const target = join(packageRoot(), 'schema.json');
writeFileSync(target, renderSchemaJson());
process.stdout.write(`wrote ${target}\n`);
