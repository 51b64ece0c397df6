import fc from 'fast-check';
import { measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTORS,
  type Citation,
  createPolicy,
  type DataKind,
  type Decision,
  type DecisionRequest,
  PARTIES,
  PolicyError,
  PolicyInputError,
  parseRecord,
  termsInForce,
} from '../../src/index.js';

const NUM_RUNS = 1000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------------------
// Records as they arrive from outside: timestamps as Dates or ISO strings in several offsets.
// ---------------------------------------------------------------------------------------------------------

const withOffset = (d: Date, offsetMinutes: number): string => {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return new Date(d.getTime() + offsetMinutes * 60_000).toISOString().replace('Z', `${sign}${hh}:${mm}`);
};

const instantIn = (min: string, max: string) =>
  fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

const anyInstant = instantIn('2015-01-01T00:00:00+09:00', '2031-01-01T00:00:00+09:00');

/** A timestamp as a record may carry it: a Date, or an ISO string with Z, +09:00 or -05:00. */
const timestampOf = (instant: fc.Arbitrary<Date>): fc.Arbitrary<Date | string> =>
  fc.oneof(
    instant,
    instant.map((d) => d.toISOString()),
    instant.map((d) => withOffset(d, 9 * 60)),
    instant.map((d) => withOffset(d, -5 * 60)),
  );

const anyTimestamp = timestampOf(anyInstant);
const id = fc.oneof(
  fc.constantFrom('m-1', 'd-1', 'u-1', 'C-1', '計測-1'),
  fc.stringMatching(/^[a-z]-\d{1,5}$/),
);
const sourceIds = fc.array(id, { minLength: 1, maxLength: 3 });
const personalData = fc.constantFrom('none', 'possible', 'yes');

const retentionExtension = fc
  .record({
    decidedAt: anyInstant,
    reason: fc.constantFrom('fault investigation', 'litigation hold', '調査'),
    length: fc.option(fc.integer({ min: 1, max: 800 * DAY }), { nil: undefined }),
  })
  .map(({ decidedAt, reason, length }) => ({
    decidedAt: withOffset(decidedAt, 9 * 60),
    reason,
    ...(length !== undefined && { until: new Date(decidedAt.getTime() + length) }),
  }));

const recordInputs: Record<DataKind, fc.Arbitrary<Record<string, unknown>>> = {
  measurement: fc
    .record(
      {
        kind: fc.constant('measurement'),
        id,
        contractId: id,
        metric: fc.constantFrom(
          'leakage-current',
          'equipment-fault',
          'power-outage',
          'tank-pressure',
          'water-level',
          'other',
        ),
        measuredAt: anyTimestamp,
        receivedAt: anyTimestamp,
        personalData,
        value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string()),
        unit: fc.constantFrom('mA', 'kPa', 'm'),
        retentionExtensions: fc.array(retentionExtension, { maxLength: 3 }),
      },
      {
        requiredKeys: ['kind', 'id', 'contractId', 'metric', 'measuredAt', 'receivedAt', 'personalData'],
      },
    )
    // A reading is measured no later than it is received (SPEC §7): a later measurement is moved to the receipt.
    .map((r) =>
      new Date(r.measuredAt as Date | string).getTime() > new Date(r.receivedAt as Date | string).getTime()
        ? { ...r, measuredAt: r.receivedAt }
        : r,
    ),
  derived: fc.record(
    {
      kind: fc.constant('derived'),
      id,
      sources: sourceIds,
      processedBy: fc.constantFrom('user', 'provider', 'subcontractor', 'third-party'),
      processedAt: anyTimestamp,
      personalData,
    },
    { requiredKeys: ['kind', 'id', 'sources', 'processedBy', 'processedAt'] },
  ),
  'user-information': fc.record({
    kind: fc.constant('user-information'),
    id,
    subject: fc.constantFrom('user', 'officer', 'employee', 'other-staff'),
    source: fc.constantFrom('application', 'notification'),
    collectedAt: anyTimestamp,
  }),
  confidential: fc.record(
    {
      kind: fc.constant('confidential'),
      id,
      disclosedBy: fc.constantFrom('user', 'provider'),
      disclosedAt: anyTimestamp,
      designation: fc.option(
        fc.record({ method: fc.constantFrom('written', 'electronic'), at: anyTimestamp }),
        { nil: null },
      ),
      scopeSpecified: fc.boolean(),
      marked: fc.boolean(),
      exception: fc.constantFrom(
        'already-held',
        'obtained-from-third-party',
        'independently-developed',
        'public',
      ),
    },
    { requiredKeys: ['kind', 'id', 'disclosedBy', 'disclosedAt', 'designation', 'scopeSpecified', 'marked'] },
  ),
  anonymized: fc.record({
    kind: fc.constant('anonymized'),
    id,
    sources: sourceIds,
    createdAt: anyTimestamp,
    itemCategories: fc.array(fc.constantFrom('region', 'leakage-current', 'age-band'), {
      minLength: 1,
      maxLength: 3,
    }),
  }),
  statistical: fc.record({
    kind: fc.constant('statistical'),
    id,
    sources: sourceIds,
    createdAt: anyTimestamp,
  }),
  'provider-content': fc.record({
    kind: fc.constant('provider-content'),
    id,
    publishedAt: anyTimestamp,
  }),
};

