import type { DataRecord } from '../records/dataRecord.js';

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
      for (const e of r.retentionExtensions ?? []) {
        dates.push(e.decidedAt);
        if (e.until !== undefined) dates.push(e.until);
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

// The same comparison without building the array: this runs on every decision and every record of a sweep.
function sameTimes(r: DataRecord, t: Float64Array): boolean {
  switch (r.kind) {
    case 'measurement': {
      if (t[0] !== r.measuredAt.getTime() || t[1] !== r.receivedAt.getTime()) return false;
      let i = 2;
      for (const e of r.retentionExtensions ?? []) {
        if (t[i++] !== e.decidedAt.getTime()) return false;
        if (e.until !== undefined && t[i++] !== e.until.getTime()) return false;
      }
      return i === t.length;
    }
    case 'derived':
      return t.length === 1 && t[0] === r.processedAt.getTime();
    case 'user-information':
      return t.length === 1 && t[0] === r.collectedAt.getTime();
    case 'confidential':
      return r.designation
        ? t.length === 2 && t[0] === r.disclosedAt.getTime() && t[1] === r.designation.at.getTime()
        : t.length === 1 && t[0] === r.disclosedAt.getTime();
    case 'anonymized':
    case 'statistical':
      return t.length === 1 && t[0] === r.createdAt.getTime();
    case 'provider-content':
      return t.length === 1 && t[0] === r.publishedAt.getTime();
  }
}

// Returning an object from a base constructor makes `super()` hand that object to the subclass, which then
// installs its private field on it: the record keeps its plain prototype and gains only the brand.
class ReturnsGivenObject {
  constructor(target: object) {
    // biome-ignore lint/correctness/noConstructorReturn: the stamping pattern above depends on it
    return target;
  }
}

class ParsedStamp extends ReturnsGivenObject {
  readonly #times: Float64Array;

  private constructor(record: DataRecord) {
    super(record);
    const dates = datesOf(record);
    const times = new Float64Array(dates.length);
    for (let i = 0; i < dates.length; i++) times[i] = (dates[i] as Date).getTime();
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
