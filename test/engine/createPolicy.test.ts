import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it, vi } from 'vitest';
import {
  assertPermitted,
  canUse,
  createPolicy,
  type DecisionLogEntry,
  decide,
  PolicyInputError,
  PolicyViolationError,
  TermsNotInForceError,
  terms20201201,
} from '../../src/index.js';

const at = new Date('2021-06-01T10:00:00+09:00');

describe('createPolicy', () => {
  it('reports every invalid option at once, each with its path', () => {
    try {
      createPolicy({ actor: 'robot', locale: 'fr', privacyPolicyPurposes: ['ok', ' '], terms: [] } as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      expect((e as PolicyInputError).issues.map((i) => i.path)).toEqual([
        ['actor'],
        ['locale'],
        ['privacyPolicyPurposes', 1],
        ['terms'],
      ]);
    }
  });

  it('refuses a rule that cites nothing or names an unknown code', () => {
    const bad = { ...terms20201201, rules: [{ ...terms20201201.rules[0], basis: [], reason: 'because' }] };
    expect(() => createPolicy({ terms: [bad] as never })).toThrow(/A rule must cite at least one article/);
  });

  it('takes `at` from its clock when a request has none', () => {
    const policy = createPolicy({ clock: () => new Date('2020-11-30T23:59:59.999+09:00') });
    expect(policy.decide({ action: 'process', data: measurement() }).terms).toBe('2017-04-01');
  });

  it('lets the request actor override the default actor', () => {
    const policy = createPolicy({ actor: 'user' });
    expect(policy.actor).toBe('user');
    expect(
      policy.decide({ action: 'license', data: measurement(), recipient: 'third-party', at }),
    ).toBePermitted();
    expect(
      policy.decide({
        action: 'license',
        data: measurement(),
        recipient: 'third-party',
        actor: 'provider',
        at,
      }),
    ).toBeDenied();
  });

  it('writes messages and labels in its locale (ja by default)', () => {
    const ja = createPolicy().decide({ action: 'use', data: measurement(), purpose: 'service-analysis', at });
    const en = createPolicy({ locale: 'en' }).decide({
      action: 'use',
      data: measurement(),
      purpose: 'service-analysis',
      at,
    });
    expect(ja.basis[0]?.label).toBe('規約(2020-12-01)第13条第3項第1号イ');
    expect(en.basis[0]?.label).toBe('Terms (2020-12-01) Art. 13(3)(1)イ');
    expect(ja.reasons[0]?.code).toBe(en.reasons[0]?.code);
    expect(ja.reasons[0]?.message).not.toBe(en.reasons[0]?.message);
  });

  it('throws TermsNotInForceError for a decision before 2017-04-01', () => {
    expect(() =>
      createPolicy().decide({
        action: 'process',
        data: measurement(),
        at: new Date('2017-03-31T23:59:59.999+09:00'),
      }),
    ).toThrow(TermsNotInForceError);
  });

  it('returns decisions whose shared parts are frozen', () => {
    const d = createPolicy().decide({ action: 'use', data: measurement(), purpose: 'service-analysis', at });
    expect(Object.isFrozen(d.basis)).toBe(true);
    expect(Object.isFrozen(d.basis[0])).toBe(true);
    expect(Object.isFrozen(d.obligations[0])).toBe(true);
  });

  it('does not mutate the request or its record', () => {
    const data = measurement();
    const request = { action: 'use', data, purpose: 'service-analysis', at } as const;
    const copy = structuredClone(request);
    createPolicy().decide(request);
    expect(request).toEqual(copy);
  });
});

describe('default deny', () => {
  it('denies what no rule grants, citing the nearest article (13(3))', () => {
    const d = createPolicy().decide({ action: 'republish', data: measurement(), at });
    expect(d).toMatchObject({ effect: 'deny', allowed: false, obligations: [] });
    expect(d.reasons[0]?.code).toBe('not-granted');
    expect(d.basis).toEqual([
      expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3 }),
    ]);
  });

  it('cites the terms version as a whole when a version has no rule at all for the request', () => {
    const bare = { ...terms20201201, id: 'bare', rules: [] };
    const d = createPolicy({ terms: [bare] }).decide({
      action: 'use',
      data: measurement(),
      purpose: 'service-analysis',
      at,
    });
    expect(d).toMatchObject({ effect: 'deny', terms: 'bare' });
    expect(d.basis).toEqual([{ source: 'terms', terms: 'bare', label: '規約(bare)' }]);
  });
});

describe('onDecision', () => {
  it('receives a JSON-safe entry for each decision, without the record payload or the justification', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ locale: 'en', onDecision: (e) => entries.push(e) });
    const data = measurement({
      id: 'm-1',
      contractId: 'C-1',
      value: 42.5,
      unit: 'mA',
      personalData: 'possible',
    });
    policy.decide({
      action: 'use',
      data,
      purpose: 'incidental',
      justification: 'SECRET determination #7',
      at,
    });
    policy.canUse(data, 'marketing', { at });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toEqual({
      decisionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at: '2021-06-01T01:00:00.000Z',
      terms: '2020-12-01',
      rule: '13-3-1-ha/provider/use',
      reasons: ['use-for-incidental-matter'],
      action: 'use',
      actor: 'provider',
      dataKind: 'measurement',
      dataId: 'm-1',
      purpose: 'incidental',
      effect: 'permit',
      basis: ['Terms (2020-12-01) Art. 13(3)(1)ハ'],
      obligations: ['use-within-purpose', 'record-determination'],
    });
    const text = JSON.stringify(entries);
    expect(JSON.parse(text)).toEqual(entries);
    for (const secret of ['42.5', 'mA', 'SECRET', 'possible', 'C-1', 'leakage-current'])
      expect(text).not.toContain(secret);
  });

  it('lets an error thrown by the hook reach the caller, so a failed audit write is never silent', () => {
    const policy = createPolicy({
      onDecision: () => {
        throw new Error('log down');
      },
    });
    expect(() => policy.decide({ action: 'process', data: measurement(), at })).toThrow('log down');
  });
});

describe('assertPermitted', () => {
  it('returns the permit', () => {
    expect(assertPermitted({ action: 'process', data: measurement(), at })).toBePermitted();
  });

  it('throws PolicyViolationError carrying the deny', () => {
    try {
      assertPermitted({ action: 'license', data: measurement(), recipient: 'third-party', at });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyViolationError);
      expect((e as PolicyViolationError).code).toBe('policy-violation');
      expect((e as PolicyViolationError).decision.reasons[0]?.code).toBe(
        'raw-measurement-data-may-not-leave',
      );
    }
  });
});

describe('top-level functions', () => {
  it('use a default policy that acts as the provider, on the system clock', () => {
    vi.useFakeTimers({ now: new Date('2021-06-01T10:00:00+09:00') });
    try {
      expect(decide({ action: 'use', data: measurement(), purpose: 'service-analysis' })).toMatchObject({
        effect: 'permit',
        terms: '2020-12-01',
        at: new Date('2021-06-01T10:00:00+09:00'),
      });
      expect(canUse(measurement(), 'marketing')).toBe(false);
      expect(canUse(measurement(), 'incident-response')).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
