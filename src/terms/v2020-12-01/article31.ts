import type { Action } from '../../model/vocabulary.js';
import { defineRule, type Rule } from '../rule.js';
import {
  APPI_18_1,
  APPI_25,
  APPI_27_1,
  APPI_27_1_1,
  APPI_27_1_4,
  APPI_27_5_1,
  APPI_43_1,
  APPI_43_3,
  APPI_43_4,
  APPI_43_5,
  ART_12,
  ART_13_3_3,
  ART_13_3_4,
  ART_31_1,
  ART_31_2,
  ART_31_3,
  CONTRACT,
} from './citations.js';

// Article 31 (個人情報の保護) of the 2020-12-01 terms: the transmission gate (2), user information (1), and
// anonymized and statistical information (3).

const PASS_ON: Action[] = ['disclose', 'transfer', 'license', 'sublicense'];
const BACKUP = { code: 'user-keeps-backup', basis: ART_12 } as const;
const UNDER_APPI = { code: 'handle-under-appi', basis: ART_31_1 } as const;

/**
 * 31(2): measurement data that is, or may be, personal information goes to the data centre only with the
 * provider's written (書面) consent given at or before the transmission. 2(2)(6) names 書面 and 電磁的方法 side by
 * side, so electronic consent is not written consent. Every permit reminds the user of Art. 12.
 */
const transmission: Rule[] = [
  defineRule({
    id: '31-2/no-personal-data',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['transmit'],
    condition: { personalData: ['none'] },
    effect: 'permit',
    reason: 'transmission-without-personal-data',
    basis: [CONTRACT],
    obligations: [BACKUP],
  }),
  defineRule({
    id: '31-2/written-consent',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['transmit'],
    condition: { consent: { from: 'provider', forms: ['written'] } },
    effect: 'permit',
    reason: 'transmission-with-written-consent',
    basis: [ART_31_2],
    obligations: [BACKUP],
  }),
  defineRule({
    id: '31-2',
    kinds: ['measurement'],
    actors: ['user'],
    actions: ['transmit'],
    effect: 'deny',
    reason: 'transmission-needs-written-consent',
    basis: [ART_31_2],
  }),
];

/** 31(1): user information is handled under the APPI and the corporate privacy policy. */
const userInformation: Rule[] = [
  // APPI 18(1): only for the purposes the privacy policy states.
  defineRule({
    id: '31-1/use',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: ['use', 'process'],
    condition: { privacyPolicyPurpose: true },
    effect: 'permit',
    reason: 'user-information-within-privacy-policy',
    basis: [ART_31_1, APPI_18_1],
    obligations: [UNDER_APPI],
  }),
  defineRule({
    id: '31-1/use-beyond',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: ['use', 'process'],
    effect: 'deny',
    reason: 'user-information-beyond-privacy-policy',
    basis: [ART_31_1, APPI_18_1],
  }),
  // APPI 27(5)(1): entrusting it to a subcontractor is not provision to a third party; the subcontractor uses it
  // only within the entrustment.
  defineRule({
    id: '31-1/entrust',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    effect: 'permit',
    reason: 'user-information-entrusted',
    basis: [ART_31_1, APPI_27_5_1],
    obligations: [{ code: 'supervise-subcontractor', basis: APPI_25 }, UNDER_APPI],
  }),
  defineRule({
    id: '31-1/entrusted-use',
    kinds: ['user-information'],
    actors: ['subcontractor'],
    actions: ['use', 'process'],
    condition: { privacyPolicyPurpose: true },
    effect: 'permit',
    reason: 'user-information-within-privacy-policy',
    basis: [ART_31_1, APPI_27_5_1],
    obligations: [UNDER_APPI],
  }),
  defineRule({
    id: '31-1/to-subject',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: { recipient: 'person' },
    effect: 'permit',
    reason: 'personal-data-to-its-subject',
    basis: [ART_31_1],
    obligations: [UNDER_APPI],
  }),
  // APPI 27(1): to anyone else only with the person's consent, or on a legal ground.
  defineRule({
    id: '31-1/consent',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: { consent: { from: 'person' } },
    effect: 'permit',
    reason: 'personal-data-with-consent',
    basis: [ART_31_1, APPI_27_1],
    obligations: [UNDER_APPI],
  }),
  defineRule({
    id: '31-1/law',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: { legalBasis: ['law'] },
    effect: 'permit',
    reason: 'personal-data-required-by-law',
    basis: [ART_31_1, APPI_27_1_1],
    obligations: [UNDER_APPI],
  }),
  defineRule({
    id: '31-1/authority',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    condition: { legalBasis: ['authority-request'] },
    effect: 'permit',
    reason: 'personal-data-requested-by-authority',
    basis: [ART_31_1, APPI_27_1_4],
    obligations: [UNDER_APPI],
  }),
  defineRule({
    id: '31-1/third-party',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'personal-data-needs-consent',
    basis: [ART_31_1, APPI_27_1],
  }),
  defineRule({
    id: '31-1/retain',
    kinds: ['user-information'],
    actors: ['provider'],
    actions: ['retain'],
    effect: 'permit',
    reason: 'user-information-held-under-appi',
    basis: [ART_31_1],
    obligations: [UNDER_APPI],
  }),
];

