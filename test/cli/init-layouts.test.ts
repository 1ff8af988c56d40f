import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { fixture, REPO_ROOT, runLifecycle } from '../helpers/cli.js';

/**
 * `lifecycle init` on one fixture per repository layout (test/fixtures/init-*), run as a user
 * runs it: its output, the policy it writes and what `lifecycle check` then finds are exactly what
 * the fixture's EXPECTED-INIT.md says.
 */
const LAYOUTS = ['init-preview-packages', 'init-alpha-beta-next', 'init-preview-names', 'init-loose-preview-files', 'init-yarn4', 'init-no-version'];

const copies: string[] = [];
afterEach(() => {
  while (copies.length > 0) rmSync(copies.pop()!, { recursive: true, force: true });
});

/** A temp copy of a fixture without its EXPECTED-INIT.md. */
function copyOf(name: string): string {
  const root = mkdtempSync(join(tmpdir(), `lifecycle-${name}-`));
  copies.push(root);
  cpSync(fixture(name), root, { recursive: true, filter: (source) => !source.endsWith('EXPECTED-INIT.md') });
  return root;
}

interface Expected {
  decisions: string;
  policy: string;
  findings: string;
  checkExit: number;
}

/** The fenced blocks under the `## …` headings of a fixture's EXPECTED-INIT.md. */
function expectedOf(name: string): Expected {
  const text = readFileSync(join(fixture(name), 'EXPECTED-INIT.md'), 'utf8');
  const block = (heading: string): string => {
    const match = new RegExp(`^## ${heading}\\n[\\s\\S]*?\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`$`, 'm').exec(text);
    if (!match) throw new Error(`${name}/EXPECTED-INIT.md has no block under "## ${heading}"`);
    return match[1]!;
  };
  const exit = /^`lifecycle check` exits (\d)\.$/m.exec(text);
  if (!exit) throw new Error(`${name}/EXPECTED-INIT.md does not say how lifecycle check exits`);
  return { decisions: block('Decisions'), policy: block('lifecycle.yaml'), findings: block('Findings'), checkExit: Number(exit[1]) };
}

interface CheckJson {
  findings: { file: string; line: number; column: number; severity: string; rule: string; message: string }[];
}

const validatePolicy = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'schema.json'), 'utf8')) as object);

describe.each(LAYOUTS)('lifecycle init on %s', (name) => {
  it('prints its decisions, writes the expected starter policy, and check finds what EXPECTED-INIT.md says', () => {
    const expected = expectedOf(name);
    const root = copyOf(name);
    const run = runLifecycle(['init', '--cwd', root]);
    expect(run).toEqual({ status: 0, stdout: `wrote ${join(root, 'lifecycle.yaml')}\nnext: fill in owners and tracking links, then run \`lifecycle check\`\n`, stderr: expected.decisions });
    const policy = readFileSync(join(root, 'lifecycle.yaml'), 'utf8');
    expect(policy).toBe(expected.policy);
    // Valid against the published schema, not only against the loader.
    expect(validatePolicy(parseYaml(policy)), JSON.stringify(validatePolicy.errors)).toBe(true);

    const check = runLifecycle(['check', '--format', 'json', '--cwd', root]);
    expect({ status: check.status, stderr: check.stderr }).toEqual({ status: expected.checkExit, stderr: '' });
    const findings = (JSON.parse(check.stdout) as CheckJson).findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}\n`);
    expect(findings.join('')).toBe(expected.findings);
    expect(findings.filter((line) => line.includes('preview feature "?"'))).toEqual([]);
  });

  it('prints the same policy on --dry-run, decisions in its header, and writes nothing', () => {
    const root = copyOf(name);
    const run = runLifecycle(['init', '--dry-run', '--cwd', root]);
    expect(run).toEqual({ status: 0, stdout: expectedOf(name).policy, stderr: '' });
    expect(() => readFileSync(join(root, 'lifecycle.yaml'))).toThrow(/ENOENT/);
  });
});
