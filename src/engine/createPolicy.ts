import { PolicyInputError, type PolicyIssue, PolicyViolationError } from '../errors.js';
import { explainDecision } from '../i18n/explain.js';
import { isLocale, type Locale } from '../i18n/locale.js';
import { readProperty } from '../internal/property.js';
import type { Decision } from '../model/decision.js';
import { ACTORS, type Actor, type Purpose } from '../model/vocabulary.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';
import type { MeasurementRecord, MeasurementRecordInput } from '../records/measurement.js';
import { readInstant } from '../records/timestamp.js';
import { type RequestDefaults, readCall, readRequest } from '../request/readRequest.js';
import type { DecisionRequest } from '../request/types.js';
import type { RetentionStatus } from '../retention/retentionStatus.js';
import type { RetentionSweep } from '../retention/sweepRetention.js';
import { DEFAULT_TERMS } from '../terms/defaultTerms.js';
import { checkTerms, isDefinedTerms } from '../terms/defineTerms.js';
import type { RuleEnvironment } from '../terms/rule.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { formatJst } from '../time/jst.js';
import { type Admission, type AdmitOptions, admitWith } from './admitTransmissions.js';
import { decideMany, type FilterRequest, filterPermitted } from './batch.js';
import { type DecisionCore, decisionCore } from './decide.js';
import type { DecisionLogEntry } from './logEntry.js';
import { type OutcomeOwnership, type OutcomeQuery, ownerOfOutcomeUnder } from './ownerOfOutcome.js';
import { retentionOf } from './retention.js';
import { type ReturnOrErase, type ReturnRequest, returnOrEraseWith } from './returnOrErase.js';

export type { FilterRequest };

/**
 * How a policy is set up. Every option has a default: the provider acts, the clock is the system's, messages
 * are Japanese, both terms versions apply, and user information may be used for `service-provision` only.
 *
 * @example
 * const options: PolicyOptions = { locale: 'en', clock: () => new Date('2021-06-01T10:00:00+09:00') };
 * createPolicy(options).termsInForce().id //=> '2020-12-01'
 */
export interface PolicyOptions {
  /** Who acts when a request does not say (default `provider`). */
  readonly actor?: Actor | undefined;
  /** Where `at` comes from when a request has none (default: the system clock). */
  readonly clock?: (() => Date) | undefined;
  /** The language of messages and labels (default `ja`). */
  readonly locale?: Locale | undefined;
  /** The terms versions, in any order (default: 2017-04-01 and 2020-12-01); each is checked whole. */
  readonly terms?: readonly TermsVersion[] | undefined;
  /** The purposes the corporate privacy policy states for user information (default `['service-provision']`). */
  readonly privacyPolicyPurposes?: readonly string[] | undefined;
  /**
   * Called with a JSON-safe log entry after every decision. An error it throws reaches the caller (the call fails
   * closed); a promise it returns that rejects goes to `onHookError`.
   */
  readonly onDecision?: ((entry: DecisionLogEntry) => unknown) | undefined;
  /** Receives what an asynchronous `onDecision` rejected with, and the entry it was given (default `console.error`). */
  readonly onHookError?: ((error: unknown, entry: DecisionLogEntry) => void) | undefined;
}

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
  sweepRetention(records: Iterable<unknown>, at?: Date | string): RetentionSweep;
  /** The same sort over an async iterable, read one record at a time. */
  sweepRetention(records: AsyncIterable<unknown>, at?: Date | string): Promise<RetentionSweep>;
  /** The receipt instant below which measurement data without extensions has expired at `at`. */
  retentionCutoff(at?: Date | string): Date;
  /** Who owns a result made from data (30(3)): the party that used or processed it, or `null` with the reason. */
  ownerOfOutcome(query: OutcomeQuery): OutcomeOwnership;
  /** What the receiving party must return and erase when the discloser asks (32(4)). */
  returnOrErase(records: Iterable<unknown>, request: ReturnRequest): ReturnOrErase;
  /** The 31(2) gate for a batch of raw records: each accepted whole, or refused with why. */
  admitTransmissions(batch: Iterable<unknown>, options?: AdmitOptions): Admission;
}

/** Report at most this many issues of a policy's options, as everywhere. */
const MAX_ISSUES = 100;
const isBlank = (v: unknown) => typeof v !== 'string' || !/\S/.test(v);
const systemClock = () => new Date();
const reportToConsole = (error: unknown) => console.error('m2m-data-policy: onDecision rejected', error);

interface Options {
  readonly actor: Actor;
  readonly locale: Locale;
  readonly clock: () => Date;
  readonly terms: readonly TermsVersion[];
  readonly purposes: readonly string[];
  readonly onDecision: PolicyOptions['onDecision'];
  readonly onHookError: NonNullable<PolicyOptions['onHookError']>;
}

