import { z } from 'zod';
import { nonBlank } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * Content the provider supplies through the service — text, images, video and other data (30(1)).
 *
 * @example
 * providerContentRecord.parse({ kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00+09:00' }).id
 * //=> 'pc-1'
 */
export const providerContentRecord = z.object({
  kind: z.literal('provider-content'),
  id: nonBlank,
  publishedAt: timestamp,
});

/**
 * A parsed provider-content record.
 *
 * @example
 * const content: ProviderContentRecord = providerContentRecord.parse({
 *   kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00+09:00',
 * });
 * content.publishedAt.toISOString() //=> '2020-12-31T15:00:00.000Z'
 */
export type ProviderContentRecord = z.output<typeof providerContentRecord>;
