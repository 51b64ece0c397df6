import { describe, expect, it } from 'vitest';
import {
  DATA_KINDS,
  type DataKind,
  dataRecord,
  PolicyInputError,
  type PolicyIssue,
  parseRecord,
  safeParseRecord,
} from '../../src/index.js';

/** One valid record of each kind (SPEC §2), as it would arrive as JSON. */
const EXAMPLES: Record<DataKind, Record<string, unknown>> = {
  measurement: {
    kind: 'measurement',
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2021-03-15T09:59:00+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'possible',
    value: 0.12,
    unit: 'mA',
    retentionExtensions: [
      {
        decidedAt: '2022-03-01T09:00:00+09:00',
        reason: 'fault investigation',
        until: '2023-03-16T00:00:00+09:00',
      },
      { decidedAt: '2022-03-02T09:00:00+09:00', reason: 'litigation hold' },
    ],
  },
  derived: {
    kind: 'derived',
    id: 'd-1',
    sources: ['m-1', 'm-2'],
    processedBy: 'provider',
    processedAt: '2021-04-01T09:00:00+09:00',
  },
  'user-information': {
    kind: 'user-information',
    id: 'u-1',
    subject: 'employee',
    source: 'application',
    collectedAt: '2020-04-01T09:00:00+09:00',
  },
  confidential: {
    kind: 'confidential',
    id: 's-1',
    disclosedBy: 'user',
    disclosedAt: '2021-05-10T10:00:00+09:00',
    designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' },
    scopeSpecified: true,
    marked: true,
    exception: 'public',
  },
  anonymized: {
    kind: 'anonymized',
    id: 'a-1',
    sources: ['m-1', 'u-1'],
    createdAt: '2021-06-01T00:00:00+09:00',
    itemCategories: ['region', 'leakage-current'],
  },
  statistical: {
    kind: 'statistical',
    id: 'st-1',
    sources: ['m-1'],
    createdAt: '2021-06-01T00:00:00+09:00',
  },
  'provider-content': {
    kind: 'provider-content',
    id: 'pc-1',
    publishedAt: '2021-01-01T00:00:00+09:00',
  },
};

const example = (kind: DataKind, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  ...structuredClone(EXAMPLES[kind]),
  ...overrides,
});

