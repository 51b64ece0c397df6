import { z } from 'zod';
import { nonBlank } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * 秘密情報 (2(2)(6)): business or technical information one party discloses to the other. It binds the receiver under
 * Art. 32 only if designated in writing or electronically before disclosure, with its scope specified and marked.
 * `exception` names one of 32(1)(1)-(4).
 *
 * @example
 * confidentialRecord.parse({
 *   kind: 'confidential', id: 's-1', disclosedBy: 'user', disclosedAt: '2021-05-10T10:00:00+09:00',
 *   designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' }, scopeSpecified: true, marked: true,
 * }).designation?.method //=> 'written'
 */
export const confidentialRecord = z.object({
  kind: z.literal('confidential'),
  id: nonBlank,
  disclosedBy: z.enum(['user', 'provider']),
  disclosedAt: timestamp,
  designation: z.object({ method: z.enum(['written', 'electronic']), at: timestamp }).nullable(),
  scopeSpecified: z.boolean(),
  marked: z.boolean(),
  exception: z
    .enum(['already-held', 'obtained-from-third-party', 'independently-developed', 'public'])
    .optional(),
});

/**
 * A parsed confidential-information record.
 *
 * @example
 * const undesignated: ConfidentialRecord = confidentialRecord.parse({
 *   kind: 'confidential', id: 's-2', disclosedBy: 'provider', disclosedAt: '2021-05-10T10:00:00+09:00',
 *   designation: null, scopeSpecified: false, marked: false,
 * });
 * undesignated.designation //=> null
 */
export type ConfidentialRecord = z.output<typeof confidentialRecord>;
