import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runLifecycle } from './helpers/cli.js';

/**
 * Every fixture project documents in EXPECTED.md what `lifecycle check` must report:
 * `exit: N`, optionally `unresolved: N`, a ```findings block of `file:line:column rule` lines,
 * and for input errors an ```error block of texts stderr must contain.
 */
interface Expectation {
  exit: number;
  unresolved: number | undefined;
  findings: string[];
  errors: string[];
}

function readExpectation(name: string): Expectation {
  const text = readFileSync(join(FIXTURES, name, 'EXPECTED.md'), 'utf8');
  const block = (tag: string) => {
    const match = new RegExp('```' + tag + '\\n([\\s\\S]*?)```').exec(text);
    return match ? match[1]!.split('\n').map((line) => line.trim()).filter(Boolean) : [];
  };
  const exit = /^exit: (\d+)/m.exec(text);
  const unresolved = /^unresolved: (\d+)/m.exec(text);
  if (!exit) throw new Error(`${name}/EXPECTED.md has no "exit: N" line`);
  return { exit: Number(exit[1]), unresolved: unresolved ? Number(unresolved[1]) : undefined, findings: block('findings'), errors: block('error') };
}

const fixtures = readdirSync(FIXTURES).filter((name) => existsSync(join(FIXTURES, name, 'EXPECTED.md')));

describe('fixture projects: lifecycle check --format json', () => {
  it('has fixtures to run', () => {
    expect(fixtures.length).toBeGreaterThan(15);
  });

  it.each(fixtures)('%s', (name) => {
    const expected = readExpectation(name);
    const run = runLifecycle(['check', '--format', 'json', '--cwd', join(FIXTURES, name)]);
    expect({ exit: run.status, stderr: run.status === 2 ? '' : run.stderr }).toEqual({ exit: expected.exit, stderr: '' });
    if (expected.exit === 2) {
      expect(run.stdout).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines[0]).toMatch(/^lifecycle: /);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
      for (const text of expected.errors) expect(run.stderr).toContain(text);
      return;
    }
    const output = JSON.parse(run.stdout) as { findings: { file: string; line: number; column: number; rule: string }[]; summary: { unresolved: number } };
    const actual = output.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`);
    expect(actual).toEqual(expected.findings);
    if (expected.unresolved !== undefined) expect(output.summary.unresolved).toBe(expected.unresolved);
  });
});
