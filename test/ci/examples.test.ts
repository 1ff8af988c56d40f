import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers.js';

/** The ci: block for examples/netsvc/lifecycle.yaml (paths relative to that file). */
export const NETSVC_CI_BLOCK = `ci:
  reference:
    name: Zuul
    history:
      - { format: gerrit-events, path: ci/upstream.gerrit-events.ndjson }
  systems:
    - name: healthy-ci
      voting: false
      contacts: [ci-ops@healthy.example, ci-oncall@healthy.example]
      history:
        - { format: zuul, path: ci/healthy-ci.builds.json }
      matrix:
        - { cell: healthy-arm64, voting: false }
        - { cell: healthy-centos, disabled: { reason: "CentOS mirror migration", until: 2026-06-30 } }
    - name: broken-ci
      voting: false
      contacts: [solo@broken.example]
      history:
        - { format: ndjson, path: ci/broken-ci.ndjson }
`;

describe('examples/netsvc CI histories', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netsvc-ci-'));
  cpSync(join(ROOT, 'examples', 'netsvc', 'ci'), join(dir, 'ci'), { recursive: true });
  writeFileSync(join(dir, 'lifecycle.yaml'), `version: 1\n${NETSVC_CI_BLOCK}`);
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'ci-readiness', '--cwd', dir, ...args], { encoding: 'utf8' });

  it('grants the healthy CI and says not-yet to the one that was silent for weeks and then failed on a package mirror', () => {
    const r = run(['--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.asOf).toBe('2026-03-16');
    const [broken, healthy] = json.systems;
    expect(healthy).toMatchObject({ name: 'healthy-ci', verdict: 'grant', mayVote: true, cleanSince: '2026-01-01' });
    expect(healthy.criteria.every((c: { pass: boolean }) => c.pass)).toBe(true);
    expect(healthy.criteria.find((c: { id: string }) => c.id === 'matrix').detail).toBe(
      'matrix collated cleanly; ignored: healthy-arm64 non-voting, healthy-centos disabled until 2026-06-30 (CentOS mirror migration)',
    );
    expect(broken).toMatchObject({ name: 'broken-ci', verdict: 'not-yet', cleanSince: null });
    const failing = broken.criteria.filter((c: { pass: boolean }) => !c.pass).map((c: { id: string }) => c.id);
    // agreement: its only reports on patchsets Zuul failed were mirror (infra) failures, so it
    // never showed it can fail a broken change: not measurable.
    expect(failing).toEqual(['probation', 'coverage', 'silence', 'infra-rate', 'agreement', 'failure-streak', 'rechecks-answered', 'contacts']);
    const infra = broken.criteria.find((c: { id: string }) => c.id === 'infra-rate');
    expect(infra.value).toBe(1);
    expect(infra.evidence[0].note).toBe('infra: broken-functional: package mirror out of sync (pattern mirror, line 1)');
    // the weeks of silence show in the strip of the window before the failures start
    expect(broken.strip.slice(0, 11)).toMatch(/^s+$/);
    expect(broken.broken.slice(0, 11)).toMatch(/!/);
  });

  it('grants the healthy CI alone with exit 0', () => {
    const r = run(['healthy-ci']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('healthy-ci: GRANT (non-voting; may vote)');
  });
});
