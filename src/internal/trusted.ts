import type { DataRecord } from '../records/dataRecord.js';
import { timeOf } from './timeOf.js';

// Records that came out of parseRecord, with the times their Dates held then. The records and their arrays are
// deep-frozen, but a frozen Date still answers to setTime: so trust is one WeakMap lookup plus a comparison of
// each timestamp (two to four per record) with what was checked, and a record whose Date was changed since is
// validated again like any plain object.
const parsed = new WeakMap<object, { readonly dates: readonly Date[]; readonly times: readonly number[] }>();

function collectDates(value: unknown, into: Date[]): Date[] {
  if (value instanceof Date) into.push(value);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) collectDates(v, into);
  return into;
}

/** Marks a frozen, validated record as trusted, remembering its timestamps. */
export function markParsed(record: DataRecord): void {
  const dates = collectDates(record, []);
  parsed.set(record, { dates, times: dates.map((d) => d.getTime()) });
}

/** Whether the value is a record that came out of the parser and has not changed since. */
export function isParsed(value: unknown): value is DataRecord {
  if (typeof value !== 'object' || value === null) return false;
  const entry = parsed.get(value);
  if (entry === undefined) return false;
  const { dates, times } = entry;
  for (let i = 0; i < dates.length; i++) if (timeOf(dates[i]) !== times[i]) return false;
  return true;
}
