import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format, startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilCodePeriod, type PeriodLength } from '../../src/index.js';

const NUM_RUNS = 1000;
const DAY = 86_400_000;
const JST_OFFSET = 9 * 3_600_000;
const TOKYO = 'Asia/Tokyo';

const FROM = new Date('2017-01-01T00:00:00+09:00');
const TO = new Date('2035-12-31T23:59:59.999+09:00');

/**
 * Starts from 2017 to 2035: any instant, or one near a JST midnight (exactly, or a millisecond either side), where
 * Art. 140 turns.
 */
const anyStart: fc.Arbitrary<Date> = fc.oneof(
  fc.date({ min: FROM, max: TO, noInvalidDate: true }),
  fc
    .tuple(
      fc.integer({ min: 0, max: Math.floor((TO.getTime() - FROM.getTime()) / DAY) }),
      fc.constantFrom(-1, 0, 1),
    )
    .map(([day, ms]) => new Date(FROM.getTime() + day * DAY + ms)),
);

/** Lengths in any mix of units, every unit a whole number and the total positive. */
const anyLength: fc.Arbitrary<PeriodLength> = fc
  .record(
    {
      years: fc.integer({ min: 0, max: 5 }),
      months: fc.integer({ min: 0, max: 36 }),
      weeks: fc.integer({ min: 0, max: 10 }),
      days: fc.integer({ min: 0, max: 400 }),
    },
    { requiredKeys: [] },
  )
  .filter((l) => (l.years ?? 0) + (l.months ?? 0) + (l.weeks ?? 0) + (l.days ?? 0) > 0);

/** 00:00 JST of a `YYYY-MM-DD` day. */
const midnightOf = (isoDay: string): number => new Date(`${isoDay}T00:00:00+09:00`).getTime();

// The oracle: the same rules, reckoned independently with date-fns in the Asia/Tokyo zone.
const ymd = (d: TZDate): string => format(d, 'yyyy-MM-dd');

function oracle(start: Date, length: PeriodLength): { firstDay: string; lastDay: string; endsAt: number } {
  const jst = new TZDate(start.getTime(), TOKYO);
  const midnight = startOfDay(jst);
  // Civil Code 140: the day of the start counts only from exactly 00:00.
  const first = midnight.getTime() === jst.getTime() ? midnight : addDays(midnight, 1);
  const months = (length.years ?? 0) * 12 + (length.months ?? 0);
  let end = first; // the day after the last day
  if (months > 0) {
    const corresponding = addMonths(first, months);
    // date-fns clamps a missing day to the month's end: that end is the last day (143(2) proviso).
    end = corresponding.getDate() !== first.getDate() ? addDays(corresponding, 1) : corresponding;
  }
  end = addDays(end, (length.weeks ?? 0) * 7 + (length.days ?? 0));
  return { firstDay: ymd(first), lastDay: ymd(addDays(end, -1)), endsAt: end.getTime() };
}

describe('civilCodePeriod', () => {
  it('never ends earlier for a later start (Civil Code 140, 143)', () => {
    fc.assert(
      fc.property(anyStart, anyStart, anyLength, (a, b, length) => {
        const [early, late] = a.getTime() <= b.getTime() ? [a, b] : [b, a];
        expect(civilCodePeriod(early, length).endsAt.getTime()).toBeLessThanOrEqual(
          civilCodePeriod(late, length).endsAt.getTime(),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('spans exactly the stated number of whole days from the first day (Civil Code 140, 141)', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 1, max: 400 }), (start, days) => {
        const { firstDay, lastDay, endsAt } = civilCodePeriod(start, { days });
        const firstMidnight = midnightOf(firstDay);
        expect(endsAt.getTime() - firstMidnight).toBe(days * DAY);
        expect(endsAt.getTime() - midnightOf(lastDay)).toBe(DAY);
        // The first day is the day of the start only from its 00:00 (140), else the next day.
        expect(firstMidnight).toBeGreaterThanOrEqual(start.getTime());
        expect(firstMidnight - start.getTime()).toBeLessThan(DAY);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('spans 28 to 31 days a month, and never ends before it begins (Civil Code 143)', () => {
    fc.assert(
      fc.property(
        anyStart,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 36 }),
        (start, years, m) => {
          fc.pre(years + m > 0);
          const months = years * 12 + m;
          const { firstDay, lastDay, endsAt } = civilCodePeriod(start, { years, months: m });
          expect(endsAt.getTime() - start.getTime()).toBeGreaterThanOrEqual(months * 28 * DAY);
          expect(endsAt.getTime() - midnightOf(firstDay)).toBeLessThanOrEqual(months * 31 * DAY);
          expect(lastDay >= firstDay).toBe(true);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a date-fns reckoning in Asia/Tokyo for months (Civil Code 140, 141, 143)', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 1, max: 36 }), (start, months) => {
        const { firstDay, lastDay, endsAt } = civilCodePeriod(start, { months });
        expect({ firstDay, lastDay, endsAt: endsAt.getTime() }).toEqual(oracle(start, { months }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a date-fns reckoning in Asia/Tokyo for years (Civil Code 140, 141, 143)', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 1, max: 5 }), (start, years) => {
        const { firstDay, lastDay, endsAt } = civilCodePeriod(start, { years });
        expect({ firstDay, lastDay, endsAt: endsAt.getTime() }).toEqual(oracle(start, { years }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a date-fns reckoning in Asia/Tokyo for days (Civil Code 140, 141)', () => {
    fc.assert(
      fc.property(anyStart, fc.integer({ min: 1, max: 400 }), (start, days) => {
        const { firstDay, lastDay, endsAt } = civilCodePeriod(start, { days });
        expect({ firstDay, lastDay, endsAt: endsAt.getTime() }).toEqual(oracle(start, { days }));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('agrees with a date-fns reckoning in Asia/Tokyo for mixed units, months first (Civil Code 143)', () => {
    fc.assert(
      fc.property(anyStart, anyLength, (start, length) => {
        const { firstDay, lastDay, endsAt } = civilCodePeriod(start, length);
        expect({ firstDay, lastDay, endsAt: endsAt.getTime() }).toEqual(oracle(start, length));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('always ends at 00:00 JST, after the start (Civil Code 141)', () => {
    fc.assert(
      fc.property(anyStart, anyLength, (start, length) => {
        const { lastDay, endsAt } = civilCodePeriod(start, length);
        expect((endsAt.getTime() + JST_OFFSET) % DAY).toBe(0);
        expect(endsAt.getTime()).toBeGreaterThan(start.getTime());
        expect(ymd(new TZDate(endsAt.getTime() - 1, TOKYO))).toBe(lastDay);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
