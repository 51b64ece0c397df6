import { ACTIONS, ACTORS } from '../../engine/vocabulary.js';
import { termsArticle } from '../citation.js';
import { defineRule, type Rule } from '../rule.js';

// The 2017-04-01 rules. Until their full set is modelled, everything is refused with the article that governs
// the kind: the old terms grant nothing this module does not state.
export const rules: readonly Rule[] = [
  defineRule({
    id: '13/default',
    kinds: ['measurement', 'derived', 'anonymized', 'statistical'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(13)],
  }),
  defineRule({
    id: '31/default',
    kinds: ['user-information'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(31)],
  }),
  defineRule({
    id: '30/default',
    kinds: ['confidential', 'provider-content'],
    actors: [...ACTORS],
    actions: ACTIONS,
    effect: 'deny',
    reason: 'not-granted',
    basis: [termsArticle(30, 2)],
  }),
];
