import { describe, expect, it } from 'vitest';
import { type PolicyIssue, type TermsVersion, terms20170401, terms20201201 } from '../../src/index.js';
import { validateTerms } from '../../src/terms/validateTerms.js';

// What createPolicy accepts as terms (SPEC §1): well-formed versions with well-formed rules, returned oldest
// first, and — Art. 3 (規約の変更) of the 2020-12-01 terms — every version after the first with a notice given
// before it takes effect.

const VALID_RULE = terms20201201.rules[0];

/** A version shaped like the 2020-12-01 one, with fields overridden. */
function version(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: '2030-04-01',
    effectiveFrom: new Date('2030-04-01T00:00:00+09:00'),
    noticeGivenAt: new Date('2030-01-15T00:00:00+09:00'),
    rules: [VALID_RULE],
    articles: {},
    ...overrides,
  };
}

/** The issues as `path: code` lines; every issue must also carry a message. */
function issuesOf(terms: unknown): string[] {
  const { issues } = validateTerms(terms);
  for (const issue of issues) expect(issue.message).toMatch(/\S/);
  return issues.map((i: PolicyIssue) => `${i.path.join('.')}: ${i.code}`);
}

/** The issues of a single version whose first rule is `rule`. */
const ruleIssues = (rule: unknown): string[] => issuesOf([version({ rules: [VALID_RULE, rule] })]);

