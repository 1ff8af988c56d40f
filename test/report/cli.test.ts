import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_FORMAT_NAMES } from '../../src/cli/commands/report.js';
import { REPORT_FORMATS } from '../../src/formats/report/index.js';
import { REPO_ROOT, fixture, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const STATES = fixture('report-states');
const NETSVC = join(REPO_ROOT, 'examples', 'netsvc');
const NETSVC_CI = join(NETSVC, 'ci');

/** A project with one preview feature in its first release, labelled and clean. */
function cleanProject(extra = ''): string {
  return tempProject({
    'lifecycle.yaml': policyYaml(extra).replace('introduced: 2026.1', 'introduced: 2026.2'),
    'src/preview/fwaas/index.ts': 'export const a = 1;\n',
  });
}

describe('lifecycle report: exit codes and --fail-on', () => {
  it('exits 0 without --fail-on, however much there is to do', () => {
    expect(runLifecycle(['report', '--cwd', STATES]).status).toBe(0);
  });

  it('exits 1 when a condition holds and says which on stderr, the report still printed', () => {
    const overdue = runLifecycle(['report', '--cwd', STATES, '--fail-on', 'overdue']);
    expect(overdue.status).toBe(1);
    expect(overdue.stdout).toContain('Release review: report-states as of 2026.2');
    expect(overdue.stderr).toBe('lifecycle: --fail-on overdue: 3 overdue preview features as of 2026.2 (abandoned, late, ready)\n');
    const violations = runLifecycle(['report', '--cwd', STATES, '--fail-on', 'violations', '--format', 'json']);
    expect(violations.status).toBe(1);
    expect(violations.stderr).toBe('lifecycle: --fail-on violations: lifecycle check has 10 errors as of 2026.2\n');
    const both = runLifecycle(['report', '--cwd', STATES, '--fail-on', 'violations,overdue']);
    expect(both.status).toBe(1);
    expect(both.stderr.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('accepts repeated and comma-separated conditions; exits 0 when none holds', () => {
    const root = cleanProject();
    const run = runLifecycle(['report', '--cwd', root, '--fail-on', 'overdue,violations', '--fail-on', 'overdue']);
    expect(run).toMatchObject({ status: 0, stderr: '' });
  });

  it('judges --fail-on overdue as of --release', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml(), 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
    // fwaas: introduced 2026.1, maxCycles 2 → due next in 2026.2, overdue in 2027.1.
    expect(runLifecycle(['report', '--cwd', root, '--fail-on', 'overdue']).status).toBe(0);
    const later = runLifecycle(['report', '--cwd', root, '--fail-on', 'overdue', '--release', '2027.1']);
    expect(later.status).toBe(1);
    expect(later.stderr).toContain('1 overdue preview feature as of 2027.1 (fwaas)');
  });

  it('--fail-on ci: 1 when a system of ci.systems may not vote, 0 when all may', () => {
    const netsvc = runLifecycle(['report', '--cwd', NETSVC, '--fail-on', 'ci', '--format', 'json']);
    expect(netsvc.status).toBe(1);
    expect(netsvc.stderr).toBe('lifecycle: --fail-on ci: 1 CI system may not vote (broken-ci: not-yet)\n');
    const ci = `ci:
  reference:
    name: Zuul
    history: [{ format: gerrit-events, path: ${JSON.stringify(join(NETSVC_CI, 'upstream.gerrit-events.ndjson'))} }]
  systems:
    - name: healthy-ci
      contacts: [a@example.org, b@example.org]
      history: [{ format: zuul, path: ${JSON.stringify(join(NETSVC_CI, 'healthy-ci.builds.json'))} }]
      matrix:
        - { cell: healthy-arm64, voting: false }
        - { cell: healthy-centos, disabled: { reason: "CentOS mirror migration", until: 2026-06-30 } }
`;
    const healthy = runLifecycle(['report', '--cwd', cleanProject(ci), '--fail-on', 'ci', '--format', 'json']);
    expect(healthy.stderr).toBe('');
    expect(healthy.status).toBe(0);
    const model = JSON.parse(healthy.stdout);
    expect(model.ci.systems).toEqual([expect.objectContaining({ name: 'healthy-ci', verdict: 'grant', mayVote: true, failing: [] })]);
  });

  it('exits 2 on input errors, with one line on stderr', () => {
    const cases: [string[], RegExp][] = [
      [['--fail-on', 'slow'], /^lifecycle: --fail-on "slow": expected overdue, violations, ci/],
      [['--fail-on', 'ci'], /^lifecycle: --fail-on ci: the policy has no ci\.systems to judge\n$/],
      [['--release', '2030.1'], /^lifecycle: --release 2030\.1: not a release of the train \(2025\.1, 2025\.2, 2026\.1, 2026\.2, 2027\.1\)/],
      [['--format', 'pdf'], /argument 'pdf' is invalid\. Allowed choices are text, markdown, json, html/],
      [['--policy', 'missing.yaml'], /^lifecycle: policy file not found: /],
    ];
    for (const [args, message] of cases) {
      const run = runLifecycle(['report', '--cwd', STATES, ...args]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.stdout, args.join(' ')).toBe('');
    }
    expect(runLifecycle(['report', '--cwd', join(STATES, 'nope')]).status).toBe(2);
  });
});

describe('lifecycle report: output', () => {
  it('is byte-identical for identical input, in every format and time zone', () => {
    for (const cwd of [STATES, NETSVC]) {
      for (const format of REPORT_FORMAT_NAMES) {
        const a = runLifecycle(['report', '--cwd', cwd, '--format', format], { env: { TZ: 'Asia/Kolkata' } });
        const b = runLifecycle(['report', '--cwd', cwd, '--format', format], { env: { TZ: 'America/Los_Angeles' } });
        expect(a.status).toBe(0);
        expect(a.stdout.length).toBeGreaterThan(100);
        expect(b.stdout, `${cwd} ${format}`).toBe(a.stdout);
      }
    }
  });

  it('keeps what a CI did on the days a criterion broke in its strip, and marks those days in a second row', () => {
    const text = runLifecycle(['report', '--cwd', NETSVC, '--format', 'text']);
    expect(text.stdout).toContain('              window 2026-02-15 sssssss ssssiii iiiiiii iiiiiii ii 2026-03-16\n              broken            !!!!!!! !!!!!!! !!!!!!! !!!!!!! !!\n');
    const md = runLifecycle(['report', '--cwd', NETSVC, '--format', 'markdown']);
    expect(md.stdout).toContain('broken-ci   2026-02-15 sssssss ssssiii iiiiiii iiiiiii ii 2026-03-16\n                       !!!!!!! !!!!!!! !!!!!!! !!!!!!! !! broken\n');
  });

  it('--output writes the report atomically (same bytes as stdout, no colour, no leftovers) and keeps the exit code', () => {
    const root = tempProject({ 'keep.txt': '' });
    const out = join(root, 'reports', 'review.html');
    const run = runLifecycle(['report', '--cwd', STATES, '--format', 'html', '--output', out, '--fail-on', 'overdue']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toBe(runLifecycle(['report', '--cwd', STATES, '--format', 'html']).stdout);
    expect(readdirSync(join(root, 'reports'))).toEqual(['review.html']);
    const text = join(root, 'review.txt');
    expect(runLifecycle(['report', '--cwd', STATES, '-o', text], { env: { NO_COLOR: '' } }).status).toBe(0);
    expect(readFileSync(text, 'utf8')).not.toContain('\u001b[');
  });

  it('--full-parse counts the syntax errors lifecycle check --full-parse reports', () => {
    const cwd = fixture('syntax-error-file');
    const errors = (...flags: string[]) => (JSON.parse(runLifecycle(['report', '--format', 'json', ...flags, '--cwd', cwd]).stdout) as { check: { errors: number } }).check.errors;
    const checkErrors = (...flags: string[]) => (JSON.parse(runLifecycle(['check', '--format', 'json', ...flags, '--cwd', cwd]).stdout) as { summary: { errors: number } }).summary.errors;
    expect([errors(), errors('--full-parse')]).toEqual([4, 5]);
    expect([checkErrors(), checkErrors('--full-parse')]).toEqual([4, 5]);
  });

  it('fails with exit 2 when --output cannot be written', () => {
    const root = tempProject({ taken: 'a file' });
    const run = runLifecycle(['report', '--cwd', STATES, '--output', join(root, 'taken', 'review.md')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^lifecycle: cannot write --output .*taken\/review\.md \(a parent of it is a file, not a folder\)\n$/);
    expect(existsSync(join(root, 'taken', 'review.md'))).toBe(false);
  });

  it('is listed in lifecycle --help, and its --format choices are the reporters of the map', () => {
    expect(runLifecycle(['--help']).stdout).toMatch(/\n {2}report \[options\] +the release review/);
    expect([...REPORT_FORMAT_NAMES].sort()).toEqual([...REPORT_FORMATS].sort());
    const help = runLifecycle(['report', '--help']).stdout;
    for (const flag of ['--release <name>', '--format <format>', '--output <file>', '--fail-on <conditions>', '--cwd <dir>', '--policy <file>']) expect(help).toContain(flag);
  });
});
