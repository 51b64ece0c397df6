import type { Action } from '../../model/vocabulary.js';
import { defineRule, type Rule } from '../rule.js';
import { ART_30_1, ART_30_2 } from './citations.js';

// Article 30 (知的財産権) of the 2020-12-01 terms: the provider's content. (30(3), the results of using data,
// is answered by ownerOfOutcome.)

/** 転載・複製・出版・放送・公衆送信 "by whatever means": every way of passing the content on or reproducing it. */
const REPRODUCE: Action[] = ['republish', 'disclose', 'transfer', 'license', 'sublicense'];

export const article30: readonly Rule[] = [
  defineRule({
    id: '30-1/provider',
    kinds: ['provider-content'],
    actors: ['provider'],
    actions: ['use', 'process', 'disclose', 'transfer', 'license', 'sublicense', 'retain', 'republish'],
    effect: 'permit',
    reason: 'provider-owns-content',
    basis: [ART_30_1],
  }),
  defineRule({
    id: '30-1/user',
    kinds: ['provider-content'],
    actors: ['user'],
    actions: ['use', 'retain'],
    effect: 'permit',
    reason: 'user-may-use-provider-content',
    basis: [ART_30_1],
  }),
  // 30(2): prior consent in any form (the article does not ask for writing), given at or before the act.
  defineRule({
    id: '30-2/consent',
    kinds: ['provider-content'],
    actors: ['user'],
    actions: REPRODUCE,
    condition: { consent: { from: 'provider' } },
    effect: 'permit',
    reason: 'provider-content-with-prior-consent',
    basis: [ART_30_2],
  }),
  defineRule({
    id: '30-2',
    kinds: ['provider-content'],
    actors: ['user'],
    actions: REPRODUCE,
    effect: 'deny',
    reason: 'provider-content-needs-prior-consent',
    basis: [ART_30_2],
  }),
];
