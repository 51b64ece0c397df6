// Generators shared by the invariant properties: records of every kind as they arrive from outside, requests,
// and decision instants from 2017-04-01 to 2035, with the instants where answers turn weighted in.
import fc from 'fast-check';
import { ACTIONS, ACTORS, type DataKind, PARTIES } from '../../src/index.js';

export const NUM_RUNS = 1000;
export const DAY = 86_400_000;
const JST = 9 * 3_600_000;

export const FIRST_TERMS_MS = new Date('2017-04-01T00:00:00+09:00').getTime();
export const TERMS_2020_MS = new Date('2020-12-01T00:00:00+09:00').getTime();
export const APPI_2022_MS = new Date('2022-04-01T00:00:00+09:00').getTime();
export const LAST_MS = new Date('2035-12-31T23:59:59.999+09:00').getTime();

/** An ISO string of the instant written in the given offset (minutes east of UTC). */
export function withOffset(ms: number, offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return new Date(ms + offsetMinutes * 60_000).toISOString().replace('Z', `${sign}${hh}:${mm}`);
}

/** 00:00 JST of the JST day an instant falls in. */
export const jstMidnight = (ms: number): number => Math.floor((ms + JST) / DAY) * DAY - JST;

/**
 * The exclusive end of a period of whole years from `startMs`, reckoned naively and independently of the library
 * (UTC arithmetic shifted by nine hours, exact for Asia/Tokyo since 1951): Civil Code 140 (the first day is the
 * next one unless the start is 00:00 JST), 143(2) (the day before the corresponding day, or the month's last day
 * where there is none) and 141 (the end of that day).
 */
export function oracleYearsEnd(startMs: number, years: number): number {
  const midnight = jstMidnight(startMs);
  const first = new Date(midnight === startMs ? midnight + JST : midnight + DAY + JST);
  const [y, m, day] = [first.getUTCFullYear(), first.getUTCMonth(), first.getUTCDate()];
  const daysInTargetMonth = new Date(Date.UTC(y + years, m + 1, 0)).getUTCDate();
  const end = day <= daysInTargetMonth ? Date.UTC(y + years, m, day) : Date.UTC(y + years, m + 1, 1);
  return end - JST;
}

/** Epoch milliseconds from `min` to `max`, with JST midnights (±1 ms) and the given edges weighted in. */
export function instantMs(min: number, max: number, edges: readonly number[] = []): fc.Arbitrary<number> {
  const inRange = edges.filter((e) => e >= min && e <= max);
  const arbitraries: fc.WeightedArbitrary<number>[] = [
    { weight: 6, arbitrary: fc.integer({ min, max }) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: Math.floor((max - min) / DAY) }), fc.constantFrom(-1, 0, 1))
        .map(([d, j]) => Math.min(max, Math.max(min, jstMidnight(min) + DAY + d * DAY + j))),
    },
  ];
  if (inRange.length > 0)
    arbitraries.push({
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...inRange), fc.constantFrom(-1, 0, 1))
        .map(([e, j]) => Math.min(max, Math.max(min, e + j))),
    });
  return fc.oneof(...arbitraries);
}

/** A decision instant, 2017-04-01 to 2035, the terms' and APPI's turning points weighted in. */
export const decisionMs = instantMs(FIRST_TERMS_MS, LAST_MS, [FIRST_TERMS_MS, TERMS_2020_MS, APPI_2022_MS]);
/** Any record timestamp: a little before the first terms to the end of 2035. */
export const recordMs = instantMs(new Date('2015-01-01T00:00:00+09:00').getTime(), LAST_MS, [TERMS_2020_MS]);

/** A timestamp as a record may carry it: a Date, or an ISO string in UTC, JST or a western offset. */
export const spelled = (ms: fc.Arbitrary<number>): fc.Arbitrary<Date | string> =>
  fc.oneof(
    ms.map((t) => new Date(t)),
    ms.map((t) => new Date(t).toISOString()),
    ms.map((t) => withOffset(t, 9 * 60)),
    ms.map((t) => withOffset(t, -5 * 60)),
  );
const anyTimestamp = spelled(recordMs);

/**
 * A string no decision or log entry could contain by chance: records' payloads (values, units, contract ids,
 * reasons, categories, sources) and justifications are made of these, so a leak is a substring search.
 */
export const marker = fc.nat({ max: 2 ** 30 }).map((n) => `§LEAK${n.toString(36)}§`);
export const MARKER_PATTERN = /§LEAK[0-9a-z]+§/;
/** A numeric payload value that is no article number, year or count: large, with a fraction. */
export const markerNumber = fc.integer({ min: 1_000_003, max: 999_999_999 }).map((n) => n + 0.375);

