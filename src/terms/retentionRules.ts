import type { CitationSpec } from '../model/citation.js';
import type { Actor } from '../model/vocabulary.js';
import { defineRule, type Rule } from './rule.js';

/**
 * The provider's (and its subcontractor's) holding of measurement data: the version's holding period from receipt,
 * then only under an extension decided by the time of the decision. Both shipped versions have it (old 13(2), new
 * 13(4)); `basis` is the article of the version that uses it, whose `holdingPeriod` sets the length.
 *
 * @example
 * retentionRules(termsArticle(13, 4), ['provider']).map((r) => r.effect) //=> ['permit', 'permit', 'deny']
 */
export function retentionRules(basis: CitationSpec, actors: readonly Actor[]): Rule[] {
  const match = { kinds: ['measurement' as const], actors: [...actors], actions: ['retain' as const] };
  const deleteWhenItEnds = { code: 'delete-when-retention-ends', basis, due: 'holding-ends' } as const;
  return [
    defineRule({
      id: 'retention/within-period',
      ...match,
      condition: { holding: 'within-period' },
      effect: 'permit',
      reason: 'held-within-retention-period',
      basis: [basis],
      obligations: [deleteWhenItEnds],
    }),
    defineRule({
      id: 'retention/extended',
      ...match,
      condition: { holding: 'extended' },
      effect: 'permit',
      reason: 'held-under-extension',
      basis: [basis],
      obligations: [deleteWhenItEnds],
    }),
    defineRule({
      id: 'retention/expired',
      ...match,
      effect: 'deny',
      reason: 'retention-period-ended',
      basis: [basis],
    }),
  ];
}