describe('validateTerms', () => {
  describe('the list', () => {
    it('refuses an empty list or a value that is not a list: a policy needs terms', () => {
      expect(issuesOf([])).toEqual(['terms: no-terms']);
      expect(issuesOf(undefined)).toEqual(['terms: no-terms']);
      expect(validateTerms([]).versions).toEqual([]);
    });

    it('returns the versions oldest first, whatever order they are given in', () => {
      const later = version();
      const { versions, issues } = validateTerms([later, terms20201201, terms20170401]);
      expect(issues).toEqual([]);
      expect(versions.map((v) => v.id)).toEqual(['2017-04-01', '2020-12-01', '2030-04-01']);
    });

    it('returns no versions at all when any is malformed', () => {
      const { versions, issues } = validateTerms([terms20170401, version({ id: '' })]);
      expect(versions).toEqual([]);
      expect(issues.map((i) => i.code)).toEqual(['invalid-terms-version']);
      expect(validateTerms('terms').versions).toEqual([]);
    });
  });

  describe('each version', () => {
    it('refuses an entry that is not an object, at its index', () => {
      expect(issuesOf([terms20170401, null])).toEqual(['terms.1: invalid-terms-version']);
      expect(issuesOf([42])).toEqual(['terms.0: invalid-terms-version']);
    });

    it('refuses a missing or blank id', () => {
      expect(issuesOf([version({ id: undefined })])).toEqual(['terms.0.id: invalid-terms-version']);
      expect(issuesOf([version({ id: ' \t' })])).toEqual(['terms.0.id: invalid-terms-version']);
    });

    it('refuses an id listed twice, at the second listing', () => {
      expect(issuesOf([terms20170401, version({ id: '2017-04-01' })])).toEqual([
        'terms.1.id: duplicate-terms-id',
      ]);
    });

    it('refuses an effectiveFrom that is not a valid Date', () => {
      expect(issuesOf([version({ effectiveFrom: new Date(Number.NaN) })])).toEqual([
        'terms.0.effectiveFrom: invalid-terms-version',
      ]);
      expect(issuesOf([version({ effectiveFrom: '2030-04-01T00:00:00+09:00' })])).toEqual([
        'terms.0.effectiveFrom: invalid-terms-version',
      ]);
    });

    it('refuses a noticeGivenAt that is given but not a valid Date', () => {
      expect(issuesOf([version({ noticeGivenAt: new Date(Number.NaN) })])).toEqual([
        'terms.0.noticeGivenAt: invalid-terms-version',
      ]);
    });

    it('accepts a first version without a notice date (Art. 3 speaks of changes)', () => {
      expect(issuesOf([version({ noticeGivenAt: undefined })])).toEqual([]);
    });

    it('refuses articles that are not an object, and accepts an empty one', () => {
      expect(issuesOf([version({ articles: null })])).toEqual(['terms.0.articles: invalid-terms-version']);
      expect(issuesOf([version({ articles: 'none' })])).toEqual(['terms.0.articles: invalid-terms-version']);
      expect(issuesOf([version({ articles: {} })])).toEqual([]);
    });

    it('refuses rules that are not an array', () => {
      expect(issuesOf([version({ rules: undefined })])).toEqual(['terms.0.rules: invalid-terms-version']);
    });
  });

  describe('each rule', () => {
    it('accepts the rules of both shipped versions', () => {
      expect(issuesOf([terms20170401, terms20201201])).toEqual([]);
    });

    it('refuses kinds, actors or actions that are missing, empty or name an unknown value', () => {
      expect(ruleIssues({ ...VALID_RULE, kinds: [] })).toEqual(['terms.0.rules.1.kinds: invalid-rule']);
      expect(ruleIssues({ ...VALID_RULE, kinds: ['measurement', 'diary'] })).toEqual([
        'terms.0.rules.1.kinds: invalid-rule',
      ]);
      expect(ruleIssues({ ...VALID_RULE, actors: 'provider' })).toEqual([
        'terms.0.rules.1.actors: invalid-rule',
      ]);
      expect(ruleIssues({ ...VALID_RULE, actions: ['use', 'sell'] })).toEqual([
        'terms.0.rules.1.actions: invalid-rule',
      ]);
    });

    it('refuses an effect other than permit or deny', () => {
      expect(ruleIssues({ ...VALID_RULE, effect: 'allow' })).toEqual([
        'terms.0.rules.1.effect: invalid-rule',
      ]);
    });

    it('refuses a reason code the locale tables do not know', () => {
      expect(ruleIssues({ ...VALID_RULE, reason: 'because' })).toEqual([
        'terms.0.rules.1.reason: unknown-reason-code',
      ]);
    });

    it('refuses a rule that cites nothing: a decision never lacks a basis', () => {
      expect(ruleIssues({ ...VALID_RULE, basis: [] })).toEqual(['terms.0.rules.1.basis: empty-basis']);
      expect(ruleIssues({ ...VALID_RULE, basis: undefined })).toEqual(['terms.0.rules.1.basis: empty-basis']);
    });

    it('refuses obligations that are not a list of known codes', () => {
      const known = { code: 'use-within-purpose', basis: { source: 'contract' } };
      expect(ruleIssues({ ...VALID_RULE, obligations: [known] })).toEqual([]);
      expect(ruleIssues({ ...VALID_RULE, obligations: [known, { code: 'pay-a-fee' }] })).toEqual([
        'terms.0.rules.1.obligations: unknown-obligation-code',
      ]);
      expect(ruleIssues({ ...VALID_RULE, obligations: [null] })).toEqual([
        'terms.0.rules.1.obligations: unknown-obligation-code',
      ]);
      expect(ruleIssues({ ...VALID_RULE, obligations: { code: 'use-within-purpose' } })).toEqual([
        'terms.0.rules.1.obligations: unknown-obligation-code',
      ]);
    });

    it('reports every field of a rule that is not an object', () => {
      expect(ruleIssues(null)).toEqual([
        'terms.0.rules.1.kinds: invalid-rule',
        'terms.0.rules.1.actors: invalid-rule',
        'terms.0.rules.1.actions: invalid-rule',
        'terms.0.rules.1.effect: invalid-rule',
        'terms.0.rules.1.reason: unknown-reason-code',
        'terms.0.rules.1.basis: empty-basis',
      ]);
    });
  });

  describe('notice of a change (Art. 3)', () => {
    it('refuses a later version without a notice date, at its index in the list given', () => {
      expect(issuesOf([version({ noticeGivenAt: undefined }), terms20170401])).toEqual([
        'terms.0.noticeGivenAt: notice-missing',
      ]);
    });

    it('refuses notice given at the effective instant itself: it must come before', () => {
      const effectiveFrom = new Date('2030-04-01T00:00:00+09:00');
      expect(issuesOf([terms20170401, version({ noticeGivenAt: effectiveFrom })])).toEqual([
        'terms.1.noticeGivenAt: notice-not-before-effective',
      ]);
      expect(
        issuesOf([terms20170401, version({ noticeGivenAt: new Date('2030-03-31T23:59:59.999+09:00') })]),
      ).toEqual([]);
    });

    it('refuses two versions that take effect at the same instant', () => {
      const twin: Partial<TermsVersion> = { ...terms20201201, id: '2020-12-01-bis' };
      expect(issuesOf([terms20170401, terms20201201, twin])).toEqual([
        'terms.2.effectiveFrom: duplicate-effective-date',
      ]);
    });
  });
});
