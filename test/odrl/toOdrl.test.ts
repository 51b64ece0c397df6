import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createPolicy } from '../../src/engine/createPolicy.js';
import { decide } from '../../src/engine/defaultPolicy.js';
import { termsArticle } from '../../src/model/citation.js';
import { OBLIGATION_CODES } from '../../src/model/codes.js';
import { ACTIONS } from '../../src/model/vocabulary.js';
import { ruleIri } from '../../src/odrl/identifiers.js';
import { holdingDuration, OBLIGATION_EXPORT, ODRL_ACTION_OF } from '../../src/odrl/mapping.js';
import {
  PROFILE_IRI,
  PROFILE_NAMESPACE,
  PROFILE_TERMS,
  type ProfileTermType,
} from '../../src/odrl/profile.js';
import { toOdrl } from '../../src/odrl/toOdrl.js';
import type {
  OdrlCitation,
  OdrlConstraint,
  OdrlDecisionRule,
  OdrlObligation,
  OdrlPermission,
  OdrlPolicy,
  OdrlProhibition,
} from '../../src/odrl/types.js';
import {
  DUBLIN_CORE_TERMS,
  JSON_LD_KEYWORDS,
  ODRL_ACTIONS,
  ODRL_CONTEXT,
  ODRL_LEFT_OPERANDS,
  ODRL_OPERATORS,
  ODRL_POLICY_TYPES,
  ODRL_PROPERTIES,
  XSD_DATATYPES,
} from '../../src/odrl/vocabulary.js';
import { defineTerms } from '../../src/terms/defineTerms.js';
import { defineRule } from '../../src/terms/rule.js';
import type { TermsVersion } from '../../src/terms/termsVersion.js';
import { terms20170401 } from '../../src/terms/v2017-04-01/index.js';
import { terms20201201 } from '../../src/terms/v2020-12-01/index.js';
import { civilCodePeriod } from '../../src/time/civilCodePeriod.js';

// The ODRL 2.2 export of a terms version (SPEC §6): standard terms only outside the project's profile, generated
// from the rules (none dropped), duties that follow use as policy obligations.

const VERSIONS = [terms20201201, terms20170401] as const;
const P2020 = toOdrl(terms20201201);
const P2017 = toOdrl(terms20170401);

const KIND = (kind: string) => `urn:m2m-data-policy:kind:${kind}`;
const PARTY = (party: string) => `urn:m2m-data-policy:party:${party}`;
const PURPOSE = (purpose: string) => `urn:m2m-data-policy:purpose:${purpose}`;

const list = <T>(value: T | readonly T[]): readonly T[] => (Array.isArray(value) ? value : [value as T]);
const decisionRules = (p: OdrlPolicy): OdrlDecisionRule[] =>
  [...p.permission, ...p.prohibition].filter((r): r is OdrlDecisionRule => 'm2m:order' in r);
const constraintOn = (
  r: { readonly constraint?: readonly OdrlConstraint[] } | undefined,
  leftOperand: string,
): OdrlConstraint | undefined => r?.constraint?.find((c) => c.leftOperand === leftOperand);
/** A rule's or duty's citations without their labels. */
const articleOf = (r: { readonly 'm2m:basis': readonly OdrlCitation[] } | undefined) =>
  (r?.['m2m:basis'] ?? []).map(({ 'm2m:label': _, ...parts }) => parts);

/** Every term the export uses, by where it is used (the `@context` is the vocabulary itself: not walked). */
type Use = 'key' | 'type' | 'datatype' | 'action' | 'leftOperand' | 'operator' | 'conflict' | 'iri';
function usesOf(node: unknown, out: [Use, string][] = []): [Use, string][] {
  if (Array.isArray(node)) for (const item of node) usesOf(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '@context') continue;
      out.push(['key', key]);
      if (key === '@type') out.push(['@value' in node ? 'datatype' : 'type', String(value)]);
      else if (key === 'action' || key === 'leftOperand' || key === 'operator' || key === 'conflict')
        for (const v of list(value)) out.push([key, String(v)]);
      else if (key === '@id' || key === 'informedParty') out.push(['iri', String(value)]);
      else usesOf(value, out);
    }
  }
  return out;
}

