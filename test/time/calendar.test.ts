import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, dayNumber, daysInMonth, isoDate } from '../../src/time/calendar.js';

const DAY = 86_400_000;
const FIRST = dayNumber({ year: 1900, month: 1, day: 1 });
const LAST = dayNumber({ year: 2400, month: 12, day: 31 });
const anyDay = fc.integer({ min: FIRST, max: LAST });

describe('calendar', () => {
  describe('dayNumber', () => {
    it('counts days from 1970-01-01', () => {
      expect(dayNumber({ year: 1970, month: 1, day: 1 })).toBe(0);
      expect(dayNumber({ year: 1969, month: 12, day: 31 })).toBe(-1);
      expect(dayNumber({ year: 2000, month: 3, day: 1 })).toBe(11_017);
      expect(dayNumber({ year: 2021, month: 3, day: 16 })).toBe(Date.UTC(2021, 2, 16) / DAY);
    });

    it('spans 1900-01-01 to 2400-12-31 as the proleptic Gregorian calendar does', () => {
      expect(FIRST).toBe(Date.UTC(1900, 0, 1) / DAY);
      expect(LAST).toBe(Date.UTC(2400, 11, 31) / DAY);
    });
  });

  describe('calendarDate', () => {
    it('inverts dayNumber for every day from 1900 to 2400', () => {
      fc.assert(
        fc.property(anyDay, (n) => {
          expect(dayNumber(calendarDate(n))).toBe(n);
        }),
        { numRuns: 1000 },
      );
    });

    it('agrees with the UTC calendar of Date', () => {
      fc.assert(
        fc.property(anyDay, (n) => {
          const d = new Date(n * DAY);
          expect(calendarDate(n)).toEqual({
            year: d.getUTCFullYear(),
            month: d.getUTCMonth() + 1,
            day: d.getUTCDate(),
          });
        }),
        { numRuns: 1000 },
      );
    });

    it('gives the next calendar day for the next day number', () => {
      fc.assert(
        fc.property(anyDay, (n) => {
          const today = calendarDate(n);
          const next = calendarDate(n + 1);
          if (today.day < daysInMonth(today.year, today.month)) {
            expect(next).toEqual({ ...today, day: today.day + 1 });
          } else if (today.month < 12) {
            expect(next).toEqual({ year: today.year, month: today.month + 1, day: 1 });
          } else {
            expect(next).toEqual({ year: today.year + 1, month: 1, day: 1 });
          }
        }),
        { numRuns: 1000 },
      );
    });

    it('reads the days around a leap day and a skipped century leap day', () => {
      expect(calendarDate(dayNumber({ year: 2024, month: 2, day: 28 }) + 1)).toEqual({
        year: 2024,
        month: 2,
        day: 29,
      });
      expect(calendarDate(dayNumber({ year: 1900, month: 2, day: 28 }) + 1)).toEqual({
        year: 1900,
        month: 3,
        day: 1,
      });
      expect(calendarDate(dayNumber({ year: 2100, month: 2, day: 28 }) + 1)).toEqual({
        year: 2100,
        month: 3,
        day: 1,
      });
      expect(calendarDate(dayNumber({ year: 2000, month: 2, day: 28 }) + 1)).toEqual({
        year: 2000,
        month: 2,
        day: 29,
      });
    });
  });

  describe('daysInMonth', () => {
    it('gives February 28 days in 1900, a century year not divisible by 400', () => {
      expect(daysInMonth(1900, 2)).toBe(28);
    });

    it('gives February 29 days in 2000, a century year divisible by 400', () => {
      expect(daysInMonth(2000, 2)).toBe(29);
    });

    it('gives February 29 days in 2024 and 28 in 2023', () => {
      expect(daysInMonth(2024, 2)).toBe(29);
      expect(daysInMonth(2023, 2)).toBe(28);
    });

    it('gives February 28 days in 2100', () => {
      expect(daysInMonth(2100, 2)).toBe(28);
    });

    it('gives the thirty-day and thirty-one-day months', () => {
      expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([
        31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
      ]);
    });

    it('agrees with Date for every month from 1900 to 2400', () => {
      fc.assert(
        fc.property(fc.integer({ min: 1900, max: 2400 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
          expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
        }),
        { numRuns: 1000 },
      );
    });

    it('makes the months of a year add up to the days between its first days', () => {
      for (const year of [1900, 2000, 2023, 2024, 2100, 2400]) {
        let total = 0;
        for (let m = 1; m <= 12; m++) total += daysInMonth(year, m);
        expect(total).toBe(
          dayNumber({ year: year + 1, month: 1, day: 1 }) - dayNumber({ year, month: 1, day: 1 }),
        );
      }
    });
  });

  describe('isoDate', () => {
    it('writes YYYY-MM-DD with zero padding', () => {
      expect(isoDate({ year: 2021, month: 3, day: 5 })).toBe('2021-03-05');
      expect(isoDate({ year: 999, month: 12, day: 31 })).toBe('0999-12-31');
    });
  });
});
