import { ReturnsGivenObject } from '../internal/brand.js';
import { ownField } from '../internal/property.js';
import { timeOf } from '../internal/timeOf.js';
import type { DataRecord } from './dataRecord.js';

// A parsed record carries a private field, added before it is frozen, holding the times its Dates had when it
// was checked. A private field cannot be forged, copied by spreading or inherited through a prototype, and
// reading it is a property load: far cheaper than a WeakMap lookup on a sweep over millions of records. The
// records and their arrays are deep-frozen, but a frozen Date still answers to setTime, so the times are
// compared as well: a record whose Date was changed since is validated again like any plain object.

/** The Dates of a record, in a fixed order per kind. */
function datesOf(r: DataRecord): Date[] {
  switch (r.kind) {
    case 'measurement': {
      const dates = [r.measuredAt, r.receivedAt];
      for (const e of ownField(r, 'retentionExtensions') ?? []) {
        dates.push(e.decidedAt);
        const until = ownField(e, 'until');
        if (until !== undefined) dates.push(until);
      }
      return dates;
    }
    case 'derived':
      return [r.processedAt];
    case 'user-information':
      return [r.collectedAt];
    case 'confidential':
      return r.designation ? [r.disclosedAt, r.designation.at] : [r.disclosedAt];
    case 'anonymized':
    case 'statistical':
      return [r.createdAt];
    case 'provider-content':
      return [r.publishedAt];
  }
}

// A parsed record's Dates were made by the parser and the record is frozen, so each is a real Date: its time is
// read from the internal slot directly.
const getTime = Date.prototype.getTime;
const time = (d: Date): number => getTime.call(d);

// The same comparison without building the array: this runs on every decision and every record of a sweep.
function sameTimes(r: DataRecord, t: Float64Array): boolean {
  switch (r.kind) {
    case 'measurement': {
      if (t[0] !== time(r.measuredAt) || t[1] !== time(r.receivedAt)) return false;
      let i = 2;
      const extensions = ownField(r, 'retentionExtensions');
      if (extensions !== undefined)
        for (const e of extensions) {
          if (t[i++] !== time(e.decidedAt)) return false;
          const until = ownField(e, 'until');
          if (until !== undefined && t[i++] !== time(until)) return false;
        }
      return i === t.length;
    }
    case 'derived':
      return t.length === 1 && t[0] === time(r.processedAt);
    case 'user-information':
      return t.length === 1 && t[0] === time(r.collectedAt);
    case 'confidential':
      return r.designation
        ? t.length === 2 && t[0] === time(r.disclosedAt) && t[1] === time(r.designation.at)
        : t.length === 1 && t[0] === time(r.disclosedAt);
    case 'anonymized':
    case 'statistical':
      return t.length === 1 && t[0] === time(r.createdAt);
    case 'provider-content':
      return t.length === 1 && t[0] === time(r.publishedAt);
  }
}

class ParsedStamp extends ReturnsGivenObject {
  readonly #times: Float64Array;

  private constructor(record: DataRecord) {
    super(record);
    const dates = datesOf(record);
    const times = new Float64Array(dates.length);
    for (let i = 0; i < dates.length; i++) times[i] = timeOf(dates[i] as Date);
    this.#times = times;
  }

  static stamp(record: DataRecord): void {
    new ParsedStamp(record);
  }

  static unchanged(value: object): boolean {
    return #times in value && sameTimes(value as unknown as DataRecord, (value as ParsedStamp).#times);
  }
}

/** Marks a validated record as trusted; call before freezing it. */
export function markParsed(record: DataRecord): void {
  ParsedStamp.stamp(record);
}

/** Whether the value is a record that came out of the parser and has not changed since. */
export function isParsed(value: unknown): value is DataRecord {
  return typeof value === 'object' && value !== null && ParsedStamp.unchanged(value);
}
