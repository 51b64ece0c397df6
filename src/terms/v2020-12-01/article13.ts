import type { CitationSpec } from '../../model/citation.js';
import type { ObligationCode, ReasonCode } from '../../model/codes.js';
import { ACTIONS, type Action, type Actor, type Party } from '../../model/vocabulary.js';
import type { Condition } from '../condition.js';
import { retentionRules } from '../retentionRules.js';
import { defineRule, type Rule } from '../rule.js';
import {
  APPI_25,
  APPI_27_1,
  APPI_27_1_1,
  APPI_27_1_4,
  APPI_27_5_1,
  ART_12,
  ART_13_1,
  ART_13_2,
  ART_13_2_1,
  ART_13_2_2,
  ART_13_2_3,
  ART_13_2_4,
  ART_13_3,
  ART_13_3_1,
  ART_13_3_1_HA,
  ART_13_3_1_I,
  ART_13_3_1_RO,
  ART_13_3_2,
  ART_13_3_3,
  ART_13_3_4,
  ART_13_4,
  CONTRACT,
} from './citations.js';

// Article 13 (計測データの使用) of the 2020-12-01 terms: measurement and derived data. The first rule that
// matches a request decides it, so within each (kind, actor, action) the specific rules come first.

const PASS_ON: Action[] = ['disclose', 'transfer', 'license', 'sublicense'];

/** The record is, or may be, personal information (31(2)'s wording). */
const PERSONAL: Condition = { personalData: ['possible', 'yes'] };
const andPersonal = (c: Condition): Condition => ({ all: [PERSONAL, c] });

interface PurposeRuleOptions {
  readonly actor: Actor;
  readonly action: Action;
  readonly recipients?: Party[];
  /** Cited before the subitem: 13(3)(2) when the purpose is pursued through a subcontractor. */
  readonly through?: CitationSpec;
  readonly reasons: readonly [ReasonCode, ReasonCode, ReasonCode];
  readonly duty: { readonly code: ObligationCode; readonly basis: CitationSpec };
}

// The three purposes of 13(3)(1), イ analysis, ロ fault handling, ハ incidental matters: ハ is granted only with
// the provider's recorded determination and refused without one.
function purposes13_3_1(o: PurposeRuleOptions): Rule[] {
  const match = {
    kinds: ['measurement' as const],
    actors: [o.actor],
    actions: [o.action],
    ...(o.recipients && { recipients: o.recipients }),
  };
  const cite = (subitem: CitationSpec): [CitationSpec, ...CitationSpec[]] =>
    o.through ? [o.through, subitem] : [subitem];
  const id = `${o.actor}/${o.action}`;
  return [
    defineRule({
      id: `13-3-1-i/${id}`,
      ...match,
      purposes: ['service-analysis'],
      effect: 'permit',
      reason: o.reasons[0],
      basis: cite(ART_13_3_1_I),
      obligations: [o.duty],
    }),
    defineRule({
      id: `13-3-1-ro/${id}`,
      ...match,
      purposes: ['incident-response'],
      effect: 'permit',
      reason: o.reasons[1],
      basis: cite(ART_13_3_1_RO),
      obligations: [o.duty],
    }),
    defineRule({
      id: `13-3-1-ha/${id}`,
      ...match,
      purposes: ['incidental'],
      condition: { justified: true },
      effect: 'permit',
      reason: o.reasons[2],
      basis: cite(ART_13_3_1_HA),
      obligations: [o.duty, { code: 'record-determination', basis: ART_13_3_1_HA }],
    }),
    defineRule({
      id: `13-3-1-ha-unrecorded/${id}`,
      ...match,
      purposes: ['incidental'],
      effect: 'deny',
      reason: 'incidental-use-needs-determination',
      basis: cite(ART_13_3_1_HA),
    }),
  ];
}

