import { describe, expect, it } from 'vitest';
import { dayOf, formatDay, formatTime, parseDay, parseTimestamp } from '../../src/ci/time.js';

describe('parseTimestamp', () => {
  it('reads naive timestamps (Zuul, Gerrit) as UTC whatever the machine time zone is', () => {
    const expected = Date.UTC(2026, 2, 1, 12, 30, 0);
    expect(parseTimestamp('2026-03-01T12:30:00')).toBe(expected);
    expect(parseTimestamp('2026-03-01 12:30:00.000000000')).toBe(expected);
    expect(parseTimestamp('2026-03-01T12:30:00Z')).toBe(expected);
    expect(parseTimestamp('2026-03-01T12:30:00 UTC')).toBe(expected);
  });

  it('applies explicit offsets', () => {
    expect(parseTimestamp('2026-03-01T14:30:00+02:00')).toBe(Date.UTC(2026, 2, 1, 12, 30));
    expect(parseTimestamp('2026-03-01T07:30:00-0500')).toBe(Date.UTC(2026, 2, 1, 12, 30));
    expect(parseTimestamp('2026-03-01T18:00:00+05:30')).toBe(Date.UTC(2026, 2, 1, 12, 30));
  });

  it('reads epoch seconds (stream-events) and milliseconds, as numbers or strings', () => {
    expect(parseTimestamp(1772368200)).toBe(Date.UTC(2026, 2, 1, 12, 30));
    expect(parseTimestamp('1772368200')).toBe(Date.UTC(2026, 2, 1, 12, 30));
    expect(parseTimestamp(1772368200123)).toBe(Date.UTC(2026, 2, 1, 12, 30) + 123);
  });

  it('keeps milliseconds of fractions and rejects what is not a time', () => {
    expect(parseTimestamp('2026-03-01T12:30:00.5Z')).toBe(Date.UTC(2026, 2, 1, 12, 30, 0, 500));
    for (const bad of ['', 'yesterday', '2026-02-30', '2026-13-01T00:00:00', null, undefined, {}, -5, Number.NaN]) {
      expect(parseTimestamp(bad)).toBeUndefined();
    }
  });

  it('formats UTC days and times', () => {
    const t = Date.UTC(2026, 2, 1, 23, 59, 59);
    expect(formatDay(dayOf(t))).toBe('2026-03-01');
    expect(formatTime(t)).toBe('2026-03-01T23:59:59Z');
    expect(parseDay('2026-03-01')).toBe(dayOf(t));
    expect(parseDay('nope')).toBeUndefined();
  });
});

describe('the YYYY-MM-DDTHH:MM:SS[.sss]Z fast path (normalized NDJSON)', () => {
  it('agrees with Date.UTC on every day of 1970–2999 and rejects the days that do not exist', () => {
    const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
    let checked = 0;
    for (let year = 1970; year <= 2999; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 31; day++) {
          const [h, mi, s] = [(year + day) % 24, (month * 7 + day) % 60, (year + month) % 60];
          const ms = (year * 31 + day) % 1000;
          const whole = `${year}-${pad(month)}-${pad(day)}T${pad(h)}:${pad(mi)}:${pad(s)}`;
          const expected = Date.UTC(year, month - 1, day, h, mi, s);
          const real = new Date(expected).getUTCDate() === day;
          for (const [text, time] of [[`${whole}Z`, expected], [`${whole}.${pad(ms, 3)}Z`, expected + ms]] as const) {
            const parsed = parseTimestamp(text);
            if (real ? parsed !== time : parsed !== undefined) expect({ text, parsed }).toEqual({ text, parsed: real ? time : undefined });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(2 * 1030 * 12 * 31);
    expect(parseTimestamp('2026-01-01T24:00:00Z')).toBeUndefined();
    expect(parseTimestamp('2026-01-01T23:60:00Z')).toBeUndefined();
    expect(parseTimestamp('2026-01-01T23:00:00.1a3Z')).toBeUndefined();
    expect(parseTimestamp('2026-01-01T23:00:00,123Z')).toBe(Date.UTC(2026, 0, 1, 23, 0, 0, 123));
  });
});
