import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, criterion, evaluateAdHoc } from './helpers.js';

/**
 * Scenarios of issue 15, each with its verdict computed by hand. Every history is written to a
 * temp dir in a real source format and read back as `ci-readiness` reads it. Window: the 7 days
 * 2026-03-01 … 2026-03-07 (probation 7 days), as of 2026-03-07.
 *
 * The common "busy week": 3 uploads a day at 09:00, 12:00 and 15:00 UTC — changes 100 + 3d + k
 * for day d = 0…6 and slot k = 0…2, so 100 … 120, patchset 1 each (21 patchsets). Zuul reports
 * 30 min after each upload, the CI 60 min after. Change 101 is broken: Zuul fails it, and an
 * honest CI fails it with a real test failure (FAILED tests/…) — so `agreement` is measured.
 */
const DAY = 86_400_000;
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 1, 9, 0, 0);
const iso = (t: number): string => new Date(t).toISOString().replace('.000Z', 'Z');

interface Patchset {
  change: string;
  upload: number;
  owner: string;
}

function busyWeek(): Patchset[] {
  const out: Patchset[] = [];
  for (let d = 0; d < 7; d++) {
    for (let k = 0; k < 3; k++) out.push({ change: String(100 + 3 * d + k), upload: T0 + d * DAY + k * 3 * 60 * MIN, owner: `dev${k}` });
  }
  return out;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ci-scenario-'));
}

function write(dir: string, name: string, lines: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return path;
}

interface Outcome {
  result: string;
  votes?: Record<string, number>;
  message?: string;
}

/** Normalized NDJSON: uploads, Zuul's runs and the CI's runs (with the votes it posted). */
function ndjsonHistory(patchsets: Patchset[], zuul: (p: Patchset) => string, ci: (p: Patchset) => Outcome, system = 'acme-ci'): unknown[] {
  const lines: unknown[] = [];
  for (const p of patchsets) {
    lines.push({ type: 'patchset', change: p.change, patchset: '1', time: iso(p.upload) });
    lines.push({ system: 'Zuul', buildset: `z${p.change}`, change: p.change, patchset: '1', job: 'tox', end: iso(p.upload + 30 * MIN), result: zuul(p), log: `https://zuul.example/${p.change}`, owner: p.owner });
    const o = ci(p);
    lines.push({
      system,
      buildset: `c${p.change}`,
      change: p.change,
      patchset: '1',
      pipeline: 'check',
      job: 'tempest',
      end: iso(p.upload + 60 * MIN),
      result: o.result,
      log: `https://ci.example/${p.change}`,
      votes: o.votes ?? { Verified: o.result === 'SUCCESS' ? 1 : -1 },
      owner: p.owner,
      ...(o.message ? { message: o.message } : {}),
    });
  }
  return lines;
}

const TEST_FAILURE = 'FAILED tests/test_api.py::test_create - AssertionError';
const honest = (p: Patchset): Outcome => (p.change === '101' ? { result: 'FAILURE', message: TEST_FAILURE } : { result: 'SUCCESS' });
const zuulFails =
  (...changes: string[]) =>
  (p: Patchset): string =>
    changes.includes(p.change) ? 'FAILURE' : 'SUCCESS';

function values(system: Awaited<ReturnType<typeof evaluateAdHoc>>['system']): Record<string, number | null> {
  return Object.fromEntries(system.criteria.map((c) => [c.id, c.value]));
}

