import { ACTIONS, ACTORS, type Action } from '../../model/vocabulary.js';
import type { DataKind } from '../../records/dataRecord.js';
import type { Condition } from '../condition.js';
import { retentionRules } from '../retentionRules.js';
import { defineRule, type Rule } from '../rule.js';
import {
  APPI_27_1,
  CONTRACT,
  OLD_12,
  OLD_13,
  OLD_13_1,
  OLD_13_1_HA,
  OLD_13_1_I,
  OLD_13_1_RO,
  OLD_13_2,
  OLD_30_2,
  OLD_31,
  OLD_TERMS,
} from './citations.js';

// The 2017-04-01 terms (the 現行規約 column). They grant far less than the 2020 terms: the provider uses what it
// obtains for three purposes and holds measurement data a year; the user passes nothing on without the
// provider's prior consent; user information goes to no one without the user's consent. Nothing else is granted.

const PASS_ON: Action[] = ['disclose', 'transfer', 'license', 'sublicense'];
/** The user's consent: its own, or, when the information is about the user itself, the data subject's (the same). */
const USER_CONSENT: Condition = {
  any: [
    { consent: { from: 'user' } },
    { all: [{ subject: ['user'] }, { consent: { from: 'data-subject' } }] },
  ],
};
/** What the provider obtains through the service: old 13(1) covers all of it. */
const OBTAINED: DataKind[] = [
  'measurement',
  'derived',
  'anonymized',
  'statistical',
  'user-information',
  'confidential',
];
/** What the user obtains through the service: old 30(2) covers all of it, "by whatever means". */
const RECEIVED_BY_USER: DataKind[] = [
  'measurement',
  'derived',
  'anonymized',
  'statistical',
  'provider-content',
  'confidential',
];

// Old 13(1): use — and processing, which the old terms do not set apart from use — for the listed purposes.
const providerUse = {
  kinds: OBTAINED,
  actors: ['provider' as const],
  actions: ['use', 'process'] as Action[],
};
const WITHIN_PURPOSE = { code: 'use-within-purpose', basis: OLD_13_1 } as const;

const byProvider: Rule[] = [
  defineRule({
    id: 'old-13-1-i',
    ...providerUse,
    purposes: ['service-analysis'],
    effect: 'permit',
    reason: 'use-for-service-analysis',
    basis: [OLD_13_1_I],
    obligations: [WITHIN_PURPOSE],
  }),
  defineRule({
    id: 'old-13-1-ro',
    ...providerUse,
    purposes: ['incident-response'],
    effect: 'permit',
    reason: 'use-for-incident-response',
    basis: [OLD_13_1_RO],
    obligations: [WITHIN_PURPOSE],
  }),
  defineRule({
    id: 'old-13-1-ha',
    ...providerUse,
    purposes: ['incidental'],
    condition: { justified: true },
    effect: 'permit',
    reason: 'use-for-incidental-matter',
    basis: [OLD_13_1_HA],
    obligations: [WITHIN_PURPOSE, { code: 'record-determination', basis: OLD_13_1_HA }],
  }),
  defineRule({
    id: 'old-13-1-ha-unrecorded',
    ...providerUse,
    purposes: ['incidental'],
    effect: 'deny',
    reason: 'incidental-use-needs-determination',
    basis: [OLD_13_1_HA],
  }),
  // The contract is the basis of running the service only while it runs.
  defineRule({
    id: 'old-contract/provider/ended',
    ...providerUse,
    purposes: ['service-provision'],
    condition: { contractEnded: true },
    effect: 'deny',
    reason: 'contract-ended',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'old-contract/provider',
    ...providerUse,
    purposes: ['service-provision'],
    effect: 'permit',
    reason: 'use-for-service-provision',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'old-13-1/provider',
    ...providerUse,
    effect: 'deny',
    reason: 'purpose-not-granted',
    basis: [OLD_13_1],
  }),
  // Old 13(2): a year from receipt, longer where the provider's purposes or the service need it.
  ...retentionRules(OLD_13_2, ['provider']),
  // Old 31: user information goes to no one — subcontractors included — without the user's consent. Where it reaches
  // a third party, the APPI (then 23(1)) also asks the consent of the person it is about: the terms cannot lower what
  // the Act requires, so both are needed — one consent when the information is about the user itself.
  defineRule({
    id: 'old-31+appi/consent',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    recipients: ['third-party', 'authority'],
    condition: { all: [USER_CONSENT, { consent: { from: 'person' } }] },
    effect: 'permit',
    reason: 'user-and-person-consented',
    basis: [OLD_31, APPI_27_1],
  }),
  defineRule({
    id: 'old-31+appi/person-consent-missing',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    recipients: ['third-party', 'authority'],
    condition: USER_CONSENT,
    effect: 'deny',
    reason: 'person-consent-required',
    basis: [APPI_27_1],
  }),
  defineRule({
    id: 'old-31/consent',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: USER_CONSENT,
    effect: 'permit',
    reason: 'user-consented-to-disclosure',
    basis: [OLD_31],
  }),
  defineRule({
    id: 'old-31',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'user-information-needs-user-consent',
    basis: [OLD_31],
  }),
];

