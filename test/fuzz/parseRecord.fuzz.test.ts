import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DATA_KINDS,
  type DataRecord,
  PolicyInputError,
  parseRecord,
  safeParseRecord,
} from '../../src/index.js';
import { MB, settledHeap, timed } from './budget.js';

// parseRecord is the outside boundary: whatever arrives — random values, mutated JSON, megabyte strings, ten
// thousand levels of nesting, numbers JSON cannot write — is either a record or a PolicyInputError. No other
// exception escapes, no input takes long, and nothing read is held on to.

/** Per-case budget for small inputs: generous for a shared 2-core machine, far below anything that hangs. */
const SMALL_CASE_MS = 250;
/** Per-case budget for the megabyte-sized inputs. */
const LARGE_CASE_MS = 2_000;

const tally = new Map<string, number>();
const count = (kind: string, n = 1) => tally.set(kind, (tally.get(kind) ?? 0) + n);

const KINDS: readonly string[] = DATA_KINDS;

/** Every Date inside a value is a real, valid Date. */
function datesValid(value: unknown, depth = 0): boolean {
  if (depth > 6) return true;
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (value !== null && typeof value === 'object')
    return Object.values(value).every((v) => datesValid(v, depth + 1));
  return true;
}

/**
 * Parses `input`, asserting the outcome is a well-formed frozen record or a PolicyInputError with issues, and
 * that safeParseRecord agrees. Any other exception fails the case.
 */
function outcomeOf(input: unknown): 'parsed' | 'refused' {
  let record: DataRecord;
  try {
    record = parseRecord(input);
  } catch (e) {
    if (!(e instanceof PolicyInputError)) throw e;
    expect(e.issues.length).toBeGreaterThan(0);
    for (const issue of e.issues) {
      expect(typeof issue.code).toBe('string');
      expect(Array.isArray(issue.path)).toBe(true);
    }
    expect(safeParseRecord(input).success).toBe(false);
    return 'refused';
  }
  expect(KINDS).toContain(record.kind);
  expect(Object.isFrozen(record)).toBe(true);
  expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  expect(Object.hasOwn(record, '__proto__')).toBe(false);
  expect(datesValid(record)).toBe(true);
  expect(typeof record.id === 'string' && /\S/.test(record.id)).toBe(true);
  expect(parseRecord(record)).toBe(record);
  expect(safeParseRecord(input).success).toBe(true);
  return 'parsed';
}

/** `outcomeOf` within a time budget. */
function budgeted(input: unknown, budgetMs = SMALL_CASE_MS): 'parsed' | 'refused' {
  const { value, ms } = timed(() => outcomeOf(input));
  expect(ms).toBeLessThan(budgetMs);
  return value;
}

