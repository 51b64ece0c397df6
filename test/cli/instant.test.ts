import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { formatJst, instantOption } from '../../src/cli/instant.js';

describe('instantOption', () => {
  it('reads an ISO-8601 date-time with an offset', () => {
    expect(instantOption('--at', '2021-03-15T10:00:00+09:00').toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(instantOption('--at', '2021-03-15T01:00Z').toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(instantOption('--at', '2022-03-15T23:59:59.999+09:00').toISOString()).toBe(
      '2022-03-15T14:59:59.999Z',
    );
  });

  it('reads the forms RFC 3339 allows, as the library does: lower-case t and z, a comma fraction, ±hhmm', () => {
    expect(instantOption('--at', '2021-06-01t01:00:00,5z').toISOString()).toBe('2021-06-01T01:00:00.500Z');
    expect(instantOption('--at', '2021-06-01 10:00:00+0900').toISOString()).toBe('2021-06-01T01:00:00.000Z');
  });

  it.each([
    ['2021-03-15T10:00:00', 'timestamp-without-offset'],
    ['2021-03-15', 'invalid-timestamp'],
    ['yesterday', 'invalid-timestamp'],
    ['2021-02-29T10:00:00+09:00', 'impossible-date'],
    ['2021-04-31T10:00:00+09:00', 'impossible-date'],
    ['2021-03-15T24:00:00+09:00', 'impossible-date'],
    ['2021-03-15T10:00:00+24:00', 'impossible-date'],
    ['9999-12-31T23:59:59.999-23:59', 'instant-out-of-range'],
  ])('refuses %s as a UsageError naming the option, the value and the code [%s]', (text, code) => {
    expect(() => instantOption('--at', text)).toThrow(UsageError);
    expect(() => instantOption('--at', text)).toThrow(`--at '${text}': `);
    expect(() => instantOption('--at', text)).toThrow(`[${code}]`);
  });

  it('accepts 29 February in a leap year', () => {
    expect(instantOption('--at', '2024-02-29T00:00:00+09:00').toISOString()).toBe('2024-02-28T15:00:00.000Z');
  });
});

describe('formatJst', () => {
  it('writes an instant in Japan time with its offset, milliseconds only when there are any', () => {
    expect(formatJst(new Date('2022-03-15T15:00:00Z'))).toBe('2022-03-16T00:00:00+09:00');
    expect(formatJst(new Date('2022-03-15T14:59:59.999Z'))).toBe('2022-03-15T23:59:59.999+09:00');
  });
});
