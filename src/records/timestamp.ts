import { z } from 'zod';
import { PolicyInputError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { dayNumber, daysInMonth } from '../time/calendar.js';

// YYYY-MM-DDTHH:mm[:ss[.fraction]] followed by an offset (Z, ±HH:MM or ±HHMM). A lower-case t/z and a space
// separator are accepted as RFC 3339 allows them; a date alone or a time without an offset is not an instant.
// Read by hand rather than by a regular expression: records arrive by the million, each with several instants.

const DAY_MS = 86_400_000;

/** The digit at `i`, or -1. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** The two-digit number at `i`, or -1. */
function twoDigits(text: string, i: number): number {
  const a = digit(text, i);
  const b = digit(text, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Why a string is not an instant. */
export type TimestampProblem = 'invalid-timestamp' | 'timestamp-without-offset' | 'impossible-date';

/**
 * Reads an ISO-8601 date-time with an offset into epoch milliseconds, checking the calendar itself (2021-02-30
 * is refused, not rolled over into March as `Date.parse` would). Digits past the millisecond are cut, never
 * rounded: 23:59:59.9999 stays on its own day.
 */
export function parseIsoInstant(text: string): number | TimestampProblem {
  const length = text.length;
  const y1 = twoDigits(text, 0);
  const y2 = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const sep = text.charCodeAt(10);
  if (
    length < 16 ||
    y1 < 0 ||
    y2 < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text.charCodeAt(4) !== 45 || // -
    text.charCodeAt(7) !== 45 ||
    !(sep === 84 || sep === 116 || sep === 32) || // T, t or a space
    text.charCodeAt(13) !== 58 // :
  ) {
    return 'invalid-timestamp';
  }
  let pos = 16;
  let second = 0;
  let ms = 0;
  if (text.charCodeAt(pos) === 58) {
    second = twoDigits(text, pos + 1);
    if (second < 0) return 'invalid-timestamp';
    pos += 3;
    const mark = text.charCodeAt(pos);
    if (mark === 46 || mark === 44) {
      // A fraction after . or ,: its first three digits are the milliseconds.
      pos++;
      const start = pos;
      while (digit(text, pos) >= 0) {
        if (pos - start < 3) ms = ms * 10 + digit(text, pos);
        pos++;
      }
      if (pos === start) return 'invalid-timestamp';
      for (let n = pos - start; n < 3; n++) ms *= 10;
    }
  }
  if (pos === length) return 'timestamp-without-offset';
  let offsetMinutes: number;
  const sign = text.charCodeAt(pos);
  if ((sign === 90 || sign === 122) && pos + 1 === length)
    offsetMinutes = 0; // Z or z
  else if (sign === 43 || sign === 45) {
    // + or -, then hh, an optional colon, and mm
    const oh = twoDigits(text, pos + 1);
    const colon = text.charCodeAt(pos + 3) === 58 ? 1 : 0;
    const om = twoDigits(text, pos + 3 + colon);
    if (oh < 0 || om < 0 || pos + 5 + colon !== length) return 'invalid-timestamp';
    if (oh > 23 || om > 59) return 'impossible-date';
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else return 'invalid-timestamp';

  const year = y1 * 100 + y2;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'impossible-date';
  if (hour > 23 || minute > 59 || second > 59) return 'impossible-date';
  return (
    dayNumber({ year, month, day }) * DAY_MS +
    ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 +
    ms
  );
}

/** The last instant an ISO-8601 year of four digits can name, after its offset is applied: 9999-12-31T23:59:59.999Z. */
const LATEST_MS = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why a value is not an instant. */
export type InstantProblem = TimestampProblem | 'invalid-date' | 'invalid-type' | 'instant-out-of-range';

/** The messages of the instant problems, for issues. */
export const INSTANT_MESSAGES: Readonly<Record<InstantProblem, string>> = {
  'invalid-timestamp': 'Expected an ISO-8601 date-time such as 2021-03-15T10:00:00+09:00',
  'timestamp-without-offset':
    'The date-time has no offset (Z or ±hh:mm), so the instant it names is ambiguous; add one, e.g. +09:00 for JST',
  'impossible-date': 'The date-time names a day or time that does not exist in the calendar',
  'invalid-date': 'The Date object is invalid (its time is NaN)',
  'invalid-type': 'Expected a Date or an ISO-8601 date-time string with an offset',
  'instant-out-of-range': 'The instant lies after the year 9999 once its offset is applied',
};

/**
 * The one reading of an instant in this library: a `Date` by its internal time value (never by a method the
 * object may override), or an ISO-8601 date-time string with an offset. Epoch milliseconds, or the problem.
 */
export function readInstant(input: unknown): number | InstantProblem {
  let ms: number | TimestampProblem;
  if (typeof input === 'string') ms = parseIsoInstant(input);
  else if (input instanceof Date) {
    ms = timeOf(input);
    if (Number.isNaN(ms)) return 'invalid-date';
  } else return 'invalid-type';
  if (typeof ms === 'number' && ms > LATEST_MS) return 'instant-out-of-range';
  return ms;
}

/**
 * Reads an instant the way every entry point of the library reads one, and returns it as a new `Date`: a `Date` by
 * its internal time value, or an ISO-8601 date-time string with an offset (`Z`, `±hh:mm` or `±hhmm`; a lower-case
 * `t`/`z`, a space separator and a comma fraction as RFC 3339 allows). A day that does not exist is refused rather
 * than rolled over, digits past the millisecond are cut, and an instant after the year 9999 is refused. The command
 * line reads its `--at` and `<start>` with this same function.
 *
 * @throws {PolicyInputError} with one issue whose code says why (`invalid-timestamp`, `timestamp-without-offset`,
 *   `impossible-date`, `invalid-date`, `invalid-type`, `instant-out-of-range`).
 * @example
 * parseInstant('2021-03-15T10:00:00+09:00').toISOString() //=> '2021-03-15T01:00:00.000Z'
 * parseInstant('2021-03-15t01:00:00,5z').toISOString() //=> '2021-03-15T01:00:00.500Z'
 */
export function parseInstant(value: Date | string): Date {
  const ms = readInstant(value);
  if (typeof ms === 'number') return new Date(ms);
  throw new PolicyInputError([{ path: [], code: ms, message: INSTANT_MESSAGES[ms] }], 'instant');
}

/**
 * A timestamp: a valid `Date`, or an ISO-8601 date-time string **with an offset**, read as a new `Date`.
 *
 * @example
 * timestamp.parse('2021-03-15T10:00:00+09:00').toISOString() //=> '2021-03-15T01:00:00.000Z'
 */
export const timestamp = z.custom<Date | string>().transform((input, ctx): Date => {
  const ms = readInstant(input);
  if (typeof ms === 'number') return new Date(ms);
  ctx.issues.push({ code: 'custom', message: INSTANT_MESSAGES[ms], input, params: { code: ms } });
  return z.NEVER;
});
