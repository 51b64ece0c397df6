import { z } from 'zod';
import { nonBlank, personalDataStatus, sourceIds } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * 派生データ (2(5)): measurement data after 加工等 — processing, analysis, editing or integration (2(1)).
 * `personalData` defaults to `none`; derived data that is or may be personal information stays under APPI.
 *
 * @example
 * derivedRecord.parse({
 *   kind: 'derived', id: 'd-1', sources: ['m-1'], processedBy: 'provider', processedAt: '2021-04-01T00:00:00+09:00',
 * }).personalData //=> 'none'
 */
export const derivedRecord = z.object({
  kind: z.literal('derived'),
  id: nonBlank,
  sources: sourceIds,
  processedBy: z.enum(['user', 'provider', 'subcontractor', 'third-party']),
  processedAt: timestamp,
  personalData: personalDataStatus.default('none'),
});

/**
 * A parsed derived-data record.
 *
 * @example
 * const derived: DerivedRecord = derivedRecord.parse({
 *   kind: 'derived', id: 'd-2', sources: ['m-1'], processedBy: 'subcontractor',
 *   processedAt: '2021-04-01T00:00:00+09:00', personalData: 'possible',
 * });
 * derived.personalData //=> 'possible'
 */
export type DerivedRecord = z.output<typeof derivedRecord>;
