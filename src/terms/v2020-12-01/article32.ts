import type { Action, Party } from '../../model/vocabulary.js';
import type { Condition } from '../condition.js';
import { defineRule, type Rule } from '../rule.js';
import {
  ART_2_2_6,
  ART_32_1,
  ART_32_1_1,
  ART_32_1_2,
  ART_32_1_3,
  ART_32_1_4,
  ART_32_2,
  ART_32_3,
  ART_32_4,
  ART_32_5,
} from './citations.js';

// Article 32 (秘密情報の取扱い) of the 2020-12-01 terms, for the party that received the information. The first
// questions are whether Art. 32 binds the request at all; then what it allows.

const PASS_ON: Action[] = ['disclose', 'transfer', 'license', 'sublicense', 'republish'];
const RETURN_OR_ERASE = { code: 'return-or-erase-on-request', basis: ART_32_4 } as const;

/** The receiving party's counterparty — the one that disclosed the information — consented in writing by then. */
const COUNTERPARTY_CONSENTED: Condition = { consent: { from: 'discloser', forms: ['written'] } };
/**
 * 32(2) pairs the ground with the recipient: a law reaches the destination that law names (an authority or a third
 * party); an authority's request reaches that authority only. Any other pairing is decided by 32(1).
 */
const COMPELLED_TO: ReadonlyArray<readonly [Party, Condition]> = [
  ['authority', { legalBasis: ['law', 'authority-request'] }],
  ['third-party', { legalBasis: ['law'] }],
];

const EXCEPTIONS = [
  ['already-held', ART_32_1_1],
  ['obtained-from-third-party', ART_32_1_2],
  ['independently-developed', ART_32_1_3],
  ['public', ART_32_1_4],
] as const;

const ANY = {
  kinds: ['confidential' as const],
  actors: ['user' as const, 'provider' as const, 'subcontractor' as const],
};

/**
 * Whether Art. 32 binds the request: confidential information (2(2)(6): designated beforehand in writing or
 * electronically, scoped and marked — designation at the instant of disclosure counts), no exception, not one's
 * own, and the survival period after the contract (32(5), Civil Code reckoning in JST) not yet run.
 */
const unbound: Rule[] = [
  defineRule({
    id: '2-2-6',
    ...ANY,
    actions: ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'republish'],
    condition: { not: { designated: true } },
    effect: 'permit',
    reason: 'not-confidential-information',
    basis: [ART_2_2_6],
  }),
  ...EXCEPTIONS.map(([exception, basis]) =>
    defineRule({
      id: `32-1/${exception}`,
      ...ANY,
      actions: ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'republish'],
      condition: { exception },
      effect: 'permit',
      reason: 'confidentiality-exception',
      basis: [basis],
    }),
  ),
  // The acting party's own information: the duty binds only the one that received it.
  defineRule({
    id: '32-1/own',
    ...ANY,
    actions: ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'republish'],
    condition: { disclosedBy: 'actor' },
    effect: 'permit',
    reason: 'own-confidential-information',
    basis: [ART_32_1],
  }),
  defineRule({
    id: '32-5',
    ...ANY,
    actions: ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'republish'],
    condition: { survivalEnded: true },
    effect: 'permit',
    reason: 'confidentiality-survival-ended',
    basis: [ART_32_5],
  }),
];

/** What Art. 32 allows the receiving party. Every permit carries the duty to return or erase on request (32(4)). */
const bound: Rule[] = [
  // 32(1): use within what the service needs, or beyond it with the counterparty's prior written consent.
  defineRule({
    id: '32-1/use-for-service',
    ...ANY,
    actions: ['use', 'process'],
    purposes: ['service-provision'],
    effect: 'permit',
    reason: 'confidential-use-for-service',
    basis: [ART_32_1],
    obligations: [RETURN_OR_ERASE],
  }),
  defineRule({
    id: '32-1/use-with-consent',
    ...ANY,
    actions: ['use', 'process'],
    condition: COUNTERPARTY_CONSENTED,
    effect: 'permit',
    reason: 'confidential-use-with-written-consent',
    basis: [ART_32_1],
    obligations: [RETURN_OR_ERASE],
  }),
  defineRule({
    id: '32-1/use',
    ...ANY,
    actions: ['use', 'process'],
    effect: 'deny',
    reason: 'confidential-use-beyond-service',
    basis: [ART_32_1],
  }),
  // Handing it back to the party that disclosed it is no disclosure to a third party.
  defineRule({
    id: '32-1/to-discloser',
    ...ANY,
    actions: ['disclose', 'transfer'],
    condition: { recipient: 'discloser' },
    effect: 'permit',
    reason: 'confidential-to-its-discloser',
    basis: [ART_32_1],
    obligations: [RETURN_OR_ERASE],
  }),
  // 32(2): what a law or an authority requires, to the recipient it names, with notice before — or promptly after,
  // when notice before is impossible.
  ...COMPELLED_TO.flatMap(([recipient, compelled]) => [
    defineRule({
      id: `32-2/${recipient}/notice-after`,
      ...ANY,
      actions: ['disclose'],
      recipients: [recipient],
      condition: { all: [compelled, { priorNoticeImpossible: true }] },
      effect: 'permit',
      reason: 'compelled-disclosure',
      basis: [ART_32_2],
      obligations: [{ code: 'notify-counterparty-after-disclosure', basis: ART_32_2 }, RETURN_OR_ERASE],
    }),
    defineRule({
      id: `32-2/${recipient}/notice-before`,
      ...ANY,
      actions: ['disclose'],
      recipients: [recipient],
      condition: compelled,
      effect: 'permit',
      reason: 'compelled-disclosure',
      basis: [ART_32_2],
      obligations: [{ code: 'notify-counterparty-before-disclosure', basis: ART_32_2 }, RETURN_OR_ERASE],
    }),
  ]),
  // 32(3): the provider — not the user — may disclose to its subcontractor without consent, binding it equally.
  defineRule({
    id: '32-3',
    kinds: ['confidential'],
    actors: ['provider'],
    actions: ['disclose'],
    recipients: ['subcontractor'],
    effect: 'permit',
    reason: 'confidential-to-subcontractor',
    basis: [ART_32_3],
    obligations: [{ code: 'impose-equivalent-confidentiality', basis: ART_32_3 }, RETURN_OR_ERASE],
  }),
  defineRule({
    id: '32-1/consent',
    ...ANY,
    actions: PASS_ON,
    condition: COUNTERPARTY_CONSENTED,
    effect: 'permit',
    reason: 'confidential-disclosure-with-written-consent',
    basis: [ART_32_1],
    obligations: [RETURN_OR_ERASE],
  }),
  defineRule({
    id: '32-1/third-party',
    ...ANY,
    actions: PASS_ON,
    effect: 'deny',
    reason: 'confidential-disclosure-needs-written-consent',
    basis: [ART_32_1],
  }),
  // 32(4): it may be held until the other party asks for it back.
  defineRule({
    id: '32-4',
    ...ANY,
    actions: ['retain'],
    effect: 'permit',
    reason: 'confidential-held-until-return-requested',
    basis: [ART_32_4],
    obligations: [RETURN_OR_ERASE],
  }),
];

/** Article 32's rules, in the order they are tried. */
export const article32: readonly Rule[] = [...unbound, ...bound];
