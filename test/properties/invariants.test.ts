import { inspect } from 'node:util';
import fc from 'fast-check';
import { confidential, measurement } from 'm2m-data-policy/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  createPolicy,
  DATA_KINDS,
  type DataKind,
  type Decision,
  type DecisionLogEntry,
  type DecisionRequest,
  explain,
  PolicyInputError,
  parseRecord,
  type Rule,
  type TermsVersion,
  terms20170401,
  terms20201201,
  termsArticle,
  termsInForce,
} from '../../src/index.js';
import {
  anyRecordInput,
  DAY,
  decisionMs,
  FIRST_TERMS_MS,
  instantMs,
  jsonShape,
  LAST_MS,
  MARKER_PATTERN,
  METRICS,
  NUM_RUNS,
  oracleYearsEnd,
  PURPOSES,
  REQUIRED,
  type RequestFields,
  recordInputs,
  recordMs,
  requestFields,
  requestOver,
  TERMS_2020_MS,
  withOffset,
} from './arbitraries.js';

// The invariants every decision keeps, whatever the record, the request and the instant: nothing is permitted that
// no rule grants or that comes from malformed input; the decision's time, not the process's time zone or clock,
// chooses the terms and the answer; and decisions and their log entries are plain JSON that carries no payload.
// fast-check prints the seed and the shrunk counterexample of a failing property.

const AT_2021 = new Date('2021-06-01T10:00:00+09:00');
const policy = createPolicy({ clock: () => AT_2021 });
const policyEn = createPolicy({ clock: () => AT_2021, locale: 'en' });

const kindOf = (r: Record<string, unknown>): DataKind => r.kind as DataKind;

/** (kind, actor, action) triples some permit rule of the version answers. */
function grantable(rules: readonly Rule[]): Set<string> {
  const triples = new Set<string>();
  for (const r of rules)
    if (r.effect === 'permit')
      for (const k of r.kinds)
        for (const a of r.actors) for (const x of r.actions) triples.add(`${k}/${a}/${x}`);
  return triples;
}
const GRANTABLE = new Map<string, Set<string>>([
  [terms20170401.id, grantable(terms20170401.rules)],
  [terms20201201.id, grantable(terms20201201.rules)],
]);

/** Calls `f`, expecting a PolicyInputError and never an answer. */
function refusal(f: () => unknown): unknown {
  let answer: unknown;
  try {
    answer = f();
  } catch (e) {
    return e;
  }
  return { returned: answer };
}

// ---------------------------------------------------------------------------------------------------------------

