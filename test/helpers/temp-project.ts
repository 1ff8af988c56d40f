import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

afterEach(() => {
  while (created.length > 0) rmSync(created.pop()!, { recursive: true, force: true });
});

/** Writes a throwaway project (path → content) and returns its directory; removed after the test. */
export function tempProject(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'lifecycle-test-'));
  created.push(root);
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** A minimal valid policy, with the given YAML appended. */
export function policyYaml(extra = ''): string {
  return `version: 1
releases:
  current: 2026.2
  train:
    - { name: 2026.1 }
    - { name: 2026.2 }
    - { name: 2027.1 }
preview:
  code: src/preview/{feature}/**
  tests: test/preview/{feature}/**
features:
  fwaas:
    status: preview
    introduced: 2026.1
    tracking: https://tracker.example/fwaas
    owners: [alice@example.org, bob@example.org]
${extra}`;
}
