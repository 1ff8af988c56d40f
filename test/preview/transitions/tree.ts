import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';

const created: string[] = [];

afterEach(() => {
  while (created.length > 0) rmSync(created.pop()!, { recursive: true, force: true });
});

/** A throwaway copy of examples/<name> (removed after the test), with the repository's node_modules linked in for tsc. */
export function copyOfExample(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `lifecycle-${name}-`));
  created.push(root);
  cpSync(join(REPO_ROOT, 'examples', name), root, { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  return root;
}

/** A throwaway empty folder, removed after the test. */
export function scratchFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'lifecycle-scratch-'));
  created.push(root);
  return root;
}

/** Every file below `root` (node_modules and .git left out) with its text: what "the same tree" means in these tests. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === '.git') continue;
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = readFileSync(abs, 'utf8');
    }
  };
  walk(root, '');
  return files;
}