describe('deny by default', () => {
  it(`denies every request for a (kind, actor, action) no rule of the version in force grants (${NUM_RUNS} runs)`, () => {
    const undecided = fc
      .tuple(
        fc.constantFrom(...DATA_KINDS),
        requestFields,
        fc.boolean(), // aim at an ungranted triple
      )
      .chain(([kind, fields, aim]) => fc.tuple(recordInputs[kind], fc.constant(fields), fc.constant(aim)));
    let ungranted = 0;
    fc.assert(
      fc.property(undecided, ([input, fields, aim]) => {
        const data = parseRecord(input);
        const version = termsInForce(new Date(fields.atMs));
        const granted = GRANTABLE.get(version.id) as Set<string>;
        let f: RequestFields = fields;
        if (aim) {
          // Move to an ungranted action of the same kind and actor, when there is one.
          const open = (['use', 'process', 'disclose', 'transfer', 'license', 'sublicense'] as Action[])
            .concat(['retain', 'transmit', 'anonymize', 'republish'])
            .filter((a) => !granted.has(`${data.kind}/${fields.actor}/${a}`));
          if (open.length > 0) f = { ...fields, action: open[fields.atMs % open.length] as Action };
        }
        const decision = policy.decide(requestOver(data, f) as unknown as DecisionRequest);
        expect(decision.terms).toBe(version.id);
        if (!granted.has(`${data.kind}/${f.actor}/${f.action}`)) {
          ungranted++;
          expect(decision).toBeDenied();
          expect(decision.obligations).toEqual([]);
          expect(decision.basis.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(ungranted).toBeGreaterThan(NUM_RUNS / 4);
  });

  it(`gives every permit a basis that cites the terms version in force at its instant (${NUM_RUNS} runs)`, () => {
    let permits = 0;
    fc.assert(
      fc.property(anyRecordInput, requestFields, (input, fields) => {
        const decision = policy.decide(requestOver(parseRecord(input), fields) as unknown as DecisionRequest);
        const inForce = termsInForce(new Date(fields.atMs)).id;
        expect(decision.terms).toBe(inForce);
        if (!decision.allowed) return;
        permits++;
        expect(decision).toBePermitted();
        expect(decision.basis.length).toBeGreaterThan(0);
        expect(decision.basis.some((c) => c.terms === inForce)).toBe(true);
        for (const c of [...decision.basis, ...decision.obligations.map((o) => o.basis)])
          if (c.terms !== undefined) expect(c.terms).toBe(inForce);
      }),
      { numRuns: NUM_RUNS },
    );
    expect(permits).toBeGreaterThan(NUM_RUNS / 10);
  });

  it(`permits under a version made of some of the rules only what one of those rules grants, denying the rest citing that version (${NUM_RUNS} runs)`, () => {
    const version = fc
      .tuple(
        fc.constantFrom(terms20170401, terms20201201),
        fc.nat({ max: 999 }),
        fc.infiniteStream(fc.boolean()),
      )
      .map(([base, n, keep]) => {
        const it = keep[Symbol.iterator]();
        const rules = base.rules.filter(() => it.next().value === true);
        const v: TermsVersion = {
          ...base,
          id: `subset-${n}`,
          effectiveFrom: new Date('2017-04-01T00:00:00+09:00'),
          rules,
        };
        return v;
      });
    let denied = 0;
    fc.assert(
      fc.property(version, anyRecordInput, requestFields, (v, input, fields) => {
        const subset = createPolicy({ terms: [v], locale: 'en' });
        const data = parseRecord(input);
        const request = requestOver(data, fields);
        const decision = subset.decide(request as unknown as DecisionRequest);
        expect(decision.terms).toBe(v.id);
        expect(decision.basis.length).toBeGreaterThan(0);
        for (const c of [...decision.basis, ...decision.obligations.map((o) => o.basis)])
          if (c.source === 'terms' || c.source === 'contract') expect(c.terms).toBe(v.id);
        const covering = v.rules.filter(
          (r) =>
            r.kinds.includes(data.kind) &&
            r.actors.includes(fields.actor) &&
            r.actions.includes(fields.action) &&
            (r.purposes === undefined || r.purposes.includes(request.purpose as string)) &&
            (r.recipients === undefined || r.recipients.includes(fields.recipient)),
        );
        const code = decision.reasons[0]?.code;
        if (decision.allowed) {
          expect(covering.some((r) => r.effect === 'permit' && r.reason === code)).toBe(true);
        } else {
          denied++;
          expect(decision.obligations).toEqual([]);
          if (!covering.some((r) => r.effect === 'permit')) expect(decision).toBeDenied();
          if (covering.length === 0) {
            expect(code).toBe('not-granted');
            expect(decision.basis).toEqual([{ source: 'terms', terms: v.id, label: expect.any(String) }]);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(denied).toBeGreaterThan(NUM_RUNS / 4);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const OBJECT_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).kind).toBeUndefined();
}

type Json = Record<string, unknown>;
/** A corruption of a record: `before` runs on the JSON-shaped object, `after` on what JSON.parse rebuilt. */
interface Corruption {
  readonly name: string;
  readonly before?: (r: Json) => void;
  /** `kind` is the record's kind before any corruption (an earlier one may have changed `r.kind`). */
  readonly after: (r: Json, kind: DataKind) => void;
}

const PROTO = '@@__proto__@@';
/** Rebuilds `r` through JSON text, turning every `PROTO` key into an own `__proto__` key. */
const throughJson = (r: Json): Json =>
  JSON.parse(JSON.stringify(r).replaceAll(`"${PROTO}":`, '"__proto__":')) as Json;

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const TIMESTAMP_FIELDS = new Set([
  'measuredAt',
  'receivedAt',
  'processedAt',
  'collectedAt',
  'disclosedAt',
  'createdAt',
  'publishedAt',
]);

/** Values wrong for a required field, by what the field holds. */
function wrongValues(field: string): unknown[] {
  if (TIMESTAMP_FIELDS.has(field))
    return [
      new Date(Number.NaN),
      Object.create(Date.prototype),
      '2021-02-30T10:00:00+09:00',
      '2023-02-29T10:00:00+09:00',
      '2021-04-31T10:00:00Z',
      '2021-06-01T24:00:00+09:00',
      '2021-06-01T10:60:00+09:00',
      '2021-06-01T10:00:00+24:00',
      '2021-06-01T10:00:00',
      '2021-06-01T10:00:00.123',
      '2021-06-01',
      'yesterday',
      '',
      1622509200000,
      null,
      {},
      [],
      true,
    ];
  if (field === 'designation')
    return [
      'written',
      {},
      { method: 'oral', at: '2021-05-01T10:00:00+09:00' },
      { method: 'written', at: '2021-05-01T10:00:00' },
      { method: 'written', at: new Date(Number.NaN) },
      { method: 'written' },
      1,
      [],
    ];
  if (field === 'sources' || field === 'itemCategories')
    return [[], [''], ['  '], [1], 'm-1', null, {}, [null], [['m-1']]];
  if (field === 'scopeSpecified' || field === 'marked') return ['true', 1, 0, null, {}, [], 'false'];
  // Non-blank strings (ids) and enumerations (any other value of which is wrong too).
  const wrong: unknown[] = [null, 0, 1, true, {}, [], '', '   ', '\t\n\u3000', ['m-1'], new Date(0)];
  return field === 'id' || field === 'contractId' ? wrong : [...wrong, 'unknown-value', 'Leakage-Current'];
}

const missingField = fc.nat().map(
  (i): Corruption => ({
    name: 'missing field',
    after: (r, kind) => {
      delete r[pick(REQUIRED[kind], i)];
    },
  }),
);

const wrongType = fc.tuple(fc.nat(), fc.nat()).map(
  ([i, j]): Corruption => ({
    name: 'wrong value',
    after: (r, kind) => {
      const field = pick(REQUIRED[kind], i);
      r[field] = pick(wrongValues(field), j);
    },
  }),
);

/** A day that does not exist, or a time without an offset, built from a real instant. */
const badTimestamp = fc
  .tuple(
    fc.nat(),
    fc.oneof(
      fc
        .record({
          year: fc.integer({ min: 2017, max: 2035 }),
          month: fc.integer({ min: 1, max: 12 }),
          extra: fc.integer({ min: 1, max: 3 }),
          offset: fc.constantFrom('Z', '+09:00', '-05:00'),
        })
        .map(({ year, month, extra, offset }) => {
          const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const day = Math.min(last + extra, 99);
          return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T10:00:00${offset}`;
        }),
      recordMs.map((t) => new Date(t).toISOString().slice(0, -1)),
      recordMs.map((t) => withOffset(t, 9 * 60).slice(0, -6)),
      fc.constant(null).map(() => new Date(Number.NaN)),
    ),
  )
  .map(
    ([i, value]): Corruption => ({
      name: 'bad timestamp',
      after: (r, kind) => {
        const fields = REQUIRED[kind].filter((f) => TIMESTAMP_FIELDS.has(f));
        r[pick(fields, i)] = value;
      },
    }),
  );

/** Nested parts: an extension ending before it is decided, a blank reason, a designation without its instant. */
const nestedCorruption = fc.nat().map(
  (i): Corruption => ({
    name: 'nested',
    after: (r, kind) => {
      if (kind === 'measurement') {
        const e =
          i % 2 === 0
            ? { decidedAt: '2022-03-01T09:00:00+09:00', reason: 'x', until: '2022-02-01T00:00:00+09:00' }
            : { decidedAt: '2022-03-01T09:00:00+09:00', reason: ' ' };
        r.retentionExtensions = [...((r.retentionExtensions as unknown[] | undefined) ?? []), e];
      } else if (kind === 'confidential') r.designation = { method: 'written', at: 'soon' };
      else if (Array.isArray(r.sources)) r.sources = [...r.sources, ''];
      else r.id = '';
    },
  }),
);

const KINDS: readonly string[] = DATA_KINDS;
const unknownKind = fc
  .oneof(
    fc.constantFrom(
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      'Measurement',
      'measurement ',
      'sensor-reading',
      '',
    ),
    fc.string(),
  )
  .filter((k) => !KINDS.includes(k))
  .map(
    (kind): Corruption => ({
      name: 'unknown kind',
      after: (r) => {
        r.kind = kind;
      },
    }),
  );

/** A required field removed, but offered through an own `__proto__` key (JSON.parse makes it an own key). */
const ghostField = fc.nat().map((i): Corruption => {
  let field = '';
  return {
    name: 'field only under __proto__',
    before: (r) => {
      field = pick(REQUIRED[kindOf(r)], i);
      r[PROTO] = { [field]: r[field], kind: r.kind, polluted: 'yes' };
    },
    after: (r) => {
      delete r[field];
    },
  };
});

/** A real corruption, and sometimes prototype-polluting keys about the record on top of it. */
const corruption = fc.oneof(missingField, wrongType, badTimestamp, nestedCorruption, unknownKind, ghostField);
const pollution = fc.constantFrom<(r: Json) => void>(
  (r) => {
    r[PROTO] = {
      ...(r[PROTO] as Json | undefined),
      polluted: 'yes',
      kind: 'measurement',
      receivedAt: '2021-01-01T00:00:00Z',
    };
  },
  (r) => {
    Object.assign(r, { constructor: { prototype: { polluted: 'yes' } } });
  },
  (r) => {
    r.prototype = { polluted: 'yes' };
  },
  (r) => {
    // Copies: the parts of a parsed record are frozen.
    if (r.designation && typeof r.designation === 'object')
      r.designation = { ...(r.designation as Json), [PROTO]: { polluted: 'yes' } };
    const ext = r.retentionExtensions as Json[] | undefined;
    if (ext?.[0])
      r.retentionExtensions = [
        { ...ext[0], [PROTO]: { polluted: 'yes', until: '2099-01-01T00:00:00Z' } },
        ...ext.slice(1),
      ];
    r[PROTO] = { ...(r[PROTO] as Json | undefined), [PROTO]: { polluted: 'yes' } };
  },
);

/** Whole inputs that are no record at all. */
const notARecord = fc.constantFrom<unknown>(
  null,
  undefined,
  0,
  'measurement',
  [],
  [{ kind: 'measurement' }],
  new Date(0),
  () => ({ kind: 'provider-content' }),
  JSON.parse('{"__proto__":{"kind":"provider-content","id":"pc-1","publishedAt":"2021-01-01T00:00:00Z"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
);

describe('no permit for malformed input', () => {
  afterAll(expectPrototypesClean);

  it(`decide, canUse and canTransmit throw PolicyInputError for a corrupted record, and never pollute a prototype (${NUM_RUNS} runs)`, () => {
    const counts = new Map<string, number>();
    fc.assert(
      fc.property(
        anyRecordInput,
        fc.array(corruption, { minLength: 1, maxLength: 3 }),
        fc.option(fc.array(pollution, { minLength: 1, maxLength: 2 }), { nil: undefined }),
        fc.boolean(),
        requestFields,
        (input, corruptions, polluters, viaParsed, fields) => {
          // The JSON-shaped input, or a plain copy of the parsed record (Dates, frozen parts inside).
          const base: Json = viaParsed ? { ...parseRecord(input) } : { ...input };
          for (const c of corruptions) c.before?.(base);
          for (const p of polluters ?? []) p(base);
          const record = throughJson(base);
          const kind = kindOf(record);
          for (const c of corruptions) {
            c.after(record, kind);
            counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
          }
          const request = requestOver(record, fields) as unknown as DecisionRequest;
          const at = request.at;
          const outcomes = [
            refusal(() => policy.decide(request)),
            refusal(() => policy.assertPermitted(request)),
            refusal(() => policy.canUse(record as never, 'service-provision', { at })),
            refusal(() => policy.canUse(record as never, 'service-analysis', { at, actor: 'subcontractor' })),
            refusal(() => policy.canTransmit(record as never, { at })),
            refusal(() =>
              policy.canTransmit(record as never, { at, ...(fields.consent && { consent: fields.consent }) }),
            ),
          ];
          const shown = () =>
            `${inspect(record, { depth: 4 })} (${corruptions.map((c) => c.name).join(', ')})`;
          outcomes.forEach((outcome, i) => {
            expect(outcome, `call ${i} on ${shown()}`).toBeInstanceOf(PolicyInputError);
          });
          expectPrototypesClean();
        },
      ),
      { numRuns: NUM_RUNS },
    );
    expect([...counts.keys()].sort()).toEqual(
      [
        'bad timestamp',
        'field only under __proto__',
        'missing field',
        'nested',
        'unknown kind',
        'wrong value',
      ].sort(),
    );
  });

  it(`throws PolicyInputError for inputs that are no record at all, polluted JSON included (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(notARecord, requestFields, (record, fields) => {
        const request = requestOver(record, fields) as unknown as DecisionRequest;
        expect(refusal(() => policy.decide(request))).toBeInstanceOf(PolicyInputError);
        expect(
          refusal(() => policy.canUse(record as never, 'service-provision', { at: request.at })),
        ).toBeInstanceOf(PolicyInputError);
        expect(refusal(() => policy.canTransmit(record as never, { at: request.at }))).toBeInstanceOf(
          PolicyInputError,
        );
        expectPrototypesClean();
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

/** Instants from 2017-04-01 to 2035, sorted, with the given turning points and a millisecond either side. */
const sortedInstants = (turns: readonly number[]): number[] =>
  turns.flatMap((t) => [t - 1, t, t + 1]).filter((t) => t >= FIRST_TERMS_MS && t <= LAST_MS);

function flips(effects: readonly string[]): number {
  let n = 0;
  for (let i = 1; i < effects.length; i++) if (effects[i] !== effects[i - 1]) n++;
  return n;
}

describe('time', () => {
  it(`never goes back to an older terms version as the decision's instant grows (${NUM_RUNS} runs)`, () => {
    const later = fc.record({
      effectiveFrom: instantMs(TERMS_2020_MS + DAY, LAST_MS),
      noticeBefore: fc.integer({ min: 1, max: 200 * DAY }),
    });
    fc.assert(
      fc.property(
        fc.array(decisionMs, { minLength: 2, maxLength: 12 }),
        fc.option(later, { nil: undefined }),
        anyRecordInput,
        (instants, extra, input) => {
          const terms: TermsVersion[] = [terms20170401, terms20201201];
          if (extra !== undefined)
            terms.push({
              ...terms20201201,
              id: 'next',
              effectiveFrom: new Date(extra.effectiveFrom),
              noticeGivenAt: new Date(extra.effectiveFrom - extra.noticeBefore),
            });
          const p = createPolicy({ terms });
          const data = parseRecord(input);
          const order = p.terms.map((v) => v.id);
          let last = -1;
          for (const t of [...instants].sort((a, b) => a - b)) {
            const at = new Date(t);
            const version = p.termsInForce(at);
            expect(version.effectiveFrom.getTime()).toBeLessThanOrEqual(t);
            expect(termsInForce(at, terms).id).toBe(version.id);
            const decision = p.decide({ action: 'retain', data, at });
            expect(decision.terms).toBe(version.id);
            const index = order.indexOf(version.id);
            expect(index).toBeGreaterThanOrEqual(last);
            last = index;
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  // Extensions chained so that each is decided while the holding it extends still runs: the data is held
  // without a gap until the last one ends, then never again.
  const chainedRetention = fc
    .record({
      receivedMs: instantMs(FIRST_TERMS_MS, LAST_MS - 30 * DAY),
      steps: fc.array(
        fc.record({
          decidedBefore: fc.integer({ min: 0, max: 400 * DAY }),
          length: fc.option(fc.integer({ min: 1, max: 900 * DAY }), { nil: undefined, freq: 6 }),
        }),
        { maxLength: 4 },
      ),
      order: fc.array(fc.nat(), { maxLength: 4 }),
      probes: fc.array(decisionMs, { minLength: 8, maxLength: 24 }),
    })
    .map(({ receivedMs, steps, order, probes }) => {
      const endsAt = oracleYearsEnd(receivedMs, 1);
      let held = endsAt;
      const extensions: { decidedAt: string; reason: string; until?: string }[] = [];
      for (const s of steps) {
        if (!Number.isFinite(held)) break;
        const decided = held - s.decidedBefore;
        const until = s.length === undefined ? Infinity : Math.max(held, decided) + s.length;
        extensions.push({
          decidedAt: withOffset(decided, 9 * 60),
          reason: 'fault investigation',
          ...(Number.isFinite(until) && { until: new Date(until).toISOString() }),
        });
        held = until;
      }
      // The order of the list does not matter.
      for (let i = 0; i < order.length && extensions.length > 1; i++) {
        const j = (order[i] as number) % extensions.length;
        const [e] = extensions.splice(j, 1);
        if (e) extensions.push(e);
      }
      return { receivedMs, endsAt, extensions, heldUntil: held, probes };
    });

  it(`lets the provider keep measurement data until the holding ends, then never again: one flip from permit to deny, or none with an open-ended extension (13(4), old 13(2); ${NUM_RUNS} runs)`, () => {
    let flipped = 0;
    let openEnded = 0;
    fc.assert(
      fc.property(chainedRetention, fc.constantFrom<Actor>('provider'), (s, actor) => {
        const data = measurement({
          metric: 'water-level',
          measuredAt: new Date(s.receivedMs - 60_000),
          receivedAt: withOffset(s.receivedMs, 9 * 60),
          ...(s.extensions.length > 0 && { retentionExtensions: s.extensions }),
        });
        const instants = [
          ...new Set([...s.probes, ...sortedInstants([s.endsAt, s.heldUntil, FIRST_TERMS_MS, LAST_MS])]),
        ].sort((a, b) => a - b);
        const effects = instants.map(
          (t) => policy.decide({ action: 'retain', actor, data, at: new Date(t) }).effect,
        );
        const expected = instants.map((t) => (t < s.heldUntil ? 'permit' : 'deny'));
        expect(effects).toEqual(expected);
        expect(flips(effects)).toBeLessThanOrEqual(1);
        if (effects.at(-1) === 'deny') {
          flipped++;
          expect(effects[0]).toBe('permit');
        }
        if (!Number.isFinite(s.heldUntil)) {
          openEnded++;
          expect(effects.every((e) => e === 'permit')).toBe(true);
        }
      }),
      { numRuns: NUM_RUNS },
    );
    expect(flipped).toBeGreaterThan(NUM_RUNS / 4);
    expect(openEnded).toBeGreaterThan(0);
  });

  it(`holds measurement data exactly while the year from receipt or an extension decided by then covers the instant, for any extensions (13(4); ${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(
        recordInputs.measurement,
        fc.array(decisionMs, { minLength: 4, maxLength: 16 }),
        (input, probes) => {
          const data = parseRecord(input);
          if (data.kind !== 'measurement') throw new Error('expected a measurement');
          const endsAt = oracleYearsEnd(data.receivedAt.getTime(), 1);
          const turns = [endsAt];
          for (const e of data.retentionExtensions ?? []) {
            turns.push(e.decidedAt.getTime());
            if (e.until) turns.push(e.until.getTime());
          }
          for (const t of [...probes, ...sortedInstants(turns)]) {
            const covered =
              t < endsAt ||
              (data.retentionExtensions ?? []).some(
                (e) => e.decidedAt.getTime() <= t && (e.until === undefined || t < e.until.getTime()),
              );
            const d = policy.decide({ action: 'retain', data, at: new Date(t) });
            expect({ at: new Date(t).toISOString(), effect: d.effect }).toEqual({
              at: new Date(t).toISOString(),
              effect: covered ? 'permit' : 'deny',
            });
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  // Confidential information under Art. 32 that the receiving party passes on without consent: denied while
  // Art. 32 binds (and under the 2017-04-01 terms, which granted no such thing), permitted from the instant three
  // years after the contract ended have run (32(5)), and from then on always.
  const survival = fc.record({
    disclosedBy: fc.constantFrom<'user' | 'provider'>('user', 'provider'),
    disclosedMs: instantMs(FIRST_TERMS_MS, LAST_MS),
    designatedBefore: fc.integer({ min: 0, max: 30 * DAY }),
    method: fc.constantFrom('written', 'electronic'),
    formedMs: instantMs(new Date('2014-01-01T00:00:00+09:00').getTime(), LAST_MS),
    length: fc.option(fc.integer({ min: 0, max: 15 * 365 * DAY }), { nil: undefined, freq: 6 }),
    action: fc.constantFrom<Action>('disclose', 'transfer', 'license', 'sublicense', 'republish'),
    probes: fc.array(decisionMs, { minLength: 8, maxLength: 24 }),
  });

  it(`stops Art. 32 binding exactly once, three years after the contract ends: one flip from deny to permit for passing it on, or none without an end (32(5); ${NUM_RUNS} runs)`, () => {
    let flipped = 0;
    fc.assert(
      fc.property(survival, (s) => {
        const data = confidential({
          disclosedBy: s.disclosedBy,
          disclosedAt: new Date(s.disclosedMs),
          designation: { method: s.method, at: new Date(s.disclosedMs - s.designatedBefore) },
        });
        const terminatedMs = s.length === undefined ? undefined : s.formedMs + s.length;
        const contract = {
          id: 'C-1',
          formedAt: new Date(s.formedMs),
          ...(terminatedMs !== undefined && { terminatedAt: new Date(terminatedMs) }),
        };
        const unbound =
          terminatedMs === undefined ? Infinity : Math.max(TERMS_2020_MS, oracleYearsEnd(terminatedMs, 3));
        const instants = [...new Set([...s.probes, ...sortedInstants([unbound, TERMS_2020_MS])])].sort(
          (a, b) => a - b,
        );
        const actor: Actor = s.disclosedBy === 'user' ? 'provider' : 'user';
        const decisions = instants.map((t) =>
          policy.decide({
            action: s.action,
            actor,
            data,
            contract,
            at: new Date(t),
            ...(s.action !== 'republish' && { recipient: 'third-party' as const }),
          }),
        );
        const effects = decisions.map((d) => d.effect);
        expect(effects).toEqual(instants.map((t) => (t >= unbound ? 'permit' : 'deny')));
        expect(flips(effects)).toBeLessThanOrEqual(1);
        for (const d of decisions) if (d.allowed) expect(d).toCite({ article: 32, paragraph: 5 });
        if (effects.includes('permit')) flipped++;
      }),
      { numRuns: NUM_RUNS },
    );
    expect(flipped).toBeGreaterThan(NUM_RUNS / 5);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const TIME_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Kiritimati'] as const;

describe('determinism', () => {
  const originalTz = process.env.TZ;
  afterAll(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it('switching process.env.TZ really changes the local time of this process', () => {
    const hours = TIME_ZONES.map((tz) => {
      process.env.TZ = tz;
      return new Date('2021-06-01T00:00:00Z').getHours();
    });
    expect(hours).toEqual([0, 17, 9, 14]);
  });

  it(`gives the same decision, explanation and retention answer whatever the process's time zone (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, fc.boolean(), (input, fields, asString) => {
        const answers = TIME_ZONES.map((tz) => {
          process.env.TZ = tz;
          const data = parseRecord(input);
          const request = requestOver(data, fields);
          if (asString) request.at = withOffset(fields.atMs, -8 * 60);
          const d = policy.decide(request as unknown as DecisionRequest);
          return JSON.stringify({
            decision: d,
            record: data,
            en: explain(d, 'en'),
            ja: policyEn.explain(d, 'ja'),
            allowed: policyEn.canUse(data, fields.purpose ?? 'service-analysis', {
              at: new Date(fields.atMs),
            }),
            terms: termsInForce(new Date(fields.atMs)).id,
          });
        });
        process.env.TZ = originalTz ?? 'UTC';
        for (const a of answers) expect(a).toBe(answers[0]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  const wildClock = fc.oneof(
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2200-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom(
      new Date('2016-01-01T00:00:00+09:00'),
      new Date(0),
      new Date(8.64e15),
      new Date(-8.64e15),
    ),
    fc.constant(null).map(() => new Date(Number.NaN)),
  );

  it(`gives the same decide, canUse and canTransmit answers whatever a policy's clock reads, for requests that carry their instant (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, wildClock, (input, fields, reading) => {
        const data = parseRecord(input);
        const request = requestOver(data, fields) as unknown as DecisionRequest;
        const wildPolicy = createPolicy({ clock: () => reading });
        const context = { at: new Date(fields.atMs), ...(fields.consent && { consent: fields.consent }) };
        const answer = (p: typeof policy) =>
          JSON.stringify({
            decision: p.decide(request),
            asserted: refusal(() => p.assertPermitted(request)) instanceof Error ? 'deny' : 'permit',
            shared: p.decideMany([{ action: 'retain', data }], { at: new Date(fields.atMs) }),
            use: p.canUse(data, fields.purpose ?? 'incident-response', context),
            transmit: p.canTransmit(data as never, context),
          });
        expect(answer(wildPolicy)).toBe(answer(policy));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  // A batch fixes one instant for itself from its shared context or, failing that, from the clock — even when every
  // request names its own `at`, so a clock reading before 2017-04-01 (or an invalid Date) makes decideMany throw
  // for requests decide() answers. This property failed when it was written; it is left as the contract states it.
  it(`gives the same decideMany answers whatever a policy's clock reads, when every request carries its instant (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, wildClock, (input, fields, reading) => {
        const data = parseRecord(input);
        const request = requestOver(data, fields) as unknown as DecisionRequest;
        const wildPolicy = createPolicy({ clock: () => reading });
        const answer = (p: typeof policy) => {
          try {
            return JSON.stringify(p.decideMany([request, { ...request, action: 'process' }]));
          } catch (e) {
            return `threw ${String(e)}`;
          }
        };
        expect(answer(wildPolicy)).toBe(answer(policy));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------------------------

const DECISION_KEYS = ['allowed', 'at', 'basis', 'effect', 'obligations', 'reasons', 'rule', 'terms'];
const CITATION_KEYS = new Set(['source', 'terms', 'article', 'paragraph', 'item', 'subitem', 'label']);
const OBLIGATION_KEYS = new Set(['code', 'basis', 'dueAt', 'message']);
const LOG_KEYS = new Set([
  'decisionId',
  'rule',
  'reasons',
  'dueAt',
  'at',
  'terms',
  'action',
  'actor',
  'dataKind',
  'dataId',
  'purpose',
  'recipient',
  'effect',
  'basis',
  'obligations',
]);

/** Every string and number leaf of a JSON value. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
  else out.push(value);
  return out;
}

describe('serializable', () => {
  it(`makes decisions and log entries that survive JSON and carry none of the record's values (${NUM_RUNS} runs)`, () => {
    fc.assert(
      fc.property(anyRecordInput, requestFields, fc.constantFrom('ja', 'en'), (input, fields, locale) => {
        const entries: DecisionLogEntry[] = [];
        const logged = createPolicy({ clock: () => AT_2021, locale, onDecision: (e) => entries.push(e) });
        const data = parseRecord(input);
        const request = requestOver(data, fields) as unknown as DecisionRequest;
        const decisions: Decision[] = [logged.decide(request)];
        logged.canUse(data, fields.purpose ?? 'incidental', {
          at: new Date(fields.atMs),
          justification: 'ok',
        });
        if (data.kind === 'measurement') logged.canTransmit(data, { at: new Date(fields.atMs) });
        decisions.push(...logged.decideMany([request]));
        expect(entries.length).toBe(data.kind === 'measurement' ? 4 : 3);

        const secrets = [
          fields.justification,
          fields.contract?.id,
          ...Object.values(input).flatMap((v) => leaves(jsonShape(v))),
        ].filter((v): v is string => typeof v === 'string' && MARKER_PATTERN.test(v));
        const numericValue = typeof input.value === 'number' ? input.value : undefined;
        const metric = data.kind === 'measurement' ? data.metric : undefined;

        for (const d of decisions) {
          const json = JSON.stringify(d);
          expect(JSON.parse(json)).toStrictEqual(jsonShape(d));
          expect(Object.keys(d).sort()).toEqual(DECISION_KEYS);
          for (const c of [...d.basis, ...d.obligations.map((o) => o.basis)])
            for (const k of Object.keys(c)) expect(CITATION_KEYS.has(k)).toBe(true);
          for (const o of d.obligations)
            for (const k of Object.keys(o)) expect(OBLIGATION_KEYS.has(k)).toBe(true);
          expect(json).not.toMatch(MARKER_PATTERN);
          for (const s of secrets) expect(json.includes(s)).toBe(false);
          if (numericValue !== undefined) expect(json.includes(String(numericValue))).toBe(false);
          if (metric !== undefined) expect(leaves(JSON.parse(json))).not.toContain(metric);
        }
        const [first] = entries;
        expect(first).toMatchObject({
          at: new Date(fields.atMs).toISOString(),
          terms: decisions[0]?.terms,
          effect: decisions[0]?.effect,
          dataKind: data.kind,
          dataId: data.id,
          basis: decisions[0]?.basis.map((c) => c.label),
          obligations: decisions[0]?.obligations.map((o) => o.code),
        });
        for (const e of entries) {
          const json = JSON.stringify(e);
          expect(JSON.parse(json)).toStrictEqual(e);
          for (const k of Object.keys(e)) expect(LOG_KEYS.has(k)).toBe(true);
          expect(json).not.toMatch(MARKER_PATTERN);
          expect(json).not.toContain('justification');
          if (numericValue !== undefined) expect(json.includes(String(numericValue))).toBe(false);
          if (metric !== undefined) expect(leaves(e)).not.toContain(metric);
          expect(METRICS.some((m) => e.dataId === m)).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('uses justification text only to decide, never to report it (13(3)(1)ハ)', () => {
    // A sanity check of the leak property's reach: the justification does change the answer it may not appear in.
    const data = measurement({
      metric: 'other',
      measuredAt: '2021-06-01T09:00:00+09:00',
      receivedAt: '2021-06-01T09:00:01+09:00',
    });
    const entries: DecisionLogEntry[] = [];
    const logged = createPolicy({ onDecision: (e) => entries.push(e) });
    const at = new Date('2021-06-01T10:00:00+09:00');
    const justification = '§LEAKsanity§';
    expect(logged.decide({ action: 'use', purpose: 'incidental', data, at })).toBeDenied();
    const d = logged.decide({ action: 'use', purpose: 'incidental', justification, data, at });
    expect(d).toBePermitted();
    expect(JSON.stringify([d, entries])).not.toContain(justification);
    expect(d.basis).toContainEqual(expect.objectContaining(termsArticle(13, 3, 1)));
    expect(PURPOSES).toContain('incidental');
  });
});
