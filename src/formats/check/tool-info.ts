import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../package-root.js';

/** Where the project lives; rule docs are under docs/rules/ of its default branch. */
export const TOOL_INFORMATION_URI = 'https://github.com/feature-lifecycle/feature-lifecycle';
const RULE_DOCS_BASE_URI = `${TOOL_INFORMATION_URI}/blob/main/docs/rules/`;

/** The documentation page of a check id (docs/rules/<id>.md). */
export function ruleHelpUri(id: string): string {
  return `${RULE_DOCS_BASE_URI}${encodeURIComponent(id)}.md`;
}

let cached: { name: string; version: string } | undefined;

/** Name and version from our own package.json (read once). */
export function toolInfo(): { name: string; version: string } {
  cached ??= (() => {
    const manifest = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { name: string; version: string };
    return { name: manifest.name, version: manifest.version };
  })();
  return cached;
}
