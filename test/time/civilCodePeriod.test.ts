import { afterEach, describe, expect, it } from 'vitest';
import {
  type CivilCodePeriod,
  civilCodePeriod,
  type PeriodLength,
  PolicyInputError,
} from '../../src/index.js';

/** The period as plain data, so one `toEqual` compares the dates and the exclusive end instant together. */
function period(start: string, length: PeriodLength): CivilCodePeriod {
  return civilCodePeriod(new Date(start), length);
}

function expected(firstDay: string, lastDay: string, endsAt: string): CivilCodePeriod {
  return { firstDay, lastDay, endsAt: new Date(endsAt) };
}

/** The issues a refused call reports, as `path: code` lines. */
function refusal(start: Date, length: PeriodLength): string[] {
  try {
    civilCodePeriod(start, length);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    const error = e as PolicyInputError;
    expect(error.code).toBe('invalid-input');
    return error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
  }
  throw new Error(`civilCodePeriod accepted ${JSON.stringify(length)}`);
}

const RECEIVED = new Date('2021-03-15T10:00:00+09:00');

describe('civilCodePeriod', () => {
  describe('the first day (Civil Code 140)', () => {
    it('does not count the day the period starts in (Civil Code 140)', () => {
      expect(period('2021-03-15T10:00:00+09:00', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });

    it('counts the first day when the period starts at exactly 00:00:00.000 JST (Civil Code 140 proviso)', () => {
      expect(period('2021-03-15T00:00:00.000+09:00', { days: 1 })).toEqual(
        expected('2021-03-15', '2021-03-15', '2021-03-16T00:00:00+09:00'),
      );
    });

    it('does not count the first day when the period starts one millisecond after 00:00 JST (Civil Code 140)', () => {
      expect(period('2021-03-15T00:00:00.001+09:00', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });

    it('does not count the first day when the period starts at 23:59:59.999 JST (Civil Code 140)', () => {
      expect(period('2021-03-15T23:59:59.999+09:00', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });

    it('reads a UTC instant that is already 00:00 of the next day in Japan as a JST midnight start (Civil Code 140)', () => {
      // 2021-03-15T15:00:00Z is 2021-03-16T00:00:00+09:00: the period starts at the beginning of 16 March.
      expect(period('2021-03-15T15:00:00.000Z', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
      expect(period('2021-03-15T15:00:00.000Z', { years: 1 })).toEqual(
        expected('2021-03-16', '2022-03-15', '2022-03-16T00:00:00+09:00'),
      );
    });

    it('does not count 16 March when a UTC instant is one millisecond after 00:00 JST that day (Civil Code 140)', () => {
      // 2021-03-15T15:00:00.001Z is 2021-03-16T00:00:00.001+09:00.
      expect(period('2021-03-15T15:00:00.001Z', { days: 1 })).toEqual(
        expected('2021-03-17', '2021-03-17', '2021-03-18T00:00:00+09:00'),
      );
    });

    it('reads a UTC instant one millisecond before 00:00 JST as the end of the previous Japanese day (Civil Code 140)', () => {
      // 2021-03-15T14:59:59.999Z is 2021-03-15T23:59:59.999+09:00.
      expect(period('2021-03-15T14:59:59.999Z', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });

    it('does not treat 00:00 UTC (09:00 JST) as the beginning of a day (Civil Code 140)', () => {
      expect(period('2021-03-15T00:00:00.000Z', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });

    it('reads an instant written with a negative offset in Japan time (Civil Code 140)', () => {
      // 2021-03-15T10:00:00-05:00 is 2021-03-16T00:00:00+09:00.
      expect(period('2021-03-15T10:00:00-05:00', { days: 1 })).toEqual(
        expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
      );
    });
  });

  describe('the end of the period (Civil Code 141)', () => {
    it('ends the period at the end of its last day: endsAt is the following 00:00 JST (Civil Code 141)', () => {
      const { lastDay, endsAt } = civilCodePeriod(RECEIVED, { years: 1 });
      expect(lastDay).toBe('2022-03-15');
      expect(endsAt).toEqual(new Date('2022-03-16T00:00:00.000+09:00'));
      expect(endsAt).toEqual(new Date('2022-03-15T15:00:00.000Z'));
    });

    it('keeps 23:59:59.999 JST of the last day inside the period and 00:00 JST after it outside (Civil Code 141)', () => {
      const { endsAt } = civilCodePeriod(RECEIVED, { years: 1 });
      expect(new Date('2022-03-15T23:59:59.999+09:00').getTime()).toBeLessThan(endsAt.getTime());
      expect(new Date('2022-03-16T00:00:00.000+09:00').getTime()).toBe(endsAt.getTime());
    });
  });

  describe('years and months by the calendar (Civil Code 143)', () => {
    it('ends one year from receipt on the day before the day corresponding to the first day (Civil Code 143(2); SPEC 5)', () => {
      expect(civilCodePeriod(RECEIVED, { years: 1 })).toEqual(
        expected('2021-03-16', '2022-03-15', '2022-03-16T00:00:00+09:00'),
      );
    });

    it('reckons twelve months as one year (Civil Code 143(1))', () => {
      expect(civilCodePeriod(RECEIVED, { months: 12 })).toEqual(civilCodePeriod(RECEIVED, { years: 1 }));
    });

    it('ends a period started at 00:00 JST on the day before the corresponding day (Civil Code 140 proviso, 143(2))', () => {
      expect(period('2021-03-16T00:00:00+09:00', { years: 1 })).toEqual(
        expected('2021-03-16', '2022-03-15', '2022-03-16T00:00:00+09:00'),
      );
    });

    it('ends a year from a first day of 29 February on 28 February, the next year having no 29th (Civil Code 143(2) proviso)', () => {
      // Received 2024-02-28 10:00 JST: the first day is 29 February; 2025 has no 29 February.
      expect(period('2024-02-28T10:00:00+09:00', { years: 1 })).toEqual(
        expected('2024-02-29', '2025-02-28', '2025-03-01T00:00:00+09:00'),
      );
    });

    it('ends a year from a first day of 1 March on 29 February in a leap year (Civil Code 143(2))', () => {
      // Received 2023-02-28 10:00 JST: the first day is 1 March 2023; the day before 1 March 2024 is 29 February.
      expect(period('2023-02-28T10:00:00+09:00', { years: 1 })).toEqual(
        expected('2023-03-01', '2024-02-29', '2024-03-01T00:00:00+09:00'),
      );
    });

    it('counts 29 February when a period starts at its 00:00 JST and ends a year later on 28 February (Civil Code 140 proviso, 143(2) proviso)', () => {
      expect(period('2024-02-29T00:00:00+09:00', { years: 1 })).toEqual(
        expected('2024-02-29', '2025-02-28', '2025-03-01T00:00:00+09:00'),
      );
    });

    it('ends four years from 29 February on 28 February, the day before the corresponding 29 February (Civil Code 143(2))', () => {
      expect(period('2024-02-29T00:00:00+09:00', { years: 4 })).toEqual(
        expected('2024-02-29', '2028-02-28', '2028-02-29T00:00:00+09:00'),
      );
    });

    it('ends a month from 31 January on the last day of February (Civil Code 143(2) proviso)', () => {
      // Received 2021-01-30 10:00 JST: the first day is 31 January; February has no 31st.
      expect(period('2021-01-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-01-31', '2021-02-28', '2021-03-01T00:00:00+09:00'),
      );
      expect(period('2024-01-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2024-01-31', '2024-02-29', '2024-03-01T00:00:00+09:00'),
      );
    });

    it('ends a month from 30 January on the last day of February (Civil Code 143(2) proviso)', () => {
      expect(period('2021-01-29T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-01-30', '2021-02-28', '2021-03-01T00:00:00+09:00'),
      );
      expect(period('2024-01-29T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2024-01-30', '2024-02-29', '2024-03-01T00:00:00+09:00'),
      );
    });

    it('ends a month from 29 January on 28 February, with or without a 29 February (Civil Code 143(2) and proviso)', () => {
      // 2021 has no 29 February (proviso: the month's last day); in 2024 it exists, so the day before it.
      expect(period('2021-01-28T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-01-29', '2021-02-28', '2021-03-01T00:00:00+09:00'),
      );
      expect(period('2024-01-28T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2024-01-29', '2024-02-28', '2024-02-29T00:00:00+09:00'),
      );
    });

    it('ends a month from 31 March on 30 April, April having no 31st (Civil Code 143(2) proviso)', () => {
      // Received 2021-03-30 10:00 JST: the first day is 31 March.
      expect(period('2021-03-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-03-31', '2021-04-30', '2021-05-01T00:00:00+09:00'),
      );
      expect(period('2021-03-31T00:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-03-31', '2021-04-30', '2021-05-01T00:00:00+09:00'),
      );
    });

    it('ends a month from 30 March on 29 April, the day before the corresponding 30 April (Civil Code 143(2))', () => {
      expect(period('2021-03-29T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-03-30', '2021-04-29', '2021-04-30T00:00:00+09:00'),
      );
    });

    it('ends a month from 31 August on 30 September (Civil Code 143(2) proviso)', () => {
      expect(period('2021-08-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-08-31', '2021-09-30', '2021-10-01T00:00:00+09:00'),
      );
    });

    it('ends a month that begins on the 1st at the end of that calendar month (Civil Code 143(1))', () => {
      expect(period('2021-11-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-12-01', '2021-12-31', '2022-01-01T00:00:00+09:00'),
      );
    });

    it('ends a year received on 31 December at the end of the next calendar year (Civil Code 140, 143(1))', () => {
      expect(period('2021-12-31T10:00:00+09:00', { years: 1 })).toEqual(
        expected('2022-01-01', '2022-12-31', '2023-01-01T00:00:00+09:00'),
      );
    });

    it('ends a year that starts at 00:00 JST on 1 January, given as UTC, on 31 December (Civil Code 140 proviso, 143(1))', () => {
      // 2021-12-31T15:00:00Z is 2022-01-01T00:00:00+09:00.
      expect(period('2021-12-31T15:00:00Z', { years: 1 })).toEqual(
        expected('2022-01-01', '2022-12-31', '2023-01-01T00:00:00+09:00'),
      );
    });

    it('ends a year from a first day of 31 December on 30 December (Civil Code 140 proviso, 143(2))', () => {
      expect(period('2021-12-31T00:00:00+09:00', { years: 1 })).toEqual(
        expected('2021-12-31', '2022-12-30', '2022-12-31T00:00:00+09:00'),
      );
    });

    it('carries a month across the year end (Civil Code 143(2))', () => {
      expect(period('2021-12-30T10:00:00+09:00', { months: 1 })).toEqual(
        expected('2021-12-31', '2022-01-30', '2022-01-31T00:00:00+09:00'),
      );
    });
  });

  describe('days and weeks (Civil Code 140, 141, 143(2))', () => {
    it('makes one day received on 31 December the whole of 1 January (Civil Code 140, 141)', () => {
      expect(period('2021-12-31T10:00:00+09:00', { days: 1 })).toEqual(
        expected('2022-01-01', '2022-01-01', '2022-01-02T00:00:00+09:00'),
      );
    });

    it('makes one day received on 30 December end at 00:00 JST on New Year (Civil Code 140, 141)', () => {
      expect(period('2021-12-30T10:00:00+09:00', { days: 1 })).toEqual(
        expected('2021-12-31', '2021-12-31', '2022-01-01T00:00:00+09:00'),
      );
    });

    it('counts whole days from the day after the start (Civil Code 140)', () => {
      expect(period('2021-03-15T10:00:00+09:00', { days: 10 })).toEqual(
        expected('2021-03-16', '2021-03-25', '2021-03-26T00:00:00+09:00'),
      );
    });

    it('counts 29 February as a day (Civil Code 140)', () => {
      expect(period('2024-02-27T10:00:00+09:00', { days: 3 })).toEqual(
        expected('2024-02-28', '2024-03-01', '2024-03-02T00:00:00+09:00'),
      );
    });

    it('ends a week on the day before the weekday corresponding to the first day (Civil Code 143(2))', () => {
      // Monday 2021-03-15 10:00 JST: the first day is Tuesday the 16th, so the week ends on Monday the 22nd.
      const week = civilCodePeriod(RECEIVED, { weeks: 1 });
      expect(week).toEqual(expected('2021-03-16', '2021-03-22', '2021-03-23T00:00:00+09:00'));
      expect(civilCodePeriod(RECEIVED, { days: 7 })).toEqual(week);
    });
  });

  describe('mixed units (Civil Code 143)', () => {
    it('adds years and months together by the calendar (Civil Code 143(2))', () => {
      expect(civilCodePeriod(RECEIVED, { years: 1, months: 1 })).toEqual(
        expected('2021-03-16', '2022-04-15', '2022-04-16T00:00:00+09:00'),
      );
    });

    it('applies months before days (Civil Code 143; SPEC 5)', () => {
      // First day 31 January: one month ends on 28 February, one more day is 1 March. Days first would give
      // 31 January, then a month from 1 February ending on 28 February.
      expect(period('2021-01-30T10:00:00+09:00', { months: 1, days: 1 })).toEqual(
        expected('2021-01-31', '2021-03-01', '2021-03-02T00:00:00+09:00'),
      );
    });

    it('applies years before weeks (Civil Code 143; SPEC 5)', () => {
      expect(civilCodePeriod(RECEIVED, { years: 1, weeks: 2 })).toEqual(
        expected('2021-03-16', '2022-03-29', '2022-03-30T00:00:00+09:00'),
      );
    });

    it('applies a clamped month end before weeks and days (Civil Code 143(2) proviso; SPEC 5)', () => {
      // First day 31 March: a month ends on 30 April; a week and a day more end on 8 May.
      expect(period('2021-03-30T10:00:00+09:00', { months: 1, weeks: 1, days: 1 })).toEqual(
        expected('2021-03-31', '2021-05-08', '2021-05-09T00:00:00+09:00'),
      );
    });

    it('accepts a zero unit beside a positive one (Civil Code 143)', () => {
      expect(civilCodePeriod(RECEIVED, { years: 1, months: 0, weeks: 0, days: 0 })).toEqual(
        civilCodePeriod(RECEIVED, { years: 1 }),
      );
    });
  });

  describe('refusals', () => {
    it('refuses an empty length (Civil Code 143: a period has a length)', () => {
      expect(refusal(RECEIVED, {})).toEqual(['length: empty-period']);
    });

    it('refuses a length of zero (Civil Code 143)', () => {
      expect(refusal(RECEIVED, { years: 0 })).toEqual(['length: empty-period']);
      expect(refusal(RECEIVED, { years: 0, months: 0, weeks: 0, days: 0 })).toEqual(['length: empty-period']);
    });

    it('refuses a negative length, even beside a positive one (Civil Code 143)', () => {
      expect(refusal(RECEIVED, { days: -1 })).toEqual(['length.days: invalid-length']);
      expect(refusal(RECEIVED, { years: 1, days: -1 })).toEqual(['length.days: invalid-length']);
    });

    it('refuses a fractional length (Civil Code 143: whole units)', () => {
      expect(refusal(RECEIVED, { months: 1.5 })).toEqual(['length.months: invalid-length']);
      expect(refusal(RECEIVED, { years: 0.5 })).toEqual(['length.years: invalid-length']);
    });

    it('refuses NaN and infinite lengths (Civil Code 143)', () => {
      expect(refusal(RECEIVED, { days: Number.NaN })).toEqual(['length.days: invalid-length']);
      expect(refusal(RECEIVED, { weeks: Number.POSITIVE_INFINITY })).toEqual([
        'length.weeks: invalid-length',
      ]);
    });

    it('refuses an invalid start (Civil Code 140: a period starts at an instant)', () => {
      expect(refusal(new Date(Number.NaN), { years: 1 })).toEqual(['start: invalid-date']);
    });

    it('reports every problem, not only the first (Civil Code 140, 143)', () => {
      expect(refusal(new Date(Number.NaN), { months: -1, days: 0.5 })).toEqual([
        'start: invalid-date',
        'length.months: invalid-length',
        'length.days: invalid-length',
      ]);
    });
  });

  describe('inputs and time zones', () => {
    const processZone = process.env.TZ;
    afterEach(() => {
      if (processZone === undefined) delete process.env.TZ;
      else process.env.TZ = processZone;
    });

    it('does not change the start it is given (Civil Code 140)', () => {
      const start = new Date('2021-03-15T10:00:00+09:00');
      civilCodePeriod(start, { years: 1 });
      expect(start).toEqual(new Date('2021-03-15T10:00:00+09:00'));
    });

    it('reckons in Japan time whatever the process time zone (Civil Code 140, 141, 143)', () => {
      const cases: [string, PeriodLength][] = [
        ['2021-03-15T10:00:00+09:00', { years: 1 }],
        ['2021-03-15T15:00:00.000Z', { days: 1 }],
        ['2021-03-15T15:00:00.001Z', { days: 1 }],
        ['2024-02-28T10:00:00+09:00', { years: 1 }],
        ['2021-03-30T10:00:00+09:00', { months: 1, weeks: 1, days: 1 }],
        // Around the US and EU daylight-saving changes, where a local-time computation would slip an hour.
        ['2021-03-13T20:00:00+09:00', { months: 1 }],
        ['2021-10-30T10:00:00+09:00', { days: 2 }],
      ];
      process.env.TZ = 'Asia/Tokyo';
      const inJapan = cases.map(([start, length]) => period(start, length));
      for (const zone of [
        'UTC',
        'America/Los_Angeles',
        'Europe/London',
        'Pacific/Kiritimati',
        'Pacific/Pago_Pago',
      ]) {
        process.env.TZ = zone;
        expect(cases.map(([start, length]) => period(start, length))).toEqual(inJapan);
      }
      expect(inJapan[0]).toEqual(expected('2021-03-16', '2022-03-15', '2022-03-16T00:00:00+09:00'));
    });
  });
});

describe('civilCodePeriod: what it refuses', () => {
  it('refuses a unit the Civil Code does not count holding periods in, naming it', () => {
    expect(refusal(RECEIVED, { hours: 12 } as PeriodLength)).toEqual(['length.hours: unknown-unit']);
    try {
      civilCodePeriod(RECEIVED, { years: 1, hours: 12 } as PeriodLength);
    } catch (e) {
      expect((e as PolicyInputError).issues[0]?.message).toMatch(/hours/);
    }
  });

  it('refuses a missing length as empty, with a PolicyInputError rather than a TypeError', () => {
    expect(refusal(RECEIVED, undefined as unknown as PeriodLength)).toEqual(['length: empty-period']);
  });

  it('accepts 3,650,000 days and refuses one day more', () => {
    const start = new Date('0001-01-01T10:00:00+09:00');
    expect(civilCodePeriod(start, { days: 3_650_000 }).firstDay).toBe('0001-01-02');
    expect(refusal(start, { days: 3_650_001 })).toEqual(['length: period-too-long']);
  });

  it('refuses 10,000 years as too long, counting a year as 366 days', () => {
    expect(refusal(RECEIVED, { years: 10_000 })).toEqual(['length: period-too-long']);
    expect(refusal(RECEIVED, { months: 118_000 })).toEqual(['length: period-too-long']);
  });

  it('gives every refusal a message that names what is wrong', () => {
    const messages = (start: Date, length: PeriodLength): string[] => {
      try {
        civilCodePeriod(start, length);
      } catch (e) {
        return (e as PolicyInputError).issues.map((i) => i.message);
      }
      return [];
    };
    expect(messages(new Date(Number.NaN), { days: 1 })[0]).toMatch(/start/i);
    expect(messages(RECEIVED, { weeks: -1 })[0]).toMatch(/^weeks /);
    expect(messages(RECEIVED, { days: 0 })[0]).toMatch(/positive/);
  });
});

describe('civilCodePeriod: the first day (Civil Code 140), to the second', () => {
  it('does not count the start day when the period starts one second after 00:00 JST (Civil Code 140)', () => {
    expect(period('2021-03-15T00:00:01+09:00', { days: 1 })).toEqual(
      expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
    );
  });

  it('does not count the start day when the period starts one minute after 00:00 JST (Civil Code 140)', () => {
    expect(period('2021-03-15T00:01:00+09:00', { days: 1 })).toEqual(
      expected('2021-03-16', '2021-03-16', '2021-03-17T00:00:00+09:00'),
    );
  });
});

describe('civilCodePeriod: the years 0000 to 9999 (JST), and nothing outside them', () => {
  it('reckons a year from 0050 in the year 0051, not in the 1900s (Civil Code 140, 143)', () => {
    expect(period('0050-03-15T10:00:00+09:00', { years: 1 })).toEqual(
      expected('0050-03-16', '0051-03-15', '0051-03-16T00:00:00+09:00'),
    );
  });

  it('reckons from the first day of the year 0000, a leap year (143(2))', () => {
    expect(period('0000-02-29T00:00:00+09:00', { years: 1 })).toEqual(
      expected('0000-02-29', '0001-02-28', '0001-03-01T00:00:00+09:00'),
    );
    expect(period('0099-12-31T10:00:00+09:00', { days: 1 })).toEqual(
      expected('0100-01-01', '0100-01-01', '0100-01-02T00:00:00+09:00'),
    );
  });

  it('ends a period on 9999-12-31 and refuses one that would end a day later', () => {
    expect(period('9998-12-31T10:00:00+09:00', { years: 1 })).toEqual(
      expected('9999-01-01', '9999-12-31', '9999-12-31T15:00:00Z'),
    );
    expect(refusal(new Date('9999-01-01T10:00:00+09:00'), { years: 1 })).toEqual([
      'start: period-out-of-range',
    ]);
  });

  it('refuses a start near the largest Date instead of returning NaN dates', () => {
    expect(refusal(new Date(8.64e15), { years: 1 })).toEqual(['start: period-out-of-range']);
    expect(refusal(new Date(8.64e15 - 86_400_000 * 400), { days: 1 })).toEqual([
      'start: period-out-of-range',
    ]);
  });

  it('refuses a start before the year 0000', () => {
    expect(refusal(new Date(-8.64e15), { years: 1 })).toEqual(['start: period-out-of-range']);
    expect(refusal(new Date('-000001-12-31T00:00:00+09:00'), { days: 1 })).toEqual([
      'start: period-out-of-range',
    ]);
  });
});
