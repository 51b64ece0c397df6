import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  DEFAULT_TERMS,
  defineTerms,
  PolicyInputError,
  type PolicyIssue,
  type TermsVersion,
  type TermsVersionInput,
  terms20170401,
  terms20201201,
} from '../../src/index.js';
import { checkTerms } from '../../src/terms/defineTerms.js';

// What a terms version must be (SPEC §1, §7, §8): one value owning its rules, articles, codes and periods, checked
// whole in one pass — every problem with its path from the version's root — and returned frozen, its dates copies
// on every read. Then what a policy asks of the list (createPolicy({ terms })): versions oldest first, distinct
// ids and instants, and — Art. 3 (規約の変更) of the 2020-12-01 terms — every version after the first with a
// notice given before it takes effect.

/** A shipped rule with no `when` and no `due`, so that it fits any version below. */
const RULE = terms20201201.rules[0] as TermsVersion['rules'][number];

/** A rule shaped like {@link RULE}, with an id of its own and fields overridden. */
const rule = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...RULE,
  id: 'test/rule',
  ...overrides,
});

/** A later version shaped like the 2020-12-01 one (its codes, articles and periods), with fields overridden. */
function version(overrides: Record<string, unknown> = {}): TermsVersionInput {
  return {
    ...terms20201201,
    id: '2030-04-01',
    effectiveFrom: '2030-04-01T00:00:00+09:00',
    noticeGivenAt: '2030-01-15T00:00:00+09:00',
    rules: [RULE],
    ...overrides,
  } as TermsVersionInput;
}

type Found = readonly [path: PolicyIssue['path'], code: string];

/** The issues as `[path, code]`; each must carry a message, and a version comes back exactly when there are none. */
function found(issues: readonly PolicyIssue[]): Found[] {
  for (const issue of issues) expect(issue.message).toMatch(/\S/);
  return issues.map((i) => [i.path, i.code]);
}

function issuesOf(input: unknown): Found[] {
  const { version: checked, issues } = checkTerms(input);
  expect(checked === undefined).toBe(issues.length > 0);
  return found(issues);
}

/** The issues of a version whose rules are {@link RULE} and then `rule`: paths `['rules', 1, …]`. */
const ruleIssues = (overrides: Record<string, unknown> | null, more: Record<string, unknown> = {}) =>
  issuesOf(version({ rules: [RULE, overrides === null ? null : rule(overrides)], ...more }));