// Old 30(2) reaches what the service delivered to the user: for confidential information, what the provider
// disclosed, not the user's own. The rules on confidential information therefore carry that condition.
const FROM_PROVIDER = { disclosedBy: 'provider' } as const;
const DELIVERED: DataKind[] = RECEIVED_BY_USER.filter((k) => k !== 'confidential');
const PASSING_ON: Action[] = [...PASS_ON, 'republish'];

const byUser: Rule[] = [
  defineRule({
    id: 'old-30-2/consent',
    kinds: DELIVERED,
    actors: ['user'],
    actions: PASSING_ON,
    condition: { consent: { from: 'provider' } },
    effect: 'permit',
    reason: 'provider-consented-to-passing-on',
    basis: [OLD_30_2],
  }),
  defineRule({
    id: 'old-30-2/consent/confidential',
    kinds: ['confidential'],
    actors: ['user'],
    actions: PASSING_ON,
    condition: { all: [FROM_PROVIDER, { consent: { from: 'provider' } }] },
    effect: 'permit',
    reason: 'provider-consented-to-passing-on',
    basis: [OLD_30_2],
  }),
  defineRule({
    id: 'old-30-2',
    kinds: DELIVERED,
    actors: ['user'],
    actions: PASSING_ON,
    effect: 'deny',
    reason: 'passing-on-needs-provider-consent',
    basis: [OLD_30_2],
  }),
  defineRule({
    id: 'old-30-2/confidential',
    kinds: ['confidential'],
    actors: ['user'],
    actions: PASSING_ON,
    condition: FROM_PROVIDER,
    effect: 'deny',
    reason: 'passing-on-needs-provider-consent',
    basis: [OLD_30_2],
  }),
  // Using and keeping what the service delivers is the service; old 12 leaves guarding it against loss to the user.
  defineRule({
    id: 'old-contract/user',
    kinds: RECEIVED_BY_USER,
    actors: ['user'],
    actions: ['use', 'process'],
    effect: 'permit',
    reason: 'user-uses-service-information',
    basis: [CONTRACT],
  }),
  defineRule({
    id: 'old-12/user',
    kinds: RECEIVED_BY_USER,
    actors: ['user'],
    actions: ['retain'],
    effect: 'permit',
    reason: 'user-holding-unrestricted',
    basis: [OLD_12],
  }),
  // There was no transmission ban before 2020-12-01 (31(2) is new).
  defineRule({
    id: 'old-contract/transmit',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['transmit'],
    effect: 'permit',
    reason: 'transmission-unrestricted',
    basis: [CONTRACT],
    obligations: [{ code: 'user-keeps-backup', basis: OLD_12 }],
  }),
];

/** Whatever the old terms do not grant is refused, citing the article that governs the kind. */
const defaults: Rule[] = [
  defineRule({
    id: 'old-13/default',
    kinds: ['measurement', 'derived', 'anonymized', 'statistical'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_13],
  }),
  defineRule({
    id: 'old-31/default',
    kinds: ['user-information'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_31],
  }),
  // Old 30(2) binds only the user, and only for what the service delivered; the provider's handling of what it
  // obtained falls under old 13.
  defineRule({
    id: 'old-30/user',
    kinds: ['provider-content'],
    actors: ['user'],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_30_2],
  }),
  defineRule({
    id: 'old-30/user/confidential',
    kinds: ['confidential'],
    actors: ['user'],
    actions: ACTIONS,
    condition: FROM_PROVIDER,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_30_2],
  }),
  // The user's own confidential information was not obtained through the service: old 30(2), the one article that
  // restrains the user, does not reach it, so nothing restrains the user's handling of it.
  defineRule({
    id: 'old-30-2/user/own-confidential',
    kinds: ['confidential'],
    actors: ['user'],
    actions: ACTIONS,
    condition: { disclosedBy: 'actor' },
    effect: 'permit',
    reason: 'outside-old-30-2',
    basis: [OLD_30_2],
  }),
  defineRule({
    id: 'old-13/confidential',
    kinds: ['confidential'],
    actors: ['provider', 'subcontractor'],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_13],
  }),
  defineRule({
    id: 'old/default',
    kinds: ['confidential', 'provider-content'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [OLD_TERMS],
  }),
];

/** The 2017-04-01 rules, in the order they are tried. */
export const rules: readonly Rule[] = Object.freeze([...byProvider, ...byUser, ...defaults]);
