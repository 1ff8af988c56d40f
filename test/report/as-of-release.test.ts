import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/run-check.js';
import { policyAsOfRelease } from '../../src/policy/as-of-release.js';
import { loadPolicy } from '../../src/load-policy.js';
import { fixture } from '../helpers/cli.js';

const STATES = fixture('report-states');

describe('policyAsOfRelease / runCheck({ release })', () => {
  it('returns a copy with another current release and leaves the cached policy alone', () => {
    const cached = loadPolicy({ cwd: STATES }).policy;
    const copy = policyAsOfRelease(cached, '2027.1');
    expect(copy.releases).toMatchObject({ current: '2027.1', currentIndex: 4 });
    expect(cached.releases).toMatchObject({ current: '2026.2', currentIndex: 3 });
    expect(loadPolicy({ cwd: STATES }).policy).toBe(cached);
    expect(copy.features).toBe(cached.features);
    expect(policyAsOfRelease(cached, '2026.2')).toBe(cached);
  });

  it('rejects a release that is not in the train, suggesting the nearest', () => {
    const policy = loadPolicy({ cwd: STATES }).policy;
    expect(() => policyAsOfRelease(policy, '2027.l')).toThrow(/--release 2027\.l: not a release of the train \(2025\.1, 2025\.2, 2026\.1, 2026\.2, 2027\.1\); did you mean "2027\.1"\?/);
  });

  it('runs the checks as of that release, then as of releases.current again in the same process', async () => {
    const deadlines = async (release?: string) =>
      (await runCheck({ cwd: STATES, ...(release ? { release } : {}) })).result.findings.filter((finding) => finding.rule === 'preview-deadline' && finding.message.includes('is overdue'))
        .map((finding) => finding.feature)
        .sort();
    expect(await deadlines('2027.1')).toEqual(['abandoned', 'lastchance', 'late', 'ready', 'ripe', 'unready']);
    expect(await deadlines()).toEqual(['abandoned', 'late', 'ready']);
    const run = await runCheck({ cwd: STATES, release: '2026.1' });
    expect(run.facts.policy.releases.current).toBe('2026.1');
    expect(run.workspace.loaded.policy.releases.current).toBe('2026.1');
    expect(loadPolicy({ cwd: STATES }).policy.releases.current).toBe('2026.2');
  });
});
