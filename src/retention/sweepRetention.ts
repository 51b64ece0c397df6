import { PolicyInputError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { isParsed } from '../internal/trusted.js';
import type { DataRecord } from '../records/dataRecord.js';
import { safeParseRecord } from '../records/parseRecord.js';
import { retentionEndMs } from './retentionEnd.js';
import { recordRetentionState } from './retentionStatus.js';

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

function sweeper(at: Date | undefined) {
  const atMs = timeOf(at ?? new Date());
  if (Number.isNaN(atMs))
    throw new PolicyInputError(
      [{ path: ['at'], code: 'invalid-date', message: 'Expected a valid Date' }],
      'sweep',
    );
  const result: RetentionSweep = { keep: [], extended: [], expired: [] };
  // Due dates repeat (one per day of receipt): share one frozen Date per instant instead of one per record.
  const dates = new Map<number, Date>();
  let lastMs = Number.NaN;
  let lastDate: Date | null = null;
  const dateOf = (ms: number): Date | null => {
    if (ms === lastMs) return lastDate;
    if (!Number.isFinite(ms)) return null;
    let date = dates.get(ms);
    if (date === undefined) {
      date = Object.freeze(new Date(ms));
      dates.set(ms, date);
    }
    lastMs = ms;
    lastDate = date;
    return date;
  };
  let index = 0;
  const add = (input: unknown) => {
    let record: DataRecord;
    if (isParsed(input)) record = input;
    else {
      const parsed = safeParseRecord(input);
      if (!parsed.success) {
        throw new PolicyInputError(
          parsed.issues.map((i) => ({ ...i, path: [index, ...i.path] })),
          `record at index ${index}`,
        );
      }
      record = parsed.data;
    }
    index++;
    // The common case, measurement data without extensions, needs only its period's end.
    if (record.kind === 'measurement' && record.retentionExtensions === undefined) {
      const endsAtMs = retentionEndMs(record.receivedAt.getTime());
      (atMs < endsAtMs ? result.keep : result.expired).push({ id: record.id, dueAt: dateOf(endsAtMs) });
      return;
    }
    const s = recordRetentionState(record, atMs);
    const entry: RetentionEntry = { id: record.id, dueAt: dateOf(s.heldUntilMs) };
    if (s.state === 'expired') result.expired.push(entry);
    else if (s.state === 'extended') result.extended.push(entry);
    else result.keep.push(entry);
  };
  return { add, result };
}

/**
 * Sorts records by where they stand under 13(4) at `at` (default now), for a retention job. Takes any
 * iterable, or an async iterable (a database cursor, an NDJSON stream) and then returns a promise. Records are
 * read one at a time and only ids and due dates are kept, so memory holds the result and nothing more.
 *
 * @throws {PolicyInputError} at the first malformed record, with its index in the path; nothing is swept then.
 * @example
 * const { keep, expired } = sweepRetention(records, new Date('2022-03-16T00:00:00+09:00'));
 * expired.map((e) => e.id) //=> ['kanto-sub-07/leak/2021-03-15T10:00']
 */
export function sweepRetention(records: Iterable<unknown>, at?: Date): RetentionSweep;
/**
 * The same sort over an async iterable (a database cursor, an NDJSON stream), read one record at a time: a
 * promise of the sweep.
 *
 * @throws {PolicyInputError} at the first malformed record, with its index in the path; the promise rejects.
 * @example
 * async function* cursor() { yield reading; }
 * (await sweepRetention(cursor(), new Date('2022-03-16T00:00:00+09:00'))).expired.map((e) => e.id)
 * //=> ['kanto-sub-07/leak/2021-03-15T10:00']
 */
export function sweepRetention(records: AsyncIterable<unknown>, at?: Date): Promise<RetentionSweep>;
/**
 * Both overloads: an iterable with `Symbol.asyncIterator` is swept asynchronously, any other synchronously.
 *
 * @example
 * sweepRetention([], new Date('2022-03-16T00:00:00+09:00')) //=> { keep: [], extended: [], expired: [] }
 */
export function sweepRetention(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  at?: Date,
): RetentionSweep | Promise<RetentionSweep> {
  const { add, result } = sweeper(at);
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) add(record);
      return result;
    })();
  }
  for (const record of records) add(record);
  return result;
}
