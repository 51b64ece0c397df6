import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  DEFAULT_TERMS,
  defineRule,
  defineTerms,
  PolicyInputError,
  type TermsVersion,
  terms20201201,
  termsArticle,
} from '../../src/index.js';

// A fictitious amendment, written the way a real one would be, outside the package with its public API alone: one
// value and one line to register it. It keeps the 2020-12-01 rules and, in front of them, grants use of measurement
// data for marketing under a new 13(3)(5) with a reason code of its own; and it holds measurement data two years.
const marketingRule = defineRule({
  id: '13-3-5/provider/use',
  kinds: ['measurement'],
  actors: ['provider'],
  actions: ['use'],
  purposes: ['marketing'],
  effect: 'permit',
  reason: 'use-for-marketing',
  basis: [termsArticle(13, 3, 5)],
  obligations: [{ code: 'use-within-purpose', basis: termsArticle(13, 3, 5) }],
});

const terms20300401: TermsVersion = defineTerms({
  ...terms20201201,
  id: '2030-04-01',
  effectiveFrom: '2030-04-01T00:00:00+09:00',
  noticeGivenAt: '2030-01-15T10:00:00+09:00',
  rules: [marketingRule, ...terms20201201.rules],
  codes: {
    reasons: {
      ...terms20201201.codes.reasons,
      'use-for-marketing': {
        ja: '計測データは第13条第3項第5号によりマーケティングに使用できます。',
        en: 'Measurement data may be used for marketing under 13(3)(5).',
      },
    },
    obligations: terms20201201.codes.obligations,
  },
  holdingPeriod: { years: 2 },
});

describe('a future terms version', () => {
  // The one line that registers it.
  const policy = createPolicy({ terms: [...DEFAULT_TERMS, terms20300401], locale: 'en' });
  const reading = measurement();

  it('gives its own reason code with its own message, and names the rule that decided', () => {
    const d = policy.decide({
      action: 'use',
      data: reading,
      purpose: 'marketing',
      at: '2030-04-01T00:00:00+09:00',
    });
    expect(d.rule).toBe('13-3-5/provider/use');
    expect(d.reasons).toEqual([
      { code: 'use-for-marketing', message: 'Measurement data may be used for marketing under 13(3)(5).' },
    ]);
    expect(policy.explain(d, 'ja')).toContain('マーケティングに使用できます');
  });

  it('holds measurement data two years from its effective date on, a year before it (13(4) as amended)', () => {
    const received = measurement({ receivedAt: '2029-06-01T10:00:00+09:00' });
    // The first year ended at 2030-06-02 00:00 JST: before the amendment's date under the 2020 terms...
    expect(policy.retentionStatus(received, '2030-03-31T23:59:59.999+09:00').state).toBe('within-period');
    // ...and on 2030-06-02, under the amendment, the two-year period runs to 2031-06-02.
    expect(policy.retentionStatus(received, '2030-06-02T00:00:00+09:00')).toEqual({
      state: 'within-period',
      endsAt: new Date('2031-06-02T00:00:00+09:00'),
      heldUntil: new Date('2031-06-02T00:00:00+09:00'),
    });
    expect(createPolicy().retentionStatus(received, '2030-06-02T00:00:00+09:00').state).toBe('expired');
    const retain = policy.decide({ action: 'retain', data: received, at: '2030-06-02T00:00:00+09:00' });
    expect(retain.obligations[0]?.dueAt).toEqual(new Date('2031-06-02T00:00:00+09:00'));
  });

  it('refuses its definition when a rule gives a code it has no messages for', () => {
    expect(() => defineTerms({ ...terms20300401, codes: terms20201201.codes })).toThrow(PolicyInputError);
  });

  it('does not apply the millisecond before its effective date (Art. 3)', () => {
    const d = policy.decide({
      action: 'use',
      data: reading,
      purpose: 'marketing',
      at: new Date('2030-03-31T23:59:59.999+09:00'),
    });
    expect(d).toMatchObject({ effect: 'deny', terms: '2020-12-01' });
  });

  it('decides from its effective date on, citing itself', () => {
    const d = policy.decide({
      action: 'use',
      data: reading,
      purpose: 'marketing',
      at: new Date('2030-04-01T00:00:00+09:00'),
    });
    expect(d).toMatchObject({ effect: 'permit', terms: '2030-04-01' });
    expect(d.basis).toEqual([
      expect.objectContaining({ source: 'terms', terms: '2030-04-01', article: 13, paragraph: 3, item: 5 }),
    ]);
  });

  it('carries the earlier rules it took over, now cited under its own id', () => {
    const d = policy.decide({
      action: 'license',
      data: reading,
      recipient: 'third-party',
      at: new Date('2031-01-01T00:00:00+09:00'),
    });
    expect(d).toMatchObject({ effect: 'deny', terms: '2030-04-01' });
    expect(d.basis[0]).toMatchObject({ terms: '2030-04-01', article: 13, paragraph: 3, item: 4 });
  });

  it('leaves the policies without it unchanged', () => {
    expect(createPolicy().termsInForce(new Date('2031-01-01T00:00:00+09:00')).id).toBe('2020-12-01');
  });
});

describe('createPolicy: notice of a change (Art. 3, 2020-12-01)', () => {
  const refused = (version: TermsVersion) => {
    try {
      createPolicy({ terms: [...DEFAULT_TERMS, version] });
    } catch (e) {
      if (e instanceof PolicyInputError) return e;
    }
    throw new Error('expected a PolicyInputError');
  };

  it('refuses a later version with no notice date', () => {
    const { noticeGivenAt: _, ...withoutNotice } = terms20300401;
    const e = refused(withoutNotice);
    expect(e.issues).toEqual([
      expect.objectContaining({ path: ['terms', 2, 'noticeGivenAt'], code: 'notice-missing' }),
    ]);
    expect(e.message).toContain('2030-04-01 00:00:00 JST');
  });

  it('refuses notice given at the very instant the version takes effect, naming both dates', () => {
    const e = refused({ ...terms20300401, noticeGivenAt: new Date('2030-04-01T00:00:00+09:00') });
    expect(e.issues[0]).toMatchObject({ code: 'notice-not-before-effective' });
    expect(e.issues[0]?.message).toContain('notice given at 2030-04-01 00:00:00 JST');
    expect(e.issues[0]?.message).toContain('effective date 2030-04-01 00:00:00 JST');
  });

  it('accepts notice given one millisecond before the effective date', () => {
    const policy = createPolicy({
      terms: [
        ...DEFAULT_TERMS,
        { ...terms20300401, noticeGivenAt: new Date('2030-03-31T23:59:59.999+09:00') },
      ],
    });
    expect(policy.terms.map((t) => t.id)).toEqual(['2017-04-01', '2020-12-01', '2030-04-01']);
  });

  it('does not ask the first version for a notice date', () => {
    expect(createPolicy({ terms: [terms20300401] }).terms).toHaveLength(1);
    expect(() => createPolicy({ terms: [{ ...terms20300401, noticeGivenAt: undefined }] })).not.toThrow();
  });

  it('applies the rule to the shipped 2020-12-01 version: notice 2020-10-15, effective 2020-12-01', () => {
    expect(terms20201201.noticeGivenAt?.getTime()).toBeLessThan(terms20201201.effectiveFrom.getTime());
    expect(() => createPolicy()).not.toThrow();
  });
});