const id = fc.oneof(fc.constantFrom('m-1', 'd-1', 'u-1', '計測-1'), fc.stringMatching(/^[a-z]-\d{1,5}$/));
const sourceIds = fc.array(marker, { minLength: 1, maxLength: 3 });
const personalData = fc.constantFrom('none', 'possible', 'yes');

export const METRICS = [
  'leakage-current',
  'equipment-fault',
  'power-outage',
  'tank-pressure',
  'water-level',
  'other',
] as const;

const retentionExtension = fc
  .record({
    decidedAt: recordMs,
    reason: marker,
    length: fc.option(fc.integer({ min: 1, max: 800 * DAY }), { nil: undefined }),
  })
  .map(({ decidedAt, reason, length }) => ({
    decidedAt: withOffset(decidedAt, 9 * 60),
    reason,
    ...(length !== undefined && { until: new Date(decidedAt + length) }),
  }));

/** Record inputs of each kind, every optional field sometimes there; payload strings are markers. */
export const recordInputs: Record<DataKind, fc.Arbitrary<Record<string, unknown>>> = {
  measurement: fc
    .record(
      {
        kind: fc.constant('measurement'),
        id,
        contractId: marker,
        metric: fc.constantFrom(...METRICS),
        measuredAt: anyTimestamp,
        receivedAt: anyTimestamp,
        personalData,
        value: fc.oneof(marker, markerNumber),
        unit: marker,
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
    itemCategories: fc.array(marker, { minLength: 1, maxLength: 3 }),
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

export const anyRecordInput: fc.Arbitrary<Record<string, unknown>> = fc.oneof(...Object.values(recordInputs));

/** The fields each kind requires (SPEC §2), besides `kind`. */
export const REQUIRED: Record<DataKind, readonly string[]> = {
  measurement: ['id', 'contractId', 'metric', 'measuredAt', 'receivedAt', 'personalData'],
  derived: ['id', 'sources', 'processedBy', 'processedAt'],
  'user-information': ['id', 'subject', 'source', 'collectedAt'],
  confidential: ['id', 'disclosedBy', 'disclosedAt', 'designation', 'scopeSpecified', 'marked'],
  anonymized: ['id', 'sources', 'createdAt', 'itemCategories'],
  statistical: ['id', 'sources', 'createdAt'],
  'provider-content': ['id', 'publishedAt'],
};

export const PURPOSES = [
  'service-provision',
  'service-analysis',
  'incident-response',
  'incidental',
  'marketing',
];

/** The request's fields besides the record; `at` is always there, as an instant in ms. */
export const requestFields = fc.record(
  {
    action: fc.constantFrom(...ACTIONS),
    actor: fc.constantFrom(...ACTORS),
    purpose: fc.constantFrom(...PURPOSES),
    recipient: fc.constantFrom(...PARTIES),
    atMs: decisionMs,
    justification: marker,
    consent: fc.record({
      from: fc.constantFrom(...PARTIES),
      form: fc.constantFrom('written', 'electronic', 'oral'),
      grantedAt: recordMs.map((t) => new Date(t)),
    }),
    contract: fc
      .record({
        id: marker,
        formedAt: instantMs(new Date('2016-01-01T00:00:00+09:00').getTime(), LAST_MS),
        length: fc.option(fc.integer({ min: 0, max: 6 * 365 * DAY }), { nil: undefined }),
      })
      .map(({ id: contractId, formedAt, length }) => ({
        id: contractId,
        formedAt: new Date(formedAt),
        ...(length !== undefined && { terminatedAt: new Date(formedAt + length) }),
      })),
    legalBasis: fc.constantFrom('law', 'authority-request'),
    priorNoticeImpossible: fc.boolean(),
  },
  { requiredKeys: ['action', 'actor', 'recipient', 'atMs'] },
);
export type RequestFields = typeof requestFields extends fc.Arbitrary<infer F> ? F : never;

/** A request over `data`: `at` as a Date, and a purpose for `use`, which needs one. */
export function requestOver(data: unknown, fields: RequestFields): Record<string, unknown> {
  const { atMs, ...rest } = fields;
  const request: Record<string, unknown> = { ...rest, data, at: new Date(atMs) };
  if (request.action === 'use' && request.purpose === undefined) request.purpose = 'service-provision';
  return request;
}

/** Dates become ISO strings, as JSON.stringify writes them; everything else is copied as it is. */
export function jsonShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(jsonShape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonShape(v)]));
  }
  return value;
}