const USE_REASONS = [
  'use-for-service-analysis',
  'use-for-incident-response',
  'use-for-incidental-matter',
] as const;
const SUBCONTRACTOR_REASONS = [
  'disclosure-to-subcontractor-for-purpose',
  'disclosure-to-subcontractor-for-purpose',
  'disclosure-to-subcontractor-for-purpose',
] as const;
const WITHIN_PURPOSE = { code: 'use-within-purpose', basis: ART_13_3_1 } as const;

/** The provider and its subcontractor on measurement data: 13(3)(1)-(4). */
export const measurementByProviderSide: readonly Rule[] = [
  // 13(3)(1): the provider's own use.
  ...purposes13_3_1({ actor: 'provider', action: 'use', reasons: USE_REASONS, duty: WITHIN_PURPOSE }),
  // The contract is the basis of running the service only while it runs; 13(5) keeps Art. 13's own purposes alive.
  defineRule({
    id: 'contract/provider/use/ended',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['use'],
    purposes: ['service-provision'],
    condition: { contractEnded: true },
    effect: 'deny',
    reason: 'contract-ended',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'contract/provider/use',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['use'],
    purposes: ['service-provision'],
    effect: 'permit',
    reason: 'use-for-service-provision',
    basis: [CONTRACT],
  }),
  defineRule({
    id: '13-3-1/provider/use',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['use'],
    effect: 'deny',
    reason: 'purpose-not-granted',
    basis: [ART_13_3_1],
  }),

  // 13(3)(2): the subcontractor uses it for the same purposes, and may not pass it on.
  ...purposes13_3_1({
    actor: 'subcontractor',
    action: 'use',
    through: ART_13_3_2,
    reasons: USE_REASONS,
    duty: WITHIN_PURPOSE,
  }),
  // The contract is the basis of running the service only while it runs; 13(5) keeps Art. 13's own purposes alive.
  defineRule({
    id: 'contract/subcontractor/use/ended',
    kinds: ['measurement'],
    actors: ['subcontractor'],
    actions: ['use'],
    purposes: ['service-provision'],
    condition: { contractEnded: true },
    effect: 'deny',
    reason: 'contract-ended',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'contract/subcontractor/use',
    kinds: ['measurement'],
    actors: ['subcontractor'],
    actions: ['use'],
    purposes: ['service-provision'],
    effect: 'permit',
    reason: 'use-for-service-provision',
    basis: [CONTRACT],
  }),
  defineRule({
    id: '13-3-2/subcontractor/use',
    kinds: ['measurement'],
    actors: ['subcontractor'],
    actions: ['use'],
    effect: 'deny',
    reason: 'purpose-not-granted',
    basis: [ART_13_3_2],
  }),
  defineRule({
    id: '13-3-2/subcontractor/pass-on',
    kinds: ['measurement'],
    actors: ['subcontractor'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'subcontractor-may-not-pass-on',
    basis: [ART_13_3_2],
  }),

  // 13(3)(3): processing is not limited to a purpose, and the provider may have others do it.
  defineRule({
    id: '13-3-3/process',
    kinds: ['measurement'],
    actors: ['provider', 'subcontractor'],
    actions: ['process'],
    effect: 'permit',
    reason: 'processing-granted',
    basis: [ART_13_3_3],
  }),

  // 13(3)(2): disclosure to a subcontractor for a 13(3)(1) purpose; the service itself is run through them too.
  ...purposes13_3_1({
    actor: 'provider',
    action: 'disclose',
    recipients: ['subcontractor'],
    through: ART_13_3_2,
    reasons: SUBCONTRACTOR_REASONS,
    duty: { code: 'bind-subcontractor-to-purpose', basis: ART_13_3_2 },
  }),
  // The contract is the basis of running the service only while it runs; 13(5) keeps Art. 13's own purposes alive.
  defineRule({
    id: 'contract/provider/disclose-subcontractor/ended',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    purposes: ['service-provision'],
    condition: { contractEnded: true },
    effect: 'deny',
    reason: 'contract-ended',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'contract/provider/disclose-subcontractor',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    purposes: ['service-provision'],
    effect: 'permit',
    reason: 'disclosure-to-subcontractor-for-service',
    basis: [CONTRACT],
  }),
  defineRule({
    id: '13-3-2/provider/disclose-subcontractor',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    effect: 'deny',
    reason: 'subcontractor-disclosure-needs-purpose',
    basis: [ART_13_3_2],
  }),
  // Another customer's record (its contract is not the request's) shown to this user is raw data leaving.
  defineRule({
    id: '13-3-4/provider/other-customer',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['user'],
    condition: { otherContract: true },
    effect: 'deny',
    reason: 'other-customers-data',
    basis: [ART_13_3_4],
  }),
  // Showing the customer its own data is the service.
  defineRule({
    id: 'contract/provider/disclose-user',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['user'],
    effect: 'permit',
    reason: 'shown-to-user-under-contract',
    basis: [CONTRACT],
  }),
  // 13(3)(4) lets only derived data leave: raw measurement data goes to nobody else, by any means.
  defineRule({
    id: '13-3-4/provider/raw-data',
    kinds: ['measurement'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'raw-measurement-data-may-not-leave',
    basis: [ART_13_3_4],
  }),
];

// Derived data that may be personal information stays personal information: to a third party it needs the
// data subject's consent or a legal ground (APPI 27(1)), whatever 13(3)(4) allows. The stricter rule wins.
const personalDerivedToOthers: readonly Rule[] = [
  defineRule({
    id: 'appi-27-5-1/provider/derived',
    kinds: ['derived'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    condition: PERSONAL,
    effect: 'permit',
    reason: 'personal-data-to-subcontractor',
    basis: [ART_13_3_4, APPI_27_5_1],
    obligations: [
      { code: 'supervise-subcontractor', basis: APPI_25 },
      { code: 'handle-under-appi', basis: APPI_27_5_1 },
    ],
  }),
  // The person the data is about is no third party to it: giving them their own data needs no consent.
  defineRule({
    id: 'appi-27-1/provider/derived-to-subject',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    recipients: ['data-subject'],
    condition: PERSONAL,
    effect: 'permit',
    reason: 'personal-data-to-its-subject',
    basis: [ART_13_3_4],
    obligations: [{ code: 'handle-under-appi', basis: APPI_27_1 }],
  }),
  defineRule({
    id: 'appi-27-1/provider/derived-consent',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: andPersonal({ consent: { from: 'data-subject' } }),
    effect: 'permit',
    reason: 'personal-data-with-consent',
    basis: [ART_13_3_4, APPI_27_1],
    obligations: [{ code: 'handle-under-appi', basis: APPI_27_1 }],
  }),
  defineRule({
    id: 'appi-27-1-1/provider/derived-law',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: andPersonal({ legalBasis: ['law'] }),
    effect: 'permit',
    reason: 'personal-data-required-by-law',
    basis: [ART_13_3_4, APPI_27_1_1],
    obligations: [{ code: 'handle-under-appi', basis: APPI_27_1_1 }],
  }),
  defineRule({
    id: 'appi-27-1-4/provider/derived-authority',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: andPersonal({ legalBasis: ['authority-request'] }),
    effect: 'permit',
    reason: 'personal-data-requested-by-authority',
    basis: [ART_13_3_4, APPI_27_1_4],
    obligations: [{ code: 'handle-under-appi', basis: APPI_27_1_4 }],
  }),
  defineRule({
    id: 'appi-27-1/provider/derived',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: PERSONAL,
    effect: 'deny',
    reason: 'personal-data-needs-consent',
    basis: [APPI_27_1],
  }),
];

/** The provider and its subcontractor on derived data: 13(3)(3)-(4). */
export const derivedByProviderSide: readonly Rule[] = [
  defineRule({
    id: '13-3-3/derived',
    kinds: ['derived'],
    actors: ['provider', 'subcontractor'],
    actions: ['use', 'process'],
    effect: 'permit',
    reason: 'derived-use-granted',
    basis: [ART_13_3_3],
  }),
  ...personalDerivedToOthers,
  defineRule({
    id: '13-3-4/provider/derived',
    kinds: ['derived'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'permit',
    reason: 'derived-sharing-granted',
    basis: [ART_13_3_4],
  }),
  // 13(3)(3) lets the provider have others use and process derived data; passing it on is the provider's alone.
  defineRule({
    id: '13-3-3/subcontractor/pass-on',
    kinds: ['derived'],
    actors: ['subcontractor'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'subcontractor-may-not-pass-on',
    basis: [ART_13_3_3],
  }),
];

/**
 * 13(4): the provider and its subcontractor hold measurement data a year from receipt, then only under an
 * extension. Derived data is not received data, so the period does not reach it (13(3)(3) covers its use).
 */
export const holding: readonly Rule[] = [
  ...retentionRules(ART_13_4, ['provider', 'subcontractor']),
  defineRule({
    id: '13-3-3/derived/retain',
    kinds: ['derived'],
    actors: ['provider', 'subcontractor'],
    actions: ['retain'],
    effect: 'permit',
    reason: 'not-received-data',
    basis: [ART_13_3_3],
  }),
];

/** The user on measurement and derived data: 13(2)(1)-(4), with 13(1) and Art. 12. */
export const byUser: readonly Rule[] = [
  // 13(2) gives the user rights over its own contract's data only: another customer's record is not among them.
  defineRule({
    id: '13-2/user/other-customer',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ACTIONS.filter((a) => a !== 'transmit'),
    condition: { otherContract: true },
    effect: 'deny',
    reason: 'not-own-data',
    basis: [ART_13_2],
  }),
  defineRule({
    id: '13-2-1/user',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['use'],
    effect: 'permit',
    reason: 'user-may-use-measurement-data',
    basis: [ART_13_2_1],
  }),
  defineRule({
    id: '13-2-2/user',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['disclose', 'transfer', 'license', 'republish'],
    effect: 'permit',
    reason: 'user-may-share-measurement-data',
    basis: [ART_13_2_2],
  }),
  // 13(2)(2) does not name sublicensing, but 13(1) leaves no exclusive right that could restrain it.
  defineRule({
    id: '13-2-2+13-1/user',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['sublicense'],
    effect: 'permit',
    reason: 'user-may-sublicense-measurement-data',
    basis: [ART_13_2_2, ART_13_1],
  }),
  defineRule({
    id: '13-2-3/user',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['process', 'anonymize'],
    effect: 'permit',
    reason: 'user-may-process',
    basis: [ART_13_2_3],
  }),
  defineRule({
    id: '12/user',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['retain'],
    effect: 'permit',
    reason: 'user-holding-unrestricted',
    basis: [ART_12],
  }),
  defineRule({
    id: '13-2-3/user/derived',
    kinds: ['derived'],
    actors: ['user'],
    actions: ['use', 'process', 'retain'],
    effect: 'permit',
    reason: 'user-may-process',
    basis: [ART_13_2_3],
  }),
  // Republishing is a way of disclosing to third parties, which 13(2)(4) grants for derived data.
  defineRule({
    id: '13-2-4/user',
    kinds: ['derived'],
    actors: ['user'],
    actions: [...PASS_ON, 'republish'],
    effect: 'permit',
    reason: 'user-may-share-derived-data',
    basis: [ART_13_2_4],
  }),
];

/** Whatever Art. 13 does not grant on measurement and derived data is refused, citing 13(3) or 13(2). */
export const article13Defaults: readonly Rule[] = [
  defineRule({
    id: '13-3/default',
    kinds: ['measurement', 'derived'],
    actors: ['provider', 'subcontractor'],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [ART_13_3],
  }),
  defineRule({
    id: '13-2/default',
    kinds: ['measurement', 'derived'],
    actors: ['user'],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [ART_13_2],
  }),
];
