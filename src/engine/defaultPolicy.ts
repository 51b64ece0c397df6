import type { Locale } from '../i18n/locale.js';
import type { Decision } from '../model/decision.js';
import type { Purpose } from '../model/vocabulary.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';
import type { MeasurementRecord, MeasurementRecordInput } from '../records/measurement.js';
import type { DecisionRequest } from '../request/types.js';
import type { RetentionStatus } from '../retention/retentionStatus.js';
import type { RetentionSweep, SweepOptions } from '../retention/sweepRetention.js';
import type { Admission, AdmitOptions } from './admitTransmissions.js';
import type { FilterRequest } from './batch.js';
import { createPolicy, type DecisionContext, type Policy } from './createPolicy.js';
import type { OutcomeOwnership, OutcomeQuery } from './ownerOfOutcome.js';
import type { ReturnOrErase, ReturnRequest } from './returnOrErase.js';

// Built on first use, so importing the library compiles nothing.
let shared: Policy | undefined;
const policy = (): Policy => (shared ??= createPolicy());

/**
 * Decides a request under the default policy (actor `provider`, the system clock, Japanese messages, both
 * terms versions).
 *
 * @example
 * decide({ action: 'license', data: reading, recipient: 'third-party', at: new Date('2021-06-01T10:00:00+09:00') }).reasons[0]?.code
 * //=> 'raw-measurement-data-may-not-leave'
 */
export function decide(request: DecisionRequest): Decision {
  return policy().decide(request);
}

/**
 * Whether the provider may use `data` for `purpose`, under the default policy.
 *
 * @example
 * canUse(reading, 'incident-response', { at: new Date('2021-06-01T10:00:00+09:00') }) //=> true
 * canUse(reading, 'marketing', { at: new Date('2021-06-01T10:00:00+09:00') }) //=> false
 */
export function canUse(
  data: DataRecord | DataRecordInput,
  purpose: Purpose,
  context?: DecisionContext,
): boolean {
  return policy().canUse(data, purpose, context);
}

/**
 * Whether the user may send a measurement to the data centre (31(2)), under the default policy.
 *
 * @example
 * canTransmit(reading, { at: new Date('2021-06-01T10:00:00+09:00') }) //=> true
 */
export function canTransmit(
  measurement: MeasurementRecord | MeasurementRecordInput,
  context?: Omit<DecisionContext, 'actor'>,
): boolean {
  return policy().canTransmit(measurement, context);
}

/**
 * Decides under the default policy and returns the permit, or throws `PolicyViolationError` carrying the deny.
 *
 * @example
 * assertPermitted({ action: 'process', data: reading }).basis[0]?.label //=> '規約(2020-12-01)第13条第3項第3号'
 */
export function assertPermitted(request: DecisionRequest): Decision {
  return policy().assertPermitted(request);
}

/**
 * A readable account of a decision made under the built-in terms versions (default Japanese).
 *
 * @example
 * explain(decide({ action: 'use', data: reading, purpose: 'marketing', at: '2021-06-01T10:00:00+09:00' }), 'en').split('\n')[0]
 * //=> 'Deny — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST'
 */
export function explain(decision: Decision, locale: Locale = 'ja'): string {
  return policy().explain(decision, locale);
}

/**
 * Who owns a result made from data (30(3)), under the default policy.
 *
 * @example
 * ownerOfOutcome({ outcome: 'ai-model', producedBy: 'provider', from: [reading], at: '2021-06-01T10:00:00+09:00' }).owner
 * //=> 'provider'
 */
export function ownerOfOutcome(query: OutcomeQuery): OutcomeOwnership {
  return policy().ownerOfOutcome(query);
}

/**
 * What the receiving party must return and erase when the discloser asks (32(4)), under the default policy.
 *
 * @example
 * returnOrErase([secret], { requestedBy: 'user', at: '2022-01-10T09:00:00+09:00' }).returnAndErase //=> ['s-1']
 */
export function returnOrErase(records: Iterable<unknown>, request: ReturnRequest): ReturnOrErase {
  return policy().returnOrErase(records, request);
}

/**
 * The 31(2) gate for a batch of raw records, under the default policy: each accepted whole, or refused with why
 * (malformed, not measurement data, or refused transmission), never dropped silently.
 *
 * @example
 * const { accepted, refused } = admitTransmissions(JSON.parse(body), { consents });
 * accepted.length //=> 3
 * refused[0] //=> { index: 3, id: 'kanto-sub-07/leak-trend/2021-Q1', reason: 'not-measurement-data' }
 * // Without the provider's written consent on file, the door camera's image is refused (31(2)):
 * admitTransmissions(JSON.parse(body)).refused[0]
 * //=> { index: 2, id: 'kanto-sub-07/door-camera/2021-05-20T02:20', reason: 'transmission-refused',
 * //     decision: { effect: 'deny', rule: '31-2', … } }
 */
export function admitTransmissions(batch: Iterable<unknown>, options?: AdmitOptions): Admission {
  return policy().admitTransmissions(batch, options);
}

/**
 * Decides many requests sharing one context under the default policy; the instant and terms version are fixed
 * once for the batch.
 *
 * @example
 * decideMany([{ action: 'use', data: reading, purpose: 'service-analysis' }, { action: 'license', data: reading, recipient: 'third-party' }], { at })
 *   .map((d) => d.effect) //=> ['permit', 'deny']
 */
export function decideMany(
  requests: Iterable<DecisionRequest>,
  context?: Omit<DecisionRequest, 'action' | 'data'>,
): Decision[] {
  return policy().decideMany(requests, context);
}

