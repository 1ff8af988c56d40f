/** Timestamps and UTC days. Naive timestamps (no zone) are UTC, whatever the machine's TZ says. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;

const FULL_ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Parses a timestamp into epoch ms, or undefined when it is not one.
 * Accepts ISO 8601 with or without zone (no zone = UTC, as Zuul and Gerrit write them),
 * Gerrit's `2026-03-01 12:00:00.000000000`, and epoch numbers (seconds, or ms when > 1e11).
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return value > 1e11 ? Math.round(value) : Math.round(value * 1000);
  }
  if (typeof value !== 'string') return undefined;
  // Fast path: `YYYY-MM-DDTHH:MM:SSZ`, what normalized NDJSON holds (millions of times).
  if (value.length === 20 && value.charCodeAt(19) === 90 /* Z */ && value.charCodeAt(10) === 84 /* T */ && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const time = Date.parse(value);
    if (!Number.isNaN(time) && new Date(time).getUTCDate() === (value.charCodeAt(8) - 48) * 10 + value.charCodeAt(9) - 48) return time;
  }
  if (value.length >= 20 && value.length <= 35 && value.charCodeAt(10) === 84 /* T */ && FULL_ISO_WITH_ZONE.test(value)) {
    const time = Date.parse(value);
    if (!Number.isNaN(time)) return time;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseTimestamp(Number(text));
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  let time = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  if (Number.isNaN(time)) return undefined;
  const check = new Date(time);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return undefined;
  if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
    time -= sign * offset;
  }
  return time;
}

/** The UTC day number (days since 1970-01-01) of an epoch-ms time. */
export function dayOf(time: number): number {
  return Math.floor(time / DAY_MS);
}

/** `YYYY-MM-DD` of a UTC day number. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:SSZ` of an epoch-ms time. */
export function formatTime(time: number): string {
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a `--as-of`/`--since` date (YYYY-MM-DD, or a full timestamp) into a UTC day number. */
export function parseDay(value: string): number | undefined {
  const time = parseTimestamp(value);
  return time === undefined ? undefined : dayOf(time);
}
