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

  it('reports an invalid instant as an issue at `at` (SPEC §3 PolicyInputError)', () => {
    for (const [at, code] of [
      [new Date(Number.NaN), 'invalid-date'],
      ['2021-06-01T10:00:00', 'timestamp-without-offset'],
    ] as const) {
      try {
        termsInForce(at);
        expect.fail('expected a PolicyInputError');
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
        const issues = (e as PolicyInputError).issues;
        expect(issues.map((i) => [i.path, i.code])).toEqual([[['at'], code]]);
        expect(issues[0]?.message).toMatch(/\S/);
      }
    }
  });

  it('takes an ISO-8601 string with an offset, like every entry point (SPEC §7)', () => {
    expect(termsInForce('2020-11-30T23:59:59.999+09:00').id).toBe('2017-04-01');
    expect(termsInForce('2020-11-30T15:00:00Z').id).toBe('2020-12-01');
  });

  it('names the earliest effective date of the versions given, in any order, when none is in force yet, in JST as every message does', () => {
    const before = new Date('2017-03-31T23:59:59.999+09:00');
    for (const order of [
      [terms20170401, terms20201201],
      [terms20201201, terms20170401],
    ]) {
      expect(() => termsInForce(before, order)).toThrow(
        'No terms version is in force at 2017-03-31 23:59:59.999 JST: the earliest takes effect at 2017-04-01 00:00:00 JST',
      );
    }
    expect(() => termsInForce(new Date('2020-11-30T23:59:59.999+09:00'), [terms20201201])).toThrow(
      /the earliest takes effect at 2020-12-01 00:00:00 JST/,
    );
  });

  it('throws TermsNotInForceError, not a TypeError, when it is given no versions at all', () => {
    const at = new Date('2021-06-01T10:00:00+09:00');
    expect(() => termsInForce(at, [])).toThrow(TermsNotInForceError);
    expect(() => termsInForce(at, [])).toThrow(/No terms version is registered/);
  });

  it('keeps the first listed of two versions taking effect at the same instant', () => {
    const twin = { ...terms20201201, id: '2020-12-01-bis' };
    const at = new Date('2021-06-01T10:00:00+09:00');
    expect(termsInForce(at, [terms20201201, twin]).id).toBe('2020-12-01');
  });
});
