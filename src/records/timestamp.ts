import { z } from 'zod';
import { timeOf } from '../internal/timeOf.js';

// YYYY-MM-DDTHH:mm[:ss[.fraction]] followed by an offset (Z, ±HH:MM or ±HHMM). A lower-case t/z and a space
// separator are accepted as RFC 3339 allows them; a date alone or a time without an offset is not an instant.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Why a string is not an instant; `undefined` when it is one. */
export type TimestampProblem = 'invalid-timestamp' | 'timestamp-without-offset' | 'impossible-date';

/**
 * Reads an ISO-8601 date-time with an offset into epoch milliseconds, checking the calendar itself (2021-02-30
 * is refused, not rolled over into March as `Date.parse` would).
 */
export function parseIsoInstant(text: string): number | TimestampProblem {
  const m = ISO.exec(text);
  if (!m) return 'invalid-timestamp';
  const [, ys, mos, ds, hs, mis, ss, frac, offset] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
    string?,
    string?,
    string?,
  ];
  if (offset === undefined) return 'timestamp-without-offset';
  const year = Number(ys);
  const month = Number(mos);
  const day = Number(ds);
  const hour = Number(hs);
  const minute = Number(mis);
  const second = ss === undefined ? 0 : Number(ss);
  if (month < 1 || month > 12) return 'impossible-date';
  const monthDays = month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  if (day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) return 'impossible-date';
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = Number(digits.slice(2));
    if (oh > 23 || om > 59) return 'impossible-date';
    offsetMinutes = sign * (oh * 60 + om);
  }
  // Digits past the millisecond are cut, never rounded: 23:59:59.9999 stays on its own day.
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  // Date.UTC reads years 0-99 as 1900-1999; setting the year afterwards keeps four-digit years literal.
  date.setUTCFullYear(year);
  return date.getTime() - offsetMinutes * 60_000;
}

const MESSAGES: Record<TimestampProblem | 'invalid-date' | 'invalid-type', string> = {
  'invalid-timestamp': 'Expected an ISO-8601 date-time such as 2021-03-15T10:00:00+09:00',
  'timestamp-without-offset':
    'The date-time has no offset (Z or ±hh:mm), so the instant it names is ambiguous; add one, e.g. +09:00 for JST',
  'impossible-date': 'The date-time names a day or time that does not exist in the calendar',
  'invalid-date': 'The Date object is invalid (its time is NaN)',
  'invalid-type': 'Expected a Date or an ISO-8601 date-time string with an offset',
};

/**
 * A timestamp: a valid `Date`, or an ISO-8601 date-time string **with an offset**, read as a `Date`.
 *
 * @example
 * timestamp.parse('2021-03-15T10:00:00+09:00').toISOString() //=> '2021-03-15T01:00:00.000Z'
 */
export const timestamp = z.custom<Date | string>().transform((input, ctx): Date => {
  const fail = (code: keyof typeof MESSAGES): never => {
    ctx.issues.push({ code: 'custom', message: MESSAGES[code], input, params: { code } });
    return z.NEVER;
  };
  if (input instanceof Date) {
    const time = timeOf(input);
    return Number.isNaN(time) ? fail('invalid-date') : new Date(time);
  }
  if (typeof input !== 'string') return fail('invalid-type');
  const result = parseIsoInstant(input);
  return typeof result === 'number' ? new Date(result) : fail(result);
});