/** The fields each kind requires (SPEC §2), besides `kind` and `id`. */
const REQUIRED: Record<DataKind, readonly string[]> = {
  measurement: ['contractId', 'metric', 'measuredAt', 'receivedAt', 'personalData'],
  derived: ['sources', 'processedBy', 'processedAt'],
  'user-information': ['subject', 'source', 'collectedAt'],
  confidential: ['disclosedBy', 'disclosedAt', 'designation', 'scopeSpecified', 'marked'],
  anonymized: ['sources', 'createdAt', 'itemCategories'],
  statistical: ['sources', 'createdAt'],
  'provider-content': ['publishedAt'],
};

/** The timestamp fields of each kind. */
const TIMESTAMPS: Record<DataKind, readonly string[]> = {
  measurement: ['measuredAt', 'receivedAt'],
  derived: ['processedAt'],
  'user-information': ['collectedAt'],
  confidential: ['disclosedAt'],
  anonymized: ['createdAt'],
  statistical: ['createdAt'],
  'provider-content': ['publishedAt'],
};

const anyRecordInput: fc.Arbitrary<Record<string, unknown>> = fc.oneof(...Object.values(recordInputs));

// ---------------------------------------------------------------------------------------------------------
// Requests. Records are kept as input and parsed inside each property, so a run never sees a record that an
// earlier run (or a shrink) touched.
// ---------------------------------------------------------------------------------------------------------

const PURPOSES = ['service-provision', 'service-analysis', 'incident-response', 'incidental', 'marketing'];
const decisionInstant = instantIn('2017-04-01T00:00:00+09:00', '2030-01-01T00:00:00+09:00');

const requestFields = fc.record(
  {
    action: fc.constantFrom(...ACTIONS),
    actor: fc.constantFrom(...ACTORS),
    purpose: fc.constantFrom(...PURPOSES),
    recipient: fc.constantFrom(...PARTIES),
    at: fc.oneof(
      { weight: 3, arbitrary: decisionInstant },
      { weight: 1, arbitrary: decisionInstant.map((d) => withOffset(d, 9 * 60)) },
    ),
    justification: fc.constantFrom('recorded determination #12', '付随業務の判断記録', ''),
    consent: fc.record({
      from: fc.constantFrom(...PARTIES),
      form: fc.constantFrom('written', 'electronic', 'oral'),
      grantedAt: anyInstant,
    }),
    contract: fc
      .record({
        id,
        formedAt: instantIn('2016-01-01T00:00:00+09:00', '2025-01-01T00:00:00+09:00'),
        length: fc.option(fc.integer({ min: 0, max: 6 * 365 * DAY }), { nil: undefined }),
      })
      .map(({ id: contractId, formedAt, length }) => ({
        id: contractId,
        formedAt,
        ...(length !== undefined && { terminatedAt: new Date(formedAt.getTime() + length) }),
      })),
    legalBasis: fc.constantFrom('law', 'authority-request'),
    priorNoticeImpossible: fc.boolean(),
  },
  { requiredKeys: ['action', 'actor', 'recipient', 'at'] },
);

