import { PolicyInputError, type PolicyIssue, PolicyViolationError, TermsNotInForceError } from '../errors.js';
import { explainDecision } from '../i18n/explain.js';
import type { Locale } from '../i18n/locale.js';
import { APPI_RENUMBERED_AT_MS } from '../internal/appi.js';
import { isParsed } from '../internal/trusted.js';
import type { DataRecord, DataRecordInput } from '../records/dataRecord.js';
import type { MeasurementRecord, MeasurementRecordInput } from '../records/measurement.js';
import { DEFAULT_TERMS } from '../terms/defaultTerms.js';
import type { RuleEnvironment } from '../terms/rule.js';
import { termsInForce } from '../terms/termsInForce.js';
import type { TermsVersion } from '../terms/termsVersion.js';
import { validateTerms } from '../terms/validateTerms.js';
import { type Admission, type AdmitOptions, admitWith } from './admitTransmissions.js';
import {
  type CompiledRule,
  type CompiledTerms,
  compileTerms,
  instantiate,
  type RuleBucket,
} from './compile.js';
import type { Decision } from '../model/decision.js';
import { type DecisionLogEntry, toLogEntry } from './logEntry.js';
import { type OutcomeOwnership, type OutcomeQuery, ownerOfOutcomeUnder } from './ownerOfOutcome.js';
import {
  complete,
  createSlots,
  type DecisionRequest,
  fillMerged,
  fillSlots,
  fillUseSlots,
  parseRequest,
  parseShared,
  type ValidRequest,
} from './request.js';
import { type ReturnOrErase, type ReturnRequest, returnOrEraseWith } from './returnOrErase.js';
import { ACTORS, type Actor, type Purpose } from '../model/vocabulary.js';

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
  /** The terms versions, in any order (default: 2017-04-01 and 2020-12-01). */
  readonly terms?: readonly TermsVersion[] | undefined;
  /** The purposes the corporate privacy policy states for user information (default `['service-provision']`). */
  readonly privacyPolicyPurposes?: readonly string[] | undefined;
  /** Called with a JSON-safe log entry after every decision; an error it throws reaches the caller. */
  readonly onDecision?: ((entry: DecisionLogEntry) => void) | undefined;
}

/**
 * The request `filterPermitted` asks of every record: a decision request without its data.
 *
 * @example
 * const request: FilterRequest = { action: 'license', recipient: 'third-party', at: new Date('2021-06-01T10:00:00+09:00') };
 */
export type FilterRequest = Omit<DecisionRequest, 'data'>;

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
   * Decides many requests that share a context (an instant, an actor, consent…): the instant and the terms version
   * are fixed once for the batch. A request's own fields win over the context's.
   */
  decideMany(
    requests: Iterable<DecisionRequest>,
    context?: Omit<DecisionRequest, 'action' | 'data'>,
  ): Decision[];
  /**
   * Yields, lazily and in order, the records one request permits — from an iterable, or an async iterable (a
   * cursor, a stream) as an async generator. The instant and terms version are fixed when the filter is made;
   * a malformed record stops it with a {@link PolicyInputError} naming its index.
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
  termsInForce(at?: Date): TermsVersion;
  /** Who owns a result made from data (30(3)): the party that used or processed it, or `null` with the reason. */
  ownerOfOutcome(query: OutcomeQuery): OutcomeOwnership;
  /** What the receiving party must return and erase when the discloser asks (32(4)). */
  returnOrErase(records: Iterable<unknown>, request: ReturnRequest): ReturnOrErase;
  /** The 31(2) gate for a batch of raw records: each accepted whole, or refused with why. */
  admitTransmissions(batch: Iterable<unknown>, options?: AdmitOptions): Admission;
}

const systemClock = () => new Date();
const isBlank = (v: unknown) => typeof v !== 'string' || !/\S/.test(v);

function optionIssues(o: PolicyOptions): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  if (o.actor !== undefined && !(ACTORS as readonly unknown[]).includes(o.actor)) {
    issues.push({
      path: ['actor'],
      code: 'invalid-value',
      message: `actor must be one of ${ACTORS.join(', ')}`,
    });
  }
  if (o.locale !== undefined && o.locale !== 'ja' && o.locale !== 'en')
    issues.push({ path: ['locale'], code: 'invalid-value', message: "locale must be 'ja' or 'en'" });
  if (o.clock !== undefined && typeof o.clock !== 'function')
    issues.push({
      path: ['clock'],
      code: 'invalid-type',
      message: 'clock must be a function returning a Date',
    });
  if (o.onDecision !== undefined && typeof o.onDecision !== 'function')
    issues.push({ path: ['onDecision'], code: 'invalid-type', message: 'onDecision must be a function' });
  const purposes = o.privacyPolicyPurposes;
  if (purposes !== undefined) {
    if (!Array.isArray(purposes))
      issues.push({
        path: ['privacyPolicyPurposes'],
        code: 'invalid-type',
        message: 'privacyPolicyPurposes must be an array of purposes',
      });
    else {
      for (const [i, p] of purposes.entries()) {
        if (isBlank(p))
          issues.push({
            path: ['privacyPolicyPurposes', i],
            code: 'invalid-value',
            message: 'A purpose is a non-empty string',
          });
      }
    }
  }
  return issues;
}

