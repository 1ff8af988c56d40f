import { describe, expect, it } from 'vitest';
import type { FeatureDeadline } from '../../src/policy/deadlines.js';
import { promotionBlockers, recommend, type RecommendationInput } from '../../src/report/recommend.js';

const coverage = (labelled: number, total: number) => ({ labelled, total, problems: [] });

function input(deadline: Partial<FeatureDeadline>, overrides: Partial<RecommendationInput> = {}): RecommendationInput {
  return {
    feature: { id: 'fwaas', status: 'preview' },
    deadline: {
      state: 'ok', since: '2026.1', sinceKind: 'introduced', deadline: '2027.1', deadlineIndex: 2, ageCycles: 0, cyclesLeft: 2, renewals: [],
      ...deadline,
    },
    labels: { config: coverage(2, 2), docs: coverage(1, 1), cli: coverage(0, 0), routes: null },
    staleLabels: 0,
    fanIn: { violations: 0 },
    misplacedTests: 0,
    tests: 2,
    codeFiles: 3,
    maxRenewals: undefined,
    release: '2026.2',
    deadlineLabel: deadline.deadline ?? '2027.1',
    ...overrides,
  };
}

describe('recommend (pure rules, first match wins)', () => {
  it('lists what blocks promotion', () => {
    const blocked = input({}, {
      labels: { config: coverage(1, 3), docs: coverage(0, 1), cli: coverage(4, 5), routes: coverage(0, 2) },
      fanIn: { violations: 2 },
      misplacedTests: 1,
      codeFiles: 0,
    });
    expect(promotionBlockers(blocked)).toEqual([
      '2 of 3 config keys unlabelled',
      '1 of 1 docs unlabelled',
      '1 of 5 CLI help texts unlabelled',
      '2 of 2 route paths unlabelled',
      '2 stable files import it outside the exceptions',
      '1 test outside the preview test tree',
      'no code in the tree',
    ]);
    expect(promotionBlockers(input({}))).toEqual([]);
  });

  it('overdue: ready → promote; past the deadline or out of renewals → remove; else renew', () => {
    const overdue = { state: 'overdue' as const, cyclesLeft: 0 };
    const unlabelled = { labels: { config: coverage(0, 1), docs: coverage(0, 0), cli: null, routes: null } };
    expect(recommend(input(overdue))).toMatchObject({ action: 'promote', rule: 'overdue-ready' });
    expect(recommend(input(overdue, unlabelled))).toMatchObject({ action: 'renew', rule: 'overdue-renewable' });
    expect(recommend(input({ ...overdue, cyclesLeft: -1 }, unlabelled))).toMatchObject({ action: 'remove', rule: 'overdue-stale' });
    const capped = recommend(input({ ...overdue, renewals: [{ index: 0, release: '2026.1', counted: true, problems: [] }] }, { ...unlabelled, maxRenewals: 1 }));
    expect(capped).toMatchObject({ action: 'remove', rule: 'overdue-stale' });
    expect(capped.reason).toBe('stale: overdue and cannot be renewed again (preview.maxRenewals: 1), and not ready: 1 of 1 config keys unlabelled; no docs');
  });

  it('due next: ready → promote; renewable → renew; out of renewals → promote (last chance)', () => {
    const due = { state: 'due-next' as const, cyclesLeft: 1 };
    const violating = { fanIn: { violations: 1 } };
    expect(recommend(input(due))).toMatchObject({ action: 'promote', rule: 'due-next-ready' });
    expect(recommend(input(due, violating))).toMatchObject({ action: 'renew', rule: 'due-next-renewable' });
    expect(recommend(input(due, { ...violating, maxRenewals: 0 }))).toMatchObject({ action: 'promote', rule: 'due-next-last-chance' });
  });

  it('keeps features on track, with unknown deadlines, not introduced yet, stable, or removed and gone', () => {
    expect(recommend(input({}))).toMatchObject({ action: 'keep', rule: 'on-track', reason: 'on track: 2 releases left (deadline 2027.1); already ready to promote' });
    expect(recommend(input({ state: 'unknown', unknownBecause: 'releases.current is not set' }))).toMatchObject({
      action: 'keep', rule: 'deadline-unknown', reason: 'deadline unknown: releases.current is not set',
    });
    expect(recommend(input({ ageCycles: -1, since: '2027.1' }))).toMatchObject({ action: 'keep', rule: 'not-yet-introduced', reason: 'introduced in 2027.1, after 2026.2' });
    expect(recommend(input({}, { feature: { id: 'dvr', status: 'stable' }, staleLabels: 3 }))).toMatchObject({
      action: 'keep', rule: 'not-in-preview', reason: 'stable; 3 stale preview labels left to remove',
    });
    expect(recommend(input({}, { feature: { id: 'old', status: 'deprecated' } }))).toMatchObject({ action: 'keep', reason: 'deprecated; no preview labels left' });
    expect(recommend(input({}, { feature: { id: 'x', status: 'removed' }, codeFiles: 2 }))).toMatchObject({ action: 'remove', rule: 'removed-code-left' });
    expect(recommend(input({}, { feature: { id: 'x', status: 'removed' }, codeFiles: 0 }))).toMatchObject({ action: 'keep', rule: 'removed-clean' });
  });
});

describe('recommend: promotion needs tests and docs (issue #20)', () => {
  it('never promotes a feature without tests or without docs', () => {
    const untested = input({ state: 'due-next', cyclesLeft: 1 }, { tests: 0 });
    expect(promotionBlockers(untested)).toEqual(['no tests']);
    expect(recommend(untested)).toMatchObject({ action: 'renew', rule: 'due-next-renewable', blockers: ['no tests'] });
    const undocumented = input({ state: 'due-next', cyclesLeft: 1 }, { labels: { config: coverage(2, 2), docs: coverage(0, 0), cli: null, routes: null } });
    expect(promotionBlockers(undocumented)).toEqual(['no docs']);
    expect(recommend(undocumented).action).not.toBe('promote');
  });

  it('removes an overdue feature with no tests and no docs, with the reason; renews it when it was renewed and may be again', () => {
    const bare = { tests: 0, labels: { config: coverage(0, 0), docs: coverage(0, 0), cli: null, routes: null } };
    expect(recommend(input({ state: 'overdue', cyclesLeft: 0, deadline: '2026.2' }, bare))).toEqual({
      action: 'remove',
      rule: 'overdue-untested',
      reason: 'overdue (deadline 2026.2) with no tests and no docs: nothing shows it works or that anyone can use it',
      blockers: ['no docs', 'no tests'],
    });
    const renewed = input({ state: 'overdue', cyclesLeft: 0, deadline: '2026.2', renewals: [{ index: 0, release: '2026.1', counted: true, problems: [] }] }, bare);
    expect(recommend(renewed)).toMatchObject({ action: 'renew', rule: 'overdue-untested' });
    expect(recommend({ ...renewed, maxRenewals: 1 })).toMatchObject({ action: 'remove', rule: 'overdue-untested' });
  });
});
