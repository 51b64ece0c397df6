import { z } from 'zod';
import { nonBlank, sourceIds } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * 統計的な情報 (31(3)): statistics made from measurement data and user information that identify no individual.
 *
 * @example
 * statisticalRecord.parse({
 *   kind: 'statistical', id: 'st-1', sources: ['m-1'], createdAt: '2021-06-01T00:00:00+09:00',
 * }).kind //=> 'statistical'
 */
export const statisticalRecord = z.object({
  kind: z.literal('statistical'),
  id: nonBlank,
  sources: sourceIds,
  createdAt: timestamp,
});

/**
 * A parsed statistical-information record.
 *
 * @example
 * const stats: StatisticalRecord = statisticalRecord.parse({
 *   kind: 'statistical', id: 'st-1', sources: ['m-1', 'm-2'], createdAt: '2021-06-01T00:00:00+09:00',
 * });
 * stats.sources //=> ['m-1', 'm-2']
 */
export type StatisticalRecord = z.output<typeof statisticalRecord>;
