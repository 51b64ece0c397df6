import type { DataRecord } from '../records/dataRecord.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import { measurementHolding } from './measurementHolding.js';

/**
 * Where a record stands under the holding period of 13(4) (old 13(2)) at an instant.
 *
 * - `within-period`: the period from receipt has not run out; `endsAt` is when it does.
 * - `extended`: the period has run out, but an extension decided by then still covers the instant.
 * - `expired`: neither; the data is due for deletion.
 * - `not-applicable`: not received data (derived, anonymized, statistical and other kinds), or terms with no
 *   holding period: nothing limits holding it.
 *
 * `heldUntil` is when holding ends on what is known at the instant (extensions decided by then): `null` when
 * nothing ends it (an open-ended extension, or a kind the period does not apply to); for an expired record,
 * when its holding ended.
 *
 * @example
 * const status: RetentionStatus = retentionStatus(reading, new Date('2022-03-16T00:00:00+09:00'));
 * status //=> { state: 'expired', endsAt: 2022-03-16T00:00:00+09:00, heldUntil: 2022-03-16T00:00:00+09:00 }
 */
export interface RetentionStatus {
  readonly state: 'within-period' | 'extended' | 'expired' | 'not-applicable';
  readonly endsAt: Date | null;
  readonly heldUntil: Date | null;
}

const toDate = (ms: number): Date | null => (Number.isFinite(ms) ? new Date(ms) : null);

/** A record's status at `atMs` under a holding period (`undefined`: the terms set none). */
export function statusUnder(
  record: DataRecord,
  atMs: number,
  period: PeriodLength | undefined,
): RetentionStatus {
  if (record.kind !== 'measurement' || period === undefined)
    return { state: 'not-applicable', endsAt: null, heldUntil: null };
  const s = measurementHolding(record, period, atMs);
  return { state: s.state, endsAt: toDate(s.endsAtMs), heldUntil: toDate(s.heldUntilMs) };
}
