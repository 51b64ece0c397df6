/**
 * Instants on the command line: reading ISO-8601 with an offset, writing Japan time.
 *
 * @module
 */
import { UsageError } from './args.js';

// The strict form the CLI documents: date, T, hours and minutes, optional seconds and fraction, and an offset.
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Reads an option value as an instant: an ISO-8601 date-time with an offset (`Z` or `±hh:mm`), as the library
 * requires of every timestamp. A day that does not exist is refused, where `Date.parse` would roll 2021-02-30
 * over into March.
 *
 * @throws {UsageError} naming the option.
 * @example
 * parseInstant('--at', '2021-03-15T10:00:00+09:00').toISOString() //=> '2021-03-15T01:00:00.000Z'
 */
export function parseInstant(option: string, text: string): Date {
  const m = ISO_INSTANT.exec(text);
  if (m === null) {
    throw new UsageError(
      `${option} '${text}' is not an ISO-8601 date-time with an offset, e.g. 2021-03-15T10:00:00+09:00`,
    );
  }
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes] = m
    .slice(1)
    .map((part) => Number(part ?? 0)) as [number, number, number, number, number, number, number, number];
  const exists =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59;
  if (!exists) throw new UsageError(`${option} '${text}' names a day or time that does not exist`);
  return new Date(text);
}

// Japan has kept UTC+9 without daylight saving since 1951, so a fixed offset is exact for any date the terms reach.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * An instant as an ISO-8601 string in Japan time (`+09:00`), the zone every period of the terms is reckoned in;
 * milliseconds only when there are any.
 *
 * @example
 * formatJst(new Date('2022-03-15T15:00:00Z')) //=> '2022-03-16T00:00:00+09:00'
 */
export function formatJst(date: Date): string {
  const iso = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return `${iso.endsWith('.000Z') ? iso.slice(0, -5) : iso.slice(0, -1)}+09:00`;
}
