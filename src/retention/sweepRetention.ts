import { PolicyInputError, type PolicyIssue } from '../errors.js';
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
 * A record a sweep could not read, listed when the sweep was asked to collect them: its place in the input, its
 * `id` when the input has one as a plain string (read without calling a getter), and why it is malformed (at most
 * 10 issues, then one `too-many-issues` saying that more were left out).
 *
 * @example
 * const { malformed } = sweepRetention([{ id: 'm-9', kind: 'measurement' }], '2022-03-16T00:00:00+09:00', {
 *   onMalformed: 'collect',
 * });
 * const first: MalformedRecord | undefined = malformed[0];
 * [first?.index, first?.id] //=> [0, 'm-9']
 */
export interface MalformedRecord {
  readonly index: number;
  readonly id: string | null;
  readonly issues: readonly PolicyIssue[];
}

/**
 * A sweep's result, by state: records to keep (within their period, or not limited by it), records held
 * under an extension, expired records (their `dueAt` is when holding ended), and the malformed records when the
 * sweep collects them (always empty otherwise). Every input record is in exactly one list:
 * `keep.length + extended.length + expired.length + malformed.length` is the number of records read.
 *
 * @example
 * const sweep: RetentionSweep = sweepRetention([reading], new Date('2022-03-16T00:00:00+09:00'));
 * [sweep.keep.length, sweep.extended.length, sweep.expired.length, sweep.malformed.length] //=> [0, 0, 1, 0]
 */
export interface RetentionSweep {
  readonly keep: RetentionEntry[];
  readonly extended: RetentionEntry[];
  readonly expired: RetentionEntry[];
  readonly malformed: MalformedRecord[];
}

/**
 * How a sweep treats a malformed record. `'throw'` (the default) fails closed: the sweep stops with
 * `PolicyInputError`, the record's index in the issues' paths, and returns nothing. `'collect'` lists it in
 * `malformed` and goes on, for a nightly job that must not stop at one bad row — and must then look at that list.
 *
 * @example
 * const options: SweepOptions = { onMalformed: 'collect' };
 */
export interface SweepOptions {
  readonly onMalformed?: 'throw' | 'collect' | undefined;
}

/** A malformed record's issues listed in a sweep: a million bad rows stay a bounded report per row. */
const MAX_ISSUES_PER_RECORD = 10;

const capIssues = (issues: readonly PolicyIssue[]): PolicyIssue[] =>
  issues.length <= MAX_ISSUES_PER_RECORD
    ? [...issues]
    : [
        ...issues.slice(0, MAX_ISSUES_PER_RECORD),
        { path: [], code: 'too-many-issues', message: 'More issues of this record are not listed' },
      ];

/** A malformed input's id: an own data property holding a string, read without calling any getter. */
function idOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  try {
    const d = Object.getOwnPropertyDescriptor(input, 'id');
    return d !== undefined && 'value' in d && typeof d.value === 'string' ? d.value : null;
  } catch {
    return null; // a Proxy whose trap throws
  }
}

const DAY_MS = 86_400_000;
// Asia/Tokyo has kept +09:00 without daylight saving since 1951, so the JST day of an instant is plain arithmetic.
// It is used only as a key here: every receipt within one JST day (other than at 00:00 exactly) has the same
// period end, which the Civil Code reckoning then computes once per day for the sweep.
const JST_OFFSET_MS = 9 * 3_600_000;

/** Sorts records by their holding state at `atMs` under `period` (`undefined`: nothing limits holding). */
export function sweeper(atMs: number, period: PeriodLength | undefined, options?: SweepOptions) {
  const collect = options?.onMalformed === 'collect';
  const result: RetentionSweep = { keep: [], extended: [], expired: [], malformed: [] };
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
      if (!parsed.success) {
        if (!collect)
          throw new PolicyInputError(
            parsed.issues.map((i) => ({ ...i, path: [index, ...i.path] })),
            `record at index ${index}`,
          );
        result.malformed.push({ index, id: idOf(input), issues: capIssues(parsed.issues) });
        index++;
        return;
      }
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