const NO_REIDENTIFICATION = { code: 'do-not-reidentify', basis: APPI_43_5 } as const;

/**
 * 31(3): the provider may make anonymized information and statistics identifying no one from measurement data
 * and user information (APPI 43 for anonymized information), and 13(3) applies to what it makes, with
 * "measurement data" read as "measurement data and user information" and "derived data" as "anonymized or
 * statistical information".
 */
const madeInformation: Rule[] = [
  defineRule({
    id: '31-3/anonymize',
    kinds: ['measurement', 'user-information'],
    actors: ['provider'],
    actions: ['anonymize'],
    effect: 'permit',
    reason: 'anonymization-granted',
    basis: [ART_31_3, APPI_43_1],
    obligations: [{ code: 'publish-anonymized-items', basis: APPI_43_3 }, NO_REIDENTIFICATION],
  }),
  // 13(3)(3) applied: use and processing, also by others for the provider.
  defineRule({
    id: '31-3/anonymized/use',
    kinds: ['anonymized'],
    actors: ['provider', 'subcontractor'],
    actions: ['use', 'process'],
    effect: 'permit',
    reason: 'made-information-use-granted',
    basis: [ART_31_3, ART_13_3_3],
    obligations: [NO_REIDENTIFICATION],
  }),
  defineRule({
    id: '31-3/statistical/use',
    kinds: ['statistical'],
    actors: ['provider', 'subcontractor'],
    actions: ['use', 'process'],
    effect: 'permit',
    reason: 'made-information-use-granted',
    basis: [ART_31_3, ART_13_3_3],
  }),
  // 13(3)(4) applied: the provider may pass it on; anonymized information brings APPI 43(4) to any recipient, a
  // subcontractor too — the entrustment exception is written for personal data, and anonymized information is not.
  defineRule({
    id: '31-3/anonymized/provide',
    kinds: ['anonymized'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'permit',
    reason: 'made-information-sharing-granted',
    basis: [ART_31_3, ART_13_3_4, APPI_43_4],
    obligations: [
      { code: 'publish-provision-items-and-method', basis: APPI_43_4 },
      { code: 'state-anonymized-to-recipient', basis: APPI_43_4 },
      NO_REIDENTIFICATION,
    ],
  }),
  defineRule({
    id: '31-3/statistical/provide',
    kinds: ['statistical'],
    actors: ['provider'],
    actions: PASS_ON,
    effect: 'permit',
    reason: 'made-information-sharing-granted',
    basis: [ART_31_3, ART_13_3_4],
  }),
  defineRule({
    id: '31-3/subcontractor/pass-on',
    kinds: ['anonymized', 'statistical'],
    actors: ['subcontractor'],
    actions: PASS_ON,
    effect: 'deny',
    reason: 'subcontractor-may-not-pass-on',
    basis: [ART_31_3, ART_13_3_3],
  }),
  // Made by the provider, not received: the one-year period of 13(4) does not reach it.
  defineRule({
    id: '31-3/retain',
    kinds: ['anonymized', 'statistical'],
    actors: ['provider', 'subcontractor'],
    actions: ['retain'],
    effect: 'permit',
    reason: 'not-received-data',
    basis: [ART_31_3],
  }),
];

/** Article 31's rules, in the order they are tried. */
export const article31: readonly Rule[] = [...transmission, ...userInformation, ...madeInformation];
