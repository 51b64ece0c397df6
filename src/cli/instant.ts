/**
 * Instants on the command line: reading ISO-8601 with an offset, writing Japan time.
 *
 * @module
 */
import { PolicyInputError, parseInstant } from 'm2m-data-policy';
import { UsageError } from './args.js';

/**
 * Reads an option value as an instant with the library's own `parseInstant`, so the command line accepts exactly
 * what a record or a request may hold: ISO-8601 with an offset (`Z`, `±hh:mm` or `±hhmm`; a lower-case `t`/`z`, a
 * space separator and a comma fraction as RFC 3339 allows), a day that exists, nothing after the year 9999.
 *
 * @throws {UsageError} naming the option and the value, with the library's message and code.
 * @example
 * instantOption('--at', '2021-03-15T10:00:00+09:00').toISOString() //=> '2021-03-15T01:00:00.000Z'
 * instantOption('--at', '2021-06-01t01:00:00,5z').toISOString() //=> '2021-06-01T01:00:00.500Z'
 * instantOption('--at', '2021-02-29T10:00:00+09:00')
 * // throws: --at '2021-02-29T10:00:00+09:00': The date-time names a day or time that does not exist … [impossible-date]
 */
export function instantOption(option: string, text: string): Date {
  try {
    return parseInstant(text);
  } catch (error) {
    if (!(error instanceof PolicyInputError)) throw error;
    const problems = error.issues.map((issue) => `${issue.message} [${issue.code}]`).join('; ');
    throw new UsageError(`${option} '${text}': ${problems}`);
  }
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
