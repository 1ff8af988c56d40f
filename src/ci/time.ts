/** Timestamps and UTC days. Naive timestamps (no zone) are UTC, whatever the machine's TZ says. */

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC)?$/i;

/** The years a CI record or date flag may name: a later or earlier one is a broken clock or a typo. */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2999;
const MIN_TIME = Date.UTC(FIRST_YEAR, 0, 1);
const MAX_TIME = Date.UTC(LAST_YEAR + 1, 0, 1) - 1;
/** Real UTC offsets run from -12:00 to +14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** What a timestamp must look like, for messages. */
export const TIMESTAMP_HINT = `ISO 8601 (YYYY-MM-DD, optionally THH:MM:SS and Z or an offset up to ±14:00) or epoch seconds, years ${FIRST_YEAR}–${LAST_YEAR}`;

function inRange(time: number): number | undefined {
  return time >= MIN_TIME && time <= MAX_TIME ? time : undefined;
}

/**
 * Parses a timestamp into epoch ms, or undefined when it is not one.
 * Accepts ISO 8601 with or without zone (no zone = UTC, as Zuul and Gerrit write them),
 * Gerrit's `2026-03-01 12:00:00.000000000`, and epoch numbers (seconds, or ms when > 1e11).
 * Out of range fields (month 13, 12:75, an offset of +25:00) and years outside 1970–2999 are
 * not times (two-digit years are never read as 19xx).
 */
export function parseTimestamp(value: unknown): number | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return inRange(value > 1e11 ? Math.round(value) : Math.round(value * 1000));
  }
  if (typeof value !== 'string') return undefined;
  // Fast path: `YYYY-MM-DDTHH:MM:SSZ` and `YYYY-MM-DDTHH:MM:SS.sssZ`, what normalized NDJSON
  // (--export-ndjson, toISOString) holds, millions of times.
  if ((value.length === 20 || value.length === 24) && value.charCodeAt(value.length - 1) === 90 /* Z */) {
    const time = parseUtcSeconds(value);
    if (time !== undefined) return time;
  }
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return parseTimestamp(Number(text));
  const m = ISO_LIKE.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '0', zone] = m;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(Number(y), Number(mo) - 1, Number(d));
  date.setUTCHours(Number(h), Number(mi), Number(s), ms);
  let time = date.getTime();
  if (Number.isNaN(time) || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return undefined;
  if (zone && zone.toUpperCase() !== 'Z' && zone.toUpperCase() !== 'UTC') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2, 4));
    if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return undefined;
    time -= sign * (hours * 60 + minutes) * 60_000;
  }
  return inRange(time);
}

/** Two ASCII digits at `at` as a number, or NaN. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DDTHH:MM:SSZ` or `YYYY-MM-DDTHH:MM:SS.sssZ` read digit by digit (no Date object, no
 * regular expression: this runs once per record); undefined when it is not exactly that shape,
 * so the general parser decides.
 */
function parseUtcSeconds(value: string): number | undefined {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return undefined;
  let ms = 0;
  if (value.length === 24) {
    const hundreds = value.charCodeAt(20) - 48;
    const rest = digits2(value, 21);
    if (value.charCodeAt(19) !== 46 /* . */ || !(hundreds >= 0 && hundreds <= 9 && rest >= 0)) return undefined;
    ms = hundreds * 100 + rest;
  }
  const year = digits2(value, 0) * 100 + digits2(value, 2);
  const month = digits2(value, 5);
  const day = digits2(value, 8);
  const hour = digits2(value, 11);
  const minute = digits2(value, 14);
  const second = digits2(value, 17);
  if (!(year >= FIRST_YEAR && year <= LAST_YEAR && month >= 1 && month <= 12 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (!(day >= 1 && day <= (month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] as number)))) return undefined;
  return (daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second) * 1000 + ms;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil): integer
 * arithmetic, as Date.UTC would compute it for years 1970–2999, at a fraction of its cost.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
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
