import { anonymized, derived, measurement, type RecordOverrides, statistical } from 'm2m-data-policy/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DataRecord, PolicyInputError, retentionStatus } from '../../src/index.js';

// 13(4) (old 13(2)): measurement data is held a year from receipt, reckoned under Civil Code 140, 141 and 143
// in JST (SPEC §5); from the instant the year ends only an extension decided by then, with a reason and before
// its `until` (exclusive), keeps it.

const d = (iso: string): Date => new Date(iso);

/** Received 2021-03-15 10:00 JST: first day 2021-03-16, last day 2022-03-15. */
const ENDS_AT = d('2022-03-16T00:00:00+09:00');

type ExtensionInput = NonNullable<RecordOverrides<'measurement'>['retentionExtensions']>[number];

const withExtensions = (...retentionExtensions: ExtensionInput[]) => measurement({ retentionExtensions });

/** The error a call throws, which must be a PolicyInputError. */
function inputErrorOf(f: () => unknown): PolicyInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyInputError) return e;
    throw e;
  }
  return expect.fail('expected a PolicyInputError');
}

/** A value from outside, handed over as if it were a record (the function must check it all the same). */
const unchecked = (value: unknown): DataRecord => value as DataRecord;

describe('retentionStatus', () => {
  describe('the year from receipt (13(4), Civil Code 140, 141, 143(2))', () => {
    it('holds data received 2021-03-15 10:00 JST through the last millisecond of 2022-03-15 (13(4))', () => {
      expect(retentionStatus(measurement(), d('2022-03-15T23:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
    });

    it('reports the year as run out from 2022-03-16T00:00:00+09:00 exactly (13(4), Civil Code 141)', () => {
      expect(retentionStatus(measurement(), d('2022-03-16T00:00:00+09:00'))).toEqual({
        state: 'expired',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
      expect(retentionStatus(measurement(), d('2030-01-01T00:00:00+09:00')).state).toBe('expired');
    });

    it('holds data at the instant it is received (13(4))', () => {
      expect(retentionStatus(measurement(), d('2021-03-15T10:00:00+09:00')).state).toBe('within-period');
    });

    it('counts the day of receipt when data arrives at exactly 00:00 JST (Civil Code 140 proviso)', () => {
      const atMidnight = measurement({ receivedAt: '2021-03-15T00:00:00+09:00' });
      expect(retentionStatus(atMidnight, d('2022-03-14T23:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: d('2022-03-15T00:00:00+09:00'),
        heldUntil: d('2022-03-15T00:00:00+09:00'),
      });
      expect(retentionStatus(atMidnight, d('2022-03-15T00:00:00+09:00')).state).toBe('expired');
    });

    it('does not count the day of receipt one millisecond either side of 00:00 JST (Civil Code 140)', () => {
      const before = measurement({ receivedAt: '2021-03-14T23:59:59.999+09:00' });
      const after = measurement({ receivedAt: '2021-03-15T00:00:00.001+09:00' });
      expect(retentionStatus(before, d('2021-06-01T00:00:00+09:00')).endsAt).toEqual(
        d('2022-03-15T00:00:00+09:00'),
      );
      expect(retentionStatus(after, d('2021-06-01T00:00:00+09:00')).endsAt).toEqual(
        d('2022-03-16T00:00:00+09:00'),
      );
    });

    it('ends the year of a first day 2020-02-29 with 2021-02-28, the last day of the month (Civil Code 143(2) proviso)', () => {
      // Received 2020-02-28 10:00 JST: the first day is 2020-02-29, and 2021 has no February 29.
      const leap = measurement({ receivedAt: '2020-02-28T10:00:00+09:00' });
      expect(retentionStatus(leap, d('2021-02-28T23:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: d('2021-03-01T00:00:00+09:00'),
        heldUntil: d('2021-03-01T00:00:00+09:00'),
      });
      expect(retentionStatus(leap, d('2021-03-01T00:00:00+09:00')).state).toBe('expired');
    });

    it('reckons the days in JST whatever offset the receipt was written with (SPEC §1)', () => {
      const at = d('2021-06-01T00:00:00+09:00');
      // 2021-03-14T10:00:00-05:00 is 2021-03-15 00:00 JST: the first day counts.
      expect(retentionStatus(measurement({ receivedAt: '2021-03-14T10:00:00-05:00' }), at).endsAt).toEqual(
        d('2022-03-15T00:00:00+09:00'),
      );
      // 2021-03-14T15:00:00.001Z is 2021-03-15 00:00:00.001 JST: it does not.
      expect(retentionStatus(measurement({ receivedAt: '2021-03-14T15:00:00.001Z' }), at).endsAt).toEqual(
        d('2022-03-16T00:00:00+09:00'),
      );
    });
  });

  describe('extensions (13(4): longer where the purposes or the service need it)', () => {
    const decidedBefore = withExtensions({
      decidedAt: '2022-03-01T09:00:00+09:00',
      reason: 'fault investigation',
      until: '2022-09-16T00:00:00+09:00',
    });
    const UNTIL = d('2022-09-16T00:00:00+09:00');

    it('ignores an extension before it is decided', () => {
      expect(retentionStatus(decidedBefore, d('2022-03-01T08:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
    });

    it('runs an extension decided within the year on without a gap, held until its `until` (13(4))', () => {
      expect(retentionStatus(decidedBefore, d('2022-03-15T23:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: ENDS_AT,
        heldUntil: UNTIL,
      });
      expect(retentionStatus(decidedBefore, d('2022-03-16T00:00:00+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: UNTIL,
      });
      expect(retentionStatus(decidedBefore, d('2022-09-15T23:59:59.999+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: UNTIL,
      });
    });

    it('treats `until` as exclusive: at `until` itself the data is expired (SPEC §2)', () => {
      expect(retentionStatus(decidedBefore, d('2022-09-16T00:00:00+09:00'))).toEqual({
        state: 'expired',
        endsAt: ENDS_AT,
        heldUntil: UNTIL,
      });
    });

    it('does not cover the time between the end of the year and a later extension (13(4))', () => {
      const decidedAfter = withExtensions({
        decidedAt: '2022-04-01T09:00:00+09:00',
        reason: 'audit request',
        until: '2022-10-01T00:00:00+09:00',
      });
      expect(retentionStatus(decidedAfter, d('2022-03-16T00:00:00+09:00'))).toEqual({
        state: 'expired',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
      expect(retentionStatus(decidedAfter, d('2022-04-01T08:59:59.999+09:00')).state).toBe('expired');
      expect(retentionStatus(decidedAfter, d('2022-04-01T09:00:00+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: d('2022-10-01T00:00:00+09:00'),
      });
    });

    it('holds data under an extension without `until` with no end in sight (heldUntil null)', () => {
      const openEnded = withExtensions({ decidedAt: '2022-03-01T09:00:00+09:00', reason: 'litigation hold' });
      expect(retentionStatus(openEnded, d('2022-03-15T23:59:59.999+09:00'))).toEqual({
        state: 'within-period',
        endsAt: ENDS_AT,
        heldUntil: null,
      });
      expect(retentionStatus(openEnded, d('2022-03-16T00:00:00+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: null,
      });
      expect(retentionStatus(openEnded, d('2031-01-01T00:00:00+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: null,
      });
    });

    it('counts an extension decided at `at` itself, but not one decided a millisecond after (13(4))', () => {
      const at = d('2022-06-01T10:00:00+09:00');
      const decidedAt = (iso: string) =>
        withExtensions({ decidedAt: iso, reason: 'fault investigation', until: '2022-12-01T00:00:00+09:00' });
      expect(retentionStatus(decidedAt('2022-06-01T10:00:00+09:00'), at).state).toBe('extended');
      expect(retentionStatus(decidedAt('2022-06-01T10:00:00.001+09:00'), at)).toEqual({
        state: 'expired',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
    });

    it('holds data while any extension decided by then runs, until the latest of them (13(4))', () => {
      const two = withExtensions(
        { decidedAt: '2022-03-01T09:00:00+09:00', reason: 'first', until: '2022-06-01T00:00:00+09:00' },
        { decidedAt: '2022-03-10T09:00:00+09:00', reason: 'second', until: '2022-12-01T00:00:00+09:00' },
      );
      expect(retentionStatus(two, d('2022-06-01T00:00:00+09:00'))).toEqual({
        state: 'extended',
        endsAt: ENDS_AT,
        heldUntil: d('2022-12-01T00:00:00+09:00'),
      });
      expect(retentionStatus(two, d('2022-12-01T00:00:00+09:00')).state).toBe('expired');
    });

    it('leaves a gap between one extension running out and the next being decided (13(4))', () => {
      const apart = withExtensions(
        { decidedAt: '2022-03-01T09:00:00+09:00', reason: 'first', until: '2022-06-01T00:00:00+09:00' },
        { decidedAt: '2022-07-01T09:00:00+09:00', reason: 'second', until: '2022-12-01T00:00:00+09:00' },
      );
      expect(retentionStatus(apart, d('2022-05-31T23:59:59.999+09:00')).state).toBe('extended');
      expect(retentionStatus(apart, d('2022-06-01T00:00:00+09:00')).state).toBe('expired');
      expect(retentionStatus(apart, d('2022-07-01T08:59:59.999+09:00')).state).toBe('expired');
      expect(retentionStatus(apart, d('2022-07-01T09:00:00+09:00')).state).toBe('extended');
    });
  });

  describe('records that are not received data (13(4) does not reach them)', () => {
    // Each made at the first instant asked about.
    const made = '2021-04-01T09:00:00+09:00';

    it.each([
      ['derived (2(5))', derived({ processedAt: made })],
      ['anonymized (31(3))', anonymized({ createdAt: made, itemCategories: ['region'] })],
      ['statistical (31(3))', statistical({ createdAt: made })],
    ])('reports %s data as not-applicable, however long after it was made', (_, record) => {
      for (const at of [
        '2021-04-01T09:00:00+09:00',
        '2022-04-01T09:00:00+09:00',
        '2031-01-01T00:00:00+09:00',
      ]) {
        expect(retentionStatus(record, d(at))).toEqual({
          state: 'not-applicable',
          endsAt: null,
          heldUntil: null,
        });
      }
    });
  });

  describe('input', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('takes `at` from the clock when it is omitted', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(d('2022-03-15T23:59:59.999+09:00'));
      expect(retentionStatus(measurement()).state).toBe('within-period');
      vi.setSystemTime(d('2022-03-16T00:00:00+09:00'));
      expect(retentionStatus(measurement()).state).toBe('expired');
    });

    it('accepts a record straight from JSON, timestamps as ISO strings with an offset (SPEC §2)', () => {
      const json = JSON.parse(JSON.stringify(measurement())) as unknown;
      expect(retentionStatus(unchecked(json), d('2022-03-16T00:00:00+09:00'))).toEqual({
        state: 'expired',
        endsAt: ENDS_AT,
        heldUntil: ENDS_AT,
      });
    });

    it('throws PolicyInputError for a record without `receivedAt`', () => {
      const { receivedAt: _, ...rest } = JSON.parse(JSON.stringify(measurement())) as Record<string, unknown>;
      const error = inputErrorOf(() => retentionStatus(unchecked(rest), d('2022-03-16T00:00:00+09:00')));
      expect(error.code).toBe('invalid-input');
      expect(error.issues.some((i) => i.path.at(-1) === 'receivedAt')).toBe(true);
    });

    it('throws PolicyInputError for a receipt time without an offset, which is ambiguous (SPEC §2)', () => {
      const raw = { ...JSON.parse(JSON.stringify(measurement())), receivedAt: '2021-03-15T10:00:00' };
      const error = inputErrorOf(() => retentionStatus(unchecked(raw), d('2022-03-16T00:00:00+09:00')));
      expect(error.issues.some((i) => i.path.at(-1) === 'receivedAt')).toBe(true);
    });

    it('throws PolicyInputError for an extension without a reason (13(4))', () => {
      const raw = {
        ...JSON.parse(JSON.stringify(measurement())),
        retentionExtensions: [{ decidedAt: '2022-03-01T09:00:00+09:00', reason: '  ' }],
      };
      const error = inputErrorOf(() => retentionStatus(unchecked(raw), d('2022-03-16T00:00:00+09:00')));
      expect(
        error.issues.some((i) => i.path.includes('retentionExtensions') && i.path.at(-1) === 'reason'),
      ).toBe(true);
    });

    it('throws PolicyInputError for a record of an unknown kind', () => {
      expect(() =>
        retentionStatus(unchecked({ kind: 'telemetry', id: 'x' }), d('2022-03-16T00:00:00+09:00')),
      ).toThrow(PolicyInputError);
    });

    it('throws PolicyInputError for an invalid or fake `at`', () => {
      const invalid = inputErrorOf(() => retentionStatus(measurement(), new Date(Number.NaN)));
      expect(invalid.issues.map((i) => i.path)).toContainEqual(['at']);
      const fake = Object.create(Date.prototype) as Date;
      expect(() => retentionStatus(measurement(), fake)).toThrow(PolicyInputError);
    });

    it('reports a malformed record and a malformed `at` together (SPEC §3: every issue at once)', () => {
      const { receivedAt: _, ...rest } = JSON.parse(JSON.stringify(measurement())) as Record<string, unknown>;
      const error = inputErrorOf(() => retentionStatus(unchecked(rest), new Date(Number.NaN)));
      expect(error.issues.some((i) => i.path.at(-1) === 'receivedAt')).toBe(true);
      expect(error.issues.map((i) => i.path)).toContainEqual(['at']);
    });
  });
});

describe('retentionStatus: several extensions (13(4))', () => {
  const ext = (decidedAt: string, until: string) => ({ decidedAt, reason: 'incident analysis', until });

  it('holds to the end of the year when an extension decided during it ends before the year does (13(4))', () => {
    const record = withExtensions(ext('2021-12-01T09:00:00+09:00', '2022-02-01T00:00:00+09:00'));
    expect(retentionStatus(record, d('2022-01-10T00:00:00+09:00'))).toEqual({
      state: 'within-period',
      endsAt: ENDS_AT,
      heldUntil: ENDS_AT,
    });
  });

  it('holds within the year until the latest end among the running extensions, whatever their order (13(4))', () => {
    const record = withExtensions(
      ext('2021-12-01T09:00:00+09:00', '2023-01-01T00:00:00+09:00'),
      ext('2021-12-02T09:00:00+09:00', '2022-06-01T00:00:00+09:00'),
    );
    expect(retentionStatus(record, d('2022-01-10T00:00:00+09:00')).heldUntil).toEqual(
      d('2023-01-01T00:00:00+09:00'),
    );
    expect(retentionStatus(record, d('2022-05-01T00:00:00+09:00'))).toEqual({
      state: 'extended',
      endsAt: ENDS_AT,
      heldUntil: d('2023-01-01T00:00:00+09:00'),
    });
  });

  it('dates an expired record’s end to the latest extension that ran out, whatever their order (13(4))', () => {
    const record = withExtensions(
      ext('2022-03-01T09:00:00+09:00', '2023-03-01T00:00:00+09:00'),
      ext('2022-03-02T09:00:00+09:00', '2022-06-01T00:00:00+09:00'),
    );
    expect(retentionStatus(record, d('2023-06-01T00:00:00+09:00'))).toEqual({
      state: 'expired',
      endsAt: ENDS_AT,
      heldUntil: d('2023-03-01T00:00:00+09:00'),
    });
  });

  it('dates an expired record’s end to the year’s end when its only extension ran out within the year (13(4))', () => {
    const record = withExtensions(ext('2021-12-01T09:00:00+09:00', '2022-02-01T00:00:00+09:00'));
    expect(retentionStatus(record, d('2022-06-01T00:00:00+09:00'))).toEqual({
      state: 'expired',
      endsAt: ENDS_AT,
      heldUntil: ENDS_AT,
    });
  });
});

describe('retentionStatus: issue paths', () => {
  it('reports a malformed record under `record` and an invalid instant under `at`, together', () => {
    const error = inputErrorOf(() => retentionStatus(unchecked({ kind: 'measurement' }), d('invalid')));
    expect(error.issues.length).toBeGreaterThan(1);
    expect(error.issues.slice(0, -1).every((i) => i.path[0] === 'record')).toBe(true);
    expect(error.issues.at(-1)).toMatchObject({ path: ['at'], code: 'invalid-date' });
    expect(error.issues.at(-1)?.message).toMatch(/\S/);
  });
});
