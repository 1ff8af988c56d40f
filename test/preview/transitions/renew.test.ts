import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../../helpers/cli.js';
import { tempProject } from '../../helpers/temp-project.js';

const POLICY = `# Policy of a small service.
version: 1
releases:
  current: 2026.2
  train:
    - { name: 2026.1 }
    - { name: 2026.2 }   # this cycle
    - { name: 2027.1 }
    - { name: 2027.2 }
    - { name: 2028.1 }
preview:
  code: src/preview/{feature}/**
  tests: test/preview/{feature}/**
  maxRenewals: 1

features:
  # Firewall as a service: the first preview feature.
  fwaas:
    status: preview
    introduced: 2026.1
    tracking: https://tracker.example/fwaas   # the blueprint
    owners: [alice@example.org, bob@example.org]

  # VPN as a service.
  vpnaas:
    status: preview
    introduced: 2026.1
    tracking: https://tracker.example/vpnaas
    owners: [alice@example.org, bob@example.org]
    renewals: [{ release: 2026.2, tracking: https://tracker.example/vpnaas-2, reason: more users }]
  dvr:
    status: stable
    introduced: 2026.1
    tracking: https://tracker.example/dvr
    owners: [alice@example.org, bob@example.org]
`;

function project(policy = POLICY): string {
  return tempProject({ 'lifecycle.yaml': policy, 'src/preview/fwaas/a.ts': 'export const a = 1;\n', 'src/preview/vpnaas/b.ts': 'export const b = 1;\n' });
}

const RENEW = ['renew', 'fwaas', '--tracking', 'https://tracker.example/fwaas-plan-2', '--reason', 'the API review moved to 2027.1: see the plan'];

describe('lifecycle renew', () => {
  it('adds one renewal, keeping every comment and line as written, and prints the new deadline', () => {
    const root = project();
    const run = runLifecycle(RENEW, { cwd: root });
    expect(run.stderr).toBe('');
    // The clock restarts at 2026.2; maxCycles 2 puts the deadline at 2027.2 (it was 2027.1).
    expect(run.stdout).toBe('renewed fwaas in 2026.2: it must leave preview by 2027.2\n  edited lifecycle.yaml\n');
    expect(run.status).toBe(0);
    const expected = POLICY.replace(
      '    owners: [alice@example.org, bob@example.org]\n\n  # VPN',
      '    owners: [alice@example.org, bob@example.org]\n    renewals:\n      - release: 2026.2\n        tracking: https://tracker.example/fwaas-plan-2\n        reason: "the API review moved to 2027.1: see the plan"\n\n  # VPN',
    );
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toBe(expected);
    // The renewal counts: the deadline moved, and check is clean about it.
    const check = runLifecycle(['check', '--format', 'json'], { cwd: root });
    expect((JSON.parse(check.stdout) as { findings: unknown[] }).findings).toEqual([]);
  });

  it('appends to a flow list in flow style, and to a block list in block style', () => {
    const flow = project(POLICY.replace('maxRenewals: 1', 'maxRenewals: 3'));
    const run = runLifecycle(['renew', 'vpnaas', '--release', '2026.2', '--tracking', 'https://tracker.example/v3', '--reason', 'x'], { cwd: flow });
    expect(run.stderr).toBe('lifecycle: vpnaas was already renewed in 2026.2\n');
    expect(run.status).toBe(2);
    const later = project(POLICY.replace('maxRenewals: 1', 'maxRenewals: 3').replace('current: 2026.2', 'current: 2027.1'));
    const ok = runLifecycle(['renew', 'vpnaas', '--tracking', 'https://tracker.example/v3', '--reason', 'still, more users'], { cwd: later });
    expect(ok.status).toBe(0);
    expect(readFileSync(join(later, 'lifecycle.yaml'), 'utf8')).toContain(
      '    renewals: [{ release: 2026.2, tracking: https://tracker.example/vpnaas-2, reason: more users }, { release: 2027.1, tracking: https://tracker.example/v3, reason: "still, more users" }]\n',
    );
    const block = project();
    expect(runLifecycle(RENEW, { cwd: block }).status).toBe(0);
    const again = runLifecycle([...RENEW.slice(0, -1), 'another reason', '--release', '2026.2'], { cwd: block });
    expect(again.stderr).toBe('lifecycle: fwaas was already renewed in 2026.2\n');
  });

  it.each([
    [['renew', 'fwaz', '--tracking', 'https://t.example/x', '--reason', 'r'], 'lifecycle: no feature "fwaz" in LIFECYCLE (did you mean "fwaas"?)\n'],
    [['renew', 'dvr', '--tracking', 'https://t.example/x', '--reason', 'r'], 'lifecycle: dvr is stable, not in preview: only a preview feature is renewed\n'],
    [['renew', 'fwaas', '--tracking', 'https://t.example/x', '--reason', '  '], 'lifecycle: --reason is empty: say why the feature stays in preview\n'],
    [['renew', 'fwaas', '--tracking', 'tracker/fwaas', '--reason', 'r'], 'lifecycle: --tracking must be an http(s) URL of the approved plan, not "tracker/fwaas"\n'],
    [['renew', 'fwaas', '--tracking', 'https://t.example/x', '--reason', 'r', '--release', '2026.3'], 'lifecycle: unknown release "2026.3"; the train has 2026.1, 2026.2, 2027.1, 2027.2, 2028.1 (did you mean "2026.1"?)\n'],
    [['renew', 'fwaas', '--tracking', 'https://t.example/x', '--reason', 'r', '--release', '2027.1'], 'lifecycle: cannot renew fwaas in 2027.1: release 2027.1 is later than the current release (2026.2)\n'],
    [['renew', 'fwaas', '--tracking', 'https://t.example/x', '--reason', 'r', '--release', '2026.1'], 'lifecycle: cannot renew fwaas in 2026.1: release 2026.1 is not after the introduction (2026.1)\n'],
  ])('refuses %j, exit 2, nothing written', (args, message) => {
    const root = project();
    const run = runLifecycle(args, { cwd: root });
    expect(run.stderr).toBe(message.replace('LIFECYCLE', join(root, 'lifecycle.yaml')));
    expect(run.stdout).toBe('');
    expect(run.status).toBe(2);
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toBe(POLICY);
  });

  it('refuses a renewal past preview.maxRenewals', () => {
    const root = project(POLICY.replace('current: 2026.2', 'current: 2027.1'));
    const run = runLifecycle(['renew', 'vpnaas', '--tracking', 'https://t.example/x', '--reason', 'r'], { cwd: root });
    expect(run.stderr).toBe('lifecycle: cannot renew vpnaas in 2027.1: preview.maxRenewals allows 1 renewal\n');
    expect(run.status).toBe(2);
  });

  it('is a usage error (exit 2) without --tracking or --reason', () => {
    const root = project();
    const run = runLifecycle(['renew', 'fwaas', '--reason', 'r'], { cwd: root });
    expect(run.stderr).toContain("required option '--tracking <url>' not specified");
    expect(run.status).toBe(2);
    expect(readFileSync(join(root, 'lifecycle.yaml'), 'utf8')).toBe(POLICY);
  });

  it('labels its help as preview', () => {
    for (const command of ['promote', 'renew', 'remove']) {
      const help = runLifecycle([command, '--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^\[preview\] /m);
    }
    expect(runLifecycle(['--help']).stdout).toMatch(/renew .*\[preview\] renew a preview feature/);
  });
});
