import { measurement, userInformation } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  defineTerms,
  PolicyInputError,
  type PolicyOptions,
  terms20201201,
} from '../../src/index.js';

// The options of a policy (SPEC §3): each read once and checked, every problem at once with its path; an absent
// option takes its default.

const at = new Date('2021-06-01T10:00:00+09:00');

/** The issues createPolicy reports for `options`, as `[path, code]`; each must carry a message. */
function optionIssues(options: unknown): [readonly (string | number)[], string][] {
  try {
    createPolicy(options as PolicyOptions);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    const issues = (e as PolicyInputError).issues;
    for (const issue of issues) expect(issue.message).toMatch(/\S/);
    return issues.map((i) => [i.path, i.code]);
  }
  throw new Error('expected a PolicyInputError, but nothing was thrown');
}

describe('createPolicy', () => {
  describe('its options (SPEC §3)', () => {
    it('takes null, or a value that is not an object, as no options at all', () => {
      for (const options of [null, 42, 'ja']) {
        const policy = createPolicy(options as unknown as PolicyOptions);
        expect([policy.actor, policy.locale]).toEqual(['provider', 'ja']);
      }
    });

    it('refuses a clock, onDecision or onHookError that is not a function, each at its key', () => {
      expect(optionIssues({ clock: new Date() })).toEqual([[['clock'], 'invalid-type']]);
      expect(optionIssues({ onDecision: 'audit.log' })).toEqual([[['onDecision'], 'invalid-type']]);
      expect(optionIssues({ onHookError: null })).toEqual([[['onHookError'], 'invalid-type']]);
    });

    it('refuses privacyPolicyPurposes that are not a list, or list a purpose that is blank or not a string', () => {
      expect(optionIssues({ privacyPolicyPurposes: 'service-provision' })).toEqual([
        [['privacyPolicyPurposes'], 'invalid-type'],
      ]);
      expect(optionIssues({ privacyPolicyPurposes: ['service-provision', ' ', 42] })).toEqual([
        [['privacyPolicyPurposes', 1], 'invalid-value'],
        [['privacyPolicyPurposes', 2], 'invalid-value'],
      ]);
    });

    it('lists exactly 100 problems without a count, and cuts more at 100 with one too-many-issues', () => {
      const blanks = (n: number) => ({ privacyPolicyPurposes: Array.from({ length: n }, () => '') });
      const hundred = optionIssues(blanks(100));
      expect(hundred).toHaveLength(100);
      expect(hundred.some(([, code]) => code === 'too-many-issues')).toBe(false);
      try {
        createPolicy(blanks(150));
      } catch (e) {
        const issues = (e as PolicyInputError).issues;
        expect(issues).toHaveLength(101);
        expect(issues[100]).toEqual({
          path: [],
          code: 'too-many-issues',
          message: '50 more issues not listed',
        });
      }
    });

    it('uses user information for service-provision only unless told otherwise (31(1), APPI 18)', () => {
      const policy = createPolicy({ clock: () => at });
      expect(policy.canUse(userInformation(), 'service-provision')).toBe(true);
      expect(policy.canUse(userInformation(), 'marketing')).toBe(false);
      const told = createPolicy({ clock: () => at, privacyPolicyPurposes: ['marketing'] });
      expect(told.canUse(userInformation(), 'marketing')).toBe(true);
      expect(told.canUse(userInformation(), 'service-provision')).toBe(false);
    });

    it('reads the system clock when given none', () => {
      const before = Date.now();
      const decided = createPolicy().decide({ action: 'process', data: measurement() }).at.getTime();
      expect(decided).toBeGreaterThanOrEqual(before);
      expect(decided).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('retentionCutoff', () => {
    it('refuses an instant whose terms set no holding period, at [at] (13(4))', () => {
      const { holdingPeriod: _none, ...rest } = terms20201201;
      const without = defineTerms({
        ...rest,
        id: '2030-04-01',
        effectiveFrom: '2017-04-01T00:00:00+09:00',
        rules: [],
      });
      const policy = createPolicy({ terms: [without], clock: () => at });
      try {
        policy.retentionCutoff();
        expect.fail('expected a PolicyInputError');
      } catch (e) {
        expect(e).toBeInstanceOf(PolicyInputError);
        expect((e as PolicyInputError).issues.map((i) => [i.path, i.code])).toEqual([
          [['at'], 'no-holding-period'],
        ]);
      }
    });
  });
});

describe('strictPurposes: a typo in a purpose fails as input, not as a silent deny', () => {
  const strict = createPolicy({ strictPurposes: ['service-analysis', 'incident-response'] });
  const at = '2021-06-01T10:00:00+09:00';
  const issuesOf = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      return (e as PolicyInputError).issues.map((i) => `${i.path.join('.')}: ${i.code}`);
    }
    throw new Error('expected a PolicyInputError');
  };

  it("refuses 'service-analysys' as an unknown purpose, where a policy without the option denies it (13(3)(1))", () => {
    expect(issuesOf(() => strict.canUse(measurement(), 'service-analysys', { at }))).toEqual([
      'purpose: unknown-purpose',
    ]);
    expect(createPolicy().canUse(measurement(), 'service-analysys', { at })).toBe(false);
  });

  it('decides a listed purpose as any policy does', () => {
    expect(strict.canUse(measurement(), 'service-analysis', { at })).toBe(true);
    expect(
      strict.decide({ action: 'use', data: measurement(), purpose: 'incident-response', at }).effect,
    ).toBe('permit');
  });

  it('refuses an unknown purpose in every entry point: decideMany (shared or own) and filterPermitted', () => {
    expect(
      issuesOf(() =>
        strict.decideMany([{ action: 'use', data: measurement() }], { at, purpose: 'marketing' }),
      ),
    ).toEqual(['requests.0.purpose: unknown-purpose']);
    expect(
      issuesOf(() => [
        ...strict.filterPermitted([measurement()], { action: 'use', purpose: 'marketing', at }),
      ]),
    ).toContain('records.0.purpose: unknown-purpose');
  });

  it('checks the option itself: a non-empty array of non-blank purposes', () => {
    expect(issuesOf(() => createPolicy({ strictPurposes: [] }))).toEqual(['strictPurposes: invalid-type']);
    expect(issuesOf(() => createPolicy({ strictPurposes: ['ok', ' '] }))).toEqual([
      'strictPurposes.1: invalid-value',
    ]);
  });
});
