import { derived, measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  type DataRecord,
  type DataRecordInput,
  type DecisionLogEntry,
  PolicyInputError,
  parseRecord,
} from '../../src/index.js';

const at = new Date('2021-06-01T10:00:00+09:00');
const raw = measurement({ id: 'raw' });
const trend = derived({ id: 'trend' });
// Its sources are those of `rawPersonal` below: the parsed and the raw form of one record.
const personal = derived({ id: 'personal', sources: ['m-1'], personalData: 'yes' });

describe('decideMany', () => {
  it('decides a request that says consent: undefined the same for a parsed and a raw record: the shared consent applies (SPEC §7, APPI 27(1))', () => {
    const policy = createPolicy();
    const shared = {
      at,
      consent: { from: 'data-subject', form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' },
    } as const;
    const rawPersonal: DataRecordInput = {
      kind: 'derived',
      id: 'personal',
      sources: ['m-1'],
      processedBy: 'provider',
      processedAt: '2021-04-01T09:00:00+09:00',
      personalData: 'yes',
    };
    const ask = (data: DataRecord | DataRecordInput) =>
      policy.decideMany([{ action: 'disclose', data, recipient: 'third-party', consent: undefined }], shared);
    const [parsedAnswer] = ask(personal);
    const [rawAnswer] = ask(rawPersonal);
    expect(parsedAnswer).toEqual(rawAnswer);
    expect(parsedAnswer?.reasons[0]?.code).toBe('personal-data-with-consent');
  });

  it('logs nothing for a batch with a malformed request: all or nothing', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ onDecision: (e) => entries.push(e) });
    expect(() =>
      policy.decideMany(
        [
          { action: 'use', data: raw, purpose: 'service-analysis' },
          { action: 'license', data: raw } as never,
        ],
        { at },
      ),
    ).toThrow(PolicyInputError);
    expect(entries).toEqual([]);
  });

  it('decides each request with the shared context, in order (13(3)(1), 13(3)(4))', () => {
    const decisions = createPolicy().decideMany(
      [
        { action: 'use', data: raw, purpose: 'service-analysis' },
        { action: 'license', data: raw, recipient: 'third-party' },
        { action: 'license', data: trend, recipient: 'third-party' },
      ],
      { at },
    );
    expect(decisions).toEqual([expect.toBePermitted(), expect.toBeDenied(), expect.toBePermitted()]);
    expect(decisions.every((d) => d.at.getTime() === at.getTime())).toBe(true);
  });

  it('lets an error that is not about the input pass through unchanged, not as a PolicyInputError', () => {
    const failing = new RangeError('the request store went away');
    const request = {
      get action(): 'process' {
        throw failing;
      },
      data: raw,
    };
    expect(() => createPolicy().decideMany([request], { at })).toThrow(failing);
  });

  it('refuses a filter request without an action, before any record is read (SPEC §3)', () => {
    const policy = createPolicy();
    let read = 0;
    function* records() {
      read++;
      yield raw;
    }
    expect(() => policy.filterPermitted(records(), { at } as never)).toThrow(PolicyInputError);
    try {
      policy.filterPermitted(records(), { at } as never);
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => [i.path, i.code])).toEqual([[['action'], 'required']]);
    }
    expect(read).toBe(0);
  });

  it('reads the clock once for the whole batch', () => {
    let reads = 0;
    const policy = createPolicy({
      clock: () => {
        reads++;
        return new Date(at.getTime() + reads);
      },
    });
    const decisions = policy.decideMany([1, 2, 3].map(() => ({ action: 'process' as const, data: raw })));
    expect(reads).toBe(1);
    expect(new Set(decisions.map((d) => d.at.getTime())).size).toBe(1);
  });

  it('lets a request’s own fields win over the context, its own instant choosing its own terms version', () => {
    const [old, now] = createPolicy().decideMany(
      [
        {
          action: 'disclose',
          data: raw,
          recipient: 'subcontractor',
          at: new Date('2020-11-30T23:59:59.999+09:00'),
        },
        { action: 'disclose', data: raw, recipient: 'subcontractor' },
      ],
      { at, purpose: 'service-analysis' },
    );
    expect(old).toMatchObject({ terms: '2017-04-01', effect: 'deny' });
    expect(now).toMatchObject({ terms: '2020-12-01', effect: 'permit' });
  });

  it('accepts shared fields the schema reads, such as an ISO instant with an offset', () => {
    const [d] = createPolicy().decideMany([{ action: 'process', data: raw }], {
      at: '2020-11-30T23:59:59.999+09:00',
    });
    expect(d?.terms).toBe('2017-04-01');
  });

  it('refuses a malformed request with its index in the path, and a malformed context as a whole', () => {
    const policy = createPolicy();
    try {
      policy.decideMany([{ action: 'process', data: raw }, { action: 'disclose', data: raw } as never], {
        at,
      });
      expect.unreachable();
    } catch (e) {
      expect((e as PolicyInputError).issues.map((i) => i.path)).toEqual([['requests', 1, 'recipient']]);
    }
    expect(() => policy.decideMany([], { at: '2021-06-01T10:00:00' } as never)).toThrow(PolicyInputError);
  });
});

