import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args.js';
import { formatJst, parseInstant } from '../../src/cli/instant.js';

describe('parseInstant', () => {
  it('reads an ISO-8601 date-time with an offset', () => {
    expect(parseInstant('--at', '2021-03-15T10:00:00+09:00').toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(parseInstant('--at', '2021-03-15T01:00Z').toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(parseInstant('--at', '2022-03-15T23:59:59.999+09:00').toISOString()).toBe(
      '2022-03-15T14:59:59.999Z',
    );
  });

  it.each([
    '2021-03-15T10:00:00',
    '2021-03-15',
    'yesterday',
    '2021-02-29T10:00:00+09:00',
    '2021-04-31T10:00:00+09:00',
    '2021-03-15T24:00:00+09:00',
    '2021-03-15T10:00:00+24:00',
  ])('refuses %s, naming the option', (text) => {
    expect(() => parseInstant('--at', text)).toThrow(UsageError);
    expect(() => parseInstant('--at', text)).toThrow(`--at '${text}'`);
  });

  it('accepts 29 February in a leap year', () => {
    expect(parseInstant('--at', '2024-02-29T00:00:00+09:00').toISOString()).toBe('2024-02-28T15:00:00.000Z');
  });
});

describe('formatJst', () => {
  it('writes an instant in Japan time with its offset, milliseconds only when there are any', () => {
    expect(formatJst(new Date('2022-03-15T15:00:00Z'))).toBe('2022-03-16T00:00:00+09:00');
    expect(formatJst(new Date('2022-03-15T14:59:59.999Z'))).toBe('2022-03-15T23:59:59.999+09:00');
  });
});