describe('a rubber-stamp CI that reports SUCCESS on everything', () => {
  /**
   * Zuul fails 101, 104 and 107 (the 12:00 uploads of 03-01, 03-02 and 03-03: Zuul at 12:30,
   * the CI at 13:00); the CI passes all 21.
   * agreement = passed 3 of the 3 patchsets Zuul failed = 1 > 0.8: FAIL. Rolling over the
   * window it breaks on 03-01, 03-02, 03-03 (1/1, 2/2, 3/3 passed), so the clean record starts
   * on 03-04: probation 4 days < 7, not-yet, eligible on 03-04 + 6 = 03-10. Everything else is
   * clean: coverage 21/21, no false negative (it never says -1), no infra failure.
   */
  it('is not granted; an honest CI on the same week is', async () => {
    const dir = tempDir();
    const zuul = zuulFails('101', '104', '107');
    const rubber = write(dir, 'rubber.ndjson', ndjsonHistory(busyWeek(), zuul, () => ({ result: 'SUCCESS' })));
    const { system } = await evaluateAdHoc({ history: [rubber], sourceFormat: 'ndjson', system: 'acme-ci', asOf: '2026-03-07' });
    expect(criterion(system, 'agreement')).toMatchObject({ value: 1, threshold: 0.8, op: '<=', pass: false });
    expect(criterion(system, 'agreement').detail).toBe('passed 3 of 3 patchsets the reference gate failed (100%); failed the other 0');
    expect(criterion(system, 'agreement').evidence.map((e) => `${e.at} ${e.change}`)).toEqual([
      '2026-03-01T13:00:00Z 101',
      '2026-03-02T13:00:00Z 104',
      '2026-03-03T13:00:00Z 107',
    ]);
    expect(criterion(system, 'false-negative-rate').value).toBe(0);
    expect(criterion(system, 'coverage').value).toBe(1);
    // The strip shows what the CI did (a pass every day); the broken row, the days agreement broke.
    expect(system).toMatchObject({ verdict: 'not-yet', cleanSince: '2026-03-04', eligibleOn: '2026-03-10', strip: '+++++++', broken: '!!!....' });

    // The honest CI fails 101, 104 and 107 with real test failures: agreement 0 of 3, granted.
    const fair = (p: Patchset): Outcome => (['101', '104', '107'].includes(p.change) ? { result: 'FAILURE', message: TEST_FAILURE } : { result: 'SUCCESS' });
    const good = write(dir, 'honest.ndjson', ndjsonHistory(busyWeek(), zuul, fair));
    const honestCi = (await evaluateAdHoc({ history: [good], sourceFormat: 'ndjson', system: 'acme-ci', asOf: '2026-03-07' })).system;
    expect(criterion(honestCi, 'agreement')).toMatchObject({ value: 0, pass: true });
    expect(honestCi.verdict).toBe('grant');
  });
});

