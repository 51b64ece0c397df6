import fc from 'fast-check';
import { anonymized, derived, measurement, statistical } from 'm2m-data-policy/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type DataRecord, PolicyInputError, type RetentionSweep, sweepRetention } from '../../src/index.js';

// A retention job under 13(4): each record sorted into keep / extended / expired at one instant, with the
// instant its holding is due to end, and nothing of the record but its id (SPEC §5).

const d = (iso: string): Date => new Date(iso);

/** The instant of the sweep: the year of data received 2021-03-15 10:00 JST ends here. */
const AT = d('2022-03-16T00:00:00+09:00');

const RECORDS: readonly DataRecord[] = [
  // Received 2021-03-15 10:00 JST: the year ended at AT.
  measurement({ id: 'm-expired' }),
  // Received at 00:00 JST: the day of receipt counts (Civil Code 140), so this year ended at AT too.
  measurement({ id: 'm-midnight', receivedAt: '2021-03-16T00:00:00+09:00' }),
  // A millisecond later, the first day is 2021-03-17: held to 2022-03-17 00:00.
  measurement({ id: 'm-keep', receivedAt: '2021-03-16T00:00:00.001+09:00' }),
  // Extended before its year ended (2022-03-02), until 2022-09-01.
  measurement({
    id: 'm-extended',
    receivedAt: '2021-03-01T10:00:00+09:00',
    retentionExtensions: [
      {
        decidedAt: '2022-02-20T09:00:00+09:00',
        reason: 'fault investigation',
        until: '2022-09-01T00:00:00+09:00',
      },
    ],
  }),
  // Extended without end.
  measurement({
    id: 'm-open',
    receivedAt: '2021-01-10T10:00:00+09:00',
    retentionExtensions: [{ decidedAt: '2022-01-05T09:00:00+09:00', reason: 'litigation hold' }],
  }),
  // Its year ended 2022-03-11; the extension is decided only after AT: in the gap, expired.
  measurement({
    id: 'm-gap',
    receivedAt: '2021-03-10T10:00:00+09:00',
    retentionExtensions: [{ decidedAt: '2022-03-20T09:00:00+09:00', reason: 'audit request' }],
  }),
  derived({ id: 'd-1' }),
  anonymized({ id: 'a-1' }),
  statistical({ id: 'st-1' }),
];

const EXPECTED: RetentionSweep = {
  malformed: [],
  keep: [
    { id: 'm-keep', dueAt: d('2022-03-17T00:00:00+09:00') },
    { id: 'd-1', dueAt: null },
    { id: 'a-1', dueAt: null },
    { id: 'st-1', dueAt: null },
  ],
  extended: [
    { id: 'm-extended', dueAt: d('2022-09-01T00:00:00+09:00') },
    { id: 'm-open', dueAt: null },
  ],
  expired: [
    { id: 'm-expired', dueAt: d('2022-03-16T00:00:00+09:00') },
    { id: 'm-midnight', dueAt: d('2022-03-16T00:00:00+09:00') },
    { id: 'm-gap', dueAt: d('2022-03-11T00:00:00+09:00') },
  ],
};

const json = (record: DataRecord): unknown => JSON.parse(JSON.stringify(record));

/** A measurement whose receipt time has no offset, which is refused (SPEC §2). */
const MALFORMED = { ...(json(measurement({ id: 'm-bad' })) as object), receivedAt: '2021-03-15T10:00:00' };

function* generate<T>(items: Iterable<T>): Generator<T> {
  yield* items;
}

async function* stream<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

function inputErrorOf(f: () => unknown): PolicyInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof PolicyInputError) return e;
    throw e;
  }
  return expect.fail('expected a PolicyInputError');
}