/**
 * Builds a policy: validates the options (all problems at once), orders the terms versions and compiles each
 * into a lookup table. Build one policy and reuse it; a decision is then a lookup.
 *
 * @throws {PolicyInputError} for invalid options, including a terms version after the first whose notice was not
 * given before its effective date (Art. 3).
 * @example
 * const policy = createPolicy({ locale: 'en', clock: () => new Date('2021-06-01T10:00:00+09:00') });
 * policy.decide({ action: 'use', data: reading, purpose: 'marketing' }).effect //=> 'deny'
 */
export function createPolicy(options: PolicyOptions = {}): Policy {
  const checked = validateTerms(options.terms ?? DEFAULT_TERMS);
  const issues = [...optionIssues(options), ...checked.issues];
  if (issues.length) throw new PolicyInputError(issues, 'policy options');

  const defaultActor: Actor = options.actor ?? 'provider';
  const locale: Locale = options.locale ?? 'ja';
  const clock = options.clock ?? systemClock;
  const onDecision = options.onDecision;
  const env: RuleEnvironment = Object.freeze({
    privacyPolicyPurposes: new Set(options.privacyPolicyPurposes ?? ['service-provision']),
  });
  const versions = checked.versions;
  // Newest first, so the usual case (a decision under the latest terms) is found at the first comparison.
  const compiled: readonly CompiledTerms[] = versions.map((v) => compileTerms(v, locale)).reverse();
  const earliest = versions[0]?.effectiveFrom;

  const now = (): Date => {
    const at = clock();
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
      throw new PolicyInputError(
        [{ path: ['at'], code: 'invalid-clock', message: "The policy's clock did not return a valid Date" }],
        'request',
      );
    }
    return at;
  };

  const inForce = (atMs: number, at: Date): CompiledTerms => {
    for (let i = 0; i < compiled.length; i++) {
      const c = compiled[i] as CompiledTerms;
      if (c.effectiveFromMs <= atMs) return c;
    }
    throw new TermsNotInForceError(at, earliest);
  };

  const matches = (r: CompiledRule, request: ValidRequest, at: Date): boolean =>
    (r.recipients === null || (request.recipient !== undefined && r.recipients.has(request.recipient))) &&
    (r.when === null || r.when(request, at, env));

  /** The rule that answers a request, and the instant it is answered for. */
  // The last lookup is remembered: requests in a loop or a batch mostly share their version, kind, actor and
  // action, and then the three map lookups are skipped.
  let lastTerms: CompiledTerms | undefined;
  let lastKind: string | undefined;
  let lastActor: string | undefined;
  let lastAction: string | undefined;
  let lastBucket: RuleBucket | undefined;
  let lastPurposeBucket: RuleBucket | undefined;
  let lastPurpose: string | undefined;
  let lastCandidates: readonly CompiledRule[] = [];

  const choose = (request: ValidRequest, at: Date, chosen?: CompiledTerms): CompiledRule => {
    const terms = chosen ?? inForce(at.getTime(), at);
    const kind = request.data.kind;
    const actor = request.actor ?? defaultActor;
    const action = request.action;
    let bucket: RuleBucket | undefined;
    if (terms === lastTerms && kind === lastKind && actor === lastActor && action === lastAction)
      bucket = lastBucket;
    else {
      bucket = terms.index.get(kind)?.get(actor)?.get(action);
      lastTerms = terms;
      lastKind = kind;
      lastActor = actor;
      lastAction = action;
      lastBucket = bucket;
    }
    if (bucket !== undefined) {
      const purpose = request.purpose;
      let candidates: readonly CompiledRule[];
      if (bucket === lastPurposeBucket && purpose === lastPurpose) candidates = lastCandidates;
      else {
        candidates = (purpose !== undefined && bucket.byPurpose.get(purpose)) || bucket.unfiltered;
        lastPurposeBucket = bucket;
        lastPurpose = purpose;
        lastCandidates = candidates;
      }
      for (let i = 0; i < candidates.length; i++) {
        const r = candidates[i] as CompiledRule;
        if (matches(r, request, at)) return r;
      }
    }
    return terms.fallback;
  };

  const templateFor = (rule: CompiledRule, at: Date) =>
    at.getTime() < APPI_RENUMBERED_AT_MS ? rule.beforeAppi2022 : rule.current;

  const evaluate = (request: ValidRequest, terms?: CompiledTerms): Decision => {
    const at = request.at ?? now();
    const decision = instantiate(templateFor(choose(request, at, terms), at), at, request, env);
    // The slots are refilled by the next call; the log entry is built from them before the hook runs.
    if (onDecision !== undefined) onDecision(toLogEntry(request, request.actor ?? defaultActor, decision));
    return decision;
  };

  // The answer alone, for the boolean shortcuts: no decision object is built unless a hook needs one.
  const allowed = (request: ValidRequest, terms?: CompiledTerms): boolean => {
    if (onDecision !== undefined) return evaluate(request, terms).allowed;
    const at = request.at ?? now();
    return templateFor(choose(request, at, terms), at).allowed;
  };

  // A batch reads its shared fields once, fixes its instant and terms version once, and uses slots of its own:
  // a lazy filter is resumed after its consumer may have made other decisions with the policy's slots.
  const batch = (given: object | undefined, what: string) => {
    const own = createSlots();
    // Shared fields the fast path cannot vouch for (an ISO string for `at`, say) are read through the schema once.
    const shared = fillMerged(own, undefined, given ?? {}) ? given : parseShared(given);
    if (shared !== given) fillMerged(own, undefined, shared ?? {});
    // The batch's instant — the shared one, or the clock read once — with its terms version, worked out only when
    // a request has no instant of its own: requests that all carry one never consult the clock.
    const sharedAt = own.at;
    let instant: { readonly at: Date; readonly terms: CompiledTerms } | undefined;
    const batchInstant = () => {
      if (instant === undefined) {
        const at = sharedAt ?? now();
        instant = { at, terms: inForce(at.getTime(), at) };
      }
      return instant;
    };
    const slow = (request: object, index: number): ValidRequest => {
      try {
        return parseRequest({ ...shared, ...request });
      } catch (e) {
        if (!(e instanceof PolicyInputError)) throw e;
        throw new PolicyInputError(
          e.issues.map((i) => ({ ...i, path: [what, index, ...i.path] })),
          what,
        );
      }
    };
    /** The request with shared fields, the batch's instant (unless it names its own) and its record. */
    const fill = (
      request: object,
      data: unknown,
      index: number,
    ): [ValidRequest, CompiledTerms | undefined] => {
      if (fillMerged(own, shared, request)) {
        if (data !== undefined) own.data = isParsed(data) ? data : undefined;
        if (complete(own)) {
          if (own.at === undefined || own.at === sharedAt) {
            const b = batchInstant();
            own.at = b.at;
            return [own as ValidRequest, b.terms];
          }
          return [own as ValidRequest, undefined];
        }
      }
      const valid = slow(data === undefined ? request : { ...request, data }, index);
      if (valid.at !== undefined) return [valid, undefined];
      const b = batchInstant();
      return [{ ...valid, at: b.at }, b.terms];
    };
    return { fill };
  };

  // One set of slots per policy, refilled on every call: a decision allocates only itself. Nothing keeps a
  // reference to the slots past the call that filled them.
  const slots = createSlots();
  const decide = (input: DecisionRequest): Decision =>
    evaluate(fillSlots(slots, input) ? (slots as ValidRequest) : parseRequest(input));

  return Object.freeze({
    actor: defaultActor,
    locale,
    terms: versions,
    decide,
    canUse: (data: DataRecord | DataRecordInput, purpose: Purpose, context?: DecisionContext) =>
      fillUseSlots(slots, data, purpose, context)
        ? allowed(slots as ValidRequest)
        : allowed(parseRequest({ ...context, action: 'use', data, purpose })),
    canTransmit: (
      measurement: MeasurementRecord | MeasurementRecordInput,
      context?: Omit<DecisionContext, 'actor'>,
    ) => decide({ ...context, action: 'transmit', actor: 'user', data: measurement }).allowed,
    decideMany: (requests: Iterable<DecisionRequest>, context?: Omit<DecisionRequest, 'action' | 'data'>) => {
      const { fill } = batch(context, 'requests');
      const decisions: Decision[] = [];
      let index = 0;
      for (const request of requests) decisions.push(evaluate(...fill(request, undefined, index++)));
      return decisions;
    },
    filterPermitted: ((records: Iterable<unknown> | AsyncIterable<unknown>, request: FilterRequest) => {
      const { fill } = batch(request, 'records');
      if (Symbol.asyncIterator in records) {
        return (async function* () {
          let index = 0;
          for await (const record of records)
            if (allowed(...fill({}, record, index++))) yield record as DataRecord;
        })();
      }
      return (function* () {
        let index = 0;
        for (const record of records) if (allowed(...fill({}, record, index++))) yield record as DataRecord;
      })();
    }) as Policy['filterPermitted'],
    assertPermitted: (request: DecisionRequest) => {
      const decision = decide(request);
      if (!decision.allowed) throw new PolicyViolationError(decision);
      return decision;
    },
    explain: (decision: Decision, explainLocale: Locale = locale) =>
      explainDecision(decision, explainLocale, versions),
    termsInForce: (at?: Date) => termsInForce(at ?? now(), versions),
    ownerOfOutcome: (query: OutcomeQuery) => ownerOfOutcomeUnder(query, versions, locale, now),
    returnOrErase: (records: Iterable<unknown>, request: ReturnRequest) =>
      returnOrEraseWith(decide, records, request),
    admitTransmissions: (batch: Iterable<unknown>, options: AdmitOptions = {}) =>
      admitWith(decide, batch, options, now),
  });
}
