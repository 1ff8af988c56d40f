import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/ids.js';
import { CHECK_FUNCTIONS } from '../src/checks/index.js';
import { REPO_ROOT } from './helpers/cli.js';

const implemented = CHECKS.filter((check) => check.implemented);

describe('every implemented check id', () => {
  it.each(implemented.map((check) => check.id))('%s has docs/rules/<id>.md and test/checks/<id>.test.ts', (id) => {
    const doc = join(REPO_ROOT, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc), `${doc} is missing`).toBe(true);
    expect(readFileSync(doc, 'utf8')).toMatch(new RegExp(`^# ${id}\\b`));
    expect(existsSync(join(REPO_ROOT, 'test', 'checks', `${id}.test.ts`)), `test/checks/${id}.test.ts is missing`).toBe(true);
  });

  it('is run by lifecycle check (or, for suppression-comment, by the suppression step)', () => {
    const run = new Set([...CHECK_FUNCTIONS.map((check) => check.id), 'suppression-comment']);
    expect([...run].sort()).toEqual(implemented.map((check) => check.id).sort());
  });

  it('has a default severity in policies/recommended.yaml', () => {
    const preset = readFileSync(join(REPO_ROOT, 'policies', 'recommended.yaml'), 'utf8');
    for (const check of implemented) expect(preset).toContain(`  ${check.id}: ${check.defaultSeverity}`);
  });
});