describe('sweepRetention', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  describe('classification under 13(4)', () => {
    it('sorts an array into keep, extended and expired, each with its due date (13(4))', () => {
      expect(sweepRetention(RECORDS, AT)).toEqual(EXPECTED);
    });

    it('keeps data within its year until 2022-03-15T23:59:59.999+09:00 and expires it at 2022-03-16T00:00:00+09:00 (13(4))', () => {
      const one = [measurement({ id: 'm-1' })];
      expect(sweepRetention(one, d('2022-03-15T23:59:59.999+09:00'))).toEqual({
        keep: [{ id: 'm-1', dueAt: d('2022-03-16T00:00:00+09:00') }],
        extended: [],
        expired: [],
        malformed: [],
      });
      expect(sweepRetention(one, d('2022-03-16T00:00:00+09:00'))).toEqual({
        keep: [],
        extended: [],
        expired: [{ id: 'm-1', dueAt: d('2022-03-16T00:00:00+09:00') }],
        malformed: [],
      });
    });

    it('keeps derived, anonymized and statistical data with no due date: they are not received data (13(4), 31(3))', () => {
      const result = sweepRetention(RECORDS.slice(6), d('2040-01-01T00:00:00+09:00'));
      expect(result.keep.map((e) => e.id)).toEqual(['d-1', 'a-1', 'st-1']);
      expect(result.keep.every((e) => e.dueAt === null)).toBe(true);
      expect(result.extended).toEqual([]);
      expect(result.expired).toEqual([]);
    });

    it('moves data held under an extension to expired at its `until`, which is exclusive (13(4))', () => {
      const extended = [RECORDS[3]];
      expect(sweepRetention(extended, d('2022-08-31T23:59:59.999+09:00')).extended.map((e) => e.id)).toEqual([
        'm-extended',
      ]);
      expect(sweepRetention(extended, d('2022-09-01T00:00:00+09:00')).expired.map((e) => e.id)).toEqual([
        'm-extended',
      ]);
    });

    it('returns empty lists for no records', () => {
      expect(sweepRetention([], AT)).toEqual({ keep: [], extended: [], expired: [], malformed: [] });
    });

    it('takes `at` from the clock when it is omitted', () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(AT);
      expect(sweepRetention(RECORDS)).toEqual(EXPECTED);
    });
  });

  describe('sources', () => {
    it('sweeps a generator, reading it through once', () => {
      expect(sweepRetention(generate(RECORDS), AT)).toEqual(EXPECTED);
    });

    it('sweeps a Set', () => {
      expect(sweepRetention(new Set(RECORDS), AT)).toEqual(EXPECTED);
    });

    it('sweeps an async generator (a cursor, a stream) and then returns a Promise', async () => {
      const pending = sweepRetention(stream(RECORDS), AT);
      expect(pending).toBeInstanceOf(Promise);
      await expect(pending).resolves.toEqual(EXPECTED);
    });

    it('returns a plain result, not a Promise, for a synchronous iterable', () => {
      expect(sweepRetention(RECORDS, AT)).not.toBeInstanceOf(Promise);
    });

    it('sweeps records straight from JSON, timestamps as ISO strings with an offset (SPEC §2)', () => {
      expect(sweepRetention(RECORDS.map(json), AT)).toEqual(EXPECTED);
    });
  });

  describe('result', () => {
    it('holds ids and due dates, never the records themselves (SPEC §5)', () => {
      const result = sweepRetention(RECORDS, AT);
      const entries = [...result.keep, ...result.extended, ...result.expired];
      expect(entries).toHaveLength(RECORDS.length);
      for (const entry of entries) {
        expect(Object.keys(entry).sort()).toEqual(['dueAt', 'id']);
        expect(typeof entry.id).toBe('string');
        expect(RECORDS).not.toContain(entry);
      }
    });

    it('does not change the records it sweeps', () => {
      const before = RECORDS.map(json);
      sweepRetention(RECORDS, AT);
      expect(RECORDS.map(json)).toEqual(before);
    });
  });

  describe('malformed input', () => {
    it('throws PolicyInputError for a malformed record, with its index at the head of the path', () => {
      const error = inputErrorOf(() => sweepRetention([RECORDS[0], json(measurement()), MALFORMED], AT));
      expect(error.code).toBe('invalid-input');
      expect(error.issues.length).toBeGreaterThan(0);
      for (const issue of error.issues) expect(issue.path[0]).toBe(2);
      expect(error.issues.some((i) => i.path.at(-1) === 'receivedAt')).toBe(true);
    });

    it('throws PolicyInputError for a malformed record from a generator, with its index', () => {
      const error = inputErrorOf(() => sweepRetention(generate([MALFORMED, RECORDS[0]]), AT));
      expect(error.issues[0]?.path[0]).toBe(0);
    });

    it('rejects with PolicyInputError for a malformed record from an async generator, with its index', async () => {
      const pending = sweepRetention(stream([RECORDS[0], RECORDS[1], RECORDS[2], MALFORMED]), AT);
      await expect(pending).rejects.toBeInstanceOf(PolicyInputError);
      const error = await pending.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PolicyInputError);
      if (error instanceof PolicyInputError) expect(error.issues[0]?.path[0]).toBe(3);
    });

    it('throws PolicyInputError for something that is not a record at all', () => {
      const error = inputErrorOf(() => sweepRetention([RECORDS[0], null], AT));
      expect(error.issues[0]?.path[0]).toBe(1);
    });

    it('throws PolicyInputError for an invalid `at`', () => {
      expect(() => sweepRetention(RECORDS, new Date(Number.NaN))).toThrow(PolicyInputError);
    });
  });
});

