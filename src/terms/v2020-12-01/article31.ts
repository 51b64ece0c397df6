import { defineRule, type Rule } from '../rule.js';
import { ART_31_3 } from './citations.js';

// Article 31 (個人情報の保護) of the 2020-12-01 terms.

/** 31(3): anonymized and statistical information is made by the provider, not received: 13(4) does not limit it. */
export const article31: readonly Rule[] = [
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
