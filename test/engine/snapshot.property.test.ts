// SPEC §7, "one path, a snapshot": a request, its context, `consent` and `contract` are read once, by ordinary
// property access, into an immutable snapshot, and the decision depends on that snapshot alone. Each property
// below builds a plain-data request and one other spelling of the same request, and asks that both be decided
// alike (or both refused with the same error class and code).
import fc from 'fast-check';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  CONTRACT_PURPOSES,
  type ConsentForm,
  createPolicy,
  type DataRecord,
  type DecisionRequest,
  type LegalBasis,
  PARTIES,
  type Party,
  type Policy,
  type Purpose,
  retentionCutoff,
  retentionStatus,
  sweepRetention,
} from 'm2m-data-policy';
import {
  anonymized,
  confidential,
  derived,
  measurement,
  providerContent,
  statistical,
  userInformation,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';

const NUM_RUNS = 300;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;
const NOW = '2021-06-01T10:00:00+09:00';
const clock = () => new Date(NOW);
const TERMS_2020_MS = Date.parse('2020-12-01T00:00:00+09:00');

const ms = (iso: string): number => Date.parse(iso);
/** A Date's internal time value, whatever its own methods say. */
const realTime = (d: Date): number => Date.prototype.getTime.call(d);

// ---------------------------------------------------------------------------------------------------------
// The plain request: own, enumerable data properties, timestamps as Dates or ISO strings with an offset.
// ---------------------------------------------------------------------------------------------------------

type Timestamp = Date | string;

interface PlainConsent {
  readonly from: Party;
  readonly form: ConsentForm;
  readonly grantedAt: Timestamp;
}

interface PlainContract {
  readonly id: string;
  readonly formedAt: Timestamp;
  readonly terminatedAt?: Timestamp;
}

interface PlainRequest {
  readonly action: Action;
  readonly data: DataRecord;
  readonly actor?: Actor;
  readonly purpose?: Purpose;
  readonly recipient?: Party;
  readonly at?: Timestamp;
  readonly consent?: PlainConsent;
  readonly contract?: PlainContract;
  readonly justification?: string;
  readonly legalBasis?: LegalBasis;
  readonly priorNoticeImpossible?: boolean;
}

type Fields = Readonly<Record<string, unknown>>;
const fieldsOf = (value: object): Fields => value as Fields;

/** An ISO string of the instant written in the given offset (minutes east of UTC). */
function withOffset(t: number, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return new Date(t + offsetMinutes * 60_000).toISOString().replace('Z', `${sign}${hh}:${mm}`);
}

type Spelling = 'date' | 'jst' | 'new-york' | 'utc';
const spellings = fc.constantFrom<Spelling>('date', 'jst', 'new-york', 'utc');

function spell(t: number, how: Spelling): Timestamp {
  switch (how) {
    case 'date':
      return new Date(t);
    case 'jst':
      return withOffset(t, 9 * 60);
    case 'new-york':
      return withOffset(t, -5 * 60);
    case 'utc':
      return new Date(t).toISOString();
  }
}

const spelled = (t: fc.Arbitrary<number>): fc.Arbitrary<Timestamp> =>
  fc.tuple(t, spellings).map(([v, how]) => spell(v, how));

const between = (min: string, max: string) => fc.integer({ min: ms(min), max: ms(max) });

/** Decision instants: around the 2020-12-01 amendment (the edge itself weighted in), and 2021 to 2026. */
const decisionMs = fc.oneof(
  fc.constantFrom(TERMS_2020_MS - 1, TERMS_2020_MS, TERMS_2020_MS + 1),
  between('2020-11-30T22:00:00+09:00', '2020-12-01T02:00:00+09:00'),
  between('2021-01-01T00:00:00+09:00', '2026-12-31T23:59:59.999+09:00'),
);

const personalData = fc.constantFrom('none', 'possible', 'yes');

const measurementData = fc
  .record({
    receivedAt: between('2019-06-01T00:00:00+09:00', '2026-06-01T00:00:00+09:00'),
    lag: fc.integer({ min: 0, max: HOUR }),
    personalData,
    contractId: fc.constantFrom('C-2019-0042', 'C-2020-0007'),
    extensions: fc.option(
      fc.array(
        fc.record({
          after: fc.integer({ min: 0, max: 3 * YEAR }),
          length: fc.option(fc.integer({ min: DAY, max: 2 * YEAR }), { nil: undefined }),
          reason: fc.constantFrom('fault investigation', '訴訟対応'),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      { nil: undefined },
    ),
  })
  .map(({ receivedAt, lag, personalData, contractId, extensions }) =>
    measurement({
      receivedAt: withOffset(receivedAt, 9 * 60),
      measuredAt: withOffset(receivedAt - lag, 9 * 60),
      personalData,
      contractId,
      ...(extensions !== undefined && {
        retentionExtensions: extensions.map(({ after, length, reason }) => ({
          decidedAt: withOffset(receivedAt + after, 9 * 60),
          reason,
          ...(length !== undefined && { until: withOffset(receivedAt + after + length, 9 * 60) }),
        })),
      }),
    }),
  );

const derivedData = fc
  .record({
    processedBy: fc.constantFrom('user', 'provider', 'subcontractor', 'third-party'),
    personalData: fc.option(personalData, { nil: undefined }),
  })
  .map(({ processedBy, personalData }) =>
    derived({ processedBy, ...(personalData !== undefined && { personalData }) }),
  );

const confidentialData = fc
  .record({
    disclosedBy: fc.constantFrom('user', 'provider'),
    disclosedAt: between('2020-06-01T00:00:00+09:00', '2025-06-01T00:00:00+09:00'),
    designation: fc.option(
      fc.record({
        method: fc.constantFrom('written', 'electronic'),
        shift: fc.integer({ min: -3 * DAY, max: DAY }),
      }),
      { nil: null },
    ),
    scopeSpecified: fc.boolean(),
    marked: fc.boolean(),
    exception: fc.option(
      fc.constantFrom('already-held', 'obtained-from-third-party', 'independently-developed', 'public'),
      { nil: undefined },
    ),
  })
  .map(({ disclosedBy, disclosedAt, designation, scopeSpecified, marked, exception }) =>
    confidential({
      disclosedBy,
      disclosedAt: withOffset(disclosedAt, 9 * 60),
      designation:
        designation === null
          ? null
          : { method: designation.method, at: withOffset(disclosedAt + designation.shift, 9 * 60) },
      scopeSpecified,
      marked,
      ...(exception !== undefined && { exception }),
    }),
  );

const userInformationData = fc
  .record({
    subject: fc.constantFrom('user', 'officer', 'employee', 'other-staff'),
    source: fc.constantFrom('application', 'notification'),
  })
  .map((overrides) => userInformation(overrides));

/** One record of any kind, as the testing factories make it (parsed and frozen). */
const anyData: fc.Arbitrary<DataRecord> = fc.oneof(
  { weight: 4, arbitrary: measurementData },
  { weight: 2, arbitrary: derivedData },
  { weight: 3, arbitrary: confidentialData },
  { weight: 2, arbitrary: userInformationData },
  { weight: 1, arbitrary: fc.constant(null).map(() => anonymized()) },
  { weight: 1, arbitrary: fc.constant(null).map(() => statistical()) },
  { weight: 1, arbitrary: fc.constant(null).map(() => providerContent()) },
);

const consentArb: fc.Arbitrary<PlainConsent> = fc.record({
  from: fc.constantFrom(...PARTIES),
  form: fc.constantFrom<ConsentForm>('written', 'electronic', 'oral'),
  grantedAt: spelled(between('2020-01-01T00:00:00+09:00', '2026-12-31T00:00:00+09:00')),
});

// Mostly well-formed: a contract ends after it is formed, save the odd one that ends a day before (malformed).
const contractArb: fc.Arbitrary<PlainContract> = fc
  .record({
    id: fc.constantFrom('C-2019-0042', 'C-2020-0007'),
    formedAt: between('2017-04-01T00:00:00+09:00', '2022-12-31T00:00:00+09:00'),
    runs: fc.option(fc.integer({ min: -DAY, max: 8 * YEAR }), { nil: undefined }),
    formed: spellings,
    terminated: spellings,
  })
  .map(({ id, formedAt, runs, formed, terminated }) => ({
    id,
    formedAt: spell(formedAt, formed),
    ...(runs !== undefined && { terminatedAt: spell(formedAt + runs, terminated) }),
  }));

const plainRequest = (data: fc.Arbitrary<DataRecord> = anyData): fc.Arbitrary<PlainRequest> =>
  fc.record(
    {
      action: fc.constantFrom(...ACTIONS),
      data,
      actor: fc.constantFrom(...ACTORS),
      purpose: fc.constantFrom<Purpose>(...CONTRACT_PURPOSES, 'marketing'),
      recipient: fc.constantFrom(...PARTIES),
      at: spelled(decisionMs),
      consent: consentArb,
      contract: contractArb,
      justification: fc.constantFrom('Ticket OPS-1182', '調査記録 42', '', '   '),
      legalBasis: fc.constantFrom<LegalBasis>('law', 'authority-request'),
      priorNoticeImpossible: fc.boolean(),
    },
    { requiredKeys: ['action', 'data'] },
  );

// ---------------------------------------------------------------------------------------------------------
// Comparing outcomes: a decision (its Dates by their internal time value) or the error's class and code.
// ---------------------------------------------------------------------------------------------------------

/** A deep copy with every Date replaced by a genuine Date of its internal time value. */
function canonical(value: unknown): unknown {
  if (value instanceof Date) return new Date(realTime(value));
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  return value;
}

type Outcome = { readonly value: unknown } | { readonly error: string; readonly code: unknown };

function outcome(run: () => unknown): Outcome {
  try {
    return { value: canonical(run()) };
  } catch (e) {
    const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
    return { error: e instanceof Error ? e.constructor.name : typeof e, code };
  }
}

const decideOutcome = (policy: Policy, request: object): Outcome =>
  outcome(() => policy.decide(request as DecisionRequest));

function omit<T extends object, K extends keyof T>(value: T, ...keys: K[]): Omit<T, K> {
  const copy = { ...value } as Record<PropertyKey, unknown>;
  for (const k of keys) delete copy[k];
  return copy as Omit<T, K>;
}

/** Every Date reachable from a value is a genuine `Date`, not a subclass the caller handed in. */
function everyDateIsPlain(value: unknown): boolean {
  if (value instanceof Date) return Object.getPrototypeOf(value) === Date.prototype;
  if (typeof value === 'object' && value !== null) return Object.values(value).every(everyDateIsPlain);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Other spellings of the same request.
// ---------------------------------------------------------------------------------------------------------

const NESTED = ['consent', 'contract'] as const;

/** Rebuilds a request with `wrap` applied to `consent`, `contract` and then the request itself. */
function rebuild(plain: PlainRequest, wrap: (fields: Fields, what: string) => object): object {
  const fields: Record<string, unknown> = { ...plain };
  for (const key of NESTED) {
    const nested = plain[key];
    if (nested !== undefined) fields[key] = wrap({ ...nested }, key);
  }
  return wrap(fields, 'request');
}

// (a) class instances: every field a getter on the class's prototype (inherited, not enumerable).
class ConsentObject {
  readonly #fields: Fields;
  constructor(fields: Fields) {
    this.#fields = fields;
  }
  get from() {
    return this.#fields.from;
  }
  get form() {
    return this.#fields.form;
  }
  get grantedAt() {
    return this.#fields.grantedAt;
  }
}

class ContractObject {
  readonly #fields: Fields;
  constructor(fields: Fields) {
    this.#fields = fields;
  }
  get id() {
    return this.#fields.id;
  }
  get formedAt() {
    return this.#fields.formedAt;
  }
  get terminatedAt() {
    return this.#fields.terminatedAt;
  }
}

class RequestObject {
  readonly #fields: Fields;
  constructor(fields: Fields) {
    this.#fields = fields;
  }
  get action() {
    return this.#fields.action;
  }
  get data() {
    return this.#fields.data;
  }
  get actor() {
    return this.#fields.actor;
  }
  get purpose() {
    return this.#fields.purpose;
  }
  get recipient() {
    return this.#fields.recipient;
  }
  get at() {
    return this.#fields.at;
  }
  get consent() {
    return this.#fields.consent;
  }
  get contract() {
    return this.#fields.contract;
  }
  get justification() {
    return this.#fields.justification;
  }
  get legalBasis() {
    return this.#fields.legalBasis;
  }
  get priorNoticeImpossible() {
    return this.#fields.priorNoticeImpossible;
  }
}

const asClassInstance = (plain: PlainRequest): object =>
  rebuild(plain, (fields, what) =>
    what === 'consent'
      ? new ConsentObject(fields)
      : what === 'contract'
        ? new ContractObject(fields)
        : new RequestObject(fields),
  );

// (b) own properties that are not enumerable.
const asNonEnumerable = (plain: PlainRequest): object =>
  rebuild(plain, (fields) => {
    const o = {};
    for (const [k, value] of Object.entries(fields))
      Object.defineProperty(o, k, { value, enumerable: false, writable: false, configurable: false });
    return o;
  });

// (c) proxies: one forwarding everything to the plain object, one answering `get` alone over an empty target
// (as a remote or lazily loaded object would: it lists no keys).
const asProxy = (plain: PlainRequest, listsKeys: boolean): object =>
  rebuild(plain, (fields) =>
    listsKeys
      ? new Proxy(fields, { get: (target, key, receiver) => Reflect.get(target, key, receiver) })
      : new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? fields[key] : undefined) }),
  );

// (e) Dates that lie about their time in every method a reader might call.
const LIED_ABOUT = [
  'getTime',
  'valueOf',
  'toISOString',
  'toJSON',
  'toString',
  'toUTCString',
  'toLocaleString',
  'getFullYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getSeconds',
  'getMilliseconds',
  'getUTCFullYear',
  'getUTCMonth',
  'getUTCDate',
  'getUTCDay',
  'getUTCHours',
  'getUTCMinutes',
  'getUTCSeconds',
  'getUTCMilliseconds',
  'getTimezoneOffset',
  Symbol.toPrimitive,
] as const;

class LyingDate extends Date {
  lie = 0;
}
for (const name of LIED_ABOUT) {
  const honest = Reflect.get(Date.prototype, name) as (...args: unknown[]) => unknown;
  Object.defineProperty(LyingDate.prototype, name, {
    value(this: LyingDate, ...args: unknown[]) {
      return Reflect.apply(honest, new Date(this.lie), args);
    },
  });
}

// The lie is always on the other side of the amendment, and years away from any period edge.
const LIE_BEFORE = ms('2018-06-15T12:00:00+09:00');
const LIE_AFTER = ms('2029-06-15T12:00:00+09:00');

function lyingDate(real: Date): Date {
  const t = realTime(real);
  const d = new LyingDate(t);
  d.lie = t >= TERMS_2020_MS ? LIE_BEFORE : LIE_AFTER;
  return d;
}

const toDate = (t: Timestamp): Date => (typeof t === 'string' ? new Date(t) : t);

/** The same request with every timestamp of the request a Date. */
function withDates(plain: PlainRequest): PlainRequest {
  const { at, consent, contract } = plain;
  return {
    ...plain,
    ...(at !== undefined && { at: toDate(at) }),
    ...(consent !== undefined && { consent: { ...consent, grantedAt: toDate(consent.grantedAt) } }),
    ...(contract !== undefined && {
      contract: {
        ...contract,
        formedAt: toDate(contract.formedAt),
        ...(contract.terminatedAt !== undefined && { terminatedAt: toDate(contract.terminatedAt) }),
      },
    }),
  };
}

const asLyingDates = (plain: PlainRequest): object =>
  rebuild(plain, (fields, what) =>
    Object.fromEntries(
      Object.entries(fields).map(([k, v]) => [k, what !== 'request' || k !== 'data' ? lie(v) : v]),
    ),
  );
const lie = (v: unknown): unknown => (v instanceof Date ? lyingDate(v) : v);

// (d) and (f): own enumerable getters (as an object literal's `get x() {}`), which a `for…in` reader sees.
function withGetters(fields: Fields, read: (key: string) => unknown): object {
  const o = {};
  for (const key of Object.keys(fields))
    Object.defineProperty(o, key, { enumerable: true, configurable: true, get: () => read(key) });
  return o;
}

/**
 * (f) Every field answers its first read with the plain request's value and every later read with `other`'s.
 * `reads` counts the reads of each field by its path (`actor`, `consent.grantedAt`…).
 */
function changingOnEachRead(plain: PlainRequest, other: Partial<PlainRequest>, reads: Map<string, number>) {
  const first = fieldsOf(plain);
  const later = fieldsOf(other);
  const counted = (path: string) => {
    const n = (reads.get(path) ?? 0) + 1;
    reads.set(path, n);
    return n;
  };
  const nested = (key: (typeof NESTED)[number]) => {
    const given = plain[key];
    const b = other[key] && fieldsOf(other[key]);
    if (given === undefined) return undefined;
    const a = fieldsOf(given);
    return withGetters({ ...b, ...a }, (k) => (counted(`${key}.${k}`) === 1 ? a[k] : b?.[k]));
  };
  return withGetters({ ...later, ...first }, (key) => {
    if (counted(key) > 1) return later[key];
    return key === 'consent' || key === 'contract' ? nested(key) : first[key];
  });
}

/** (g) A record as it arrives from outside: JSON-shaped, every Date an ISO string in the given offset. */
function raw(value: unknown, offsetMinutes: number): unknown {
  if (value instanceof Date) return withOffset(realTime(value), offsetMinutes);
  if (Array.isArray(value)) return value.map((v) => raw(v, offsetMinutes));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, raw(v, offsetMinutes)]));
  return value;
}