describe('Tail-f: a voting CI that posts -1 on infrastructure failures', () => {
  /**
   * Gerrit stream-events, as `gerrit stream-events` writes them. The busy week; Zuul fails
   * 101; tailf-ci fails 101 with a real test failure (Verified-1, right) and reports
   * NODE_FAILURE on 105 (uploaded 03-02 15:00, report 16:00) *with Verified-1* (the harm).
   * - infra-rate: 1 infra in 21 reports = 0.0476 <= 0.05: passes (a rate alone hides it)
   * - infra-votes: 1 failing vote on an infra failure > 0: FAIL, evidence dated 2026-03-02T16:00:00Z
   * - false-negative-rate 0/21 (105 is infra, not a test failure), agreement 0/1, streak 1 < 5
   * Broken on 03-02 only (rolling: the vote stays in the 7-day window, but incidents are the days
   * with a bad event): clean since 03-03, yet infra-votes fails now: a voting CI -> revoke, exit 1.
   */
  it('is revoked with infra-votes failing and the evidence dated', () => {
    const dir = tempDir();
    const events: unknown[] = [];
    const at = (t: number): number => Math.floor(t / 1000);
    for (const p of busyWeek()) {
      const change = { project: 'netsvc', branch: 'main', number: p.change, owner: { username: p.owner } };
      events.push({ type: 'patchset-created', change, patchSet: { number: '1', createdOn: at(p.upload) }, eventCreatedOn: at(p.upload) });
      const zuulOk = p.change !== '101';
      events.push({
        type: 'comment-added',
        change,
        patchSet: { number: '1' },
        author: { name: 'Zuul', username: 'zuul' },
        approvals: [{ type: 'Verified', value: zuulOk ? '1' : '-1' }],
        comment: `Patch Set 1: Verified${zuulOk ? '+1' : '-1'}\n\nBuild ${zuulOk ? 'succeeded' : 'failed'} (check pipeline).\n\n- tox https://zuul.example/b/${p.change} : ${zuulOk ? 'SUCCESS' : 'FAILURE'} in 20m 00s\n`,
        eventCreatedOn: at(p.upload + 30 * MIN),
      });
      const result = p.change === '101' ? 'FAILURE' : p.change === '105' ? 'NODE_FAILURE' : 'SUCCESS';
      const vote = result === 'SUCCESS' ? '+1' : '-1';
      events.push({
        type: 'comment-added',
        change,
        patchSet: { number: '1' },
        author: { name: 'Tail-f CI', username: 'tailf-ci' },
        approvals: [{ type: 'Verified', value: vote === '+1' ? '1' : '-1' }],
        comment: `Patch Set 1: Verified${vote}\n\nBuild ${result === 'SUCCESS' ? 'succeeded' : 'failed'} (check pipeline).\n\n- tailf-tempest https://logs.tailf.example/${p.change} : ${result} in 40m 00s\n${result === 'FAILURE' ? `\n${TEST_FAILURE}\n` : ''}`,
        eventCreatedOn: at(p.upload + 60 * MIN),
      });
    }
    const history = write(dir, 'stream.ndjson', events);
    const args = ['ci-readiness', '--history', history, '--source-format', 'gerrit-events', '--system', 'tailf-ci', '--voting', '--contact', 'a@x', '--contact', 'b@x'];
    const policy = join(dir, 'policy.yaml');
    writeFileSync(policy, 'version: 1\nci:\n  criteria: { probationDays: 7 }\n');
    const run = spawnSync(process.execPath, [CLI, ...args, '--policy', policy, '--as-of', '2026-03-07', '--format', 'json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const system = JSON.parse(run.stdout).systems[0];
    expect(system).toMatchObject({ name: 'tailf-ci', verdict: 'revoke', mayVote: false, cleanSince: '2026-03-03' });
    const byId = Object.fromEntries(system.criteria.map((c: { id: string }) => [c.id, c]));
    expect(byId['infra-rate']).toMatchObject({ value: 0.0476, pass: true });
    expect(byId['infra-votes']).toMatchObject({ value: 1, threshold: 0, pass: false });
    expect(byId['infra-votes'].evidence).toEqual([
      {
        at: '2026-03-02T16:00:00Z',
        change: '105',
        patchset: '1',
        log: 'https://logs.tailf.example/105',
        note: 'Verified-1 posted on infra: tailf-tempest: result NODE_FAILURE',
      },
    ]);
    expect(byId['false-negative-rate'].value).toBe(0);
    expect(byId['agreement'].value).toBe(0);
    // probation (clean for 5 days < 7) is not required of a voting CI: infra-votes alone revokes it
    expect(system.criteria.filter((c: { pass: boolean }) => !c.pass).map((c: { id: string }) => c.id)).toEqual(['probation', 'infra-votes']);
    const text = spawnSync(process.execPath, [CLI, ...args, '--policy', policy, '--as-of', '2026-03-07'], { encoding: 'utf8' });
    expect(text.stdout).toContain('tailf-ci: REVOKE (voting; may not vote)');
    expect(text.stdout).toContain('         2026-03-02T16:00:00Z change 105/1: Verified-1 posted on infra: tailf-tempest: result NODE_FAILURE https://logs.tailf.example/105');
  });
});

describe('mass failures', () => {
  /**
   * An upstream breakage on 03-04: five more changes 201…205 by five owners, uploaded 10:00,
   * 10:10 … 10:40; Zuul fails each 30 min later, the CI each 60 min later (11:00 … 11:40,
   * FAILURE, Verified-1, no test-failure line). The CI's reports sorted: 109 pass 10:00, then
   * 201 … 205 failed. In the 120-min window ending 11:30: 4 failed of 5 reports (0.8 >= 0.8),
   * 4 changes >= 3, 4 owners; Zuul failed all 4 within it: corroborated, 201-204 become infra;
   * at 11:40, 5 of 6 (0.83): 205 too. Relabelled reports are an outage of the CI's world:
   * - infra-rate: 0 infra of the 21 other reports = 0 (5 corroborated mass-failure reports not counted)
   * - false-negative-rate: the -1s were on patchsets Zuul failed: 0 of 26
   * - agreement: Zuul failed 101 and 201-205; the CI passed none: 0 of 6
   * - infra-votes: the -1s mirror the gate on a corroborated mass failure: 0
   * - failure-streak: Zuul failed those changes too: 0
   * The voting CI keeps its vote. (Without corroboration, before this change, the five became
   * infra anyway and infra-rate 5/26 revoked it for a month.)
   */
  it('keeps the vote of a CI that mirrored an upstream breakage the gate also failed', async () => {
    const dir = tempDir();
    const week = busyWeek();
    const breakage = [1, 2, 3, 4, 5].map((i) => ({ change: String(200 + i), upload: Date.UTC(2026, 2, 4, 10, (i - 1) * 10), owner: `owner${i}` }));
    const all = [...week, ...breakage];
    const history = write(
      dir,
      'mirror.ndjson',
      ndjsonHistory(all, zuulFails('101', '201', '202', '203', '204', '205'), (p) => (p.change.startsWith('20') ? { result: 'FAILURE' } : honest(p))),
    );
    const { system } = await evaluateAdHoc({ history: [history], sourceFormat: 'ndjson', system: 'acme-ci', voting: true, asOf: '2026-03-07' });
    expect(system.reports).toMatchObject({ pass: 20, test: 1, infra: 5 });
    expect(values(system)).toMatchObject({ 'infra-rate': 0, 'false-negative-rate': 0, agreement: 0, 'infra-votes': 0, 'failure-streak': 0 });
    expect(criterion(system, 'infra-rate').detail).toBe('0 infra failures in 21 reports (0%); 5 corroborated mass-failure reports not counted');
    expect(system.verdict).toBe('keep');
  });

  /**
   * One owner's stack: alice uploads four dependent changes 301…304 on 03-04 at 10:00 … 10:30;
   * the bottom one is broken, so Zuul and the CI fail all four (CI at 11:00 … 11:30, FAILURE,
   * Verified-1). In the window ending 11:30, 4 failed of 5 (0.8), 4 changes — but one owner:
   * no mass failure. They stay the CI's own test failures: 5 test reports (101, 301-304);
   * Zuul failed them all, so false-negative-rate 0 of 25, agreement 0 of 5, and they are no
   * failure streak (0). The voting CI keeps its vote. (Before: relabelled infra, infra-rate
   * 4/25 = 0.16, revoked.)
   */
  it('is never one owner\'s stack of failing changes', async () => {
    const dir = tempDir();
    const stack = [1, 2, 3, 4].map((i) => ({ change: String(300 + i), upload: Date.UTC(2026, 2, 4, 10, (i - 1) * 10), owner: 'alice' }));
    const history = write(
      dir,
      'stack.ndjson',
      ndjsonHistory([...busyWeek(), ...stack], zuulFails('101', '301', '302', '303', '304'), (p) => (p.change.startsWith('30') ? { result: 'FAILURE' } : honest(p))),
    );
    const { system } = await evaluateAdHoc({ history: [history], sourceFormat: 'ndjson', system: 'acme-ci', voting: true, asOf: '2026-03-07' });
    expect(system.reports).toMatchObject({ pass: 20, test: 5, infra: 0 });
    expect(values(system)).toMatchObject({ 'infra-rate': 0, 'false-negative-rate': 0, agreement: 0, 'failure-streak': 0 });
    expect(system.verdict).toBe('keep');
    expect(system.strip).toBe('f++f+++');
  });
});

describe('SmokeStack votes with the +2/-2/0 preset', () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'lifecycle.yaml'), 'version: 1\nextends: [smokestack]\nci:\n  criteria: { probationDays: 7 }\n');
  const testLog = join(dir, 'test.log');
  writeFileSync(testLog, `collecting ...\n${TEST_FAILURE}\n`);
  const vote = (...args: string[]) => spawnSync(process.execPath, [CLI, 'ci', 'vote', '--cwd', dir, '--policy', 'lifecycle.yaml', ...args], { encoding: 'utf8' });

  it('ci vote: +2 pass, -2 only with evidence of a test failure, 0 otherwise, and says which rule decided', () => {
    expect(vote('--result', 'SUCCESS').stdout).toBe('+2\nclass: pass\nreason: the run passed (result SUCCESS)\nrule: result code SUCCESS (built-in)\n');
    const unexplained = vote('--result', 'FAILURE');
    expect(unexplained.status).toBe(0);
    expect(unexplained.stdout).toBe(
      '0\nclass: test\nreason: a failure without evidence of a test failure in the log: not held against the change (result FAILURE)\n' +
        'rule: ci.unexplainedFailure: 0 (result code FAILURE (built-in), no test-failure pattern matched)\n',
    );
    expect(vote('--result', 'FAILURE', '--log', testLog).stdout.split('\n')[0]).toBe('-2');
    expect(vote('--result', 'NODE_FAILURE').stdout.split('\n')[0]).toBe('0');
    const json = JSON.parse(vote('--result', 'SUCCESS', '--format', 'json').stdout);
    expect(json).toMatchObject({ vote: '+2', label: 'Verified', post: true });
  });

  /**
   * A SmokeStack-style CI posting Verified+2/-2 over the busy week; Zuul fails 101 and 110.
   * It fails 101 with a test failure in its log (-2: right) and 110 (03-04 12:00 upload, report
   * 13:00) with a bare FAILURE and no test-failure line, still posting -2. Under the preset's
   * `unexplainedFailure: 0` that -2 is owed 0: infra-votes 1 > 0, FAIL, revoke. Everything
   * else is clean (agreement 0 of 2, false negatives 0: Zuul failed both). With the default
   * scheme (no preset) the same history keeps its vote: FAILURE alone earns the failing vote.
   */
  it('ci-readiness holds a -2 without evidence against the CI under the preset', () => {
    const history = write(
      dir,
      'smokestack.ndjson',
      ndjsonHistory(busyWeek(), zuulFails('101', '110'), (p) =>
        p.change === '101'
          ? { result: 'FAILURE', message: TEST_FAILURE, votes: { Verified: -2 } }
          : p.change === '110'
            ? { result: 'FAILURE', votes: { Verified: -2 } }
            : { result: 'SUCCESS', votes: { Verified: 2 } },
        'smokestack',
      ),
    );
    const base = ['ci-readiness', '--cwd', dir, '--history', history, '--system', 'smokestack', '--voting', '--contact', 'a', '--contact', 'b', '--as-of', '2026-03-07', '--format', 'json'];
    const withPreset = spawnSync(process.execPath, [CLI, ...base, '--policy', 'lifecycle.yaml'], { encoding: 'utf8' });
    expect(withPreset.status).toBe(1);
    const system = JSON.parse(withPreset.stdout).systems[0];
    const infraVotes = system.criteria.find((c: { id: string }) => c.id === 'infra-votes');
    expect(infraVotes).toMatchObject({ value: 1, pass: false });
    expect(infraVotes.evidence[0]).toMatchObject({ at: '2026-03-04T13:00:00Z', change: '110' });
    expect(infraVotes.evidence[0].note).toBe('Verified-2 posted on no evidence of a test failure (tempest: result FAILURE); rule unexplainedFailure: 0');
    expect(system.verdict).toBe('revoke');
    writeFileSync(join(dir, 'plain.yaml'), 'version: 1\nci:\n  criteria: { probationDays: 7 }\n');
    const plain = spawnSync(process.execPath, [CLI, ...base, '--policy', 'plain.yaml'], { encoding: 'utf8' });
    expect(JSON.parse(plain.stdout).systems[0].verdict).toBe('keep');
    expect(plain.status).toBe(0);
  });
});

