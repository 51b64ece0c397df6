import { termsArticle } from '../../model/citation.js';
import { ACTIONS, ACTORS } from '../../model/vocabulary.js';
import { defineRule, type Rule } from '../rule.js';

// What no rule of the 2020-12-01 version grants on the kinds outside Art. 13 is refused, citing the article
// that governs the kind. (Art. 13's own defaults sit in article13.ts.)
export const defaults: readonly Rule[] = [
  defineRule({
    id: '31-1/default',
    kinds: ['user-information'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(31, 1)],
  }),
  defineRule({
    id: '31-3/default',
    kinds: ['anonymized', 'statistical'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(31, 3)],
  }),
  defineRule({
    id: '32-1/default',
    kinds: ['confidential'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(32, 1)],
  }),
  defineRule({
    id: '30/default',
    kinds: ['provider-content'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(30)],
  }),
];