/**
 * Yields lazily the records one request permits, under the default policy: a generator for an iterable, an
 * async generator for an async iterable.
 *
 * @example
 * [...filterPermitted(records, { action: 'license', recipient: 'third-party', at })].map((r) => r.id)
 * //=> ['kanto-sub-07/leak-trend/2021-Q1'] (raw measurement data never leaves (13(3)(4)), nor personal data
 * //   without consent)
 */
export function filterPermitted(
  records: Iterable<unknown>,
  request: FilterRequest,
): Generator<DataRecord, void, undefined>;
/**
 * The same filter over an async iterable (a database cursor, a stream), as an async generator.
 *
 * @example
 * const request: FilterRequest = { action: 'license', recipient: 'third-party', at };
 * const ids: string[] = [];
 * for await (const record of filterPermitted(cursor, request)) ids.push(record.id);
 * ids //=> ['kanto-sub-07/leak-trend/2021-Q1']
 */
export function filterPermitted(
  records: AsyncIterable<unknown>,
  request: FilterRequest,
): AsyncGenerator<DataRecord, void, undefined>;
/**
 * Both overloads: the default policy's `filterPermitted` tells an async iterable from an iterable.
 *
 * @example
 * [...filterPermitted([], { action: 'use', purpose: 'service-analysis' })] //=> []
 */
export function filterPermitted(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  request: FilterRequest,
): Generator<DataRecord, void, undefined> | AsyncGenerator<DataRecord, void, undefined> {
  return policy().filterPermitted(records as Iterable<unknown>, request);
}

/**
 * Where a record stands under the holding period of 13(4) (old 13(2)) at `at` (default now), under the default
 * policy: the version in force at `at` sets the period. Measurement data is held for the period from `receivedAt`,
 * reckoned under the Civil Code in JST; from its end only under an extension decided at or before `at`, with a
 * reason, and before its `until`.
 *
 * @throws {PolicyInputError} for a malformed record or instant.
 * @example
 * retentionStatus(reading, '2022-03-15T23:59:59.999+09:00')
 * //=> { state: 'within-period', endsAt: 2022-03-16T00:00:00+09:00, heldUntil: 2022-03-16T00:00:00+09:00 }
 * retentionStatus(reading, new Date('2022-03-16T00:00:00+09:00')).state //=> 'expired'
 */
export function retentionStatus(record: DataRecord | DataRecordInput, at?: Date | string): RetentionStatus {
  return policy().retentionStatus(record, at);
}

/**
 * Sorts records by where they stand under 13(4) at `at` (default now), for a retention job, under the default
 * policy. Takes any iterable, or an async iterable (a database cursor, an NDJSON stream) and then returns a
 * promise. Records are read one at a time and only ids and due dates are kept.
 *
 * A malformed record fails the sweep (fail closed) unless `options.onMalformed` is `'collect'`: then it is listed
 * in `malformed` with its index, its id and its issues, and the sweep goes on; every record read is in exactly one
 * of `keep`, `extended`, `expired` and `malformed`.
 *
 * @throws {PolicyInputError} at the first malformed record, with its index in the path, unless collecting;
 *   nothing is swept then.
 * @example
 * const { keep, expired } = sweepRetention(records, '2022-03-16T00:00:00+09:00');
 * expired.map((e) => e.id) //=> ['kanto-sub-07/leak/2021-03-15T10:00']
 * sweepRetention([reading, { id: 'm-9' }], '2022-03-16T00:00:00+09:00', { onMalformed: 'collect' })
 *   .malformed.map((m) => [m.index, m.id]) //=> [[1, 'm-9']]
 */
export function sweepRetention(
  records: Iterable<unknown>,
  at?: Date | string,
  options?: SweepOptions,
): RetentionSweep;
/**
 * The same sort over an async iterable, read one record at a time: a promise of the sweep.
 *
 * @example
 * async function* cursor() { yield reading; }
 * (await sweepRetention(cursor(), new Date('2022-03-16T00:00:00+09:00'))).expired.map((e) => e.id)
 * //=> ['kanto-sub-07/leak/2021-03-15T10:00']
 */
export function sweepRetention(
  records: AsyncIterable<unknown>,
  at?: Date | string,
  options?: SweepOptions,
): Promise<RetentionSweep>;
/**
 * Both overloads: an iterable with `Symbol.asyncIterator` is swept asynchronously, any other synchronously.
 *
 * @example
 * sweepRetention([], new Date('2022-03-16T00:00:00+09:00'))
 * //=> { keep: [], extended: [], expired: [], malformed: [] }
 */
export function sweepRetention(
  records: Iterable<unknown> | AsyncIterable<unknown>,
  at?: Date | string,
  options?: SweepOptions,
): RetentionSweep | Promise<RetentionSweep> {
  return policy().sweepRetention(records as Iterable<unknown>, at, options);
}

/**
 * The receipt instant below which measurement data without extensions has expired at `at` (default now), under
 * the default policy: such a record is expired exactly when `receivedAt < retentionCutoff(at)`.
 *
 * @example
 * retentionCutoff(new Date('2022-03-16T00:00:00+09:00')).toISOString() //=> '2021-03-15T15:00:00.001Z'
 * // Received 2021-03-16 00:00:00.000 JST, the first day counts (Civil Code 140) and the year ended
 * // 2022-03-16 00:00: expired. A millisecond later, the first day is 03-17 and the year runs to 2022-03-17.
 */
export function retentionCutoff(at?: Date | string): Date {
  return policy().retentionCutoff(at);
}
