import { z } from 'zod';
import { anonymizedRecord } from './anonymized.js';
import { confidentialRecord } from './confidential.js';
import { derivedRecord } from './derived.js';
import { measurementRecord } from './measurement.js';
import { providerContentRecord } from './providerContent.js';
import { statisticalRecord } from './statistical.js';
import { userInformationRecord } from './userInformation.js';

/**
 * Any record the terms speak of, discriminated by `kind`.
 *
 * @example
 * dataRecord.parse({ kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00Z' }).kind
 * //=> 'provider-content'
 */
export const dataRecord = z.discriminatedUnion('kind', [
  measurementRecord,
  derivedRecord,
  userInformationRecord,
  confidentialRecord,
  anonymizedRecord,
  statisticalRecord,
  providerContentRecord,
]);

/**
 * A parsed record of any kind.
 *
 * @example
 * const record: DataRecord = parseRecord({
 *   kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00+09:00',
 * });
 * record.kind === 'provider-content' && record.publishedAt.toISOString() //=> '2020-12-31T15:00:00.000Z'
 */
export type DataRecord = z.output<typeof dataRecord>;

/**
 * A record as it may arrive from outside: timestamps as `Date`s or ISO strings with an offset.
 *
 * @example
 * const input: DataRecordInput = {
 *   kind: 'statistical', id: 'st-1', sources: ['m-1'], createdAt: new Date('2021-06-01T00:00:00+09:00'),
 * };
 * safeParseRecord(input).success //=> true
 */
export type DataRecordInput = z.input<typeof dataRecord>;

/**
 * The record kinds: `measurement`, `derived`, `user-information`, `confidential`, `anonymized`, `statistical`, `provider-content`.
 *
 * @example
 * const kind: DataKind = reading.kind;
 * kind //=> 'measurement'
 */
export type DataKind = DataRecord['kind'];

/**
 * The record of a given kind.
 *
 * @example
 * if (reading.kind === 'measurement') {
 *   const measurement: RecordOf<'measurement'> = reading;
 *   measurement.unit //=> 'mA'
 * }
 */
export type RecordOf<K extends DataKind> = Extract<DataRecord, { kind: K }>;

/**
 * Every record kind, in the order SPEC lists them.
 *
 * @example
 * DATA_KINDS
 * //=> ['measurement', 'derived', 'user-information', 'confidential', 'anonymized', 'statistical', 'provider-content']
 */
export const DATA_KINDS: readonly DataKind[] = Object.freeze([
  'measurement',
  'derived',
  'user-information',
  'confidential',
  'anonymized',
  'statistical',
  'provider-content',
] satisfies DataKind[]);
