import fc from 'fast-check';
import { measurement } from 'm2m-data-policy/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPolicy, PolicyInputError, retentionCutoff, retentionStatus } from '../../src/index.js';

// retentionCutoff(at): measurement data without extensions is expired at `at` exactly when it was received
// before the cutoff (13(4), Civil Code 140, 141, 143(2) in JST), so a retention job can ask its database one
// comparison instead of reckoning each record's calendar.

const d = (iso: string): Date => new Date(iso);
const NUM_RUNS = 1000;
const DAY = 86_400_000;
const JST = 9 * 3_600_000;

/** 00:00 JST of the JST day the instant falls in. */
const jstMidnight = (ms: number): number => Math.floor((ms + JST) / DAY) * DAY - JST;

// An independent reckoning of the one-year period, kept deliberately naive (UTC arithmetic shifted by nine hours,
// which is exact for Asia/Tokyo since 1951): Civil Code 140 (the first day is the day after receipt unless the
// receipt is at 00:00 JST), 143(2) (the period ends before the corresponding day a year on, or with the last day
// of the month where that month has no such day) and 141 (at the end of that day).
function oracleEndsAt(receivedMs: number): number {
  const midnight = jstMidnight(receivedMs);
  const first = new Date(midnight === receivedMs ? midnight + JST : midnight + DAY + JST);
  const [y, m, day] = [first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()];
  const daysInTargetMonth = new Date(Date.UTC(y + 1, m + 1, 0)).getUTCDate();
  const end = day <= daysInTargetMonth ? Date.UTC(y + 1, m, day) : Date.UTC(y + 1, m + 1, 1);
  return end - JST;
}

/** The first receipt instant whose year is still running at `at`, found by walking days: no cleverness. */
function oracleCutoff(atMs: number): number {
  // Receipts in (D-1 00:00, D 00:00] JST share an end; walk the 00:00 JST boundaries near a year before `at`.
  let boundary = jstMidnight(atMs - 366 * DAY) - 3 * DAY;
  while (oracleEndsAt(boundary + DAY) <= atMs) boundary += DAY;
  // Every receipt up to and including `boundary` has expired; the next millisecond has not.
  return boundary + 1;
}

const record = (receivedMs: number) => measurement({ receivedAt: new Date(receivedMs) });

// ---------------------------------------------------------------------------------------------------------------
// Instants: anywhere in 2018-2032, or on a JST midnight of those years, exactly or a millisecond either side.

const FROM = d('2018-01-01T00:00:00+09:00').getTime();
const TO = d('2033-01-01T00:00:00+09:00').getTime() - 1;
const YEARS_3 = 1096 * DAY;

const jitter = fc.constantFrom(-1, 0, 1);
const anyAt = fc.oneof(
  fc.integer({ min: FROM, max: TO }),
  fc
    .tuple(fc.integer({ min: 0, max: Math.floor((TO - FROM) / DAY) }), jitter)
    .map(([day, j]) => FROM + day * DAY + j),
);

/** A decision instant and a receipt within three years of it, the receipt often on or beside a JST midnight. */
const atAndReceipt = fc
  .tuple(
    anyAt,
    fc.oneof(
      fc.integer({ min: -YEARS_3, max: YEARS_3 }).map((offset) => ({ offset, onMidnight: false, j: 0 })),
      fc
        .tuple(fc.integer({ min: -1096, max: 1096 }), jitter)
        .map(([days, j]) => ({ offset: days * DAY, onMidnight: true, j })),
      // A year back, where the answer changes: the JST midnights around the cutoff.
      fc
        .tuple(fc.integer({ min: -368, max: -363 }), jitter)
        .map(([days, j]) => ({ offset: days * DAY, onMidnight: true, j })),
    ),
  )
  .map(([atMs, r]) => ({
    atMs,
    receivedMs: r.onMidnight ? jstMidnight(atMs) + r.offset + r.j : atMs + r.offset,
  }));

