import { describe, expect, it } from 'vitest';
import { PolicyInputError } from '../../src/errors.js';
import { parseInstant, parseIsoInstant, timestamp } from '../../src/records/timestamp.js';

/** The problem code `timestamp` reports for an input, or `undefined` when it accepts it. */
function problemOf(input: unknown): string | undefined {
  const result = timestamp.safeParse(input);
  if (result.success) return undefined;
  expect(result.error.issues).toHaveLength(1);
  return (result.error.issues[0] as { params?: { code?: string } } | undefined)?.params?.code;
}

const ms = (iso: string): number => new Date(iso).getTime();

describe('timestamp', () => {
  describe('parseIsoInstant', () => {
    it('reads a UTC instant written with Z', () => {
      expect(parseIsoInstant('2021-03-15T01:00:00Z')).toBe(Date.UTC(2021, 2, 15, 1, 0, 0));
    });

    it('reads a JST instant written with +09:00 as nine hours before the same wall-clock time in UTC', () => {
      expect(parseIsoInstant('2021-03-15T10:00:00+09:00')).toBe(Date.UTC(2021, 2, 15, 1, 0, 0));
    });

    it('reads a negative offset (-05:00) as hours after UTC', () => {
      expect(parseIsoInstant('2021-03-14T20:00:00-05:00')).toBe(Date.UTC(2021, 2, 15, 1, 0, 0));
    });

    it('reads an offset written without a colon (+0900)', () => {
      expect(parseIsoInstant('2021-03-15T10:00:00+0900')).toBe(Date.UTC(2021, 2, 15, 1, 0, 0));
    });

    it('reads an offset that crosses midnight back into the previous UTC day', () => {
      expect(parseIsoInstant('2020-12-01T00:00:00+09:00')).toBe(ms('2020-11-30T15:00:00.000Z'));
    });

    it('reads fractional seconds of three digits as milliseconds', () => {
      expect(parseIsoInstant('2020-11-30T23:59:59.999+09:00')).toBe(ms('2020-11-30T14:59:59.999Z'));
    });

    it('reads every three-digit fraction exactly, without floating-point drift', () => {
      for (let i = 0; i < 1000; i++) {
        const fraction = String(i).padStart(3, '0');
        expect(parseIsoInstant(`2021-03-15T10:00:00.${fraction}+09:00`)).toBe(
          Date.UTC(2021, 2, 15, 1, 0, 0, i),
        );
      }
    });

    it('reads a fraction of more than three digits to the millisecond it falls in', () => {
      expect(parseIsoInstant('2021-03-15T10:00:00.123456+09:00')).toBe(ms('2021-03-15T01:00:00.123Z'));
      expect(parseIsoInstant('2021-03-15T10:00:00.9999999+09:00')).toBe(ms('2021-03-15T01:00:00.999Z'));
      expect(parseIsoInstant('2021-03-15T10:00:00.5+09:00')).toBe(ms('2021-03-15T01:00:00.500Z'));
    });

    it('never carries a long fraction over into the next second', () => {
      // 10:00:00.99999999999999999 is still before 10:00:01; a retention day boundary must not move.
      expect(parseIsoInstant('2022-03-15T23:59:59.99999999999999999+09:00')).toBe(
        ms('2022-03-15T14:59:59.999Z'),
      );
    });

    it('reads a time without seconds (2021-03-15T10:00+09:00) as the start of that minute', () => {
      expect(parseIsoInstant('2021-03-15T10:00+09:00')).toBe(Date.UTC(2021, 2, 15, 1, 0, 0));
    });

    it('accepts 29 February in a leap year (2024-02-29)', () => {
      expect(parseIsoInstant('2024-02-29T12:00:00+09:00')).toBe(ms('2024-02-29T03:00:00.000Z'));
    });

    it('accepts 29 February 2000 (divisible by 400) and the last second of a day', () => {
      expect(parseIsoInstant('2000-02-29T00:00:00Z')).toBe(Date.UTC(2000, 1, 29));
      expect(parseIsoInstant('2021-12-31T23:59:59+09:00')).toBe(ms('2021-12-31T14:59:59.000Z'));
    });

    it('refuses a date-time without an offset as ambiguous', () => {
      expect(parseIsoInstant('2021-03-15T10:00:00')).toBe('timestamp-without-offset');
      expect(parseIsoInstant('2021-03-15T10:00')).toBe('timestamp-without-offset');
      expect(parseIsoInstant('2021-03-15T10:00:00.123')).toBe('timestamp-without-offset');
    });

    it('refuses 2021-02-30 instead of rolling it over into March', () => {
      expect(parseIsoInstant('2021-02-30T10:00:00+09:00')).toBe('impossible-date');
    });

    it('refuses 29 February in a common year (2023-02-29) and in 1900', () => {
      expect(parseIsoInstant('2023-02-29T10:00:00+09:00')).toBe('impossible-date');
      expect(parseIsoInstant('1900-02-29T10:00:00Z')).toBe('impossible-date');
    });

    it('refuses day 31 in a 30-day month and day 0', () => {
      expect(parseIsoInstant('2021-04-31T10:00:00+09:00')).toBe('impossible-date');
      expect(parseIsoInstant('2021-04-00T10:00:00+09:00')).toBe('impossible-date');
    });

    it('refuses month 13 and month 0', () => {
      expect(parseIsoInstant('2021-13-01T10:00:00+09:00')).toBe('impossible-date');
      expect(parseIsoInstant('2021-00-01T10:00:00+09:00')).toBe('impossible-date');
    });

    it('refuses hour 24, minute 60 and the leap second 23:59:60', () => {
      expect(parseIsoInstant('2021-03-15T24:00:00+09:00')).toBe('impossible-date');
      expect(parseIsoInstant('2021-03-15T10:60:00+09:00')).toBe('impossible-date');
      expect(parseIsoInstant('2016-12-31T23:59:60Z')).toBe('impossible-date');
    });

    it('refuses an offset beyond 23:59', () => {
      expect(parseIsoInstant('2021-03-15T10:00:00+24:00')).toBe('impossible-date');
      expect(parseIsoInstant('2021-03-15T10:00:00+09:60')).toBe('impossible-date');
    });

    it('refuses a date alone (2021-03-15), which names a day, not an instant', () => {
      expect(parseIsoInstant('2021-03-15')).not.toEqual(expect.any(Number));
    });

    it('refuses garbage, an empty string and other date formats', () => {
      for (const text of [
        '',
        ' ',
        'yesterday',
        'not a date',
        '2021/03/15 10:00:00+09:00',
        'Mon, 15 Mar 2021 10:00:00 +0900',
        '15-03-2021T10:00:00+09:00',
        '2021-3-15T10:00:00+09:00',
        '2021-03-15T10:00:00+9',
        '2021-03-15T10:00:00+09:00 ',
        ' 2021-03-15T10:00:00+09:00',
        '2021-03-15T10:00:00+09:00junk',
        '1615770000000',
      ]) {
        expect(parseIsoInstant(text), text).toBe('invalid-timestamp');
      }
    });
  });

  it('reads an ISO string with an offset into a Date', () => {
    const result = timestamp.parse('2021-03-15T10:00:00+09:00');
    expect(result).toBeInstanceOf(Date);
    expect(result.toISOString()).toBe('2021-03-15T01:00:00.000Z');
  });

  it('accepts a valid Date as the same instant', () => {
    const input = new Date('2021-03-15T10:00:00+09:00');
    expect(timestamp.parse(input).getTime()).toBe(input.getTime());
  });

  it('copies a Date, so changing the input afterwards does not change what was parsed', () => {
    const input = new Date('2021-03-15T10:00:00+09:00');
    const parsed = timestamp.parse(input);
    expect(parsed).not.toBe(input);
    input.setTime(0);
    expect(parsed.toISOString()).toBe('2021-03-15T01:00:00.000Z');
  });

  it('refuses a string without an offset (timestamp-without-offset)', () => {
    expect(problemOf('2021-03-15T10:00:00')).toBe('timestamp-without-offset');
  });

  it('refuses impossible dates (impossible-date) but accepts 2024-02-29', () => {
    expect(problemOf('2021-02-30T10:00:00+09:00')).toBe('impossible-date');
    expect(problemOf('2023-02-29T10:00:00+09:00')).toBe('impossible-date');
    expect(problemOf('2021-13-01T10:00:00+09:00')).toBe('impossible-date');
    expect(problemOf('2021-03-15T24:00:00+09:00')).toBe('impossible-date');
    expect(problemOf('2016-12-31T23:59:60Z')).toBe('impossible-date');
    expect(problemOf('2024-02-29T10:00:00+09:00')).toBeUndefined();
  });

  it('refuses a date alone and garbage', () => {
    expect(problemOf('2021-03-15')).toBeDefined();
    expect(problemOf('garbage')).toBe('invalid-timestamp');
  });

  it('refuses numbers, epoch milliseconds included, and other non-strings (invalid-type)', () => {
    for (const input of [
      0,
      1615770000000,
      Number.NaN,
      true,
      null,
      undefined,
      {},
      [],
      ['2021-03-15T10:00:00Z'],
    ]) {
      expect(problemOf(input), String(input)).toBe('invalid-type');
    }
  });

  it('refuses an invalid Date object (invalid-date)', () => {
    expect(problemOf(new Date(Number.NaN))).toBe('invalid-date');
    expect(problemOf(new Date('2021-02-30T10:00:00+09:00 nonsense'))).toBe('invalid-date');
  });
});

describe('parseInstant (the one instant reader, the CLI uses it too)', () => {
  it('reads an ISO-8601 string with an offset, in the forms RFC 3339 allows', () => {
    expect(parseInstant('2021-03-15T10:00:00+09:00').toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(parseInstant('2021-03-15t01:00:00,5z').toISOString()).toBe('2021-03-15T01:00:00.500Z');
  });

  it('copies a Date by its internal time value', () => {
    const d = new Date('2021-03-15T01:00:00Z');
    d.getTime = () => 0;
    const read = parseInstant(d);
    expect(read).not.toBe(d);
    expect(Date.prototype.getTime.call(read)).toBe(Date.UTC(2021, 2, 15, 1));
  });

  it.each([
    ['2021-03-15T10:00:00', 'timestamp-without-offset'],
    ['2021-02-29T10:00:00+09:00', 'impossible-date'],
    ['9999-12-31T23:59:59.999-23:59', 'instant-out-of-range'],
    ['soon', 'invalid-timestamp'],
  ])('refuses %s with PolicyInputError [%s]', (text, code) => {
    expect(() => parseInstant(text)).toThrow(PolicyInputError);
    try {
      parseInstant(text);
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => i.code)).toEqual([code]);
    }
  });
});
