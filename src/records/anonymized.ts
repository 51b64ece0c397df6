import { z } from 'zod';
import { nonBlank, sourceIds } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * 匿名加工情報 (31(3)): made by the provider from measurement data and user information. `itemCategories` are the
 * kinds of item it contains, which the provider publishes (APPI 43(3)).
 *
 * @example
 * anonymizedRecord.parse({
 *   kind: 'anonymized', id: 'a-1', sources: ['m-1', 'u-1'], createdAt: '2021-06-01T00:00:00+09:00',
 *   itemCategories: ['region', 'leakage-current'],
 * }).itemCategories.length //=> 2
 */
export const anonymizedRecord = z.object({
  kind: z.literal('anonymized'),
  id: nonBlank,
  sources: sourceIds,
  createdAt: timestamp,
  itemCategories: z.array(nonBlank).min(1, { message: 'Expected at least one item category' }),
});

/**
 * A parsed anonymized-information record.
 *
 * @example
 * const anonymized: AnonymizedRecord = anonymizedRecord.parse({
 *   kind: 'anonymized', id: 'a-1', sources: ['m-1', 'u-1'], createdAt: '2021-06-01T00:00:00+09:00',
 *   itemCategories: ['region', 'leakage-current'],
 * });
 * anonymized.itemCategories //=> ['region', 'leakage-current']
 */
export type AnonymizedRecord = z.output<typeof anonymizedRecord>;
