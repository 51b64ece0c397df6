import type { PeriodLength } from '../time/civilCodePeriod.js';
import { holdingEndMs } from '../time/holding.js';

const DAY_MS = 86_400_000;

/**
 * The receipt instant below which measurement data without extensions has expired at `atMs` under `period`: such a
 * record is expired exactly when `receivedAt < cutoff`. A period's end never decreases as the receipt instant
 * grows, so one comparison replaces the calendar — push it down into a database query.
 */
export function cutoffUnder(atMs: number, period: PeriodLength): Date {
  // The longest a period can be is bounded by its units; search the receipts between that far back and `atMs`.
  const days =
    (period.years ?? 0) * 366 + (period.months ?? 0) * 31 + (period.weeks ?? 0) * 7 + (period.days ?? 0) + 2;
  let lo = atMs - days * DAY_MS; // expired at `atMs`
  let hi = atMs; // data received at `atMs` is within its period
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (holdingEndMs(mid, period) <= atMs) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
