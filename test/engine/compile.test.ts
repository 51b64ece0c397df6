import { derived, measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { CompiledTerms, citation, templateAt } from '../../src/engine/compile.js';
import {
  appiArticle,
  civilCodeArticle,
  createPolicy,
  defineRule,
  defineTerms,
  type RequestSnapshot,
  type Rule,
  serviceContract,
  terms20201201,
  termsArticle,
} from '../../src/index.js';

// A terms version compiled into its decision table (SPEC §8, §10; STYLE 12): rules matched by kind, actor,
// action, recipient and purpose, tried in order; each rule's answer built once, with the version filled into its
// citations and APPI numbered as in force at the decision (the APPI renumbering of 2022-04-01).

const at = new Date('2021-06-01T10:00:00+09:00');

/** A one-version policy whose rules are `rules` (the 2020-12-01 codes, articles and periods). */
function policyOf(...rules: Rule[]) {
  const version = defineTerms({
    ...terms20201201,
    id: '2030-04-01',
    effectiveFrom: '2017-04-01T00:00:00+09:00',
    noticeGivenAt: undefined,
    rules,
  });
  return createPolicy({ terms: [version], clock: () => at });
}

const processing = (overrides: Partial<Rule> = {}): Rule =>
  defineRule({
    id: 'test/process',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['process'],
    effect: 'permit',
    reason: 'processing-granted',
    basis: [termsArticle(13, 3, 3)],
    ...overrides,
  } as Rule);

describe('citation', () => {
  it('fills the version into terms and contract citations, and labels each (SPEC §3 Citation)', () => {
    expect(citation(termsArticle(13, 3, 1, 'イ'), terms20201201, 'en', false)).toMatchObject({
      source: 'terms',
      terms: '2020-12-01',
      article: 13,
      paragraph: 3,
      item: 1,
      subitem: 'イ',
      label: expect.stringMatching(/13/),
    });
    expect(citation(serviceContract, terms20201201, 'en', false)).toMatchObject({
      source: 'contract',
      terms: '2020-12-01',
    });
  });

  it('gives no terms version to a citation of the APPI or the Civil Code', () => {
    expect(citation(appiArticle(27, 1), terms20201201, 'en', false)).not.toHaveProperty('terms');
    expect(citation(civilCodeArticle(140), terms20201201, 'en', false)).not.toHaveProperty('terms');
  });

  it('numbers an APPI article as before 2022-04-01 only for decisions before then (APPI 27 was 23)', () => {
    expect(citation(appiArticle(27, 1), terms20201201, 'en', true).article).toBe(23);
    expect(citation(appiArticle(27, 1), terms20201201, 'en', false).article).toBe(27);
  });

  it('returns a frozen citation', () => {
    expect(Object.isFrozen(citation(termsArticle(13), terms20201201, 'ja', false))).toBe(true);
  });
});

describe('templateAt', () => {
  it('cites the APPI as renumbered from 2022-04-01T00:00:00+09:00, and as before until the millisecond before', () => {
    const policy = createPolicy({ clock: () => at });
    const data = derived({ personalData: 'possible' });
    const request = { action: 'disclose', data, recipient: 'subcontractor' } as const;
    const appi = (when: string) =>
      policy
        .decide({ ...request, at: when })
        .basis.concat(policy.decide({ ...request, at: when }).obligations.map((o) => o.basis))
        .filter((c) => c.source === 'appi')
        .map((c) => c.article);
    expect(appi('2022-03-31T23:59:59.999+09:00')).toEqual([23, 22, 23]);
    expect(appi('2022-04-01T00:00:00+09:00')).toEqual([27, 25, 27]);
  });

  it('uses one template for both editions of a rule that cites no APPI article', () => {
    const compiled = new CompiledTerms(terms20201201, 'en', { privacyPolicyPurposes: new Set() });
    const [rule] = compiled.cell('measurement', 'provider', 'process', undefined, undefined);
    expect(rule).toBeDefined();
    if (rule === undefined) return;
    expect(rule.beforeAppi2022).toBe(rule.current);
    expect(templateAt(rule, 0)).toBe(rule.current);
  });
});

describe('CompiledTerms', () => {
  const env = { privacyPolicyPurposes: new Set(['service-provision']) };

  it('keeps a bucket once compiled: the table is inspectable data, asked twice it is the same (STYLE 12)', () => {
    const compiled = new CompiledTerms(terms20201201, 'en', env);
    expect(compiled.bucket('measurement', 'provider', 'use')).toBe(
      compiled.bucket('measurement', 'provider', 'use'),
    );
    expect(compiled.bucket('measurement', 'provider', 'use')).not.toBe(
      compiled.bucket('measurement', 'provider', 'process'),
    );
  });

  it('ends every cell with a rule that has no condition, the default deny where no rule is unconditional', () => {
    const compiled = new CompiledTerms(terms20201201, 'en', env);
    const cell = compiled.cell('measurement', 'provider', 'use', undefined, 'incidental');
    expect(cell.map((r) => r.rule.id)).toEqual([
      '13-3-1-ha/provider/use',
      '13-3-1-ha-unrecorded/provider/use',
    ]);
    expect(cell.at(-1)?.conditional).toBe(false);
    expect(compiled.fallback.rule.id).toBe('default-deny');
    expect(compiled.fallback.index).toBe(-1);
  });

  it('looks up the cell of the purpose a rule names, and the other cell for any other purpose or none', () => {
    const compiled = new CompiledTerms(terms20201201, 'en', env);
    const ids = (purpose: string | undefined) =>
      compiled.cell('measurement', 'provider', 'use', undefined, purpose).map((r) => r.rule.id);
    expect(ids('service-analysis')).toEqual(['13-3-1-i/provider/use']);
    expect(ids('marketing')).toEqual(['13-3-1/provider/use']);
    expect(ids(undefined)).toEqual(['13-3-1/provider/use']);
  });

  it('looks up the cell of the recipient, and the no-recipient cell for none (13(3)(2), 13(3)(4))', () => {
    const compiled = new CompiledTerms(terms20201201, 'en', env);
    const first = (recipient: Parameters<CompiledTerms['cell']>[3]) =>
      compiled.cell('measurement', 'provider', 'disclose', recipient, 'service-analysis')[0]?.rule.id;
    expect(first('subcontractor')).toBe('13-3-1-i/provider/disclose');
    // Another customer's record first (a condition), then the customer's own: the service.
    expect(
      compiled.cell('measurement', 'provider', 'disclose', 'user', 'service-analysis').map((r) => r.rule.id),
    ).toEqual(['13-3-4/provider/other-customer', 'contract/provider/disclose-user']);
    expect(first('third-party')).toBe('13-3-4/provider/raw-data');
    expect(first(undefined)).toBe('13-3-4/provider/raw-data');
  });

  it('compiles a version with no rule at all into cells of the default deny alone', () => {
    const empty = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: '2017-04-01T00:00:00+09:00',
      noticeGivenAt: undefined,
      rules: [],
    });
    const compiled = new CompiledTerms(empty, 'en', env);
    expect(compiled.cell('measurement', 'user', 'use', undefined, 'x').map((r) => r.index)).toEqual([-1]);
  });
});

