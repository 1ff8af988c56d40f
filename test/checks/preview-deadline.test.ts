import { describe, expect, it } from 'vitest';
import { featureDeadline, type DeadlineOptions } from '../../src/policy/deadlines.js';
import { previewDeadline } from '../../src/checks/preview-deadline.js';
import { factsOf, policyWith } from '../helpers/facts.js';

const train = ['2025.1', '2025.2', '2026.1', '2026.2', '2027.1'];
const options = (current: string | undefined, extra: Partial<DeadlineOptions> = {}): DeadlineOptions => ({
  releases: { names: train, current, currentIndex: current === undefined ? -1 : train.indexOf(current) },
  maxCycles: 2,
  maxRenewals: undefined,
  ...extra,
});
const complete = { tracking: 'https://tracker.example/renewal', reason: 'the API is still moving' };
/** The base policy without its preview: section (the tests write their own). */
const withoutPreviewSection = (yaml: string): string => yaml.replace(/\npreview:\n {2}code: .*\n {2}tests: .*\n/, '\n');
const renewal = (release: string, fields: { tracking?: string; reason?: string } = complete) => ({ release, ...fields });

describe('featureDeadline (pure, counted in releases of the train)', () => {
  it('is ok, due next, then overdue as the current release moves along the train', () => {
    const states = ['2025.1', '2025.2', '2026.1', '2026.2'].map((current) => featureDeadline({ introduced: '2025.1', renewals: [] }, options(current)));
    expect(states.map((state) => [state.state, state.deadline, state.ageCycles, state.cyclesLeft])).toEqual([
      ['ok', '2026.1', 0, 2],
      ['due-next', '2026.1', 1, 1],
      ['overdue', '2026.1', 2, 0],
      ['overdue', '2026.1', 3, -1],
    ]);
  });

  it('restarts the clock at the latest renewal that counts; a deadline past the end of the train has no name', () => {
    expect(featureDeadline({ introduced: '2025.1', renewals: [renewal('2026.1')] }, options('2026.2'))).toMatchObject({
      state: 'due-next',
      since: '2026.1',
      sinceKind: 'renewal',
      deadline: '2027.1',
    });
    expect(featureDeadline({ introduced: '2025.1', renewals: [renewal('2025.2'), renewal('2026.2')] }, options('2026.2'))).toMatchObject({
      state: 'ok',
      since: '2026.2',
      deadline: undefined,
      deadlineIndex: 5,
    });
  });

  it('does not count renewals without tracking link or reason, out of place, or over maxRenewals', () => {
    const deadline = featureDeadline(
      {
        introduced: '2025.2',
        renewals: [renewal('2026.1', {}), renewal('2025.2'), renewal('2027.1'), renewal('2026.1'), renewal('2026.2', { tracking: 'wiki', reason: 'x' })],
      },
      options('2026.2', { maxRenewals: 0 }),
    );
    expect(deadline.renewals.map((review) => [review.counted, review.problems.join('; ')])).toEqual([
      [false, 'no tracking link to the approved plan; no reason'],
      [false, 'release 2025.2 is not after the introduction (2025.2)'],
      [false, 'release 2027.1 is later than the current release (2026.2)'],
      [false, 'preview.maxRenewals allows 0 renewals'],
      [false, 'tracking link is not an http(s) URL: wiki'],
    ]);
    expect(deadline).toMatchObject({ state: 'overdue', since: '2025.2', sinceKind: 'introduced' });
  });

  it('is unknown without a current release, an introduced release, or a train', () => {
    expect(featureDeadline({ introduced: '2025.1', renewals: [] }, options(undefined)).unknownBecause).toBe('releases.current is not set');
    expect(featureDeadline({ introduced: undefined, renewals: [] }, options('2026.1')).state).toBe('unknown');
    expect(featureDeadline({ introduced: '2025.1', renewals: [] }, { ...options('2026.1'), releases: { names: [], current: undefined, currentIndex: -1 } }).state).toBe('unknown');
  });
});

describe('preview-deadline', () => {
  it('warns one release before the deadline and errs from the deadline on, at the feature key', () => {
    // The base policy: current 2026.2; fwaas introduced 2026.1 (due next with maxCycles 2).
    const policy = policyWith(`  old:
    status: preview
    introduced: 2026.1
    renewals:
      - { release: 2026.2, tracking: "https://tracker.example/old", reason: "needs one more cycle" }
  older:
    status: preview
    introduced: 2026.1
preview:
  maxCycles: 1
`, withoutPreviewSection);
    const findings = previewDeadline.run(factsOf(policy, []));
    expect(findings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.feature} ${finding.message}`)).toEqual([
      '9:3 error fwaas preview feature "fwaas" is overdue: it had to leave preview by 2026.2, the current release (introduced in 2026.1, preview.maxCycles: 1): promote, renew or remove it',
      '14:3 warn old preview feature "old" must leave preview by 2027.1, the next release (last renewed in 2026.2, preview.maxCycles: 1): promote, renew or remove it',
      '19:3 error older preview feature "older" is overdue: it had to leave preview by 2026.2, the current release (introduced in 2026.1, preview.maxCycles: 1): promote, renew or remove it',
    ]);
  });

  it('reports a renewal that does not count at the renewal entry', () => {
    const policy = policyWith(`    renewals:
      - release: 2026.2
        tracking: https://tracker.example/fwaas-renewal
preview:
  maxRenewals: 1
`, withoutPreviewSection);
    const renewalFindings = previewDeadline.run(factsOf(policy, [])).filter((finding) => finding.message.startsWith('renewal'));
    expect(renewalFindings.map((finding) => `${finding.line}:${finding.column} ${finding.severity} ${finding.message}`)).toEqual([
      '15:9 error renewal 1 of "fwaas" (release 2026.2) does not extend the deadline: no reason',
    ]);
  });

  it('ignores features that are not in preview', () => {
    expect(previewDeadline.run(factsOf(policyWith('  done:\n    status: stable\n    introduced: 2026.1\n'), [])).filter((finding) => finding.feature === 'done')).toEqual([]);
  });
});
