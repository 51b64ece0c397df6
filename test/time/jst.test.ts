import { describe, expect, it } from 'vitest';
import { formatJst } from '../../src/time/jst.js';

// Instants in messages are shown on the Japan Standard Time wall clock (SPEC §1: all calendar reasoning in JST).

describe('formatJst', () => {
  it('shows the effective instant of the 2020-12-01 terms as midnight JST (附則 1)', () => {
    expect(formatJst(new Date('2020-11-30T15:00:00Z'))).toBe('2020-12-01 00:00:00 JST');
  });

  it('shows milliseconds only when there are some', () => {
    expect(formatJst(new Date('2020-11-30T14:59:59.999Z'))).toBe('2020-11-30 23:59:59.999 JST');
  });

  it('shows an invalid Date as such rather than throwing', () => {
    expect(formatJst(new Date(Number.NaN))).toBe('Invalid Date');
  });
});