/** A valid request over the parsed record; `use` always gets a purpose, since it needs one. */
function requestOver(data: unknown, fields: Record<string, unknown>): Record<string, unknown> {
  const request: Record<string, unknown> = { ...fields, data };
  if (request.action === 'use' && request.purpose === undefined) request.purpose = 'service-provision';
  return request;
}

const policy = createPolicy({ clock: () => new Date('2021-06-01T10:00:00+09:00') });

/** Dates become ISO strings, as JSON.stringify writes them; everything else is copied as it is. */
function jsonShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonShape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonShape(v)]));
  }
  return value;
}

const allCitations = (decision: Decision): Citation[] => [
  ...decision.basis,
  ...decision.obligations.map((o) => o.basis),
];

describe('decide (properties)', () => {
  it('answers every valid request with a consistent, cited, serializable decision', () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, (input, fields) => {
        const request = requestOver(parseRecord(input), fields);
        const decision = policy.decide(request as unknown as DecisionRequest);
        const at = request.at instanceof Date ? request.at : new Date(String(request.at));

        expect(decision.basis.length).toBeGreaterThan(0);
        expect(decision.allowed).toBe(decision.effect === 'permit');
        expect(['permit', 'deny']).toContain(decision.effect);
        if (decision.effect === 'deny') expect(decision.obligations).toHaveLength(0);
        expect(decision.at.getTime()).toBe(at.getTime());
        expect(decision.terms).toBe(termsInForce(at).id);
        for (const citation of allCitations(decision)) {
          if (citation.source === 'terms') expect(citation.terms).toBe(decision.terms);
          expect(citation.label).toMatch(/\S/);
        }
        for (const reason of decision.reasons) expect(reason.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        const json = JSON.stringify(decision);
        expect(JSON.parse(json)).toStrictEqual(jsonShape(decision));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('answers a corrupted request with a decision or a PolicyInputError, never another error (SPEC §7: one validator)', () => {
    type Corruption = (request: Record<string, unknown>) => void;

    const wrongValue = fc.oneof(
      fc.constantFrom<unknown>(
        undefined,
        null,
        0,
        -1,
        Number.NaN,
        true,
        false,
        '',
        ' ',
        'robot',
        '2021-06-01T10:00:00',
        '2021-02-30T10:00:00+09:00',
        '2021-06-01T10:00:00+09:00',
        '__proto__',
        'constructor',
        [],
        {},
        ['use'],
      ),
      fc.constant(null).map(() => new Date(Number.NaN)),
      fc.constant(null).map(() => new Date('2021-06-01T10:00:00+09:00')),
      fc.constant(null).map(() => new Date('1999-01-01T00:00:00+09:00')),
      fc.string({ maxLength: 6 }),
      fc.integer(),
    );

    const field = fc.constantFrom(
      'action',
      'data',
      'actor',
      'purpose',
      'recipient',
      'at',
      'contract',
      'consent',
      'justification',
      'legalBasis',
      'priorNoticeImpossible',
    );

    const setField = fc.tuple(field, wrongValue).map(
      ([key, value]): Corruption =>
        (r) => {
          r[key] = value;
        },
    );
    const deleteField = field.map(
      (key): Corruption =>
        (r) => {
          delete r[key];
        },
    );
    const setNested = fc
      .tuple(
        fc.constantFrom(
          ['consent', 'from'],
          ['consent', 'form'],
          ['consent', 'grantedAt'],
          ['contract', 'id'],
          ['contract', 'formedAt'],
          ['contract', 'terminatedAt'],
        ),
        wrongValue,
      )
      .map(
        ([[outer, inner], value]): Corruption =>
          (r) => {
            const base = r[outer];
            r[outer] = {
              ...(typeof base === 'object' && base !== null ? base : {}),
              [inner as string]: value,
            };
          },
      );
    const protoKey = fc.tuple(fc.constantFrom('__proto__', 'constructor'), wrongValue).map(
      ([key, value]): Corruption =>
        (r) => {
          Object.defineProperty(r, key, { value, enumerable: true, configurable: true, writable: true });
        },
    );
    // A field that is only inherited: the fast path and the schema must read it the same way.
    const inherited = fc
      .tuple(
        field,
        fc.oneof(wrongValue, fc.constantFrom<unknown>('use', 'third-party', 'provider', 'marketing')),
      )
      .map(
        ([key, value]): Corruption =>
          (r) => {
            delete r[key];
            Object.setPrototypeOf(r, { [key]: value });
          },
      );
    const jsonProto = fc
      .tuple(field, fc.oneof(wrongValue, fc.constantFrom<unknown>('third-party', 'use')))
      .map(
        ([key, value]): Corruption =>
          (r) => {
            const polluted = JSON.parse(
              JSON.stringify({ [key]: typeof value === 'undefined' ? null : value }),
            );
            Object.defineProperty(r, '__proto__', {
              value: polluted,
              enumerable: true,
              configurable: true,
              writable: true,
            });
          },
      );
    const plainData = fc
      .tuple(fc.constantFrom('kind', 'id', 'receivedAt', 'createdAt', 'sources', 'publishedAt'), wrongValue)
      .map(
        ([key, value]): Corruption =>
          (r) => {
            r.data = { ...(r.data as object), [key]: value };
          },
      );
    const copyData: Corruption = (r) => {
      r.data = { ...(r.data as object) };
    };

    const corruptions = fc.array(
      fc.oneof(
        setField,
        deleteField,
        setNested,
        protoKey,
        inherited,
        jsonProto,
        plainData,
        fc.constant(copyData),
      ),
      { minLength: 1, maxLength: 4 },
    );

    fc.assert(
      fc.property(anyRecordInput, requestFields, corruptions, (input, fields, corrupt) => {
        const request = requestOver(parseRecord(input), fields);
        request.at = new Date(new Date(request.at as Date | string).getTime());
        for (const c of corrupt) c(request);
        try {
          expect(policy.decide(request as unknown as DecisionRequest).basis.length).toBeGreaterThan(0);
        } catch (e) {
          // Malformed input, or a well-formed one before any terms were in force.
          expect(e).toBeInstanceOf(PolicyError);
          expect(['invalid-input', 'terms-not-in-force']).toContain((e as PolicyError).code);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('decides every well-formed request over a parsed record, with Dates or ISO strings alike', () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, (input, fields) => {
        const request = requestOver(parseRecord(input), fields);
        const withDate = { ...request, at: new Date(new Date(request.at as Date | string).getTime()) };
        const withString = { ...request, at: (withDate.at as Date).toISOString() };
        const a = policy.decide(withDate as unknown as DecisionRequest);
        expect(policy.decide(withString as unknown as DecisionRequest)).toEqual(a);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never permits a corrupted plain-object record: decide throws PolicyInputError', () => {
    type RecordCorruption = (record: Record<string, unknown>) => void;
    // Each value is wrong for every required field of every kind (a designation may be null, a flag false…).
    const wrongForAnyField = fc.constantFrom<unknown>(123, {}, [], '  ', Number.NaN, -1);

    const kindOf = (r: Record<string, unknown>) => r.kind as DataKind;
    const pick = (keys: readonly string[], i: number): string => keys[i % keys.length] as string;

    const missingField = fc.nat().map(
      (i): RecordCorruption =>
        (r) => {
          delete r[pick(['kind', 'id', ...REQUIRED[kindOf(r)]], i)];
        },
    );
    const wrongType = fc.tuple(fc.nat(), wrongForAnyField).map(
      ([i, value]): RecordCorruption =>
        (r) => {
          r[pick(['id', ...REQUIRED[kindOf(r)]], i)] = value;
        },
    );
    const badTimestamp = fc
      .tuple(
        fc.nat(),
        fc.oneof(
          fc.constant(null).map(() => new Date(Number.NaN)),
          fc.constantFrom<unknown>(
            '2021-06-01T10:00:00',
            '2021-02-30T10:00:00+09:00',
            '2023-02-29T10:00:00+09:00',
            '2021-13-01T10:00:00+09:00',
            '2021-06-01T24:00:00+09:00',
            '2021-06-01',
            'yesterday',
            1622509200000,
          ),
        ),
      )
      .map(
        ([i, value]): RecordCorruption =>
          (r) => {
            r[pick(TIMESTAMPS[kindOf(r)], i)] = value;
          },
      );
    const unknownKind = fc
      .oneof(fc.constantFrom('sensor-reading', 'Measurement', 'measurement ', '', '__proto__'), fc.string())
      .filter(
        (k) =>
          !(
            [
              'measurement',
              'derived',
              'user-information',
              'confidential',
              'anonymized',
              'statistical',
              'provider-content',
            ] as string[]
          ).includes(k),
      )
      .map(
        (kind): RecordCorruption =>
          (r) => {
            r.kind = kind;
          },
      );

    fc.assert(
      fc.property(
        anyRecordInput,
        fc.boolean(),
        fc.oneof(missingField, wrongType, badTimestamp, unknownKind),
        requestFields,
        (input, looksParsed, corrupt, fields) => {
          // Either the JSON-like input or a plain copy of the parsed record (Dates, frozen parts inside).
          const record: Record<string, unknown> = looksParsed ? { ...parseRecord(input) } : { ...input };
          corrupt(record);
          const request = requestOver(record, fields) as unknown as DecisionRequest;
          let error: unknown;
          try {
            policy.decide(request);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(PolicyInputError);
          expect((error as PolicyInputError).issues.some((i) => i.path[0] === 'data')).toBe(true);
          expect(() => policy.canUse(record as never, 'service-provision', { at: request.at })).toThrow(
            PolicyInputError,
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('decide: parsed records changed after parsing', () => {
  it('refuses a parsed record whose Date was set to an invalid time after parsing', () => {
    for (const [kind, arbitrary] of Object.entries(recordInputs) as [
      DataKind,
      fc.Arbitrary<Record<string, unknown>>,
    ][]) {
      const [input] = fc.sample(arbitrary, { numRuns: 1, seed: 42 });
      const record = parseRecord(input) as unknown as Record<string, Date>;
      const field = TIMESTAMPS[kind][0] as string;
      record[field]?.setTime(Number.NaN);
      const request = { action: 'process', data: record, at: new Date('2021-06-01T10:00:00+09:00') };
      expect(() => policy.decide(request as unknown as DecisionRequest), kind).toThrow(PolicyInputError);
    }
  });

  it('does not keep a retention extension valid when its until is moved before decidedAt after parsing', () => {
    const record = measurement({
      retentionExtensions: [
        {
          decidedAt: '2022-03-01T09:00:00+09:00',
          reason: 'investigation',
          until: '2023-03-16T00:00:00+09:00',
        },
      ],
    });
    record.retentionExtensions?.[0]?.until?.setTime(new Date('2022-02-01T00:00:00+09:00').getTime());
    const request = { action: 'retain', data: record, at: new Date('2022-06-01T10:00:00+09:00') };
    expect(() => policy.decide(request as unknown as DecisionRequest)).toThrow(PolicyInputError);
  });
});