describe('a compiled rule', () => {
  it('gives a deny none of the obligations its rule lists: duties come with permits only (SPEC §3)', () => {
    const policy = policyOf(
      processing({
        effect: 'deny',
        reason: 'not-granted',
        obligations: [{ code: 'use-within-purpose', basis: termsArticle(13, 3, 1) }],
      }),
    );
    const decision = policy.decide({ action: 'process', data: measurement() });
    expect(decision).toMatchObject({ effect: 'deny', allowed: false, rule: 'test/process', obligations: [] });
  });

  it('gives a permit the obligations its rule lists, each with its basis and message', () => {
    const policy = policyOf(
      processing({ obligations: [{ code: 'use-within-purpose', basis: termsArticle(13, 3, 1) }] }),
    );
    const decision = policy.decide({ action: 'process', data: measurement() });
    expect(decision.obligations).toEqual([
      {
        code: 'use-within-purpose',
        basis: expect.objectContaining({ source: 'terms', terms: '2030-04-01', article: 13 }),
        message: expect.stringMatching(/\S/),
      },
    ]);
    expect(decision.reasons).toEqual([{ code: 'processing-granted', message: expect.stringMatching(/\S/) }]);
  });

  it('counts a `when` as holding only when it returns true, not a truthy value (positive evidence)', () => {
    const truthy = processing({ when: (() => 1) as unknown as Rule['when'] });
    expect(policyOf(truthy).decide({ action: 'process', data: measurement() }).rule).toBe('default-deny');
    const yes = processing({ when: () => true });
    expect(policyOf(yes).decide({ action: 'process', data: measurement() }).rule).toBe('test/process');
  });

  it('shows a `when` a frozen copy of the snapshot and the policy’s environment', () => {
    const seen: { frozen: boolean; purposes: string[] }[] = [];
    const rule = processing({
      when: (s: RequestSnapshot, env) => {
        seen.push({ frozen: Object.isFrozen(s), purposes: [...env.privacyPolicyPurposes] });
        return true;
      },
    });
    policyOf(rule).decide({ action: 'process', data: measurement() });
    expect(seen).toEqual([{ frozen: true, purposes: ['service-provision'] }]);
  });

  it('needs both the condition and the `when` of a rule that has both', () => {
    const both = (when: boolean, justification?: string) =>
      policyOf(processing({ condition: { justified: true }, when: () => when })).decide({
        action: 'process',
        data: measurement(),
        ...(justification !== undefined && { justification }),
      }).rule;
    expect(both(true, 'recorded by the provider')).toBe('test/process');
    expect(both(false, 'recorded by the provider')).toBe('default-deny');
    expect(both(true)).toBe('default-deny');
  });

  it('tries the next rule of the cell when a conditional one does not hold', () => {
    const policy = policyOf(
      processing({ id: 'test/justified', condition: { justified: true } }),
      processing({ id: 'test/otherwise', effect: 'deny', reason: 'not-granted' }),
    );
    expect(policy.decide({ action: 'process', data: measurement(), justification: 'why' }).rule).toBe(
      'test/justified',
    );
    expect(policy.decide({ action: 'process', data: measurement() }).rule).toBe('test/otherwise');
  });

  it('matches a rule that names purposes only for those purposes, and one that names recipients only for those', () => {
    const policy = policyOf(
      processing({ id: 'test/purpose', actions: ['use'], purposes: ['service-analysis'] }),
      processing({
        id: 'test/recipient',
        actions: ['disclose'],
        recipients: ['subcontractor'],
      }),
    );
    const data = measurement();
    expect(policy.decide({ action: 'use', data, purpose: 'service-analysis' }).rule).toBe('test/purpose');
    expect(policy.decide({ action: 'use', data, purpose: 'incident-response' }).rule).toBe('default-deny');
    expect(policy.decide({ action: 'disclose', data, recipient: 'subcontractor' }).rule).toBe(
      'test/recipient',
    );
    expect(policy.decide({ action: 'disclose', data, recipient: 'third-party' }).rule).toBe('default-deny');
  });

  it('cites the version as a whole for the default deny, with the not-granted reason', () => {
    const decision = policyOf().decide({ action: 'process', data: measurement() });
    expect(decision).toMatchObject({
      effect: 'deny',
      rule: 'default-deny',
      terms: '2030-04-01',
      basis: [expect.objectContaining({ source: 'terms', terms: '2030-04-01' })],
      reasons: [expect.objectContaining({ code: 'not-granted' })],
    });
    expect(decision.basis[0]).not.toHaveProperty('article');
  });
});