describe('matrix: an RDO update where a required cell never ran', () => {
  /**
   * rdo-ci runs weirdo-packstack on two cells, centos9 and centos10 (required), for each of the
   * busy week's updates; on 110 (03-04, upload 12:00, report 13:00) only centos9 ran. 101 fails
   * on both cells with a test failure, as Zuul does.
   * - report 110: infra, "required cell centos10 never ran" (never -1)
   * - matrix: 1 report in which a required cell never ran: FAIL; broken on 03-04, clean since
   *   03-05: probation 3 < 7, not-yet
   * - infra-rate 1 of 21 = 0.0476: passes
   * - cells: centos9 ran 21 times (20 pass, 1 test); centos10 20 times (19 pass, 1 test) and is
   *   missing from 1 report
   */
  it('fails that report and counts the cells', () => {
    const dir = tempDir();
    const lines: unknown[] = [];
    for (const p of busyWeek()) {
      lines.push({ type: 'patchset', change: p.change, patchset: '1', time: iso(p.upload) });
      const broken = p.change === '101';
      lines.push({ system: 'Zuul', buildset: `z${p.change}`, change: p.change, patchset: '1', job: 'tox', end: iso(p.upload + 30 * MIN), result: broken ? 'FAILURE' : 'SUCCESS' });
      for (const cell of p.change === '110' ? ['centos9'] : ['centos9', 'centos10']) {
        lines.push({
          system: 'rdo-ci',
          buildset: `r${p.change}`,
          change: p.change,
          patchset: '1',
          job: 'weirdo-packstack',
          cell,
          end: iso(p.upload + 60 * MIN),
          result: broken ? 'FAILURE' : 'SUCCESS',
          log: `https://logs.rdoproject.example/${p.change}/${cell}`,
          votes: {},
          ...(broken ? { message: TEST_FAILURE } : {}),
        });
      }
    }
    write(dir, 'rdo.ndjson', lines);
    writeFileSync(
      join(dir, 'lifecycle.yaml'),
      [
        'version: 1',
        'ci:',
        '  criteria: { probationDays: 7 }',
        '  reference: { name: Zuul, history: [{ format: ndjson, path: rdo.ndjson }] }',
        '  systems:',
        '    - name: rdo-ci',
        '      contacts: [a@rdo.example, b@rdo.example]',
        '      history: [{ format: ndjson, path: rdo.ndjson }]',
        '      matrix:',
        '        - { cell: centos10, required: true }',
        '',
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [CLI, 'ci-readiness', '--cwd', dir, '--as-of', '2026-03-07', '--format', 'json'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const system = JSON.parse(run.stdout).systems[0];
    const matrix = system.criteria.find((c: { id: string }) => c.id === 'matrix');
    expect(matrix).toMatchObject({ value: 1, pass: false, detail: '1 reports in which a required cell never ran; required: centos10' });
    expect(matrix.evidence).toEqual([
      { at: '2026-03-04T13:00:00Z', change: '110', patchset: '1', log: null, note: 'required cell centos10 never ran' },
    ]);
    expect(system.reports).toMatchObject({ pass: 19, test: 1, infra: 1 });
    expect(system).toMatchObject({ verdict: 'not-yet', cleanSince: '2026-03-05' });
    expect(system.cells).toEqual([
      { job: 'weirdo-packstack', cell: 'centos10', pass: 19, test: 1, infra: 0, unknown: 0, novote: 0, skipped: 0, missing: 1 },
      { job: 'weirdo-packstack', cell: 'centos9', pass: 20, test: 1, infra: 0, unknown: 0, novote: 0, skipped: 0, missing: 0 },
    ]);
    const text = spawnSync(process.execPath, [CLI, 'ci-readiness', '--cwd', dir, '--as-of', '2026-03-07'], { encoding: 'utf8' });
    expect(text.stdout).toContain('    weirdo-packstack (centos10): 19 pass, 1 test, 0 infra, missing from 1 reports (required)\n');
    const md = spawnSync(process.execPath, [CLI, 'ci-readiness', '--cwd', dir, '--as-of', '2026-03-07', '--format', 'markdown'], { encoding: 'utf8' });
    expect(md.stdout).toContain('| weirdo-packstack (centos10) | 19 | 1 | 0 | 0 | 0 | 0 | 1 |');
  });
});
