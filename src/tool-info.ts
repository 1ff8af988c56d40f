import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ToolInfo } from './findings.js';
import { packageRoot } from './package-root.js';

let cached: ToolInfo | undefined;

/** Name and version from our own package.json (read once): `--version`, and the tool of a check result. */
export function toolInfo(): ToolInfo {
  cached ??= (() => {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
    return { name: manifest.name, version: manifest.version };
  })();
  return cached;
}