const VALID: Record<string, Record<string, unknown>> = {
  measurement: {
    kind: 'measurement',
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2021-03-15T09:59:30+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'possible',
    value: 12.4,
    unit: 'mA',
    retentionExtensions: [
      {
        decidedAt: '2022-03-01T09:00:00+09:00',
        reason: 'fault investigation',
        until: '2023-03-16T00:00:00Z',
      },
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
    itemCategories: ['region'],
  },
  statistical: { kind: 'statistical', id: 'st-1', sources: ['m-1'], createdAt: '2021-06-01T00:00:00Z' },
  'provider-content': { kind: 'provider-content', id: 'pc-1', publishedAt: '2021-01-01T00:00:00+09:00' },
};
const VALID_TEXTS = Object.values(VALID).map((r) => JSON.stringify(r));

describe('parseRecord (fuzz)', () => {
  afterAll(() => {
    const summary = [...tally].map(([k, n]) => `${k}: ${n}`).join(', ');
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.info(`parseRecord fuzz cases run: ${total} (${summary})`);
  });

  it('accepts every valid sample, the sanity check of the fuzz oracle', () => {
    for (const text of VALID_TEXTS) expect(budgeted(JSON.parse(text))).toBe('parsed');
  });

  it('parses or refuses 2,000 random values (1,000 JSON values, 1,000 of anything: NaN, -0, Maps, null prototypes…)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        budgeted(v);
        count('random JSON value');
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.anything({
          maxDepth: 4,
          withBigInt: true,
          withBoxedValues: true,
          withDate: true,
          withMap: true,
          withSet: true,
          withNullPrototype: true,
          withObjectString: true,
          withSparseArray: true,
          withTypedArray: true,
          withUnicodeString: true,
        }),
        (v) => {
          budgeted(v);
          count('random value of any type');
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('parses or refuses 2,000 records with fields replaced, deleted, or added (random values, null prototypes, fake Dates)', () => {
    const wild = fc.oneof(
      fc.anything({ maxDepth: 3, withDate: true, withNullPrototype: true, withBoxedValues: true }),
      fc.constantFrom<unknown>(
        Number.NaN,
        -0,
        Infinity,
        -Infinity,
        1e308,
        Number.MAX_VALUE,
        Number.MIN_VALUE,
        2 ** 53 + 2,
        '',
        ' ',
        '\u0000',
        '\uFFFD',
        '\uD800',
        'NaN',
        '2021-02-29T10:00:00+09:00',
        '2021-06-01T10:00:00.999999999999+09:00',
        '2021-06-01 10:00:00z',
        '2021-06-01t10:00+0900',
        '+275760-09-13T00:00:00Z',
        '9999-12-31T23:59:59.999-23:59',
        '0000-01-01T00:00:00+23:59',
        '2021-06-01T10:00:00+09:60',
        '2021-06-01T10:00:00+09',
      ),
      fc.constant(null).map(() => new Date(Number.NaN)),
      fc.constant(null).map(() => new Date(8.64e15)),
      fc.constant(null).map(() => Object.create(Date.prototype)),
      fc.constant(null).map(() => Object.create(null)),
    );
    const mutation = fc.tuple(
      fc.constantFrom('replace', 'delete', 'add', 'nest'),
      fc.nat(),
      fc.string({ maxLength: 12 }),
      wild,
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(VALID)),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (kind, mutations, nullProto) => {
          const r: Record<string, unknown> = nullProto ? Object.create(null) : {};
          Object.assign(r, structuredClone(VALID[kind]));
          for (const [how, i, key, value] of mutations) {
            const keys = Object.keys(r);
            const target = keys[i % keys.length] as string;
            if (how === 'replace') r[target] = value;
            else if (how === 'delete') delete r[target];
            else if (how === 'add')
              Object.defineProperty(r, key, { value, enumerable: true, writable: true, configurable: true });
            else {
              const inner = r[target];
              if (inner !== null && typeof inner === 'object' && !Object.isFrozen(inner))
                (inner as Record<string, unknown>)[key] = value;
              else r[target] = [value];
            }
          }
          budgeted(r);
          count('mutated record fields');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('parses or refuses 2,000 records whose JSON text was mutated byte by byte', () => {
    const edit = fc.tuple(
      fc.constantFrom('flip', 'insert', 'delete', 'duplicate'),
      fc.nat(),
      fc.oneof(
        fc.constantFrom(
          '"',
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '\\',
          '0',
          '9',
          '-',
          'e',
          'Z',
          '+',
          ' ',
          'null',
          '__proto__',
        ),
        fc.string({ maxLength: 3, unit: 'binary' }),
      ),
    );
    let parsedAsJson = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID_TEXTS),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (text, edits) => {
          let t = text;
          for (const [how, i, s] of edits) {
            const at = i % (t.length + 1);
            if (how === 'flip') t = t.slice(0, at) + s + t.slice(at + 1);
            else if (how === 'insert') t = t.slice(0, at) + s + t.slice(at);
            else if (how === 'delete') t = t.slice(0, at) + t.slice(at + s.length + 1);
            else t = t.slice(0, at) + t.slice(at, at + 10).repeat(2) + t.slice(at + 10);
          }
          let value: unknown;
          try {
            value = JSON.parse(t);
          } catch {
            count('mutated JSON text (not JSON any more)');
            return;
          }
          parsedAsJson++;
          budgeted(value);
          count('mutated JSON text');
        },
      ),
      { numRuns: 2000 },
    );
    expect(parsedAsJson).toBeGreaterThan(100);
  });

  it('reads numbers JSON cannot hold (1e309, -0, NaN, Infinity) and extreme ones (1e308, 5e-324) in every field', () => {
    const numbers: unknown[] = [
      1e308,
      -1e308,
      Number.MAX_VALUE,
      Number.MIN_VALUE,
      5e-324,
      -0,
      0,
      Number.NaN,
      Infinity,
      -Infinity,
      2 ** 53,
      2 ** 53 + 2,
      -(2 ** 63),
      8.64e15,
      8.64e15 + 1,
      10n ** 30n,
      new Date(8.64e15),
      new Date(-8.64e15),
      new Date(8.64e15 + 1),
    ];
    const texts = ['1e309', '-1e309', '-0', '1e-400', '123456789012345678901234567890', '0.1e308', '1E+308'];
    let cases = 0;
    for (const record of Object.values(VALID)) {
      const fields = [...Object.keys(record), 'unknownKey'];
      for (const field of fields) {
        for (const n of numbers) {
          budgeted({ ...record, [field]: n });
          cases++;
        }
        if (field === 'designation' || field === 'retentionExtensions') {
          for (const n of numbers) {
            const nested =
              field === 'designation'
                ? { method: 'written', at: n }
                : [{ decidedAt: n, reason: 'r', until: n }];
            budgeted({ ...record, [field]: nested });
            cases++;
          }
        }
        for (const t of texts) {
          const text = JSON.stringify({ ...record, [field]: 0 }).replace(`"${field}":0`, `"${field}":${t}`);
          budgeted(JSON.parse(text));
          cases++;
        }
      }
    }
    // A measurement's value takes any finite number, -0 included; nothing infinite or NaN.
    expect(budgeted({ ...VALID.measurement, value: 1e308 })).toBe('parsed');
    expect(budgeted({ ...VALID.measurement, value: -0 })).toBe('parsed');
    expect(budgeted(JSON.parse(JSON.stringify(VALID.measurement).replace('12.4', '1e309')))).toBe('refused');
    expect(budgeted({ ...VALID.measurement, value: Number.NaN })).toBe('refused');
    count('huge and special numbers', cases + 4);
  });

  it('handles 1 MB strings in every string field: kept whole where valid, refused where not, each within 2 s', () => {
    const mb = 'x'.repeat(MB);
    const blank = ' \t'.repeat(MB / 2);
    const longFraction = `2021-06-01T10:00:00.${'9'.repeat(MB)}+09:00`;
    const longGarbage = `2021-06-01T10:00:00${'+'.repeat(MB)}`;
    const multibyte = '計'.repeat(MB / 3);
    const cases: [Record<string, unknown>, 'parsed' | 'refused'][] = [
      [{ ...VALID.measurement, id: mb }, 'parsed'],
      [{ ...VALID.measurement, id: multibyte }, 'parsed'],
      [{ ...VALID.measurement, id: blank }, 'refused'],
      [{ ...VALID.measurement, contractId: mb, unit: mb, value: mb }, 'parsed'],
      [{ ...VALID.measurement, metric: mb }, 'refused'],
      [{ ...VALID.measurement, receivedAt: longFraction }, 'parsed'],
      [{ ...VALID.measurement, receivedAt: longGarbage }, 'refused'],
      [{ ...VALID.measurement, receivedAt: mb }, 'refused'],
      [{ ...VALID.measurement, retentionExtensions: [{ decidedAt: longFraction, reason: mb }] }, 'parsed'],
      [
        { ...VALID.measurement, retentionExtensions: [{ decidedAt: longFraction, reason: blank }] },
        'refused',
      ],
      [{ ...VALID.derived, sources: [mb, mb, mb] }, 'parsed'],
      [{ ...VALID.derived, sources: Array.from({ length: 100_000 }, (_, i) => `m-${i}`) }, 'parsed'],
      [{ ...VALID.derived, sources: [...Array.from({ length: 100_000 }, () => 'm'), ''] }, 'refused'],
      [{ ...VALID.anonymized, itemCategories: [blank] }, 'refused'],
      [{ ...VALID.confidential, designation: { method: 'written', at: longGarbage } }, 'refused'],
      [{ ...VALID['provider-content'], kind: mb }, 'refused'],
      [{ ...VALID['provider-content'], [mb]: mb }, 'parsed'],
      [{ ...VALID['user-information'], subject: mb }, 'refused'],
    ];
    const before = settledHeap();
    for (const [input, expected] of cases) {
      // Through JSON text too, as a service receives it.
      expect(budgeted(input, LARGE_CASE_MS)).toBe(expected);
      expect(budgeted(JSON.parse(JSON.stringify(input)), LARGE_CASE_MS)).toBe(expected);
    }
    const parsed = parseRecord({ ...VALID.measurement, id: mb });
    expect(parsed.id.length).toBe(MB);
    count('1 MB strings', cases.length * 2);
    cases.length = 0;
    expect(settledHeap() - before).toBeLessThan(50 * MB);
  });

  it('handles 10,000 levels of nested arrays and objects anywhere in a record without overflowing the stack', () => {
    const depth = 10_000;
    const arrays = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const objects = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    const mixed = `${'[{"a":'.repeat(depth / 2)}1${'}]'.repeat(depth / 2)}`;
    const built = (() => {
      let v: unknown = 'leaf';
      for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v, kind: 'measurement' };
      return v;
    })();
    const fields = [
      'id',
      'kind',
      'value',
      'sources',
      'designation',
      'retentionExtensions',
      'receivedAt',
      'unknownKey',
      '__proto__',
    ];
    let cases = 0;
    for (const nested of [arrays, objects, mixed]) {
      expect(budgeted(JSON.parse(nested), LARGE_CASE_MS)).toBe('refused');
      cases++;
      for (const record of Object.values(VALID)) {
        for (const field of fields) {
          const text = JSON.stringify({ ...record, [field === '__proto__' ? '@@p' : field]: 0 }).replace(
            `"${field === '__proto__' ? '@@p' : field}":0`,
            `"${field}":${nested}`,
          );
          const outcome = budgeted(JSON.parse(text), LARGE_CASE_MS);
          // Nesting where the kind has the field is refused; anywhere else the key is unknown and dropped.
          expect(outcome).toBe(Object.hasOwn(record, field) ? 'refused' : 'parsed');
          cases++;
        }
      }
    }
    for (const record of Object.values(VALID)) {
      expect(budgeted({ ...record, id: built }, LARGE_CASE_MS)).toBe('refused');
      expect(budgeted({ ...record, unknownKey: built }, LARGE_CASE_MS)).toBe('parsed');
      cases += 2;
    }
    expect(budgeted(built, LARGE_CASE_MS)).toBe('refused');
    count('10,000-level nesting', cases + 1);
  });
});
