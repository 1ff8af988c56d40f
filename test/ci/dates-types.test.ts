import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDay, parseTimestamp } from '../../src/ci/time.js';
import { CLI, ROOT, criterion, evaluateAdHoc } from './helpers.js';

function lifecycle(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'ci-readiness', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ci-dates-'));
const run = (fields: Record<string, unknown>): string =>
  JSON.stringify({ type: 'run', system: 'acme', change: '1', patchset: '1', pipeline: 'check', job: 'unit', end: '2026-03-02T10:00:00Z', result: 'SUCCESS', log: 'https://l/1', ...fields });

function ndjson(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('timestamps out of range are not times', () => {
  it.each([
    ['0099-05-05', 'a two-digit-looking year (was read as 1999)'],
    ['9999-12-31', 'a year past 2999 (gave eligibleOn "+010000-01")'],
    ['1969-12-31T23:59:59Z', 'before 1970'],
    ['2026-03-01T10:00:00+25:00', 'an offset past ±14:00'],
    ['2026-03-01T10:00:00+02:61', 'offset minutes past 59'],
    ['2026-03-01T12:75:00', 'minutes past 59'],
    ['2026-03-01T24:00:00Z', 'hour 24'],
  ])('%s (%s)', (text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });

  it('reads the canonical form digit by digit exactly as the general parser does', () => {
    let seed = 7;
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      const t = Math.floor((seed / 2147483648) * Date.UTC(2999, 11, 31) / 1000) * 1000;
      const text = new Date(t).toISOString().replace('.000Z', 'Z');
      expect(parseTimestamp(text)).toBe(t);
      expect(parseTimestamp(text.replace('Z', '+00:00'))).toBe(t);
    }
    for (const bad of ['2026-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2026-04-31T00:00:00Z', '2026-00-10T00:00:00Z', '2026-01-10T00:00:60Z', '20x6-01-10T00:00:00Z']) {
      expect(parseTimestamp(bad), bad).toBeUndefined();
    }
    expect(parseTimestamp('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29));
    expect(parseTimestamp('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
  });

  it('keeps the real range and real offsets', () => {
    expect(parseTimestamp('2026-03-01T10:00:00+14:00')).toBe(Date.UTC(2026, 1, 28, 20));
    expect(parseTimestamp('2026-03-01T10:00:00-12:00')).toBe(Date.UTC(2026, 2, 1, 22));
    expect(parseTimestamp('2999-12-31T23:59:59Z')).toBe(Date.UTC(2999, 11, 31, 23, 59, 59));
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseTimestamp(Date.UTC(3000, 0, 1))).toBeUndefined(); // epoch ms of 3000-01-01
  });
});

describe('ci-readiness rejects bad dates and types with the file and line (built CLI)', () => {
  const good = ndjson('good.ndjson', [run({})]);

  it('rejects --as-of and --since outside the years 1970–2999', () => {
    for (const flag of ['--as-of', '--since']) {
      const r = lifecycle(['--history', good, '--system', 'acme', flag, '0099-05-05']);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`lifecycle: ${flag} "0099-05-05": expected a date, YYYY-MM-DD, in the years 1970–2999\n`);
    }
  });

  it.each([
    ['year 9999', run({ end: '9999-12-31T00:00:00Z' }), 'line 2: end "9999-12-31T00:00:00Z" is not a timestamp (ISO 8601'],
    ['offset +25:00', run({ end: '2026-03-02T10:00:00+25:00' }), 'line 2: end "2026-03-02T10:00:00+25:00" is not a timestamp'],
    ['voting "false"', run({ voting: 'false' }), 'line 2: voting must be true or false (a JSON boolean), found "false"'],
    ['testEvidence 1', run({ testEvidence: 1 }), 'line 2: testEvidence must be true or false (a JSON boolean), found 1'],
    ['patchset time', JSON.stringify({ type: 'patchset', change: '1', patchset: '1', time: '0099-05-05' }), 'line 2: time "0099-05-05" is not a timestamp'],
  ])('%s', (name, line, message) => {
    const file = ndjson(`${name.replace(/\W+/g, '-')}.ndjson`, [run({ id: 'ok' }), line]);
    const r = lifecycle(['--history', file, '--source-format', 'ndjson', '--system', 'acme']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`.ndjson: ${message}`);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('criteria that could not be measured fail', () => {
  it('fails coverage and silence when all upstream activity predates the window', async () => {
    const file = ndjson('old-upstream.ndjson', [
      JSON.stringify({ type: 'patchset', change: '1', patchset: '1', time: '2026-01-05T10:00:00Z' }),
      run({ change: '1', end: '2026-01-05T11:00:00Z', id: 'a' }),
      run({ change: '2', end: '2026-03-30T11:00:00Z', id: 'b' }),
    ]);
    const { system } = await evaluateAdHoc({ history: [file], system: 'acme', asOf: '2026-03-31', sourceFormat: 'ndjson' });
    expect(criterion(system, 'coverage')).toMatchObject({ value: null, pass: false, detail: expect.stringMatching(/^not measurable: no upstream patchset was due in the window/) });
    expect(criterion(system, 'silence')).toMatchObject({ value: null, pass: false, detail: expect.stringMatching(/^not measurable: no upstream activity in the window/) });
    expect(system.mayVote).toBe(false);
  });
});
