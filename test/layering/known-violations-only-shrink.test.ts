import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// `npm run layering` (dist/scripts/layering.js, run by .ci/run) on a copy of this repository's
// src/ and rules/ with its layering config: clean as committed, failing on a deliberately added
// violation, on a stale known entry and on an entry without a reason. The copy is not a git work tree, so the history part says
// it was not checked (that part is exercised on the real repository by .ci/run itself).
const KNOWN = '.dependency-cruiser-known-violations.json';
let copy: string;

function layering(): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'scripts', 'layering.js')], { cwd: copy, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'lifecycle-layering-'));
  for (const entry of ['src', 'rules', '.dependency-cruiser.cjs', KNOWN, 'tsconfig.json', 'package.json']) {
    cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});

afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('the layering check', () => {
  it('passes on the committed tree', () => {
    const run = layering();
    expect(run.stdout).toContain('layering: no new violation;');
    expect(run.stdout).toContain('layering: not a git work tree');
    expect(run.status).toBe(0);
  }, 60_000);

  it('fails on a check that imports the engine, naming the rule and both files', () => {
    const probe = join(copy, 'src', 'checks', 'imports-the-engine.ts');
    writeFileSync(probe, "import { runCheck } from '../engine/run-check.js';\nexport const probe = runCheck;\n");
    try {
      const run = layering();
      expect(run.stdout).toContain(
        'layering: new layering violation checks-use-facts-policy-findings-only: src/checks/imports-the-engine.ts → src/engine/run-check.ts: fix the import (the known list may only shrink)',
      );
      expect(run.status).toBe(1);
    } finally {
      rmSync(probe);
    }
  }, 60_000);

  it('fails when a known violation does not say why it stays', () => {
    const probe = join(copy, 'src', 'checks', 'imports-the-engine.ts');
    writeFileSync(probe, "import { runCheck } from '../engine/run-check.js';\nexport const probe = runCheck;\n");
    const original = readFileSync(join(copy, KNOWN), 'utf8');
    const known = { type: 'dependency', from: 'src/checks/imports-the-engine.ts', to: 'src/engine/run-check.ts', rule: { severity: 'error', name: 'checks-use-facts-policy-findings-only' } };
    writeFileSync(join(copy, KNOWN), JSON.stringify([...(JSON.parse(original) as unknown[]), known], null, 2));
    try {
      const run = layering();
      expect(run.stdout).not.toContain('new layering violation');
      expect(run.stdout).toContain(
        'layering: known violation without a reason, checks-use-facts-policy-findings-only: src/checks/imports-the-engine.ts → src/engine/run-check.ts: say in its "reason" why it stays, or fix it',
      );
      expect(run.status).toBe(1);
    } finally {
      writeFileSync(join(copy, KNOWN), original);
      rmSync(probe);
    }
  }, 60_000);

  it('fails when a known violation no longer occurs, so the list shrinks with every fix', () => {
    const original = readFileSync(join(copy, KNOWN), 'utf8');
    const stale = { type: 'dependency', from: 'src/gone.ts', to: 'src/engine/run-check.ts', rule: { severity: 'error', name: 'checks-use-facts-policy-findings-only' } };
    writeFileSync(join(copy, KNOWN), JSON.stringify([...(JSON.parse(original) as unknown[]), stale], null, 2));
    try {
      const run = layering();
      expect(run.stdout).toContain('layering: known violation no longer occurs, checks-use-facts-policy-findings-only: src/gone.ts → src/engine/run-check.ts');
      expect(run.status).toBe(1);
    } finally {
      writeFileSync(join(copy, KNOWN), original);
    }
  }, 60_000);
});