/** Reads the options once, checks them and every terms version whole: all problems at once. */
function readOptions(options: unknown): Options {
  const o = typeof options === 'object' && options !== null ? options : {};
  const get = (key: keyof PolicyOptions) => readProperty(o, key);
  // Only an absent option takes its default: `null` is a value, and is checked like any other.
  const orDefault = (v: unknown, fallback: unknown): unknown => (v === undefined ? fallback : v);
  const issues: PolicyIssue[] = [];
  const actor = orDefault(get('actor'), 'provider');
  if (!(ACTORS as readonly unknown[]).includes(actor))
    issues.push({
      path: ['actor'],
      code: 'invalid-value',
      message: `actor must be one of ${ACTORS.join(', ')}`,
    });
  const locale = orDefault(get('locale'), 'ja');
  if (!isLocale(locale))
    issues.push({ path: ['locale'], code: 'invalid-value', message: "locale must be 'ja' or 'en'" });
  const clock = orDefault(get('clock'), systemClock);
  if (typeof clock !== 'function')
    issues.push({
      path: ['clock'],
      code: 'invalid-type',
      message: 'clock must be a function returning a Date',
    });
  const onDecision = get('onDecision');
  if (onDecision !== undefined && typeof onDecision !== 'function')
    issues.push({ path: ['onDecision'], code: 'invalid-type', message: 'onDecision must be a function' });
  const onHookError = orDefault(get('onHookError'), reportToConsole);
  if (typeof onHookError !== 'function')
    issues.push({ path: ['onHookError'], code: 'invalid-type', message: 'onHookError must be a function' });
  const purposes = orDefault(get('privacyPolicyPurposes'), ['service-provision']);
  if (!Array.isArray(purposes))
    issues.push({
      path: ['privacyPolicyPurposes'],
      code: 'invalid-type',
      message: 'privacyPolicyPurposes must be an array of purposes',
    });
  else
    purposes.forEach((p, i) => {
      if (isBlank(p))
        issues.push({
          path: ['privacyPolicyPurposes', i],
          code: 'invalid-value',
          message: 'A purpose is a non-empty string',
        });
    });
  const given = orDefault(get('terms'), DEFAULT_TERMS);
  // Each version with its place in the list given, for the paths of its issues.
  const placed: Placed[] = [];
  if (!Array.isArray(given) || given.length === 0)
    issues.push({ path: ['terms'], code: 'no-terms', message: 'A policy needs at least one terms version' });
  else
    given.forEach((v, index) => {
      // A version defineTerms made (the shipped ones too) is frozen and was checked: it is taken as it is.
      const checked = isDefinedTerms(v) ? { version: v, issues: [] } : checkTerms(v);
      for (const issue of checked.issues) issues.push({ ...issue, path: ['terms', index, ...issue.path] });
      if (checked.version) placed.push({ version: checked.version, index });
    });
  const ordered = placed.sort(
    (a, b) => a.version.effectiveFrom.getTime() - b.version.effectiveFrom.getTime(),
  );
  issues.push(...orderIssues(ordered));
  if (issues.length > MAX_ISSUES)
    issues.splice(MAX_ISSUES, issues.length, {
      path: [],
      code: 'too-many-issues',
      message: `${issues.length - MAX_ISSUES} more issues not listed`,
    });
  if (issues.length) throw new PolicyInputError(issues, 'policy options');
  return {
    actor: actor as Actor,
    locale: locale as Locale,
    clock: clock as () => Date,
    terms: Object.freeze(ordered.map((p) => p.version)),
    purposes: [...(purposes as string[])],
    onDecision: onDecision as PolicyOptions['onDecision'],
    onHookError: onHookError as Options['onHookError'],
  };
}

/** A checked version and its index in the list given. */
interface Placed {
  readonly version: TermsVersion;
  readonly index: number;
}

/**
 * Art. 3 of the 2020-12-01 terms: a change takes effect only after users were told of it, so every version after
 * the first needs a `noticeGivenAt` before its `effectiveFrom`; no two versions share an id or an instant.
 */
function orderIssues(sorted: readonly Placed[]): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const ids = new Set<string>();
  sorted.forEach(({ version: v, index: i }, k) => {
    if (ids.has(v.id))
      issues.push({
        path: ['terms', i, 'id'],
        code: 'duplicate-terms-id',
        message: `Terms version ${v.id} is listed twice`,
      });
    ids.add(v.id);
    const previous = sorted[k - 1]?.version;
    if (previous === undefined) return;
    const from = v.effectiveFrom.getTime();
    if (previous.effectiveFrom.getTime() === from)
      issues.push({
        path: ['terms', i, 'effectiveFrom'],
        code: 'duplicate-effective-date',
        message: `Terms versions ${previous.id} and ${v.id} take effect at the same instant`,
      });
    const notice = v.noticeGivenAt;
    const effective = formatJst(v.effectiveFrom);
    if (notice === undefined)
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-missing',
        message: `Terms version ${v.id} takes effect at ${effective} but gives no notice date; Art. 3 (規約の変更) requires users to be told of a change before it applies`,
      });
    else if (!(notice.getTime() < from))
      issues.push({
        path: ['terms', i, 'noticeGivenAt'],
        code: 'notice-not-before-effective',
        message: `Terms version ${v.id}: notice given at ${formatJst(notice)} is not before its effective date ${effective}; Art. 3 (規約の変更) requires notice beforehand`,
      });
  });
  return issues;
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
  const defaults: RequestDefaults = { actor: o.actor, now: nowMs };
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
      core.allowed(readCall(context, { action: 'use', data, purpose }, defaults)),
    canTransmit: (
      measurement: MeasurementRecord | MeasurementRecordInput,
      context?: Omit<DecisionContext, 'actor'>,
    ) => core.allowed(readCall(context, { action: 'transmit', data: measurement, actor: 'user' }, defaults)),
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