/** The issues of the PolicyInputError `run` throws; anything else (a TypeError above all) fails the test. */
function thrownIssues(run: () => unknown): Found[] {
  let thrown: unknown;
  try {
    run();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(PolicyInputError);
  expect((thrown as PolicyInputError).code).toBe('invalid-input');
  return found((thrown as PolicyInputError).issues);
}

/** The issues createPolicy reports for a list of versions. */
const policyIssues = (terms: unknown) =>
  thrownIssues(() => createPolicy({ terms: terms as readonly TermsVersion[] }));

describe('checkTerms', () => {
  describe('a version as written (SPEC §1, §8)', () => {
    it('accepts both shipped versions as they are, and a later one built from the 2020-12-01 version', () => {
      expect(issuesOf(terms20170401)).toEqual([]);
      expect(issuesOf(terms20201201)).toEqual([]);
      expect(issuesOf(version())).toEqual([]);
      expect(checkTerms(version()).version?.rules.map((r) => r.id)).toEqual(['13-3-1-i/provider/use']);
    });

    it('refuses an input that is not an object, at the root', () => {
      for (const input of [null, undefined, 42, 'terms'])
        expect(issuesOf(input)).toEqual([[[], 'invalid-terms-version']]);
    });

    it('refuses a missing or blank id', () => {
      expect(issuesOf(version({ id: undefined }))).toEqual([[['id'], 'invalid-terms-version']]);
      expect(issuesOf(version({ id: ' \t' }))).toEqual([[['id'], 'invalid-terms-version']]);
    });

    it('refuses an effectiveFrom that is not an instant, with the reason (Art. 3: a change takes effect at one)', () => {
      expect(issuesOf(version({ effectiveFrom: new Date(Number.NaN) }))).toEqual([
        [['effectiveFrom'], 'invalid-date'],
      ]);
      expect(issuesOf(version({ effectiveFrom: undefined }))).toEqual([[['effectiveFrom'], 'invalid-type']]);
      expect(issuesOf(version({ effectiveFrom: Date.parse('2030-04-01T00:00:00+09:00') }))).toEqual([
        [['effectiveFrom'], 'invalid-type'],
      ]);
      expect(issuesOf(version({ effectiveFrom: '2030-02-29T00:00:00+09:00' }))).toEqual([
        [['effectiveFrom'], 'impossible-date'],
      ]);
    });

    it('accepts an ISO-8601 effectiveFrom with an offset, read as that instant (SPEC §7)', () => {
      const defined = defineTerms(version({ effectiveFrom: '2030-04-01T00:00:00+09:00' }));
      expect(defined.effectiveFrom).toBeInstanceOf(Date);
      expect(defined.effectiveFrom.toISOString()).toBe('2030-03-31T15:00:00.000Z');
      expect(defined.noticeGivenAt?.toISOString()).toBe('2030-01-14T15:00:00.000Z');
      expect(
        defineTerms(version({ effectiveFrom: '2030-03-31T15:00:00Z' })).effectiveFrom.toISOString(),
      ).toBe('2030-03-31T15:00:00.000Z');
    });

    it('refuses an ISO-8601 effectiveFrom or noticeGivenAt without an offset: the instant it names is ambiguous (SPEC §7)', () => {
      expect(issuesOf(version({ effectiveFrom: '2030-04-01T00:00:00' }))).toEqual([
        [['effectiveFrom'], 'timestamp-without-offset'],
      ]);
      expect(issuesOf(version({ noticeGivenAt: '2030-01-15T00:00:00' }))).toEqual([
        [['noticeGivenAt'], 'timestamp-without-offset'],
      ]);
    });

    it('refuses a noticeGivenAt that is given but not an instant', () => {
      expect(issuesOf(version({ noticeGivenAt: new Date(Number.NaN) }))).toEqual([
        [['noticeGivenAt'], 'invalid-date'],
      ]);
      expect(issuesOf(version({ noticeGivenAt: 'soon' }))).toEqual([
        [['noticeGivenAt'], 'invalid-timestamp'],
      ]);
    });

    it('accepts a version without a notice date (Art. 3 asks it only of a change, which the list decides)', () => {
      expect(issuesOf(version({ noticeGivenAt: undefined }))).toEqual([]);
      expect(defineTerms(version({ noticeGivenAt: undefined })).noticeGivenAt).toBeUndefined();
    });

    it('refuses articles that are not an object, and accepts an empty one', () => {
      expect(issuesOf(version({ articles: null }))).toEqual([[['articles'], 'invalid-terms-version']]);
      expect(issuesOf(version({ articles: 'none' }))).toEqual([[['articles'], 'invalid-terms-version']]);
      expect(issuesOf(version({ articles: {} }))).toEqual([]);
    });

    it('refuses articles not keyed by number or without a { ja, en } title and summary (SPEC §8)', () => {
      const summary = { ja: '要約', en: 'A summary' };
      expect(issuesOf(version({ articles: { thirteen: { title: summary, summary } } }))).toEqual([
        [['articles', 'thirteen'], 'invalid-terms-version'],
      ]);
      expect(issuesOf(version({ articles: { 13: { title: { ja: '計測データ' }, summary } } }))).toEqual([
        [['articles', '13', 'title'], 'invalid-terms-version'],
      ]);
    });

    it('refuses rules that are not an array', () => {
      expect(issuesOf(version({ rules: undefined }))).toEqual([[['rules'], 'invalid-terms-version']]);
      expect(issuesOf(version({ rules: { 0: RULE } }))).toEqual([[['rules'], 'invalid-terms-version']]);
    });
  });

  describe('the codes a version owns (SPEC §8)', () => {
    it('refuses a rule whose reason has no message in the version, even a code the shipped terms know', () => {
      expect(ruleIssues({ reason: 'because' })).toEqual([[['rules', 1, 'reason'], 'unknown-reason-code']]);
      const withoutReasons = { reasons: {}, obligations: terms20201201.codes.obligations };
      expect(issuesOf(version({ codes: withoutReasons }))).toEqual([
        [['rules', 0, 'reason'], 'unknown-reason-code'],
      ]);
    });

    it('refuses codes that are not { reasons, obligations }, and every code its rules give then', () => {
      expect(issuesOf(version({ codes: undefined, returnDuty: undefined }))).toEqual([
        [['codes'], 'invalid-terms-version'],
        [['rules', 0, 'reason'], 'unknown-reason-code'],
        [['rules', 0, 'obligations', 0, 'code'], 'unknown-obligation-code'],
      ]);
      const codes = { reasons: terms20201201.codes.reasons, obligations: 'none' };
      expect(issuesOf(version({ codes, returnDuty: undefined }))).toEqual([
        [['codes', 'obligations'], 'invalid-terms-version'],
        [['rules', 0, 'obligations', 0, 'code'], 'unknown-obligation-code'],
      ]);
    });

    it('refuses a message that is not { ja, en } texts, at its code', () => {
      const codes = {
        reasons: { ...terms20201201.codes.reasons, 'use-for-marketing': { en: 'Marketing.' } },
        obligations: terms20201201.codes.obligations,
      };
      expect(issuesOf(version({ codes }))).toEqual([
        [['codes', 'reasons', 'use-for-marketing'], 'invalid-terms-version'],
      ]);
    });
  });

  describe('each rule', () => {
    it('refuses kinds, actors or actions that are missing, empty or name an unknown value, at the value', () => {
      expect(ruleIssues({ kinds: [] })).toEqual([[['rules', 1, 'kinds'], 'invalid-rule']]);
      expect(ruleIssues({ kinds: undefined })).toEqual([[['rules', 1, 'kinds'], 'invalid-rule']]);
      expect(ruleIssues({ kinds: ['measurement', 'diary'] })).toEqual([
        [['rules', 1, 'kinds', 1], 'invalid-rule'],
      ]);
      expect(ruleIssues({ actors: 'provider' })).toEqual([[['rules', 1, 'actors'], 'invalid-rule']]);
      expect(ruleIssues({ actions: ['use', 'sell'] })).toEqual([
        [['rules', 1, 'actions', 1], 'invalid-rule'],
      ]);
    });

    it('refuses purposes that are empty or blank', () => {
      expect(ruleIssues({ purposes: [] })).toEqual([[['rules', 1, 'purposes'], 'invalid-rule']]);
      expect(ruleIssues({ purposes: ['service-analysis', ' '] })).toEqual([
        [['rules', 1, 'purposes'], 'invalid-rule'],
      ]);
    });

    it("refuses recipients that are not an array of parties (SPEC §7: 'recipients' not an array)", () => {
      expect(ruleIssues({ recipients: 'third-party' })).toEqual([
        [['rules', 1, 'recipients'], 'invalid-rule'],
      ]);
      expect(ruleIssues({ recipients: [] })).toEqual([[['rules', 1, 'recipients'], 'invalid-rule']]);
      expect(ruleIssues({ recipients: ['third-party', 'stranger'] })).toEqual([
        [['rules', 1, 'recipients', 1], 'invalid-rule'],
      ]);
      expect(ruleIssues({ recipients: ['third-party'] })).toEqual([]);
    });

    it("refuses a rule whose when is not a function (SPEC §7), at ['rules', i, 'when']", () => {
      expect(ruleIssues({ when: 'yes' })).toEqual([[['rules', 1, 'when'], 'invalid-rule']]);
      expect(ruleIssues({ when: true })).toEqual([[['rules', 1, 'when'], 'invalid-rule']]);
      expect(ruleIssues({ when: () => true })).toEqual([]);
    });

    it('refuses an effect other than permit or deny', () => {
      expect(ruleIssues({ effect: 'allow' })).toEqual([[['rules', 1, 'effect'], 'invalid-rule']]);
    });

    it('refuses a rule without an id, or with one another rule of the version has, at the second', () => {
      expect(ruleIssues({ id: ' ' })).toEqual([[['rules', 1, 'id'], 'invalid-rule']]);
      expect(issuesOf(version({ rules: [RULE, rule(), rule({ effect: 'deny' })] }))).toEqual([
        [['rules', 2, 'id'], 'duplicate-rule-id'],
      ]);
      expect(issuesOf(version({ rules: [RULE, RULE] }))).toEqual([[['rules', 1, 'id'], 'duplicate-rule-id']]);
    });

    it('refuses a rule that cites nothing: a decision never lacks a basis', () => {
      expect(ruleIssues({ basis: [] })).toEqual([[['rules', 1, 'basis'], 'empty-basis']]);
      expect(ruleIssues({ basis: undefined })).toEqual([[['rules', 1, 'basis'], 'empty-basis']]);
    });

    it("refuses a basis entry that is not a citation (SPEC §7: basis [null]), at the entry's field", () => {
      expect(ruleIssues({ basis: [null] })).toEqual([[['rules', 1, 'basis', 0], 'invalid-citation']]);
      expect(ruleIssues({ basis: [{ source: 'blog', article: 13 }] })).toEqual([
        [['rules', 1, 'basis', 0], 'invalid-citation'],
      ]);
      expect(
        ruleIssues({
          basis: [
            { source: 'terms', article: 13 },
            { source: 'terms', article: 13.5 },
          ],
        }),
      ).toEqual([[['rules', 1, 'basis', 1, 'article'], 'invalid-citation']]);
      expect(ruleIssues({ basis: [{ source: 'terms', article: 13, paragraph: 0 }] })).toEqual([
        [['rules', 1, 'basis', 0, 'paragraph'], 'invalid-citation'],
      ]);
      expect(
        ruleIssues({ basis: [{ source: 'terms', article: 13, paragraph: 3, item: 1, subitem: 'ニ' }] }),
      ).toEqual([[['rules', 1, 'basis', 0, 'subitem'], 'invalid-citation']]);
    });

    it('asks an article of APPI and Civil Code citations, not of the contract (Civil Code 140, APPI 27)', () => {
      expect(ruleIssues({ basis: [{ source: 'appi' }] })).toEqual([
        [['rules', 1, 'basis', 0, 'article'], 'invalid-citation'],
      ]);
      expect(ruleIssues({ basis: [{ source: 'civil-code', paragraph: 1 }] })).toEqual([
        [['rules', 1, 'basis', 0, 'article'], 'invalid-citation'],
      ]);
      expect(ruleIssues({ basis: [{ source: 'civil-code', article: '140' }] })).toEqual([
        [['rules', 1, 'basis', 0, 'article'], 'invalid-citation'],
      ]);
      expect(
        ruleIssues({ basis: [{ source: 'contract' }, { source: 'appi', article: 27, paragraph: 1 }] }),
      ).toEqual([]);
    });

    it('refuses obligations that are not a list of duties with a code the version has messages for', () => {
      const known = { code: 'use-within-purpose', basis: { source: 'contract' } };
      expect(ruleIssues({ obligations: [known] })).toEqual([]);
      expect(
        ruleIssues({ obligations: [known, { code: 'pay-a-fee', basis: { source: 'contract' } }] }),
      ).toEqual([[['rules', 1, 'obligations', 1, 'code'], 'unknown-obligation-code']]);
      expect(ruleIssues({ obligations: [null] })).toEqual([[['rules', 1, 'obligations', 0], 'invalid-rule']]);
      expect(ruleIssues({ obligations: { code: 'use-within-purpose' } })).toEqual([
        [['rules', 1, 'obligations'], 'invalid-rule'],
      ]);
      expect(ruleIssues({ obligations: [{ code: 'use-within-purpose' }] })).toEqual([
        [['rules', 1, 'obligations', 0, 'basis'], 'invalid-citation'],
      ]);
    });

    it("refuses a due other than 'holding-ends', and that one in a version without a holding period (13(4))", () => {
      const duty = { code: 'use-within-purpose', basis: { source: 'contract' } };
      expect(ruleIssues({ obligations: [{ ...duty, due: 'tomorrow' }] })).toEqual([
        [['rules', 1, 'obligations', 0, 'due'], 'invalid-rule'],
      ]);
      expect(ruleIssues({ obligations: [{ ...duty, due: 'holding-ends' }] })).toEqual([]);
      expect(
        ruleIssues({ obligations: [{ ...duty, due: 'holding-ends' }] }, { holdingPeriod: undefined }),
      ).toEqual([[['rules', 1, 'obligations', 0, 'due'], 'invalid-rule']]);
    });

    it('refuses a rule that is not an object, once, at its index', () => {
      expect(ruleIssues(null)).toEqual([[['rules', 1], 'invalid-rule']]);
      expect(issuesOf(version({ rules: [RULE, 'rule'] }))).toEqual([[['rules', 1], 'invalid-rule']]);
    });
  });

  describe("each rule's condition (SPEC §8: conditions as data)", () => {
    it('refuses a condition whose key is unknown, or that has two keys or none', () => {
      expect(ruleIssues({ condition: { sunny: true } })).toEqual([
        [['rules', 1, 'condition'], 'invalid-condition'],
      ]);
      expect(ruleIssues({ condition: { justified: true, designated: true } })).toEqual([
        [['rules', 1, 'condition'], 'invalid-condition'],
      ]);
      expect(ruleIssues({ condition: {} })).toEqual([[['rules', 1, 'condition'], 'invalid-condition']]);
      expect(ruleIssues({ condition: null })).toEqual([[['rules', 1, 'condition'], 'invalid-condition']]);
      expect(ruleIssues({ condition: { justified: true } })).toEqual([]);
    });

    it('refuses a condition nested in all, any or not at its own path', () => {
      expect(ruleIssues({ condition: { all: [{ justified: true }, { sunny: true }] } })).toEqual([
        [['rules', 1, 'condition', 'all', 1], 'invalid-condition'],
      ]);
      expect(ruleIssues({ condition: { not: { any: [] } } })).toEqual([
        [['rules', 1, 'condition', 'not', 'any'], 'invalid-condition'],
      ]);
      expect(
        ruleIssues({ condition: { consent: { from: 'data-subject', forms: ['written', 'telepathy'] } } }),
      ).toEqual([[['rules', 1, 'condition', 'consent', 'forms', 1], 'invalid-rule']]);
    });

    it("refuses { holding: 'within-period' } in a version without a holding period, and accepts it with one (13(4))", () => {
      const holding = { condition: { holding: 'within-period' } };
      expect(ruleIssues(holding, { holdingPeriod: undefined })).toEqual([
        [['rules', 1, 'condition', 'holding'], 'invalid-condition'],
      ]);
      expect(ruleIssues(holding, { holdingPeriod: { years: 1 } })).toEqual([]);
      expect(ruleIssues({ condition: { holding: 'forever' } })).toEqual([
        [['rules', 1, 'condition', 'holding'], 'invalid-condition'],
      ]);
    });

    it('refuses { survivalEnded: true } in a version without a survival period, and accepts it with one (32(5))', () => {
      const survival = { condition: { survivalEnded: true } };
      expect(ruleIssues(survival, { survivalPeriod: undefined })).toEqual([
        [['rules', 1, 'condition', 'survivalEnded'], 'invalid-condition'],
      ]);
      expect(ruleIssues(survival, { survivalPeriod: { years: 3 } })).toEqual([]);
    });
  });

  describe("the version's own parameters (13(4), 32(5), 30(3), 31(2), 32(4))", () => {
    it('refuses a holding or survival period that is zero, fractional, negative or in unknown units', () => {
      expect(issuesOf(version({ holdingPeriod: { years: 0 } }))).toEqual([
        [['holdingPeriod'], 'invalid-period'],
      ]);
      expect(issuesOf(version({ holdingPeriod: { fortnights: 1 } }))).toEqual([
        [['holdingPeriod'], 'invalid-period'],
      ]);
      expect(issuesOf(version({ holdingPeriod: { years: 1, fortnights: 1 } }))).toEqual([
        [['holdingPeriod'], 'invalid-period'],
      ]);
      expect(issuesOf(version({ holdingPeriod: { years: 1.5 } }))).toEqual([
        [['holdingPeriod'], 'invalid-period'],
      ]);
      expect(issuesOf(version({ survivalPeriod: { years: 3, days: -1 } }))).toEqual([
        [['survivalPeriod'], 'invalid-period'],
      ]);
      expect(issuesOf(version({ holdingPeriod: { years: 0, months: 18 } }))).toEqual([]);
    });

    it('refuses a returnDuty naming an obligation the version has no messages for (32(4))', () => {
      expect(issuesOf(version({ returnDuty: 'pay-a-fee' }))).toEqual([
        [['returnDuty'], 'unknown-obligation-code'],
      ]);
      expect(issuesOf(version({ returnDuty: 42 }))).toEqual([[['returnDuty'], 'unknown-obligation-code']]);
    });

    it('refuses a transmissionConsent that is not { from: a party, form } (31(2))', () => {
      for (const transmissionConsent of [
        'written',
        { from: 'provider' },
        { form: 'written' },
        { from: 'nobody', form: 'written' },
        { from: 'provider', form: 'carrier-pigeon' },
      ])
        expect(issuesOf(version({ transmissionConsent }))).toEqual([
          [['transmissionConsent'], 'invalid-terms-version'],
        ]);
      expect(issuesOf(version({ transmissionConsent: { from: 'provider', form: 'electronic' } }))).toEqual(
        [],
      );
    });

    it('refuses an outcomeOwnership that is not a citation (30(3))', () => {
      expect(issuesOf(version({ outcomeOwnership: 30 }))).toEqual([
        [['outcomeOwnership'], 'invalid-citation'],
      ]);
    });
  });

  describe('every problem, at once', () => {
    it('reports every problem of a version in one pass, each with its path from the version root', () => {
      const bad = version({
        id: '',
        effectiveFrom: '2030-04-01T00:00:00',
        rules: [
          rule({ when: 'yes' }),
          rule({ id: 'b', basis: [null] }),
          rule({ id: 'c', recipients: 'third-party' }),
          rule({ id: 'd', condition: { sunny: true } }),
        ],
        holdingPeriod: { years: 0 },
      });
      expect(issuesOf(bad)).toEqual([
        [['id'], 'invalid-terms-version'],
        [['effectiveFrom'], 'timestamp-without-offset'],
        [['rules', 0, 'when'], 'invalid-rule'],
        [['rules', 1, 'basis', 0], 'invalid-citation'],
        [['rules', 2, 'recipients'], 'invalid-rule'],
        [['rules', 3, 'condition'], 'invalid-condition'],
        [['holdingPeriod'], 'invalid-period'],
      ]);
    });

    it('lists the first 100 problems and counts the rest in one too-many-issues issue', () => {
      // 60 rules with two problems each: 120 problems.
      const rules = Array.from({ length: 60 }, (_, i) =>
        rule({ id: `r${i}`, effect: 'allow', reason: 'nope' }),
      );
      const { issues } = checkTerms(version({ rules }));
      expect(issues).toHaveLength(101);
      expect(found(issues.slice(0, 100))).toEqual(
        Array.from({ length: 50 }, (_, i) => [
          [['rules', i, 'effect'], 'invalid-rule'],
          [['rules', i, 'reason'], 'unknown-reason-code'],
        ]).flat(),
      );
      expect(issues[100]).toMatchObject({ path: [], code: 'too-many-issues' });
      expect(issues[100]?.message).toContain('20 more');
      // 100 problems exactly are listed in full.
      expect(checkTerms(version({ rules: rules.slice(0, 50) })).issues.map((i) => i.code)).not.toContain(
        'too-many-issues',
      );
    });
  });

  describe("each condition's value (SPEC §8: conditions as data, checked whole)", () => {
    /** The issues of a rule whose condition is `condition`, as `[path below the condition, code]`. */
    const conditionIssues = (condition: unknown, more: Record<string, unknown> = {}) =>
      ruleIssues({ condition }, more).map(([path, code]) => [path.slice(3), code]);

    it('accepts every kind of condition with a value of its kind', () => {
      for (const condition of [
        { justified: true },
        { priorNoticeImpossible: true },
        { privacyPolicyPurpose: true },
        { designated: true },
        { survivalEnded: true },
        { holding: 'expired' },
        { holding: 'extended' },
        { personalData: ['none', 'possible', 'yes'] },
        { legalBasis: ['law', 'authority-request'] },
        { consent: { from: 'discloser' } },
        { consent: { from: 'person', forms: ['oral'] } },
        { consent: { from: 'third-party', forms: ['written', 'electronic'] } },
        { recipient: 'discloser' },
        { recipient: 'person' },
        { exception: 'already-held' },
        { exception: 'obtained-from-third-party' },
        { exception: 'independently-developed' },
        { exception: 'public' },
        { disclosedBy: 'actor' },
        { disclosedBy: 'user' },
        { disclosedBy: 'provider' },
        { any: [{ justified: true }] },
        { not: { designated: true } },
      ])
        expect(conditionIssues(condition), JSON.stringify(condition)).toEqual([]);
    });

    it('refuses a flag condition whose value is not true, at its key', () => {
      for (const key of [
        'justified',
        'priorNoticeImpossible',
        'privacyPolicyPurpose',
        'designated',
        'survivalEnded',
      ])
        expect(conditionIssues({ [key]: false }), key).toEqual([[[key], 'invalid-condition']]);
    });

    it('refuses personalData or legalBasis lists that are empty or name an unknown value, at the value', () => {
      expect(conditionIssues({ personalData: [] })).toEqual([[['personalData'], 'invalid-rule']]);
      expect(conditionIssues({ personalData: ['none', 'maybe'] })).toEqual([
        [['personalData', 1], 'invalid-rule'],
      ]);
      expect(conditionIssues({ legalBasis: 'law' })).toEqual([[['legalBasis'], 'invalid-rule']]);
      expect(conditionIssues({ legalBasis: ['court-order'] })).toEqual([[['legalBasis', 0], 'invalid-rule']]);
    });

    it('refuses a consent condition without a known party, or with forms that are not a non-empty list', () => {
      expect(conditionIssues({ consent: { from: 'nobody' } })).toEqual([[['consent'], 'invalid-condition']]);
      expect(conditionIssues({ consent: 'user' })).toEqual([[['consent'], 'invalid-condition']]);
      expect(conditionIssues({ consent: { from: 'user', forms: [] } })).toEqual([
        [['consent', 'forms'], 'invalid-rule'],
      ]);
    });

    it('refuses a recipient, exception or disclosedBy condition naming an unknown value (32(1))', () => {
      expect(conditionIssues({ recipient: 'user' })).toEqual([[['recipient'], 'invalid-condition']]);
      expect(conditionIssues({ exception: 'forgotten' })).toEqual([[['exception'], 'invalid-condition']]);
      expect(conditionIssues({ disclosedBy: 'subcontractor' })).toEqual([
        [['disclosedBy'], 'invalid-condition'],
      ]);
    });

    it('refuses all or any without a non-empty list of conditions', () => {
      expect(conditionIssues({ all: [] })).toEqual([[['all'], 'invalid-condition']]);
      expect(conditionIssues({ any: { justified: true } })).toEqual([[['any'], 'invalid-condition']]);
    });

    it('accepts conditions nested 16 deep and refuses one nested deeper, at the innermost', () => {
      const nested = (depth: number): unknown =>
        depth === 0 ? { justified: true } : { not: nested(depth - 1) };
      expect(conditionIssues(nested(16))).toEqual([]);
      const deep = conditionIssues(nested(17));
      expect(deep).toEqual([[Array.from({ length: 17 }, () => 'not'), 'invalid-condition']]);
    });
  });

  describe('the articles and codes of a version, checked exactly (SPEC §8)', () => {
    const summary = { ja: '要約', en: 'A summary' };

    it('keys articles by a number from 1 written plainly: not 0, not 01, not 1a, not a1', () => {
      for (const key of ['0', '01', '1a', 'a1'])
        expect(issuesOf(version({ articles: { [key]: { title: summary, summary } } })), key).toEqual([
          [['articles', key], 'invalid-terms-version'],
        ]);
      expect(issuesOf(version({ articles: { 130: { title: summary, summary } } }))).toEqual([]);
    });

    it('refuses an article that is not an object once, at its key, and a bad summary at its own path', () => {
      expect(issuesOf(version({ articles: { 13: 'Use of measurement data' } }))).toEqual([
        [['articles', '13'], 'invalid-terms-version'],
      ]);
      expect(issuesOf(version({ articles: { 13: { title: summary, summary: 'short' } } }))).toEqual([
        [['articles', '13', 'summary'], 'invalid-terms-version'],
      ]);
    });

    it('takes a code only as a string: a list holding a known code is no code (SPEC §3 codes)', () => {
      expect(ruleIssues({ reason: ['not-granted'] })).toEqual([
        [['rules', 1, 'reason'], 'unknown-reason-code'],
      ]);
      expect(
        ruleIssues({ obligations: [{ code: ['use-within-purpose'], basis: { source: 'contract' } }] }),
      ).toEqual([[['rules', 1, 'obligations', 0, 'code'], 'unknown-obligation-code']]);
      expect(issuesOf(version({ returnDuty: ['return-or-erase-on-request'] }))).toEqual([
        [['returnDuty'], 'unknown-obligation-code'],
      ]);
    });

    it('counts the problems beyond the first 100 in the message of the last issue', () => {
      const rules = Array.from({ length: 53 }, (_, i) =>
        rule({ id: `r${i}`, effect: 'allow', reason: 'nope' }),
      );
      const { issues } = checkTerms(version({ rules }));
      expect(issues[100]?.message).toBe('6 more issues not listed');
    });
  });

  describe('the value it returns (SPEC §7)', () => {
    it('keeps effectiveFrom and noticeGivenAt among the keys of the version, so spreading it keeps them', () => {
      const defined = defineTerms(version());
      expect(Object.keys(defined)).toEqual(expect.arrayContaining(['effectiveFrom', 'noticeGivenAt']));
      const spread = { ...defined };
      expect(spread.effectiveFrom).toEqual(new Date('2030-04-01T00:00:00+09:00'));
      expect(spread.noticeGivenAt).toEqual(new Date('2030-01-15T00:00:00+09:00'));
    });

    it('gives rules and articles plain objects, and the codes tables no prototype', () => {
      const defined = defineTerms(version());
      expect(Object.getPrototypeOf(defined.rules[0])).toBe(Object.prototype);
      expect(Object.getPrototypeOf(defined.articles[13])).toBe(Object.prototype);
      expect(Object.getPrototypeOf(defined.codes.reasons)).toBeNull();
      expect(Object.getPrototypeOf(defined.codes.obligations)).toBeNull();
    });

    it('drops rule fields given as undefined rather than keeping them as keys', () => {
      const defined = defineTerms(
        version({ rules: [RULE, rule({ when: undefined, condition: undefined })] }),
      );
      expect(Object.keys(defined.rules[1] as object)).not.toContain('when');
      expect(Object.keys(defined.rules[1] as object)).not.toContain('condition');
    });
  });

  describe('the messages of its issues (SPEC §3: every issue has a message)', () => {
    it('names what a list may not be, and the unknown value without the plural', () => {
      const { issues } = checkTerms(version({ rules: [RULE, rule({ kinds: ['diary'], actors: [] })] }));
      expect(issues.map((i) => i.message)).toEqual([
        'Unknown kind: diary',
        'actors must be a non-empty array',
      ]);
    });

    it('names a rule id that is used twice, and does not count rules without an id as sharing one', () => {
      const { issues } = checkTerms(version({ rules: [RULE, rule(), rule()] }));
      expect(issues).toEqual([
        { path: ['rules', 2, 'id'], code: 'duplicate-rule-id', message: 'Rule id test/rule is used twice' },
      ]);
      const withoutIds = checkTerms(
        version({ rules: [RULE, rule({ id: undefined }), rule({ id: undefined })] }),
      );
      expect(withoutIds.issues.map((i) => [i.path, i.code])).toEqual([
        [['rules', 1, 'id'], 'invalid-rule'],
        [['rules', 2, 'id'], 'invalid-rule'],
      ]);
    });
  });
});

describe('defineTerms', () => {
  it('throws PolicyInputError with the issues checkTerms reports', () => {
    const bad = version({ rules: [rule({ when: 'yes' }), rule({ id: 'b', reason: 'because' })] });
    expect(thrownIssues(() => defineTerms(bad))).toEqual([
      [['rules', 0, 'when'], 'invalid-rule'],
      [['rules', 1, 'reason'], 'unknown-reason-code'],
    ]);
    expect(() => defineTerms(bad)).toThrow(/rules\.0\.when/);
  });

  describe('what it returns no caller can alter (SPEC §7)', () => {
    it('returns a version frozen through its rules, citations, codes, articles and periods', () => {
      const defined = defineTerms(version({ rules: [RULE, rule({ recipients: ['third-party'] })] }));
      const [first, second] = defined.rules;
      for (const value of [
        defined,
        defined.rules,
        first,
        first?.kinds,
        first?.basis,
        first?.basis[0],
        first?.obligations?.[0],
        second?.recipients,
        defined.codes,
        defined.codes.reasons,
        defined.codes.reasons['use-for-service-analysis'],
        defined.articles,
        defined.articles[13]?.title,
        defined.holdingPeriod,
        defined.transmissionConsent,
      ])
        expect(Object.isFrozen(value)).toBe(true);
      expect(() => {
        (defined as { id: string }).id = '2099-01-01';
      }).toThrow(TypeError);
      expect(defined.id).toBe('2030-04-01');
    });

    it('hands out effectiveFrom and noticeGivenAt as a fresh copy on every read: setTime on one changes nothing', () => {
      const defined = defineTerms(version());
      expect(defined.effectiveFrom).not.toBe(defined.effectiveFrom);
      defined.effectiveFrom.setTime(0);
      defined.noticeGivenAt?.setFullYear(2099);
      expect(defined.effectiveFrom.toISOString()).toBe('2030-03-31T15:00:00.000Z');
      expect(defined.noticeGivenAt?.toISOString()).toBe('2030-01-14T15:00:00.000Z');
    });

    it('copies the input: changing its dates, rules or rule arrays afterwards changes nothing of the version', () => {
      const effectiveFrom = new Date('2030-04-01T00:00:00+09:00');
      const when = () => true;
      const input = {
        ...terms20201201,
        id: '2030-04-01',
        effectiveFrom,
        noticeGivenAt: new Date('2030-01-15T00:00:00+09:00'),
        rules: [
          {
            ...RULE,
            id: 'copied',
            kinds: ['measurement'],
            actions: ['use'],
            when,
            basis: [{ source: 'terms', article: 13 }],
          },
        ],
        holdingPeriod: { years: 1 },
      };
      const defined = defineTerms(input as unknown as TermsVersionInput);
      const written = input.rules[0] as unknown as { kinds: string[]; actions: string[]; effect: string };
      written.kinds.push('derived');
      written.actions.splice(0, 1, 'license');
      written.effect = 'deny';
      (input.rules[0]?.basis[0] as { article: number }).article = 99;
      input.rules.push({ ...input.rules[0], id: 'added' } as never);
      input.holdingPeriod.years = 50;
      effectiveFrom.setTime(0);
      const [copied] = defined.rules;
      expect(defined.rules).toHaveLength(1);
      expect(copied).toMatchObject({
        id: 'copied',
        kinds: ['measurement'],
        actions: ['use'],
        effect: 'permit',
      });
      expect(copied?.basis).toEqual([{ source: 'terms', article: 13 }]);
      expect(copied?.when).toBe(when);
      expect(defined.holdingPeriod).toEqual({ years: 1 });
      expect(defined.effectiveFrom.toISOString()).toBe('2030-03-31T15:00:00.000Z');
      // Inputs are never mutated (nor frozen).
      expect(Object.isFrozen(input.rules)).toBe(false);
    });

    it('reads a Date by its internal time value, not by a getTime the object overrides (SPEC §7)', () => {
      const effectiveFrom = new Date('2030-04-01T00:00:00+09:00');
      Object.defineProperty(effectiveFrom, 'getTime', { value: () => 0 });
      const defined = defineTerms(version({ effectiveFrom }));
      expect(Date.prototype.getTime.call(defined.effectiveFrom)).toBe(
        Date.parse('2030-04-01T00:00:00+09:00'),
      );
      expect(Object.hasOwn(defined.effectiveFrom, 'getTime')).toBe(false);
    });
  });

  describe('a polluted Object.prototype (SPEC §7)', () => {
    it('gives a version none of the fields it inherits from a polluted Object.prototype', () => {
      const polluted: Record<string, unknown> = {
        noticeGivenAt: '2017-01-01T00:00:00+09:00',
        survivalPeriod: { years: 99 },
        outcomeOwnership: { source: 'terms', article: 30, paragraph: 3 },
        transmissionConsent: { from: 'provider', form: 'oral' },
        returnDuty: 'use-within-purpose',
      };
      const proto = Object.prototype as Record<string, unknown>;
      let checked: ReturnType<typeof checkTerms>;
      let survival: ReturnType<typeof checkTerms>;
      try {
        Object.assign(proto, polluted);
        checked = checkTerms({ ...terms20170401 });
        // The inherited survival period does not count either: a rule that needs one is refused (32(5)).
        survival = checkTerms({ ...terms20170401, rules: [rule({ condition: { survivalEnded: true } })] });
      } finally {
        for (const key of Object.keys(polluted)) Reflect.deleteProperty(proto, key);
      }
      expect(found(checked.issues)).toEqual([]);
      const defined = checked.version as TermsVersion;
      for (const key of Object.keys(polluted)) {
        expect(Object.hasOwn(defined, key), key).toBe(false);
        expect((defined as unknown as Record<string, unknown>)[key], key).toBeUndefined();
      }
      expect(Object.keys(defined).sort()).toEqual(
        ['articles', 'codes', 'effectiveFrom', 'holdingPeriod', 'id', 'rules'].sort(),
      );
      expect(found(survival.issues)).toEqual([
        [['rules', 0, 'condition', 'survivalEnded'], 'invalid-condition'],
      ]);
    });
  });
});

describe('createPolicy({ terms })', () => {
  it('refuses an empty list or a value that is not a list: a policy needs terms', () => {
    expect(policyIssues([])).toEqual([[['terms'], 'no-terms']]);
    expect(policyIssues('terms')).toEqual([[['terms'], 'no-terms']]);
  });

  it('takes a version defineTerms made as it is, and checks a copy of it made by spreading (SPEC §7)', () => {
    const next = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: '2030-04-01T00:00:00+09:00',
      noticeGivenAt: '2030-01-15T00:00:00+09:00',
    });
    const policy = createPolicy({ terms: [terms20170401, terms20201201, next] });
    expect(policy.terms[0]).toBe(terms20170401);
    expect(policy.terms[2]).toBe(next);
    const copy = { ...next };
    expect(createPolicy({ terms: [copy] }).terms[0]).not.toBe(copy);
    expect(() =>
      createPolicy({ terms: [{ ...next, rules: [{ ...next.rules[0], when: 'yes' } as never] }] }),
    ).toThrow(PolicyInputError);
  });

  it('uses both shipped versions when told no terms (SPEC §1)', () => {
    expect(createPolicy({ terms: undefined }).terms).toEqual(DEFAULT_TERMS);
  });

  it('returns the versions oldest first, whatever order they are given in, as a frozen list', () => {
    const policy = createPolicy({ terms: [version(), terms20201201, terms20170401] as TermsVersion[] });
    expect(policy.terms.map((v) => v.id)).toEqual(['2017-04-01', '2020-12-01', '2030-04-01']);
    expect(Object.isFrozen(policy.terms)).toBe(true);
    expect(policy.terms[2]?.effectiveFrom.toISOString()).toBe('2030-03-31T15:00:00.000Z');
  });

  it('refuses the whole list when any version is malformed, at its place in the list given', () => {
    expect(policyIssues([terms20170401, version({ id: '' })])).toEqual([
      [['terms', 1, 'id'], 'invalid-terms-version'],
    ]);
    expect(
      policyIssues([
        terms20170401,
        version({ rules: [RULE, rule({ when: 'yes' }), rule({ id: 'b', basis: [null] })] }),
      ]),
    ).toEqual([
      [['terms', 1, 'rules', 1, 'when'], 'invalid-rule'],
      [['terms', 1, 'rules', 2, 'basis', 0], 'invalid-citation'],
    ]);
  });

  it('refuses an entry that is not an object, at its index', () => {
    expect(policyIssues([terms20170401, null])).toEqual([[['terms', 1], 'invalid-terms-version']]);
    expect(policyIssues([42])).toEqual([[['terms', 0], 'invalid-terms-version']]);
  });

  it('reports the problems of every version at once, cut at 100 in all with one too-many-issues at the end', () => {
    const many = Array.from({ length: 60 }, (_, i) => rule({ id: `r${i}`, effect: 'allow', reason: 'nope' }));
    const issues = policyIssues([
      version({ id: ' ' }),
      terms20170401,
      version({ id: '2031-04-01', rules: many }),
    ]);
    expect(issues[0]).toEqual([['terms', 0, 'id'], 'invalid-terms-version']);
    expect(issues[1]).toEqual([['terms', 2, 'rules', 0, 'effect'], 'invalid-rule']);
    // 1 issue of the first version and 101 of the third (100 and its own count of the rest): cut at 100 in all.
    expect(issues).toHaveLength(101);
    expect(issues.at(-1)).toEqual([[], 'too-many-issues']);
  });

  it('refuses an id two versions share, at the later of them', () => {
    expect(policyIssues([{ ...terms20201201, id: '2017-04-01' }, terms20170401])).toEqual([
      [['terms', 0, 'id'], 'duplicate-terms-id'],
    ]);
  });

  it('refuses two versions that take effect at the same instant, at the one listed later', () => {
    expect(policyIssues([terms20170401, terms20201201, { ...terms20201201, id: '2020-12-01-bis' }])).toEqual([
      [['terms', 2, 'effectiveFrom'], 'duplicate-effective-date'],
    ]);
  });

  describe('notice of a change (Art. 3)', () => {
    it('refuses a later version without a notice date, at its index in the list given', () => {
      expect(policyIssues([version({ noticeGivenAt: undefined }), terms20170401])).toEqual([
        [['terms', 0, 'noticeGivenAt'], 'notice-missing'],
      ]);
    });

    it('refuses notice given at the effective instant itself or after it: it must come before', () => {
      expect(policyIssues([terms20170401, version({ noticeGivenAt: '2030-04-01T00:00:00+09:00' })])).toEqual([
        [['terms', 1, 'noticeGivenAt'], 'notice-not-before-effective'],
      ]);
      expect(policyIssues([terms20170401, version({ noticeGivenAt: '2030-05-01T00:00:00+09:00' })])).toEqual([
        [['terms', 1, 'noticeGivenAt'], 'notice-not-before-effective'],
      ]);
      const policy = createPolicy({
        terms: [terms20170401, version({ noticeGivenAt: '2030-03-31T23:59:59.999+09:00' })] as TermsVersion[],
      });
      expect(policy.terms.map((v) => v.id)).toEqual(['2017-04-01', '2030-04-01']);
    });

    it('accepts a first version without a notice date (Art. 3 speaks of changes)', () => {
      const policy = createPolicy({ terms: [version({ noticeGivenAt: undefined })] as TermsVersion[] });
      expect(policy.terms.map((v) => v.id)).toEqual(['2030-04-01']);
    });
  });
});
