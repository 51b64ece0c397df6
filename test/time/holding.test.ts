import { describe, expect, it } from 'vitest';
import { civilCodePeriod } from '../../src/index.js';
import { holdingEndMs } from '../../src/time/holding.js';

const retentionEndMs = (ms: number) => holdingEndMs(ms, { years: 1 });

import { calendarDate, dayNumber } from '../../src/time/calendar.js';

// The end of the one-year holding period of 13(4) (old 13(2)) as a number: the exclusive end of
// civilCodePeriod(receivedAt, { years: 1 }), reckoned once per JST day of receipt (Civil Code 140, 143).

const DAY_MS = 86_400_000;
const JST_MS = 9 * 3_600_000;
/** 00:00 JST on a day number, and noon JST on it. */
const midnight = (day: number): number => day * DAY_MS - JST_MS;
const noon = (day: number): number => midnight(day) + 12 * 3_600_000;
const expectedEnd = (ms: number): number => civilCodePeriod(new Date(ms), { years: 1 }).endsAt.getTime();

describe('holdingEndMs', () => {
  it('ends a year after a receipt at 2021-03-15 10:00 JST at 2022-03-16 00:00 JST (13(4), Civil Code 140)', () => {
    expect(retentionEndMs(new Date('2021-03-15T10:00:00+09:00').getTime())).toBe(
      new Date('2022-03-16T00:00:00+09:00').getTime(),
    );
  });

  it('answers NaN for NaN rather than throwing', () => {
    expect(retentionEndMs(Number.NaN)).toBeNaN();
  });

  it('counts the first day for a receipt at 00:00 JST and not for one later that day, in either order (Civil Code 140)', () => {
    const day = dayNumber({ year: 2021, month: 3, day: 16 });
    expect(retentionEndMs(noon(day))).toBe(new Date('2022-03-17T00:00:00+09:00').getTime());
    expect(retentionEndMs(midnight(day))).toBe(new Date('2022-03-16T00:00:00+09:00').getTime());
    expect(retentionEndMs(noon(day))).toBe(new Date('2022-03-17T00:00:00+09:00').getTime());
  });

  it('reckons every receipt by its own day, whatever days were reckoned before (Civil Code 140, 143)', () => {
    // Receipts at 00:00 JST and during days n, 4n and 4n + 2, decades apart, each with its own end.
    for (const n of [4_675, 4_676, 4_700]) {
      const receipts = [midnight(n), noon(4 * n + 2), noon(n), midnight(4 * n), noon(4 * n)];
      for (const ms of [...receipts, ...receipts.reverse()]) {
        expect(retentionEndMs(ms), calendarDate(Math.floor((ms + JST_MS) / DAY_MS)).year.toString()).toBe(
          expectedEnd(ms),
        );
      }
    }
  });
});