describe('retentionCutoff', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('named edges', () => {
    it('puts the cutoff for 2022-03-16T00:00:00+09:00 at 2021-03-16T00:00:00.001+09:00 (Civil Code 140)', () => {
      // Received at 2021-03-16 00:00:00.000 JST, the first day counts and the year ended 2022-03-16 00:00: expired.
      // A millisecond later the first day is 03-17 and the year runs to 2022-03-17 00:00.
      expect(retentionCutoff(d('2022-03-16T00:00:00+09:00'))).toEqual(d('2021-03-16T00:00:00.001+09:00'));
      expect(
        retentionStatus(record(d('2021-03-16T00:00:00+09:00').getTime()), d('2022-03-16T00:00:00+09:00'))
          .state,
      ).toBe('expired');
      expect(
        retentionStatus(record(d('2021-03-16T00:00:00.001+09:00').getTime()), d('2022-03-16T00:00:00+09:00'))
          .state,
      ).toBe('within-period');
    });

    it('keeps that cutoff through the JST day: the year only ever ends at 00:00 JST (Civil Code 141)', () => {
      expect(retentionCutoff(d('2022-03-16T00:00:00.001+09:00'))).toEqual(d('2021-03-16T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2022-03-16T23:59:59.999+09:00'))).toEqual(d('2021-03-16T00:00:00.001+09:00'));
    });

    it('puts the cutoff a millisecond before 2022-03-16 JST at 2021-03-15T00:00:00.001+09:00', () => {
      expect(retentionCutoff(d('2022-03-15T23:59:59.999+09:00'))).toEqual(d('2021-03-15T00:00:00.001+09:00'));
    });

    it('ends the years of first days 2020-02-29 and 2020-03-01 together at 2021-03-01T00:00:00+09:00 (Civil Code 143(2) proviso)', () => {
      expect(retentionCutoff(d('2021-03-01T00:00:00+09:00'))).toEqual(d('2020-03-01T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2021-02-28T23:59:59.999+09:00'))).toEqual(d('2020-02-28T00:00:00.001+09:00'));
    });

    it('ends no year on 2024-02-29, which corresponds to no day of 2023 (Civil Code 143(2))', () => {
      expect(retentionCutoff(d('2024-02-29T00:00:00+09:00'))).toEqual(d('2023-02-28T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2024-02-28T00:00:00+09:00'))).toEqual(d('2023-02-28T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2024-03-01T00:00:00+09:00'))).toEqual(d('2023-03-01T00:00:00.001+09:00'));
    });

    it('crosses the year boundary in JST, not UTC', () => {
      expect(retentionCutoff(d('2022-01-01T00:00:00+09:00'))).toEqual(d('2021-01-01T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2021-12-31T15:00:00Z'))).toEqual(d('2021-01-01T00:00:00.001+09:00'));
      expect(retentionCutoff(d('2021-12-31T14:59:59.999Z'))).toEqual(d('2020-12-31T00:00:00.001+09:00'));
    });

    it('takes `at` from the clock when it is omitted', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(d('2022-03-16T00:00:00+09:00'));
      expect(retentionCutoff()).toEqual(d('2021-03-16T00:00:00.001+09:00'));
    });

    it('throws PolicyInputError for an invalid `at`', () => {
      expect(() => retentionCutoff(new Date(Number.NaN))).toThrow(PolicyInputError);
    });
  });

  describe('properties', () => {
    it('marks a record without extensions expired exactly when it was received before the cutoff (13(4))', () => {
      fc.assert(
        fc.property(atAndReceipt, ({ atMs, receivedMs }) => {
          const at = new Date(atMs);
          const cutoff = retentionCutoff(at).getTime();
          const expired = retentionStatus(record(receivedMs), at).state === 'expired';
          expect(expired).toBe(receivedMs < cutoff);
          // And the cutoff is sharp: the millisecond before it has expired, the cutoff itself has not.
          expect(retentionStatus(record(cutoff - 1), at).state).toBe('expired');
          expect(retentionStatus(record(cutoff), at).state).toBe('within-period');
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('agrees with an independent reckoning of Civil Code 140, 141 and 143(2) in JST', () => {
      fc.assert(
        fc.property(atAndReceipt, ({ atMs, receivedMs }) => {
          expect(retentionCutoff(new Date(atMs)).getTime()).toBe(oracleCutoff(atMs));
          expect(retentionStatus(record(receivedMs), new Date(atMs)).endsAt?.getTime()).toBe(
            oracleEndsAt(receivedMs),
          );
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('flips a retain decision from permit to deny exactly once as `at` grows, at the cutoff (13(4), old 13(2))', () => {
      const policy = createPolicy({ locale: 'en' });
      const RECEIVED_FROM = d('2017-04-01T00:00:00+09:00').getTime();
      const RECEIVED_TO = d('2029-01-01T00:00:00+09:00').getTime();
      const receipt = fc.oneof(
        fc.integer({ min: RECEIVED_FROM, max: RECEIVED_TO }),
        fc
          .tuple(fc.integer({ min: 0, max: Math.floor((RECEIVED_TO - RECEIVED_FROM) / DAY) }), jitter)
          .map(([day, j]) => jstMidnight(RECEIVED_FROM) + day * DAY + j),
      );
      fc.assert(
        fc.property(
          receipt.filter((ms) => ms >= RECEIVED_FROM),
          fc.array(fc.integer({ min: 0, max: YEARS_3 }), { maxLength: 12 }),
          (receivedMs, offsets) => {
            const data = measurement({ metric: 'water-level', receivedAt: new Date(receivedMs) });
            const yearOn = jstMidnight(receivedMs + 365 * DAY);
            // Probe densely where the year ends: every JST midnight around a year on, and a millisecond either side.
            const nearEnd = [-2, -1, 0, 1, 2].flatMap((k) => [-1, 0, 1].map((j) => yearOn + k * DAY + j));
            const instants = [0, YEARS_3, ...offsets]
              .map((o) => receivedMs + o)
              .concat(nearEnd.filter((ms) => ms >= receivedMs))
              .sort((a, b) => a - b);
            const allowed = instants.map((ms) => {
              const at = new Date(ms);
              const decision = policy.decide({ action: 'retain', data, actor: 'provider', at });
              expect(decision.allowed).toBe(ms < oracleEndsAt(receivedMs));
              expect(decision.allowed).toBe(receivedMs >= retentionCutoff(at).getTime());
              return decision.allowed;
            });
            const flips = allowed.filter((a, i) => i > 0 && a !== allowed[i - 1]).length;
            expect(allowed[0]).toBe(true);
            expect(allowed.at(-1)).toBe(false);
            expect(flips).toBe(1);
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});

describe('retentionCutoff: an invalid instant', () => {
  it('reports it as one issue at `at` (SPEC §3 PolicyInputError)', () => {
    try {
      retentionCutoff(new Date(Number.NaN));
      expect.fail('expected a PolicyInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      const issues = (e as PolicyInputError).issues;
      expect(issues.map((i) => [i.path, i.code])).toEqual([[['at'], 'invalid-date']]);
      expect(issues[0]?.message).toMatch(/\S/);
    }
  });
});
