/**
 * The retention forecast of the report: how many measurement records fall due in each Japan-time calendar month
 * from an instant, and how many stand in each retention state then.
 *
 * @module
 */
import { type DataRecord, retentionStatus } from 'm2m-data-policy';
import type { RetentionState } from './labels.js';

/** How many months the forecast covers: the month of its instant and the 17 after it. */
export const FORECAST_MONTHS = 18;

/** How many ids of records held without an end the forecast keeps, so a large input holds little. */
export const OPEN_ENDED_IDS = 100;

/** The records falling due in one month. */
export interface MonthCount {
  /** The month in Japan time, `YYYY-MM`. */
  readonly month: string;
  readonly count: number;
}

/**
 * A retention forecast: the records read, the measurement records falling due per month (in-period and extended
 * ones, by `heldUntil`), those due after the last month, those held under an extension without an end (in no
 * month), and every record's retention state at `at`.
 */
export interface RetentionForecast {
  readonly at: Date;
  readonly records: number;
  readonly months: readonly MonthCount[];
  readonly later: number;
  readonly openEnded: number;
  /** The first {@link OPEN_ENDED_IDS} ids of the records held without an end, in input order. */
  readonly openEndedIds: readonly string[];
  readonly states: Readonly<Record<RetentionState, number>>;
}

// Japan has kept UTC+9 without daylight saving since 1951: a fixed offset gives the JST calendar month exactly.
const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * The Japan-time calendar month of an instant, `YYYY-MM`.
 *
 * @example
 * jstMonth(new Date('2022-04-01T00:00:00+09:00')) //=> '2022-04'
 * jstMonth(new Date('2022-03-31T23:59:59.999+09:00')) //=> '2022-03'
 */
export function jstMonth(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 7);
}

/**
 * `count` consecutive Japan-time months, the first the month of `at`.
 *
 * @example
 * monthsFrom(new Date('2022-11-30T15:00:00Z'), 3) //=> ['2022-12', '2023-01', '2023-02']
 */
export function monthsFrom(at: Date, count: number): string[] {
  const [year, month] = jstMonth(at).split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const m = month - 1 + i;
    return `${year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** A forecast being counted, one record at a time: only counts and a few ids are kept. */
class Tally {
  readonly #at: Date;
  readonly #months: Map<string, number>;
  readonly #last: string;
  #records = 0;
  #later = 0;
  #openEnded = 0;
  readonly #openEndedIds: string[] = [];
  readonly #states: Record<RetentionState, number> = {
    'within-period': 0,
    extended: 0,
    expired: 0,
    'not-applicable': 0,
  };

  constructor(at: Date) {
    this.#at = at;
    const months = monthsFrom(at, FORECAST_MONTHS);
    this.#months = new Map(months.map((m) => [m, 0]));
    this.#last = months[months.length - 1] as string;
  }

  add(record: DataRecord): void {
    this.#records++;
    const { state, heldUntil } = retentionStatus(record, this.#at);
    this.#states[state]++;
    if (state !== 'within-period' && state !== 'extended') return;
    if (heldUntil === null) {
      this.#openEnded++;
      if (this.#openEndedIds.length < OPEN_ENDED_IDS) this.#openEndedIds.push(record.id);
      return;
    }
    // heldUntil is after `at` for these states, so a month before the first cannot occur.
    const month = jstMonth(heldUntil);
    const count = this.#months.get(month);
    if (count !== undefined) this.#months.set(month, count + 1);
    else if (month > this.#last) this.#later++;
  }

  result(): RetentionForecast {
    return Object.freeze({
      at: this.#at,
      records: this.#records,
      months: Object.freeze([...this.#months].map(([month, count]) => Object.freeze({ month, count }))),
      later: this.#later,
      openEnded: this.#openEnded,
      openEndedIds: Object.freeze([...this.#openEndedIds]),
      states: Object.freeze({ ...this.#states }),
    });
  }
}

/**
 * Counts a retention forecast over records at `at`: each record's `retentionStatus(record, at)`; for a record
 * within its period or extended, the month (JST) of its `heldUntil`, the instant it must be gone by. Takes an
 * iterable, or an async iterable (an NDJSON stream) and then returns a promise; records are not kept.
 *
 * @example
 * const f = forecast([reading], new Date('2021-06-01T10:00:00+09:00'));
 * f.months.find((m) => m.count > 0) //=> { month: '2022-03', count: 1 }
 * f.states['within-period'] //=> 1
 */
export function forecast(records: Iterable<DataRecord>, at: Date): RetentionForecast;
/**
 * The same forecast over an async iterable, read one record at a time: a promise of the forecast.
 *
 * @example
 * (await forecast(source.records, new Date('2021-06-01T10:00:00+09:00'))).records //=> 6
 */
export function forecast(records: AsyncIterable<DataRecord>, at: Date): Promise<RetentionForecast>;
/**
 * Both overloads: an iterable with `Symbol.asyncIterator` is counted asynchronously, any other synchronously.
 *
 * @example
 * forecast([], new Date('2021-06-01T10:00:00+09:00')).months.length //=> 18
 */
export function forecast(
  records: Iterable<DataRecord> | AsyncIterable<DataRecord>,
  at: Date,
): RetentionForecast | Promise<RetentionForecast> {
  const tally = new Tally(at);
  if (Symbol.asyncIterator in records) {
    return (async () => {
      for await (const record of records) tally.add(record);
      return tally.result();
    })();
  }
  for (const record of records) tally.add(record);
  return tally.result();
}
