import { z } from 'zod';
import { nonBlank } from './fields.js';
import { timestamp } from './timestamp.js';

/**
 * 利用者情報 (2(8)): personal information about the user — or, for a corporate user, its officers, employees and
 * other staff — taken from the application (7(1)) or a notification (Art. 9).
 *
 * @example
 * userInformationRecord.parse({
 *   kind: 'user-information', id: 'u-1', subject: 'employee', source: 'application',
 *   collectedAt: '2020-04-01T09:00:00+09:00',
 * }).subject //=> 'employee'
 */
export const userInformationRecord = z.object({
  kind: z.literal('user-information'),
  id: nonBlank,
  subject: z.enum(['user', 'officer', 'employee', 'other-staff']),
  source: z.enum(['application', 'notification']),
  collectedAt: timestamp,
});

/**
 * A parsed user-information record.
 *
 * @example
 * const info: UserInformationRecord = userInformationRecord.parse({
 *   kind: 'user-information', id: 'u-2', subject: 'officer', source: 'notification',
 *   collectedAt: '2020-04-01T09:00:00+09:00',
 * });
 * info.collectedAt.toISOString() //=> '2020-04-01T00:00:00.000Z'
 */
export type UserInformationRecord = z.output<typeof userInformationRecord>;