// ---------------------------------------------------------------------------------------------------------

describe('policy.decide reads a request once, by ordinary property access (SPEC §7)', () => {
  const policy = createPolicy({ clock });

  it('decides a class instance whose fields are prototype getters as the plain request (§7: inherited fields count)', () => {
    fc.assert(
      fc.property(plainRequest(), (plain) => {
        expect(decideOutcome(policy, asClassInstance(plain))).toEqual(decideOutcome(policy, plain));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('decides a request whose fields are non-enumerable own properties as the plain request (§7: enumerable or not)', () => {
    fc.assert(
      fc.property(plainRequest(), (plain) => {
        expect(decideOutcome(policy, asNonEnumerable(plain))).toEqual(decideOutcome(policy, plain));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('decides a Proxy over the request as the plain request, whether or not it lists its keys (§7: property access)', () => {
    fc.assert(
      fc.property(plainRequest(), fc.boolean(), (plain, listsKeys) => {
        expect(decideOutcome(policy, asProxy(plain, listsKeys))).toEqual(decideOutcome(policy, plain));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('decides as the first read of each field when a getter answers differently on every read, reading each field at most once (§7: read once, a snapshot)', () => {
    const other = fc.oneof(plainRequest(), fc.constant<Partial<PlainRequest>>({}));
    fc.assert(
      fc.property(plainRequest(), other, (plain, later) => {
        const reads = new Map<string, number>();
        const variant = changingOnEachRead(plain, later, reads);
        expect(decideOutcome(policy, variant)).toEqual(decideOutcome(policy, plain));
        const readTwice = [...reads].filter(([, n]) => n > 1).map(([path]) => path);
        expect(readTwice).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('policy.decide is not changed by re-entrant calls (SPEC §7: re-entrancy)', () => {
  const OTHER_REQUEST: DecisionRequest = {
    action: 'transmit',
    actor: 'user',
    data: measurement({ personalData: 'yes' }),
    at: '2019-06-01T10:00:00+09:00',
  };
  const OTHER_USE = { data: userInformation({ subject: 'officer' }), purpose: 'marketing' } as const;
  const OTHER_CONTEXT = { actor: 'subcontractor', at: new Date('2024-01-10T09:00:00+09:00') } as const;

  it('decides as the plain request when every getter of the request, its consent and contract calls the same policy again', () => {
    let hooked = 0;
    const reentrant: Policy = createPolicy({
      clock,
      // The hook calls the policy again too (once per outer decision, so it does not recurse for ever).
      onDecision: () => {
        if (hooked > 0) return;
        hooked++;
        try {
          reentrant.decide(OTHER_REQUEST);
        } finally {
          hooked--;
        }
      },
    });
    const reference = createPolicy({ clock });
    const expectedOther = outcome(() => reference.decide(OTHER_REQUEST));
    const expectedUse = reference.canUse(OTHER_USE.data, OTHER_USE.purpose, OTHER_CONTEXT);
    const inner: Outcome[] = [];
    const innerUse: boolean[] = [];
    const reenter = () => {
      inner.push(outcome(() => reentrant.decide(OTHER_REQUEST)));
      innerUse.push(reentrant.canUse(OTHER_USE.data, OTHER_USE.purpose, OTHER_CONTEXT));
    };

    fc.assert(
      fc.property(plainRequest(), (plain) => {
        inner.length = 0;
        innerUse.length = 0;
        const variant = rebuild(plain, (fields) =>
          withGetters(fields, (key) => {
            reenter();
            return fields[key];
          }),
        );
        expect(decideOutcome(reentrant, variant)).toEqual(decideOutcome(reference, plain));
        // And the inner calls were decided as if alone, not from the outer request's half-read fields.
        for (const o of inner) expect(o).toEqual(expectedOther);
        for (const u of innerUse) expect(u).toBe(expectedUse);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('policy.decide reads every Date by its internal time value (SPEC §7)', () => {
  const policy = createPolicy({ clock });

  it('decides by the real time of Date subclasses whose getTime, valueOf, toISOString, getFullYear… lie (at, consent.grantedAt, contract dates)', () => {
    fc.assert(
      fc.property(plainRequest(), (generated) => {
        const plain = withDates(generated);
        expect(decideOutcome(policy, asLyingDates(plain))).toEqual(decideOutcome(policy, plain));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("copies the instant it was given: the decision's Dates are genuine Dates, never the caller's subclass", () => {
    fc.assert(
      fc.property(plainRequest(), (generated) => {
        const plain = withDates(generated);
        let decision: unknown;
        try {
          decision = policy.decide(asLyingDates(plain) as DecisionRequest);
        } catch {
          return; // malformed requests are pinned by the property above
        }
        expect(everyDateIsPlain(decision)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('raw records and parsed records are decided alike on every entry point (SPEC §7: one path)', () => {
  const policy = createPolicy({ clock });
  const offsets = fc.constantFrom(9 * 60, -5 * 60, 0);
  const batch = fc.array(anyData, { minLength: 1, maxLength: 4 });

  const cases = fc.record({ request: plainRequest(), records: batch, offset: offsets });

  it('policy.decide: JSON-shaped data with ISO strings is decided as the parsed record', () => {
    fc.assert(
      fc.property(cases, ({ request, records, offset }) => {
        const [record] = records as [DataRecord];
        const rawRequest = { ...request, data: raw(record, offset) };
        expect(decideOutcome(policy, rawRequest)).toEqual(
          decideOutcome(policy, { ...request, data: record }),
        );
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('policy.canUse(data, purpose, context): raw and parsed data give the same answer', () => {
    fc.assert(
      fc.property(cases, ({ request, records, offset }) => {
        const [record] = records as [DataRecord];
        const purpose = request.purpose ?? 'service-analysis';
        const context = omit(request, 'action', 'data', 'purpose');
        const fromRaw = outcome(() => policy.canUse(raw(record, offset) as DataRecord, purpose, context));
        expect(fromRaw).toEqual(outcome(() => policy.canUse(record, purpose, context)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('policy.canTransmit(data, context): raw and parsed data give the same answer (31(2))', () => {
    fc.assert(
      fc.property(cases, ({ request, records, offset }) => {
        const [record] = records as [DataRecord];
        const context = omit(request, 'action', 'data', 'purpose', 'actor');
        const transmit = (data: unknown) => () =>
          policy.canTransmit(data as DataRecord & { kind: 'measurement' }, context);
        expect(outcome(transmit(raw(record, offset)))).toEqual(outcome(transmit(record)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('policy.decideMany([...], context): raw and parsed data give the same decisions', () => {
    fc.assert(
      fc.property(cases, ({ request, records, offset }) => {
        const context = omit(request, 'action', 'data');
        const many = (data: readonly unknown[]) => () =>
          policy.decideMany(
            data.map((d) => ({ action: request.action, data: d as DataRecord })),
            context,
          );
        expect(outcome(many(records.map((r) => raw(r, offset))))).toEqual(outcome(many(records)));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('policy.filterPermitted(records, request): raw and parsed records yield the same ids', () => {
    fc.assert(
      fc.property(cases, ({ request, records, offset }) => {
        const filter = omit(request, 'data');
        const ids = (input: readonly unknown[]) => () =>
          [...policy.filterPermitted(input, filter)].map((r) => r.id);
        expect(outcome(ids(records.map((r) => raw(r, offset))))).toEqual(outcome(ids(records)));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('`at` may be a Date or an ISO-8601 string with an offset, on every entry point (SPEC §7)', () => {
  const policy = createPolicy({ clock });
  const cases = fc.record({
    request: plainRequest(),
    records: fc.array(anyData, { minLength: 1, maxLength: 4 }),
    instant: decisionMs,
    offset: fc.constantFrom(9 * 60, -5 * 60, 0),
  });

  type EntryPoint = (request: PlainRequest, records: readonly DataRecord[], at: Timestamp) => unknown;
  /** `at` as the caller gave it, where the signature says Date: the string is what is being pinned. */
  const asGiven = (at: Timestamp) => at as Date;
  const ENTRY_POINTS: readonly (readonly [string, EntryPoint])[] = [
    ['policy.decide', (request, _records, at) => policy.decide({ ...request, at })],
    [
      'policy.canUse',
      (request, [record], at) =>
        policy.canUse(record as DataRecord, request.purpose ?? 'service-analysis', {
          ...omit(request, 'action', 'data', 'purpose'),
          at,
        }),
    ],
    [
      'policy.canTransmit',
      (request, [record], at) =>
        policy.canTransmit(record as DataRecord & { kind: 'measurement' }, {
          ...omit(request, 'action', 'data', 'purpose', 'actor'),
          at,
        }),
    ],
    [
      'policy.decideMany (at in the shared context)',
      (request, records, at) =>
        policy.decideMany(
          records.map((data) => ({ action: request.action, data })),
          { ...omit(request, 'action', 'data'), at },
        ),
    ],
    [
      'policy.decideMany (at in each request)',
      (request, records, at) => policy.decideMany(records.map((data) => ({ ...request, data, at }))),
    ],
    [
      'policy.filterPermitted',
      (request, records, at) =>
        [...policy.filterPermitted(records, { ...omit(request, 'data'), at })].map((r) => r.id),
    ],
    ['retentionStatus', (_request, [record], at) => retentionStatus(record as DataRecord, asGiven(at))],
    ['sweepRetention', (_request, records, at) => sweepRetention(records, asGiven(at))],
    ['retentionCutoff', (_request, _records, at) => retentionCutoff(asGiven(at))],
  ];

  it.each(ENTRY_POINTS)(
    '%s answers an ISO string as the same instant given as a Date',
    (_name, entryPoint) => {
      fc.assert(
        fc.property(cases, ({ request, records, instant, offset }) => {
          const fromString = outcome(() => entryPoint(request, records, withOffset(instant, offset)));
          expect(fromString).toEqual(outcome(() => entryPoint(request, records, new Date(instant))));
        }),
        { numRuns: NUM_RUNS },
      );
    },
  );
});