describe('filterPermitted', () => {
  it("yields the parsed, frozen record, never the caller's object, and takes an ISO-string instant (SPEC §7)", () => {
    const row = {
      kind: 'derived',
      id: 'trend-raw',
      sources: ['m-1'],
      processedBy: 'provider',
      processedAt: '2021-04-01T09:00:00+09:00',
      extra: 'dropped',
    };
    const [yielded] = [
      ...createPolicy().filterPermitted([row], {
        action: 'license',
        recipient: 'third-party',
        at: '2021-06-01T10:00:00+09:00',
      }),
    ];
    expect(yielded).not.toBe(row);
    expect(Object.isFrozen(yielded)).toBe(true);
    expect(yielded).toMatchObject({ id: 'trend-raw', processedAt: new Date('2021-04-01T09:00:00+09:00') });
    expect(yielded).not.toHaveProperty('extra');
  });

  const records = [raw, trend, personal, derived({ id: 'trend-2' })];

  it('yields lazily the records a request permits: only derived, non-personal data leaves (13(3)(4), APPI 27(1))', () => {
    const permitted = createPolicy().filterPermitted(records, {
      action: 'license',
      recipient: 'third-party',
      at,
    });
    expect(permitted.next().value?.id).toBe('trend');
    expect([...permitted].map((r) => r.id)).toEqual(['trend-2']);
  });

  it('filters an async iterable into an async generator', async () => {
    async function* cursor() {
      yield* records;
    }
    const ids: string[] = [];
    for await (const r of createPolicy().filterPermitted(cursor(), {
      action: 'license',
      recipient: 'third-party',
      at,
    }))
      ids.push(r.id);
    expect(ids).toEqual(['trend', 'trend-2']);
  });

  it('names the index of a malformed record of an async iterable in the path', async () => {
    async function* cursor() {
      yield trend;
      yield { kind: 'derived', id: 'broken' };
    }
    const read = async () => {
      for await (const _ of createPolicy().filterPermitted(cursor(), { action: 'use', purpose: 'x', at })) {
      }
    };
    await expect(read()).rejects.toBeInstanceOf(PolicyInputError);
    await read().catch((e: PolicyInputError) => {
      expect(e.issues.every((i) => i.path[0] === 'records' && i.path[1] === 1)).toBe(true);
    });
  });

  it('keeps its request while the consumer makes other decisions between records', () => {
    const policy = createPolicy();
    const permitted = policy.filterPermitted(records, { action: 'license', recipient: 'third-party', at });
    const ids: string[] = [];
    for (const r of permitted) {
      policy.decide({
        action: 'use',
        data: raw,
        purpose: 'marketing',
        at: new Date('2019-01-01T00:00:00+09:00'),
      });
      ids.push(r.id);
    }
    expect(ids).toEqual(['trend', 'trend-2']);
  });

  it('takes raw records and validates them; a malformed one stops the filter with its index', () => {
    const policy = createPolicy();
    const json = JSON.parse(
      JSON.stringify([trend, { ...trend, processedAt: '2021-04-01T09:00:00' }]),
    ) as unknown[];
    const permitted = policy.filterPermitted(json, { action: 'use', purpose: 'service-analysis', at });
    expect(permitted.next().value?.id).toBe('trend');
    try {
      permitted.next();
      expect.unreachable();
    } catch (e) {
      expect((e as PolicyInputError).issues[0]?.path).toEqual(['records', 1, 'data', 'processedAt']);
    }
  });

  it('logs one decision per record', () => {
    const entries: DecisionLogEntry[] = [];
    const policy = createPolicy({ onDecision: (e) => entries.push(e) });
    expect([...policy.filterPermitted(records, { action: 'process', at })]).toHaveLength(4);
    expect(entries.map((e) => e.dataId)).toEqual(['raw', 'trend', 'personal', 'trend-2']);
  });

  it('never yields a record that a single decide would deny', () => {
    const policy = createPolicy();
    const many = Array.from({ length: 50 }, (_, i) =>
      parseRecord({ ...JSON.parse(JSON.stringify(i % 2 ? raw : personal)), id: `r-${i}` }),
    );
    for (const request of [
      { action: 'license', recipient: 'third-party', at },
      { action: 'disclose', recipient: 'subcontractor', purpose: 'incidental', at },
      { action: 'retain', at: new Date('2022-03-16T00:00:00+09:00') },
    ] as const) {
      const yielded = new Set([...policy.filterPermitted(many, request)].map((r) => r.id));
      for (const r of many) expect(yielded.has(r.id)).toBe(policy.decide({ ...request, data: r }).allowed);
    }
  });
});
