import { describe, expect, it } from 'vitest';
import {
  PolicyInputError,
  TermsNotInForceError,
  terms20170401,
  terms20201201,
  termsInForce,
} from '../../src/index.js';

describe('termsInForce', () => {
  it('keeps the 2017-04-01 terms until the last millisecond before the change (附則 1)', () => {
    expect(termsInForce(new Date('2020-11-30T23:59:59.999+09:00')).id).toBe('2017-04-01');
  });

  it('applies the 2020-12-01 terms from 2020-12-01 00:00 JST, which is 2020-11-30T15:00Z (附則 1)', () => {
    expect(termsInForce(new Date('2020-12-01T00:00:00+09:00')).id).toBe('2020-12-01');
    expect(termsInForce(new Date('2020-11-30T15:00:00.000Z')).id).toBe('2020-12-01');
    expect(termsInForce(new Date('2020-11-30T14:59:59.999Z')).id).toBe('2017-04-01');
  });

  it('applies the 2017-04-01 terms from their own first instant', () => {
    expect(termsInForce(new Date('2017-04-01T00:00:00+09:00')).id).toBe('2017-04-01');
  });

  it('throws TermsNotInForceError before 2017-04-01 00:00 JST', () => {
    const before = new Date('2017-03-31T23:59:59.999+09:00');
    expect(() => termsInForce(before)).toThrow(TermsNotInForceError);
    try {
      termsInForce(before);
    } catch (e) {
      expect(e).toMatchObject({ code: 'terms-not-in-force', at: before });
    }
  });

  it('chooses among the versions it is given, in any order', () => {
    const at = new Date('2022-01-01T00:00:00+09:00');
    expect(termsInForce(at, [terms20201201, terms20170401]).id).toBe('2020-12-01');
    expect(termsInForce(at, [terms20170401]).id).toBe('2017-04-01');
  });

  it('refuses an invalid Date as input rather than as a missing version', () => {
    expect(() => termsInForce(new Date(Number.NaN))).toThrow(PolicyInputError);
  });
});
