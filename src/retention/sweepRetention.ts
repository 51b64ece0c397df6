import { PolicyInputError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import type { DataRecord } from '../records/dataRecord.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { isParsed } from '../records/trusted.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import { holdingEndMs, holdingState } from '../time/holding.js';
import { extensionsOf } from './measurementHolding.js';

/**
 * A record's id and when it is due for deletion (`null`: nothing ends its holding).
 *
 * @example
 * const entries: RetentionEntry[] = sweepRetention([reading], new Date('2021-06-01T10:00:00+09:00')).keep;
 * entries //=> [{ id: 'kanto-sub-07/leak/2021-03-15T10:00', dueAt: 2022-03-16T00:00:00+09:00 }]
 */
export interface RetentionEntry {
  readonly id: string;
  readonly dueAt: Date | null;
}

/**
 * A sweep's result, by state: records to keep (within their period, or not limited by it), records held
 * under an extension, and expired records (their `dueAt` is when holding ended).
 *
 * @example
 * const sweep: RetentionSweep = sweepRetention([reading], new Date('2022-03-16T00:00:00+09:00'));
 * [sweep.keep.length, sweep.extended.length, sweep.expired.length] //=> [0, 0, 1]
 */
export interface RetentionSweep {
  readonly keep: RetentionEntry[];
  readonly extended: RetentionEntry[];
  readonly expired: RetentionEntry[];
}

const DAY_MS = 86_400_000;
// Asia/Tokyo has kept +09:00 without daylight saving since 1951, so the JST day of an instant is plain arithmetic.
// It is used only as a key here: every receipt within one JST day (other than at 00:00 exactly) has the same
// period end, which the Civil Code reckoning then computes once per day for the sweep.
const JST_OFFSET_MS = 9 * 3_600_000;

/** Sorts records by their holding state at `atMs` under `period` (`undefined`: nothing limits holding). */
export function sweeper(atMs: number, period: PeriodLength | undefined) {
  const result: RetentionSweep = { keep: [], extended: [], expired: [] };
  const ends = new Map<number, number>();
  const endOf = (receivedMs: number, p: PeriodLength): number => {
    const local = receivedMs + JST_OFFSET_MS;
    const day = Math.floor(local / DAY_MS);
    const key = local === day * DAY_MS ? day * 2 + 1 : day * 2;
    let end = ends.get(key);
    if (end === undefined) {
      end = holdingEndMs(receivedMs, p);
      ends.set(key, end);
    }
    return end;
  };
  // Due dates repeat (one per day of receipt): one frozen Date per instant, not one per record.
  const dates = new Map<number, Date>();
  const dateOf = (ms: number): Date | null => {
    if (!Number.isFinite(ms)) return null;
    let date = dates.get(ms);
    if (date === undefined) {
      date = Object.freeze(new Date(ms));
      dates.set(ms, date);
    }
    return date;
  };
  let index = 0;
  const add = (input: unknown): void => {
    let record: DataRecord;
    if (isParsed(input)) record = input;
    else {
      const parsed = safeParseRecord(input);
      if (!parsed.success)
        throw new PolicyInputError(
          parsed.issues.map((i) => ({ ...i, path: [index, ...i.path] })),
          `record at index ${index}`,
        );
      record = parsed.data;
    }
    index++;
    if (record.kind !== 'measurement' || period === undefined) {
      result.keep.push({ id: record.id, dueAt: null });
      return;
    }
    const s = holdingState(endOf(timeOf(record.receivedAt), period), extensionsOf(record), atMs);
    const entry: RetentionEntry = { id: record.id, dueAt: dateOf(s.heldUntilMs) };
    if (s.state === 'expired') result.expired.push(entry);
    else if (s.state === 'extended') result.extended.push(entry);
    else result.keep.push(entry);
  };
  return { add, result };
}