describe('sweepRetention: an invalid instant and shared due dates', () => {
  it('reports an invalid instant as one issue at `at` (SPEC §3 PolicyInputError)', () => {
    try {
      sweepRetention([], d('not a date'));
      expect.fail('expected a PolicyInputError');
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      const issues = (e as PolicyInputError).issues;
      expect(issues.map((i) => [i.path, i.code])).toEqual([[['at'], 'invalid-date']]);
      expect(issues[0]?.message).toMatch(/\S/);
    }
  });

  it('gives records received on the same day one frozen due date, even when other days come between (13(4))', () => {
    const sweep = sweepRetention(
      [
        measurement({ id: 'a', receivedAt: '2021-03-15T10:00:00+09:00' }),
        measurement({ id: 'b', receivedAt: '2021-03-20T10:00:00+09:00' }),
        measurement({ id: 'c', receivedAt: '2021-03-15T18:00:00+09:00' }),
      ],
      d('2021-06-01T10:00:00+09:00'),
    );
    expect(sweep.keep.map((e) => e.id)).toEqual(['a', 'b', 'c']);
    expect(sweep.keep[0]?.dueAt).toEqual(d('2022-03-16T00:00:00+09:00'));
    expect(sweep.keep[2]?.dueAt).toBe(sweep.keep[0]?.dueAt);
    expect(Object.isFrozen(sweep.keep[0]?.dueAt)).toBe(true);
  });
});

describe("sweepRetention({ onMalformed: 'collect' }): a nightly job that does not stop at one bad row", () => {
  const collect = { onMalformed: 'collect' } as const;

  it('lists a malformed record with its index, its id and its issues, and sweeps the rest', () => {
    const sweep = sweepRetention([RECORDS[0], MALFORMED, null, ...RECORDS.slice(1)], AT, collect);
    expect(sweep.malformed.map((m) => [m.index, m.id])).toEqual([
      [1, 'm-bad'],
      [2, null],
    ]);
    expect(sweep.malformed[0]?.issues.map((i) => [i.path, i.code])).toEqual([
      [['receivedAt'], 'timestamp-without-offset'],
    ]);
    const { malformed: _, ...states } = sweep;
    expect(states).toEqual({ keep: EXPECTED.keep, extended: EXPECTED.extended, expired: EXPECTED.expired });
  });

  it('collects from an async cursor too', async () => {
    const sweep = await sweepRetention(stream([MALFORMED, RECORDS[0]]), AT, collect);
    expect(sweep.malformed.map((m) => m.index)).toEqual([0]);
    expect(sweep.expired.map((e) => e.id)).toEqual(['m-expired']);
  });

  it('still fails closed by default, and with onMalformed: throw', () => {
    expect(() => sweepRetention([MALFORMED], AT)).toThrow(PolicyInputError);
    expect(() => sweepRetention([MALFORMED], AT, { onMalformed: 'throw' })).toThrow(PolicyInputError);
  });

  it('refuses an onMalformed it does not know, rather than reading it as the default', () => {
    for (const options of [{ onMalformed: 'skip' }, 'collect', null]) {
      const error = inputErrorOf(() => sweepRetention([], AT, options as never));
      expect(error.issues[0]?.code).toMatch(/^invalid-(value|type)$/);
    }
  });

  it("reads a malformed record's id without calling its getters", () => {
    let calls = 0;
    const record = {
      kind: 'measurement',
      get id() {
        calls++;
        return 'm-getter';
      },
    };
    const sweep = sweepRetention([record], AT, collect);
    expect(sweep.malformed[0]?.id).toBeNull();
    expect(calls).toBe(1); // the parser's one reading, none for the report
  });

  it('bounds the issues it lists per record: a million empty sources are ten issues and a count', () => {
    const huge = {
      kind: 'statistical',
      id: 's-huge',
      createdAt: '2021-04-01T09:00:00+09:00',
      sources: new Array(1_000_000).fill(''),
    };
    const sweep = sweepRetention([huge], AT, collect);
    const issues = sweep.malformed[0]?.issues ?? [];
    expect(issues).toHaveLength(11);
    expect(issues.at(-1)?.code).toBe('too-many-issues');
  }, 60_000);

  it('accounts for every record: keep + extended + expired + malformed = input', () => {
    const pool = [
      ...RECORDS,
      ...RECORDS.map(json),
      MALFORMED,
      null,
      42,
      {},
      { kind: 'measurement', id: 'x' },
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 40 }), (input) => {
        const s = sweepRetention(input, AT, collect);
        expect(s.keep.length + s.extended.length + s.expired.length + s.malformed.length).toBe(input.length);
        const indices = s.malformed.map((m) => m.index);
        expect(indices).toEqual([...indices].sort((a, b) => a - b));
      }),
    );
  });
});
