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