const ODRL_TERMS: Record<Exclude<Use, 'iri'>, readonly string[]> = {
  key: [...ODRL_PROPERTIES, ...DUBLIN_CORE_TERMS, ...JSON_LD_KEYWORDS],
  type: ODRL_POLICY_TYPES,
  datatype: XSD_DATATYPES,
  action: ODRL_ACTIONS,
  leftOperand: ODRL_LEFT_OPERANDS,
  operator: ODRL_OPERATORS,
  conflict: [],
};
const PROFILE_TYPE: Partial<Record<Use, ProfileTermType>> = {
  action: 'Action',
  leftOperand: 'LeftOperand',
  conflict: 'ConflictTerm',
  key: 'Property',
};
const isProject = (term: string) => term.startsWith('m2m:') || term.startsWith('urn:m2m-data-policy:');
const profileTerm = (term: string) => PROFILE_TERMS.find((t) => t.term === term);

describe('toOdrl', () => {
  it.each(VERSIONS)(
    'uses only ODRL 2.2 terms of the local vocabulary outside the project namespace ($id)',
    (v) => {
      const foreign = usesOf(toOdrl(v)).filter(([use, term]) => use !== 'iri' && !isProject(term));
      expect(foreign.length).toBeGreaterThan(0);
      for (const [use, term] of foreign)
        expect(ODRL_TERMS[use as Exclude<Use, 'iri'>], `${use} ${term}`).toContain(term);
    },
  );

  it('keeps a vocabulary of standard terms only: none of the profile’s, none ODRL 2.2 deprecates', () => {
    const listed = [
      ...ODRL_PROPERTIES,
      ...ODRL_ACTIONS,
      ...ODRL_LEFT_OPERANDS,
      ...ODRL_OPERATORS,
      ...ODRL_POLICY_TYPES,
    ];
    for (const term of listed) expect(term).toMatch(/^[a-zA-Z]+$/);
    for (const deprecated of ['share', 'license', 'copy', 'pay', 'secondaryUse', 'write', 'export'])
      expect(listed).not.toContain(deprecated);
    expect(DUBLIN_CORE_TERMS).not.toContain('dc:isReplacedBy');
  });

  it.each(VERSIONS)('defines in the profile every project term it uses, in its class ($id)', (v) => {
    for (const [use, term] of usesOf(toOdrl(v)).filter(([, t]) => t.startsWith('m2m:'))) {
      const defined = profileTerm(term);
      expect(defined, term).toBeDefined();
      const type = PROFILE_TYPE[use];
      if (type) expect(defined?.type, `${use} ${term}`).toBe(type);
    }
    // Every profile action names the ODRL action it is included in (ODRL IM §3.3).
    for (const t of PROFILE_TERMS.filter((t) => t.type === 'Action'))
      expect(ODRL_ACTIONS).toContain(t.includedIn);
  });

  it('declares the ODRL context, then the profile’s prefix under its profile IRI', () => {
    expect(P2020['@context']).toEqual([
      ODRL_CONTEXT,
      { m2m: PROFILE_NAMESPACE, dc: 'http://purl.org/dc/terms/', xsd: 'http://www.w3.org/2001/XMLSchema#' },
    ]);
    expect(P2020.profile).toBe(PROFILE_IRI);
    expect(PROFILE_NAMESPACE.startsWith(PROFILE_IRI)).toBe(true);
  });

  it.each(VERSIONS)('round-trips through JSON.stringify and JSON.parse unchanged ($id)', (v) => {
    const policy = toOdrl(v);
    expect(JSON.parse(JSON.stringify(policy))).toStrictEqual(policy);
  });

  it('is an Agreement the provider makes with the user, identified by the terms version', () => {
    expect(P2020).toMatchObject({
      '@type': 'Agreement',
      uid: 'urn:m2m-data-policy:terms:2020-12-01',
      assigner: PARTY('provider'),
      assignee: PARTY('user'),
      conflict: 'm2m:firstApplicable',
      'dc:issued': { '@value': '2020-12-01T00:00:00+09:00', '@type': 'xsd:dateTime' },
      'm2m:noticeGivenAt': { '@value': '2020-10-15T00:00:00+09:00', '@type': 'xsd:dateTime' },
    });
  });

  it('names the 2017-04-01 terms as the version before, never voiding them (Art. 3, 附則)', () => {
    expect(P2020['dc:replaces']).toEqual({ '@id': 'urn:m2m-data-policy:terms:2017-04-01' });
    expect(P2020['m2m:inForceUntil']).toBeUndefined();
    for (const p of [P2020, P2017]) expect(JSON.stringify(p)).not.toContain('isReplacedBy');
  });

  it('represents every rule once, in its order, as a permission or a prohibition: none is dropped', () => {
    for (const v of VERSIONS) {
      const policy = toOdrl(v);
      const exported = decisionRules(policy).sort((a, b) => a['m2m:order'] - b['m2m:order']);
      expect(exported).toHaveLength(v.rules.length);
      exported.forEach((r, i) => {
        const rule = v.rules[i];
        expect(r['m2m:order']).toBe(i + 1);
        expect(r['m2m:rule']).toBe(rule?.id);
        expect(r.uid).toBe(ruleIri(v.id, rule?.id ?? ''));
        expect(r['m2m:reason']).toBe(rule?.reason);
        expect(list(r.target)).toEqual(rule?.kinds.map(KIND));
        expect(list(r.assignee)).toEqual(rule?.actors.map(PARTY));
        expect(list(r.action)).toEqual(rule?.actions.map((a) => ODRL_ACTION_OF[a]));
        expect(policy[rule?.effect === 'permit' ? 'permission' : 'prohibition']).toContain(r);
      });
      expect(new Set(exported.map((r) => r.uid)).size).toBe(v.rules.length);
    }
  });

  it('represents every obligation of every permitting rule once: as a duty, an obligation or a restriction', () => {
    for (const v of VERSIONS) {
      const policy = toOdrl(v);
      for (const rule of v.rules.filter((r) => r.effect === 'permit')) {
        const permission = policy.permission.find((p) => p['m2m:rule'] === rule.id);
        const codes = [
          ...(permission?.duty ?? []),
          ...policy.obligation.filter((o) => o['m2m:rule'] === rule.id),
          ...policy.prohibition.filter((p) => p['m2m:rule'] === rule.id && 'm2m:obligation' in p),
        ].map((d) => ('m2m:obligation' in d ? d['m2m:obligation'] : undefined));
        expect(codes.sort(), rule.id).toEqual((rule.obligations ?? []).map((o) => o.code).sort());
      }
    }
  });

  it('states every condition ODRL cannot express as an m2m:ruleCondition constraint, never dropping one', () => {
    for (const v of VERSIONS) {
      const byId = new Map(decisionRules(toOdrl(v)).map((r) => [r['m2m:rule'], r]));
      for (const rule of v.rules) {
        const condition = constraintOn(byId.get(rule.id), 'm2m:ruleCondition');
        if (rule.when || rule.condition) {
          expect(condition, rule.id).toEqual({
            leftOperand: 'm2m:ruleCondition',
            operator: 'eq',
            rightOperand: { '@id': `${ruleIri(v.id, rule.id)}:condition` },
          });
        } else expect(condition, rule.id).toBeUndefined();
      }
    }
  });

  it('keeps each rule’s articles as m2m:basis, labelled as decisions label them', () => {
    for (const v of VERSIONS) {
      for (const r of decisionRules(toOdrl(v))) {
        const rule = v.rules.find((x) => x.id === r['m2m:rule']);
        expect(r['m2m:basis']).toHaveLength(rule?.basis.length ?? -1);
      }
    }
    const analysis = P2020.permission.find((p) => p['m2m:rule'] === '13-3-1-i/provider/use');
    const decision = decide({
      action: 'use',
      data: measurement(),
      purpose: 'service-analysis',
      at: '2021-06-01T10:00:00+09:00',
    });
    expect(analysis?.['m2m:basis'][0]?.['m2m:label']).toEqual([
      { '@value': decision.basis[0]?.label, '@language': 'ja' },
      { '@value': 'Terms (2020-12-01) Art. 13(3)(1)イ', '@language': 'en' },
    ]);
  });

  it('permits the provider to use measurement data for service analysis under a purpose constraint (13(3)(1)イ)', () => {
    const permission = P2020.permission.find(
      (p) =>
        p.target === KIND('measurement') &&
        p.assignee === PARTY('provider') &&
        p.action === 'use' &&
        constraintOn(p, 'purpose')?.rightOperand['@id' as never] === PURPOSE('service-analysis'),
    );
    expect(permission).toBeDefined();
    expect(constraintOn(permission, 'purpose')?.operator).toBe('eq');
    expect(articleOf(permission)).toEqual([
      {
        'm2m:source': 'terms',
        'm2m:terms': '2020-12-01',
        'm2m:article': 13,
        'm2m:paragraph': 3,
        'm2m:item': 1,
        'm2m:subitem': 'イ',
      },
    ]);
  });

  it('permits disclosure of measurement data to a subcontractor under a recipient constraint, binding it first (13(3)(2))', () => {
    const disclosures = P2020.permission.filter(
      (p) =>
        p.target === KIND('measurement') &&
        p.action === 'distribute' &&
        constraintOn(p, 'recipient')?.rightOperand['@id' as never] === PARTY('subcontractor'),
    );
    const forAnalysis = disclosures.find(
      (p) => constraintOn(p, 'purpose')?.rightOperand['@id' as never] === PURPOSE('service-analysis'),
    );
    expect(articleOf(forAnalysis).map((c) => c['m2m:paragraph'])).toEqual([3, 3]);
    expect(articleOf(forAnalysis)[0]).toMatchObject({
      'm2m:article': 13,
      'm2m:item': 2,
    });
    // Binding the subcontractor to the purposes comes before it receives the data: a precondition duty.
    expect(forAnalysis?.duty).toEqual([
      expect.objectContaining({ action: 'nextPolicy', 'm2m:obligation': 'bind-subcontractor-to-purpose' }),
    ]);
  });

  it('prohibits licensing raw measurement data, and every other way of letting it leave (13(3)(4))', () => {
    const prohibition = P2020.prohibition.find(
      (p) =>
        p.target === KIND('measurement') &&
        p.assignee === PARTY('provider') &&
        list(p.action).includes('grantUse'),
    );
    expect(prohibition).toMatchObject({
      action: ['distribute', 'transfer', 'grantUse', 'm2m:sublicense'],
      'm2m:reason': 'raw-measurement-data-may-not-leave',
    });
    expect(prohibition?.constraint).toBeUndefined();
    expect(articleOf(prohibition)).toEqual([
      {
        'm2m:source': 'terms',
        'm2m:terms': '2020-12-01',
        'm2m:article': 13,
        'm2m:paragraph': 3,
        'm2m:item': 4,
      },
    ]);
  });

  it('obliges deleting measurement data when a year from receipt has run, by the Civil Code (13(4))', () => {
    const deletions = P2020.obligation.filter((o) => o['m2m:obligation'] === 'delete-when-retention-ends');
    expect(deletions.map((o) => o['m2m:rule'])).toEqual(['retention/within-period', 'retention/extended']);
    for (const o of deletions) {
      expect(o).toMatchObject({ action: 'delete', target: KIND('measurement') });
      expect(articleOf(o)).toEqual([
        { 'm2m:source': 'terms', 'm2m:terms': '2020-12-01', 'm2m:article': 13, 'm2m:paragraph': 4 },
      ]);
      expect(constraintOn(o, 'elapsedTime')).toEqual({
        leftOperand: 'elapsedTime',
        operator: 'eq',
        rightOperand: { '@value': 'P1Y', '@type': 'xsd:duration' },
        'm2m:countedFrom': { '@id': 'm2m:receivedAt' },
        'm2m:reckoning': { '@id': 'm2m:civilCodePeriod' },
        'm2m:extendedBy': { '@id': 'm2m:retentionExtension' },
      });
      // It arises once the data is held under the permission it follows.
      expect(constraintOn(o, 'event')).toEqual({
        leftOperand: 'event',
        operator: 'gt',
        rightOperand: { '@id': ruleIri('2020-12-01', o['m2m:rule']) },
      });
    }
    // Never a precondition: nothing is deleted before the data may be held.
    const duties = P2020.permission.flatMap((p) => p.duty ?? []);
    expect(duties.map((d) => d['m2m:obligation'])).not.toContain('delete-when-retention-ends');
  });

  it('states the same period as the engine: received 2021-03-15 10:00 JST, due 2022-03-16T00:00:00+09:00', () => {
    const years = Number(/^P(\d+)Y$/.exec(holdingDuration(terms20201201.holdingPeriod ?? {}))?.[1]);
    const reading = measurement();
    const due = civilCodePeriod(reading.receivedAt, { years }).endsAt;
    expect(due).toEqual(new Date('2022-03-16T00:00:00+09:00'));
    expect(createPolicy().retentionStatus(reading, new Date('2021-06-01T00:00:00+09:00')).endsAt).toEqual(
      due,
    );
  });

  it('obliges informing the counterparty after a compelled disclosure, and before it as a precondition (32(2))', () => {
    const after = P2020.obligation.find(
      (o) => o['m2m:obligation'] === 'notify-counterparty-after-disclosure',
    );
    expect(after).toMatchObject({
      action: 'inform',
      informedParty: 'm2m:discloser',
      target: KIND('confidential'),
      'm2m:rule': '32-2/authority/notice-after',
    });
    expect(articleOf(after)).toEqual([
      { 'm2m:source': 'terms', 'm2m:terms': '2020-12-01', 'm2m:article': 32, 'm2m:paragraph': 2 },
    ]);
    const before = P2020.permission.find((p) => p['m2m:rule'] === '32-2/authority/notice-before');
    expect(before?.duty?.[0]).toMatchObject({
      action: 'inform',
      'm2m:obligation': 'notify-counterparty-before-disclosure',
    });
    // 32(2) pairs ground and recipient: the authority's own rule names one recipient.
    expect(constraintOn(before, 'recipient')?.operator).toBe('eq');
  });

  it('keeps every duty that follows use out of the permissions, and every precondition in them', () => {
    const permissionDuties = [P2020, P2017].flatMap((p) => p.permission.flatMap((x) => x.duty ?? []));
    for (const d of permissionDuties)
      expect(OBLIGATION_EXPORT[d['m2m:obligation'] as keyof typeof OBLIGATION_EXPORT].placement).toBe('duty');
    const obligations = [P2020, P2017].flatMap((p) => p.obligation);
    for (const o of obligations)
      expect(OBLIGATION_EXPORT[o['m2m:obligation'] as keyof typeof OBLIGATION_EXPORT].placement).toBe(
        'obligation',
      );
  });

  it('prohibits re-identifying anonymized information, as the permission to use it requires (APPI 43(5))', () => {
    const restrictions = P2020.prohibition.filter(
      (p): p is Exclude<OdrlProhibition, OdrlDecisionRule> => 'm2m:obligation' in p,
    );
    expect(restrictions.length).toBeGreaterThan(0);
    for (const r of restrictions) {
      expect(r).toMatchObject({ action: 'm2m:reidentify', 'm2m:obligation': 'do-not-reidentify' });
      expect(articleOf(r)).toEqual([{ 'm2m:source': 'appi', 'm2m:article': 43, 'm2m:paragraph': 5 }]);
    }
  });

  it('exports the 2017-04-01 terms, in force until the 2020-12-01 terms take over (old 13(1), 13(2), 30(2))', () => {
    expect(P2017).toMatchObject({
      uid: 'urn:m2m-data-policy:terms:2017-04-01',
      'dc:issued': { '@value': '2017-04-01T00:00:00+09:00', '@type': 'xsd:dateTime' },
      'm2m:inForceUntil': { '@value': '2020-12-01T00:00:00+09:00', '@type': 'xsd:dateTime' },
    });
    expect(P2017['dc:replaces']).toBeUndefined();
    expect(P2017['m2m:noticeGivenAt']).toBeUndefined();
    const analysis = P2017.permission.find((p) => p['m2m:rule'] === 'old-13-1-i');
    expect(analysis).toMatchObject({ action: ['use', 'derive'], assignee: PARTY('provider') });
    expect(constraintOn(analysis, 'purpose')?.rightOperand).toEqual({
      '@id': PURPOSE('service-analysis'),
    });
    expect(articleOf(analysis)).toEqual([
      {
        'm2m:source': 'terms',
        'm2m:terms': '2017-04-01',
        'm2m:article': 13,
        'm2m:paragraph': 1,
        'm2m:subitem': 'イ',
      },
    ]);
    const deletion = P2017.obligation.find((o) => o['m2m:obligation'] === 'delete-when-retention-ends');
    expect(constraintOn(deletion, 'elapsedTime')?.rightOperand).toEqual({
      '@value': 'P1Y',
      '@type': 'xsd:duration',
    });
    expect(articleOf(deletion)[0]).toMatchObject({
      'm2m:terms': '2017-04-01',
      'm2m:paragraph': 2,
    });
    const passingOn = P2017.prohibition.find((p) => p['m2m:rule'] === 'old-30-2');
    expect(passingOn).toMatchObject({
      assignee: PARTY('user'),
      action: ['distribute', 'transfer', 'grantUse', 'm2m:sublicense', 'reproduce'],
    });
  });

  it('exports each of the library’s actions as its own ODRL action', () => {
    const exported = ACTIONS.map((a) => ODRL_ACTION_OF[a]);
    expect(new Set(exported).size).toBe(ACTIONS.length);
    expect(ODRL_ACTION_OF).toMatchObject({
      use: 'use',
      process: 'derive',
      transfer: 'transfer',
      anonymize: 'anonymize',
    });
    for (const code of OBLIGATION_CODES) expect(OBLIGATION_EXPORT[code]).toBeDefined();
  });

  it('places a version among the ones given, and names what it cannot read in a future amendment', () => {
    const next: TermsVersion = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: new Date('2030-04-01T00:00:00+09:00'),
      noticeGivenAt: new Date('2030-01-15T00:00:00+09:00'),
      rules: [
        defineRule({
          id: 'future/use',
          kinds: ['measurement'],
          actors: ['provider'],
          actions: ['use'],
          when: () => true,
          effect: 'permit',
          reason: 'use-for-service-provision',
          basis: [termsArticle(13)],
          obligations: [{ code: 'use-within-purpose', basis: termsArticle(13), due: 'holding-ends' }],
        }),
      ],
    });
    const terms = [terms20170401, terms20201201, next];
    expect(toOdrl(terms20201201, { terms })['m2m:inForceUntil']?.['@value']).toBe(
      '2030-04-01T00:00:00+09:00',
    );
    const future = toOdrl(next, { terms });
    expect(future['dc:replaces']).toEqual({ '@id': 'urn:m2m-data-policy:terms:2020-12-01' });
    const uid = 'urn:m2m-data-policy:terms:2030-04-01:rule:future/use';
    expect(constraintOn(future.permission[0], 'm2m:ruleCondition')?.rightOperand).toEqual({
      '@id': `${uid}:condition`,
    });
    expect(constraintOn(future.obligation[0], 'm2m:dueAt')?.rightOperand).toEqual({
      '@id': `${uid}:use-within-purpose:dueAt`,
    });
  });

  it('returns the policy type, and takes only known options', () => {
    expectTypeOf(toOdrl).returns.toEqualTypeOf<OdrlPolicy>();
    expectTypeOf<OdrlPolicy['permission'][number]>().toEqualTypeOf<OdrlPermission>();
    expectTypeOf<OdrlPolicy['obligation'][number]>().toEqualTypeOf<OdrlObligation>();
    // @ts-expect-error a locale is not an option: the export carries both languages
    toOdrl(terms20201201, { locale: 'en' });
  });
});
