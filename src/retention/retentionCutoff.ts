import { PolicyInputError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { retentionEndMs } from './retentionEnd.js';

const FOUR_YEARS_MS = 4 * 366 * 86_400_000;

/**
 * The receipt instant below which measurement data without extensions has expired at `at`: such a record is
 * expired exactly when `receivedAt < retentionCutoff(at)`. The period's end never decreases as the receipt
 * instant grows, so one comparison replaces the calendar — push it down into a database query.
 *
 * @example
 * retentionCutoff(new Date('2022-03-16T00:00:00+09:00')) //=> 2021-03-16T00:00:00.001+09:00
 * // Received 2021-03-16 00:00:00.000 JST, the first day counts (Civil Code 140) and the year ended
 * // 2022-03-16 00:00: expired. A millisecond later, the first day is 03-17 and the year runs to 2022-03-17.
 */
export function retentionCutoff(at: Date = new Date()): Date {
  const atMs = timeOf(at);
  if (Number.isNaN(atMs))
    throw new PolicyInputError(
      [{ path: ['at'], code: 'invalid-date', message: 'Expected a valid Date' }],
      'instant',
    );
  // Binary search for the first receipt whose period is still running at `at`; everything earlier has expired.
  let lo = atMs - FOUR_YEARS_MS; // expired at `at`
  let hi = atMs; // data received at `at` is within its period
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (retentionEndMs(mid) <= atMs) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