/** The issues `safeParseRecord` reports; fails the test when it accepts the input. */
function issuesOf(input: unknown): readonly PolicyIssue[] {
  const result = safeParseRecord(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  return result.issues;
}

const pathsOf = (issues: readonly PolicyIssue[]) => issues.map((i) => i.path);

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

describe('parseRecord', () => {
  it('knows exactly the seven kinds of SPEC §2, in its order, and the schema the same', () => {
    expect(dataRecord.options.map((o) => o.shape.kind.value)).toEqual([...DATA_KINDS]);
    expect(DATA_KINDS).toEqual([
      'measurement',
      'derived',
      'user-information',
      'confidential',
      'anonymized',
      'statistical',
      'provider-content',
    ]);
  });

  it.each(DATA_KINDS)('parses a valid %s record (SPEC §2)', (kind) => {
    const record = parseRecord(example(kind));
    expect(record.kind).toBe(kind);
    expect(record.id).toBe(EXAMPLES[kind].id);
  });

  it('reads a measurement record into Dates and keeps its values (2(2), 13(4))', () => {
    const record = parseRecord(example('measurement'));
    if (record.kind !== 'measurement') throw new Error('expected a measurement');
    expect(record.measuredAt).toBeInstanceOf(Date);
    expect(record.measuredAt.toISOString()).toBe('2021-03-15T00:59:00.000Z');
    expect(record.receivedAt.toISOString()).toBe('2021-03-15T01:00:00.000Z');
    expect(record.contractId).toBe('C-1');
    expect(record.metric).toBe('leakage-current');
    expect(record.personalData).toBe('possible');
    expect(record.value).toBe(0.12);
    expect(record.unit).toBe('mA');
    expect(record.retentionExtensions).toHaveLength(2);
    const [first, second] = record.retentionExtensions ?? [];
    expect(first?.decidedAt).toBeInstanceOf(Date);
    expect(first?.decidedAt.toISOString()).toBe('2022-03-01T00:00:00.000Z');
    expect(first?.until?.toISOString()).toBe('2023-03-15T15:00:00.000Z');
    expect(first?.reason).toBe('fault investigation');
    expect(second?.until).toBeUndefined();
  });

  it('reads a confidential record with its designation (2(2)(6), 32(1))', () => {
    const record = parseRecord(example('confidential'));
    if (record.kind !== 'confidential') throw new Error('expected a confidential record');
    expect(record.disclosedAt.toISOString()).toBe('2021-05-10T01:00:00.000Z');
    expect(record.designation?.method).toBe('written');
    expect(record.designation?.at).toBeInstanceOf(Date);
    expect(record.designation?.at.toISOString()).toBe('2021-05-09T01:00:00.000Z');
    expect(record.scopeSpecified).toBe(true);
    expect(record.marked).toBe(true);
    expect(record.exception).toBe('public');
  });

  it('accepts a confidential record whose designation is null (not designated, 2(2)(6))', () => {
    const record = parseRecord(example('confidential', { designation: null, exception: undefined }));
    if (record.kind !== 'confidential') throw new Error('expected a confidential record');
    expect(record.designation).toBeNull();
    expect(record.exception).toBeUndefined();
  });

  it('reads the timestamps of every other kind into Dates', () => {
    const derived = parseRecord(example('derived'));
    const user = parseRecord(example('user-information'));
    const anonymized = parseRecord(example('anonymized'));
    const statistical = parseRecord(example('statistical'));
    const content = parseRecord(example('provider-content'));
    if (
      derived.kind !== 'derived' ||
      user.kind !== 'user-information' ||
      anonymized.kind !== 'anonymized' ||
      statistical.kind !== 'statistical' ||
      content.kind !== 'provider-content'
    ) {
      throw new Error('expected each kind back');
    }
    expect(derived.processedAt.toISOString()).toBe('2021-04-01T00:00:00.000Z');
    expect(derived.sources).toEqual(['m-1', 'm-2']);
    expect(user.collectedAt.toISOString()).toBe('2020-04-01T00:00:00.000Z');
    expect(user.subject).toBe('employee');
    expect(anonymized.createdAt).toBeInstanceOf(Date);
    expect(anonymized.itemCategories).toEqual(['region', 'leakage-current']);
    expect(statistical.createdAt.toISOString()).toBe('2021-05-31T15:00:00.000Z');
    expect(content.publishedAt.toISOString()).toBe('2020-12-31T15:00:00.000Z');
  });

  it('accepts Date objects as well as ISO strings for timestamps, copying them', () => {
    const receivedAt = new Date('2021-03-15T10:00:00+09:00');
    const record = parseRecord(example('measurement', { receivedAt }));
    if (record.kind !== 'measurement') throw new Error('expected a measurement');
    expect(record.receivedAt).not.toBe(receivedAt);
    receivedAt.setTime(0);
    expect(record.receivedAt.toISOString()).toBe('2021-03-15T01:00:00.000Z');
  });

  it('defaults the personalData of derived data to none (SPEC §2)', () => {
    const record = parseRecord(example('derived'));
    if (record.kind !== 'derived') throw new Error('expected derived data');
    expect(record.personalData).toBe('none');
    const personal = parseRecord(example('derived', { personalData: 'yes' }));
    if (personal.kind !== 'derived') throw new Error('expected derived data');
    expect(personal.personalData).toBe('yes');
  });

  it('drops unknown keys, at the top and inside nested objects', () => {
    const record = parseRecord(
      example('confidential', {
        secretPayload: 'do not keep',
        designation: { method: 'electronic', at: '2021-05-09T10:00:00+09:00', signer: 'x' },
      }),
    );
    expect(record).not.toHaveProperty('secretPayload');
    if (record.kind !== 'confidential') throw new Error('expected a confidential record');
    expect(record.designation).not.toHaveProperty('signer');
  });

  it('drops a __proto__ key from JSON without touching the prototype', () => {
    const input = JSON.parse(
      '{"kind":"provider-content","id":"pc-1","publishedAt":"2021-01-01T00:00:00+09:00","__proto__":{"polluted":true}}',
    );
    const record = parseRecord(input);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record).sort()).toEqual(['id', 'kind', 'publishedAt']);
    expect((record as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses an unknown kind at path [kind] with code unknown-kind', () => {
    const issues = issuesOf({ kind: 'sensor-reading', id: 'x-1' });
    expect(issues).toEqual([expect.objectContaining({ path: ['kind'], code: 'unknown-kind' })]);
  });

  it('refuses a record without a kind at path [kind]', () => {
    expect(pathsOf(issuesOf({ id: 'x-1' }))).toEqual([['kind']]);
  });

  it.each(['', ' ', '\t\n  '])('refuses the blank id %j with code blank-string', (id) => {
    const issues = issuesOf(example('provider-content', { id }));
    expect(issues).toEqual([expect.objectContaining({ path: ['id'], code: 'blank-string' })]);
  });

  it('refuses a timestamp without an offset, with its path', () => {
    const issues = issuesOf(example('measurement', { receivedAt: '2021-03-15T10:00:00' }));
    expect(issues).toEqual([
      expect.objectContaining({ path: ['receivedAt'], code: 'timestamp-without-offset' }),
    ]);
  });

  it('refuses an impossible date (2021-02-30), with its path', () => {
    const issues = issuesOf(example('measurement', { measuredAt: '2021-02-30T10:00:00+09:00' }));
    expect(issues).toEqual([expect.objectContaining({ path: ['measuredAt'], code: 'impossible-date' })]);
  });

  it('refuses an invalid Date object, with its path', () => {
    const issues = issuesOf(example('provider-content', { publishedAt: new Date(Number.NaN) }));
    expect(issues).toEqual([expect.objectContaining({ path: ['publishedAt'], code: 'invalid-date' })]);
  });

  it('reports every missing field of a measurement at once, each with its path', () => {
    const issues = issuesOf({ kind: 'measurement', id: 'm-1', metric: 'water-level' });
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining([['contractId'], ['measuredAt'], ['receivedAt'], ['personalData']]),
    );
    expect(issues).toHaveLength(4);
  });

  it('reports every problem of every kind at once: blank id, bad enum, offset, calendar, nested extension', () => {
    const issues = issuesOf({
      kind: 'measurement',
      id: ' ',
      contractId: '',
      metric: 'temperature',
      measuredAt: '2021-02-30T00:00:00+09:00',
      receivedAt: '2021-03-15T10:00:00',
      personalData: 'maybe',
      retentionExtensions: [
        { decidedAt: '2022-03-01T09:00:00+09:00', reason: 'ok' },
        { decidedAt: 'soon', reason: '' },
      ],
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        [['id'], 'blank-string'],
        [['contractId'], 'blank-string'],
        [['metric'], expect.any(String)],
        [['measuredAt'], 'impossible-date'],
        [['receivedAt'], 'timestamp-without-offset'],
        [['personalData'], expect.any(String)],
        [['retentionExtensions', 1, 'decidedAt'], 'invalid-timestamp'],
        [['retentionExtensions', 1, 'reason'], 'blank-string'],
      ]),
    );
    expect(issues).toHaveLength(8);
    for (const issue of issues) expect(issue.message).toMatch(/\S/);
  });

  it('reports problems nested in a confidential designation with the full path', () => {
    const issues = issuesOf(
      example('confidential', { designation: { method: 'oral', at: '2021-05-09T10:00:00' } }),
    );
    expect(pathsOf(issues)).toEqual(
      expect.arrayContaining([
        ['designation', 'method'],
        ['designation', 'at'],
      ]),
    );
  });

  it('refuses derived data with no sources (2(5): made from measurement data)', () => {
    const issues = issuesOf(example('derived', { sources: [] }));
    expect(pathsOf(issues)).toEqual([['sources']]);
  });

  it('refuses a blank source id with its index in the path', () => {
    const issues = issuesOf(example('derived', { sources: ['m-1', ' '] }));
    expect(issues).toEqual([expect.objectContaining({ path: ['sources', 1], code: 'blank-string' })]);
  });

  it('refuses a retention extension whose until is not after its decidedAt (13(4))', () => {
    for (const until of ['2022-03-01T09:00:00+09:00', '2022-02-28T09:00:00+09:00']) {
      const issues = issuesOf(
        example('measurement', {
          retentionExtensions: [{ decidedAt: '2022-03-01T09:00:00+09:00', reason: 'investigation', until }],
        }),
      );
      expect(pathsOf(issues)).toEqual([['retentionExtensions', 0, 'until']]);
    }
  });

  it('accepts a retention extension ending one millisecond after it is decided', () => {
    expect(
      safeParseRecord(
        example('measurement', {
          retentionExtensions: [
            {
              decidedAt: '2022-03-01T09:00:00.000+09:00',
              reason: 'investigation',
              until: '2022-03-01T09:00:00.001+09:00',
            },
          ],
        }),
      ).success,
    ).toBe(true);
  });

  it('refuses input that is not an object at the root path', () => {
    for (const input of [null, undefined, 'measurement', 42, []]) {
      const result = safeParseRecord(input);
      expect(result.success).toBe(false);
    }
  });

  it('deep-freezes the record it returns: the record, nested objects and arrays', () => {
    const measurement = parseRecord(example('measurement'));
    expect(Object.isFrozen(measurement)).toBe(true);
    if (measurement.kind !== 'measurement') throw new Error('expected a measurement');
    expect(Object.isFrozen(measurement.retentionExtensions)).toBe(true);
    expect(Object.isFrozen(measurement.retentionExtensions?.[0])).toBe(true);
    expect(Object.isFrozen(measurement.receivedAt)).toBe(true);

    const derived = parseRecord(example('derived'));
    if (derived.kind !== 'derived') throw new Error('expected derived data');
    expect(Object.isFrozen(derived.sources)).toBe(true);
    expect(() => (derived.sources as string[]).push('m-3')).toThrow(TypeError);

    const confidential = parseRecord(example('confidential'));
    if (confidential.kind !== 'confidential') throw new Error('expected a confidential record');
    expect(Object.isFrozen(confidential.designation)).toBe(true);

    const anonymized = parseRecord(example('anonymized'));
    if (anonymized.kind !== 'anonymized') throw new Error('expected anonymized information');
    expect(Object.isFrozen(anonymized.itemCategories)).toBe(true);
  });

  it('throws PolicyInputError (invalid-input) carrying every issue', () => {
    try {
      parseRecord({ kind: 'measurement', id: 'm-1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyInputError);
      const error = e as PolicyInputError;
      expect(error.code).toBe('invalid-input');
      expect(pathsOf(error.issues)).toEqual(
        expect.arrayContaining([
          ['contractId'],
          ['metric'],
          ['measuredAt'],
          ['receivedAt'],
          ['personalData'],
        ]),
      );
      expect(error.issues).toHaveLength(5);
    }
  });

  it('returns the same object when given a record it already parsed', () => {
    for (const kind of DATA_KINDS) {
      const record = parseRecord(example(kind));
      expect(parseRecord(record)).toBe(record);
    }
  });

  it('does not trust a copy of a parsed record: it parses it again into a new frozen record', () => {
    const record = parseRecord(example('provider-content'));
    const copy = { ...record };
    const again = parseRecord(copy);
    expect(again).not.toBe(copy);
    expect(again).toEqual(record);
    expect(Object.isFrozen(copy)).toBe(false);
  });

  it('never mutates its input', () => {
    for (const kind of DATA_KINDS) {
      const input = example(kind, { extra: { nested: [1, 2] } });
      const before = structuredClone(input);
      parseRecord(input);
      expect(input).toStrictEqual(before);
      expect(Object.isFrozen(input)).toBe(false);
    }
  });

  it('parses a deeply frozen input without trying to write to it', () => {
    for (const kind of DATA_KINDS) {
      expect(parseRecord(deepFreeze(example(kind))).kind).toBe(kind);
    }
  });

  it('does not mutate the input when it refuses it', () => {
    const input = example('measurement', { receivedAt: '2021-03-15T10:00:00', unknownKey: 1 });
    const before = structuredClone(input);
    expect(() => parseRecord(input)).toThrow(PolicyInputError);
    expect(input).toStrictEqual(before);
  });
});

describe('safeParseRecord', () => {
  it.each(DATA_KINDS)('returns success with a frozen %s record', (kind) => {
    const result = safeParseRecord(example(kind));
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.data.kind).toBe(kind);
    expect(Object.isFrozen(result.data)).toBe(true);
  });

  it('never throws, returning every issue instead', () => {
    const result = safeParseRecord({ kind: 'derived', id: '', sources: [], processedAt: '2021-04-01' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(pathsOf(result.issues)).toEqual(
      expect.arrayContaining([['id'], ['sources'], ['processedBy'], ['processedAt']]),
    );
    expect(result.issues).toHaveLength(4);
  });

  it('reports an unknown kind at [kind] with code unknown-kind', () => {
    const result = safeParseRecord({ kind: 'photo', id: 'p-1' });
    expect(result).toEqual({
      success: false,
      issues: [expect.objectContaining({ path: ['kind'], code: 'unknown-kind' })],
    });
  });

  it('gives the same answer as parseRecord for an already-parsed record', () => {
    const record = parseRecord(example('statistical'));
    const result = safeParseRecord(record);
    expect(result.success && result.data).toBe(record);
  });

  it('returns plain, serializable issues with string or number path segments', () => {
    const result = safeParseRecord(example('measurement', { retentionExtensions: [{ reason: 'x' }] }));
    expect(result.success).toBe(false);
    if (result.success) return;
    for (const issue of result.issues) {
      expect(typeof issue.code).toBe('string');
      expect(issue.code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      for (const segment of issue.path) expect(['string', 'number']).toContain(typeof segment);
    }
    expect(JSON.parse(JSON.stringify(result.issues))).toEqual(result.issues);
  });
});
