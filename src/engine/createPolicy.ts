import { PolicyInputError, PolicyViolationError } from '../errors.js';
import { explainDecision } from '../i18n/explain.js';
import type { Locale } from '../i18n/locale.js';
import type { Decision } from '../model/decision.js';
import type { Actor, Purpose } from '../model/vocabulary.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';
import type { MeasurementRecord, MeasurementRecordInput } from '../records/measurement.js';
import { readInstant } from '../records/timestamp.js';
import { type RequestDefaults, readCall, readRequest } from '../request/readRequest.js';
import type { DecisionRequest } from '../request/types.js';
import type { RetentionStatus } from '../retention/retentionStatus.js';
import type { RetentionSweep, SweepOptions } from '../retention/sweepRetention.js';
import type { RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { type Admission, type AdmitOptions, admitWith } from './admitTransmissions.js';
import { decideMany, type FilterRequest, filterPermitted } from './batch.js';
import { type DecisionCore, decisionCore } from './decide.js';
import { type OutcomeOwnership, type OutcomeQuery, ownerOfOutcomeUnder } from './ownerOfOutcome.js';
import { type PolicyOptions, readOptions } from './policyOptions.js';
import { retentionOf } from './retention.js';
import { type ReturnOrErase, type ReturnRequest, returnOrEraseWith } from './returnOrErase.js';

export type { FilterRequest, PolicyOptions };

/**
 * The request fields `canUse` and `canTransmit` take besides the data (and purpose).
 *
 * @example
 * const context: DecisionContext = { actor: 'subcontractor', at: '2021-06-01T10:00:00+09:00' };
 * canUse(reading, 'incident-response', context) //=> true
 */
export type DecisionContext = Omit<DecisionRequest, 'action' | 'data' | 'purpose'>;

/**
 * A compiled policy: decisions over its terms versions, in its locale, for its default actor.
 *
 * @example
 * const policy = createPolicy({ locale: 'en' });
 * policy.canUse(reading, 'service-analysis', { at: new Date('2021-06-01T10:00:00+09:00') }) //=> true
 */
export interface Policy {
  readonly actor: Actor;
  readonly locale: Locale;
  /** The terms versions, oldest first. */
  readonly terms: readonly TermsVersion[];
  /** Decides a request. Throws {@link PolicyInputError} for malformed input and {@link TermsNotInForceError} before the first version. */
  decide(request: DecisionRequest): Decision;
  /** Whether `data` may be used for `purpose`: `decide({ action: 'use', … }).allowed`. */
  canUse(data: DataRecord | DataRecordInput, purpose: Purpose, context?: DecisionContext): boolean;
  /** Whether the user may send a measurement to the data centre (31(2)): `decide({ action: 'transmit', actor: 'user', … }).allowed`. */
  canTransmit(
    measurement: MeasurementRecord | MeasurementRecordInput,
    context?: Omit<DecisionContext, 'actor'>,
  ): boolean;
  /**
   * Decides many requests that share a context (an instant, an actor, consent…), all or nothing: every request is
   * read and checked before any is decided, so a malformed one fails the batch before a decision is logged. A
   * request's own fields win over the context's; the clock is read once for the requests that name no instant.
   */
  decideMany(
    requests: Iterable<DecisionRequest>,
    context?: Omit<DecisionRequest, 'action' | 'data'>,
  ): Decision[];
  /**
   * Yields, lazily and in order, the parsed and frozen records one request permits. The request is read once when
   * the filter is made; a malformed record stops it with a {@link PolicyInputError} naming its index.
   */
  filterPermitted(records: Iterable<unknown>, request: FilterRequest): Generator<DataRecord, void, undefined>;
  /** The same filter over an async iterable (a cursor, a stream), as an async generator. */
  filterPermitted(
    records: AsyncIterable<unknown>,
    request: FilterRequest,
  ): AsyncGenerator<DataRecord, void, undefined>;
  /** Decides and returns a permit, or throws {@link PolicyViolationError} carrying the deny. */
  assertPermitted(request: DecisionRequest): Decision;
  /** A readable account of a decision (in the policy's locale unless told). */
  explain(decision: Decision, locale?: Locale): string;
  /** The terms version in force at an instant (default: the clock's now). */
  termsInForce(at?: Date | string): TermsVersion;
  /** Where a record stands under the holding period of the version in force at `at` (13(4)). */
  retentionStatus(record: DataRecord | DataRecordInput, at?: Date | string): RetentionStatus;
  /** Sorts records by their holding state at `at` under the version in force then. */
  sweepRetention(records: Iterable<unknown>, at?: Date | string, options?: SweepOptions): RetentionSweep;
  /** The same sort over an async iterable, read one record at a time. */
  sweepRetention(
    records: AsyncIterable<unknown>,
    at?: Date | string,
    options?: SweepOptions,
  ): Promise<RetentionSweep>;
  /** The receipt instant below which measurement data without extensions has expired at `at`. */
  retentionCutoff(at?: Date | string): Date;
  /** Who owns a result made from data (30(3)): the party that used or processed it, or `null` with the reason. */
  ownerOfOutcome(query: OutcomeQuery): OutcomeOwnership;
  /** What the receiving party must return and erase when the discloser asks (32(4)). */
  returnOrErase(records: Iterable<unknown>, request: ReturnRequest): ReturnOrErase;
  /** The 31(2) gate for a batch of raw records: each accepted whole, or refused with why. */
  admitTransmissions(batch: Iterable<unknown>, options?: AdmitOptions): Admission;
}

/**
 * Builds a policy: reads and checks the options and every terms version (all problems at once), and compiles each
 * version into its decision table. Build one policy and reuse it; a decision is then a lookup.
 *
 * @throws {PolicyInputError} for invalid options, including a terms version after the first whose notice was not
 * given before its effective date (Art. 3).
 * @example
 * const policy = createPolicy({ locale: 'en', clock: () => new Date('2021-06-01T10:00:00+09:00') });
 * policy.decide({ action: 'use', data: reading, purpose: 'marketing' }).effect //=> 'deny'
 */
export function createPolicy(options: PolicyOptions = {}): Policy {
  const o = readOptions(options);
  const env: RuleEnvironment = Object.freeze({ privacyPolicyPurposes: new Set(o.purposes) });
  const clock = o.clock;
  const nowMs = (): number => {
    const at = clock();
    const ms = at instanceof Date ? readInstant(at) : 'invalid-type';
    if (typeof ms !== 'number')
      throw new PolicyInputError(
        [{ path: ['at'], code: 'invalid-clock', message: "The policy's clock did not return a valid Date" }],
        'request',
      );
    return ms;
  };
  const defaults: RequestDefaults = { actor: o.actor, now: nowMs, purposes: o.strictPurposes };
  const core: DecisionCore = decisionCore(o.terms, o.locale, env, o.onDecision, o.onHookError);
  const decide = (request: DecisionRequest): Decision => core.decide(readRequest(request, defaults));
  const instantOf = (at: Date | string | undefined, what: string): number => {
    if (at === undefined) return nowMs();
    const ms = readInstant(at);
    if (typeof ms === 'number') return ms;
    throw new PolicyInputError([{ path: ['at'], code: ms, message: 'Expected a valid instant' }], what);
  };
  const retention = retentionOf(core, instantOf);

  return Object.freeze({
    actor: o.actor,
    locale: o.locale,
    terms: o.terms,
    decide,
    canUse: (data: DataRecord | DataRecordInput, purpose: Purpose, context?: DecisionContext) =>
      core.allowed(readCall(context, 'use', data, purpose, undefined, defaults)),
    canTransmit: (
      measurement: MeasurementRecord | MeasurementRecordInput,
      context?: Omit<DecisionContext, 'actor'>,
    ) => core.allowed(readCall(context, 'transmit', measurement, undefined, 'user', defaults)),
    decideMany: (requests: Iterable<DecisionRequest>, context?: Omit<DecisionRequest, 'action' | 'data'>) =>
      decideMany(core, defaults, requests, context),
    filterPermitted: ((records: Iterable<unknown> | AsyncIterable<unknown>, request: FilterRequest) =>
      filterPermitted(core, defaults, records, request)) as Policy['filterPermitted'],
    assertPermitted: (request: DecisionRequest) => {
      const decision = decide(request);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return decision;
    },
    explain: (decision: Decision, locale: Locale = o.locale) => explainDecision(decision, locale, o.terms),
    termsInForce: (at?: Date | string) => core.inForce(instantOf(at, 'instant')).version,
    ...retention,
    ownerOfOutcome: (query: OutcomeQuery) => ownerOfOutcomeUnder(query, core, o.locale, nowMs),
    returnOrErase: (records: Iterable<unknown>, request: ReturnRequest) =>
      returnOrEraseWith(decide, core, instantOf, records, request),
    admitTransmissions: (batch: Iterable<unknown>, options: AdmitOptions = {}) =>
      admitWith(decide, core, batch, options, nowMs),
  }) as Policy;
}
