import { describe, expect, it } from 'vitest';
import {
  createPolicy,
  DEFAULT_TERMS,
  defineRule,
  defineTerms,
  PolicyInputError,
  terms20201201,
  termsArticle,
} from '../../src/index.js';
import {
  expiredWhere,
  PushdownError,
  permittedWhere,
  prismaExpiredWhere,
  retentionBounds,
} from '../../src/sql/index.js';

// The shape of the pushed-down SQL: placeholders only, identifiers quoted, unsafe ones refused, the holding period
// of the version in force, and a refusal rather than a guess where no column holds what a rule looks at. Whether
// the SQL selects the right rows is proven on PostgreSQL itself (pglite.test.ts, server.test.ts).

const AT = '2022-06-01T03:00:00+09:00';

/** The issues a refused call reports, as `path: code`. */
function refusal(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    return (e as PolicyInputError).issues.map((i) => `${i.path.join('.')}: ${i.code}`);
  }
  throw new Error('expected a PolicyInputError');
}

describe('expiredWhere (SPEC §9)', () => {
  it('compares the receipt with the cutoff by placeholder, never by an inlined literal (13(4))', () => {
    expect(expiredWhere(AT, { extensions: false })).toEqual({
      text: '"m"."received_at" < $1::timestamptz',
      values: ['2021-06-01T00:00:00.001+09:00'],
    });
  });

  it('excludes rows an extension covers at the instant, to the millisecond, from the extensions table', () => {
    const { text, values } = expiredWhere(AT);
    expect(text).toBe(
      '"m"."received_at" < $1::timestamptz AND NOT EXISTS (SELECT 1 FROM "retention_extensions" AS "m_ext"' +
        ' WHERE "m_ext"."measurement_id" = "m"."id" AND "m_ext"."decided_at" < $2::timestamptz' +
        ' AND ("m_ext"."until" IS NULL OR "m_ext"."until" >= $2::timestamptz))',
    );
    // The instant's next millisecond: microseconds within the instant's millisecond count as that millisecond.
    expect(values).toEqual(['2021-06-01T00:00:00.001+09:00', '2022-06-01T03:00:00.001+09:00']);
  });

  it('compares a timestamp column holding JST wall-clock time as JST, whatever the session zone', () => {
    const { text, values } = expiredWhere(AT, { columnType: 'timestamp-jst', extensions: false });
    expect(text).toBe('"m"."received_at" < $1::timestamp');
    expect(values).toEqual(['2021-06-01 00:00:00.001']);
  });

  it('names the columns, alias, schema-qualified table and first placeholder it is given', () => {
    const { text } = expiredWhere(AT, {
      alias: 'r',
      columns: { id: 'reading_id', receivedAt: 'received' },
      extensions: { table: 'archive.holds', measurementId: 'reading', decidedAt: 'decided', until: 'ends' },
      placeholderStart: 3,
    });
    expect(text).toContain('"r"."received" < $3::timestamptz');
    expect(text).toContain('FROM "archive"."holds" AS "r_ext" WHERE "r_ext"."reading" = "r"."reading_id"');
    expect(text).toContain('"r_ext"."decided" < $4::timestamptz');
  });

  it('refuses every unsafe identifier at once, with its path, rather than escaping it', () => {
    expect(
      refusal(() =>
        expiredWhere(AT, {
          alias: 'm; DROP TABLE x',
          columns: { receivedAt: 'received"at' },
          extensions: { table: 'a.b.c', until: '' },
        }),
      ),
    ).toEqual([
      'alias: unsafe-identifier',
      'columns.receivedAt: unsafe-identifier',
      'extensions.table: unsafe-identifier',
      'extensions.until: unsafe-identifier',
    ]);
    expect(refusal(() => expiredWhere(AT, { columns: { id: 'x'.repeat(64) } }))).toEqual([
      'columns.id: unsafe-identifier',
    ]);
  });

  it('refuses an unknown column type, a bad first placeholder and an instant without an offset', () => {
    expect(refusal(() => expiredWhere(AT, { columnType: 'timestamp' as never }))).toEqual([
      'columnType: invalid-value',
    ]);
    expect(refusal(() => expiredWhere(AT, { placeholderStart: 0 }))).toEqual([
      'placeholderStart: invalid-value',
    ]);
    expect(refusal(() => expiredWhere('2022-06-01T03:00:00'))).toEqual([': timestamp-without-offset']);
  });

  it("follows the policy's version in force: a two-year holding period from its effective date (13(4) as amended)", () => {
    const twoYears = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: '2030-04-01T00:00:00+09:00',
      noticeGivenAt: '2030-01-15T10:00:00+09:00',
      holdingPeriod: { years: 2 },
    });
    const policy = createPolicy({ terms: [...DEFAULT_TERMS, twoYears] });
    // The millisecond before, one year: data received 2029-03-31 00:00 JST counts that day and has just expired.
    expect(expiredWhere('2030-03-31T23:59:59.999+09:00', { policy, extensions: false }).values).toEqual([
      '2029-03-31T00:00:00.001+09:00',
    ]);
    expect(expiredWhere('2030-04-01T00:00:00+09:00', { policy, extensions: false }).values).toEqual([
      '2028-04-01T00:00:00.001+09:00',
    ]);
  });

  it('is FALSE under a version that sets no holding period: nothing expires', () => {
    const { holdingPeriod: _, ...rest } = terms20201201;
    // Without a period, the rules that speak of holding go too.
    const rules = rest.rules.filter((r) => !JSON.stringify(r).includes('holding'));
    const limitless = defineTerms({
      ...rest,
      rules,
      id: '2030-04-01',
      effectiveFrom: '2030-04-01T00:00:00+09:00',
      noticeGivenAt: '2030-01-15T10:00:00+09:00',
    });
    const policy = createPolicy({ terms: [...DEFAULT_TERMS, limitless] });
    expect(expiredWhere('2031-01-01T00:00:00+09:00', { policy })).toEqual({ text: 'FALSE', values: [] });
    expect(prismaExpiredWhere('2031-01-01T00:00:00+09:00', { policy })).toEqual({ OR: [] });
  });
});

describe('retentionBounds and prismaExpiredWhere', () => {
  it('gives the cutoff and the next millisecond, as Dates', () => {
    expect(retentionBounds(AT)).toEqual({
      at: new Date(AT),
      receivedBefore: new Date('2021-06-01T00:00:00.001+09:00'),
      decidedBefore: new Date('2022-06-01T03:00:00.001+09:00'),
    });
  });

  it('writes the same set as a plain Prisma where, with the names it is given', () => {
    expect(prismaExpiredWhere(AT)).toEqual({
      receivedAt: { lt: new Date('2021-06-01T00:00:00.001+09:00') },
      retentionExtensions: {
        none: {
          decidedAt: { lt: new Date('2022-06-01T03:00:00.001+09:00') },
          OR: [{ until: null }, { until: { gte: new Date('2022-06-01T03:00:00.001+09:00') } }],
        },
      },
    });
    expect(prismaExpiredWhere(AT, { receivedAt: 'received', extensions: false })).toEqual({
      received: { lt: new Date('2021-06-01T00:00:00.001+09:00') },
    });
  });
});

describe('permittedWhere (SPEC §9)', () => {
  const at = '2021-06-01T10:00:00+09:00';
  const table = { kinds: ['measurement', 'derived', 'anonymized', 'statistical'] } as const;

  it('lets only derived data without personal data go to a third party, by placeholders (13(3)(4), APPI 27(1))', () => {
    expect(permittedWhere({ action: 'license', recipient: 'third-party', at }, table)).toEqual({
      text: '(("m"."kind" = $1 AND "m"."personal_data" = $2) OR "m"."kind" = $3 OR "m"."kind" = $4)',
      values: ['derived', 'none', 'anonymized', 'statistical'],
    });
  });

  it('pushes the holding state down for retain: measurements not expired, with the extensions (13(4))', () => {
    const { text, values } = permittedWhere(
      { action: 'retain', at },
      { kinds: ['measurement'], columns: { kind: false } },
    );
    expect(text).toContain('NOT "m"."received_at" < $1::timestamptz');
    expect(text).toContain('EXISTS (SELECT 1 FROM "retention_extensions"');
    expect(values).toEqual(['2020-06-01T00:00:00.001+09:00', '2021-06-01T10:00:00.001+09:00']);
  });

  it('is FALSE when nothing is permitted, and TRUE-free when all of a kind is', () => {
    expect(
      permittedWhere({ action: 'license', recipient: 'third-party', at }, { kinds: ['measurement'] }),
    ).toEqual({
      text: 'FALSE',
      values: [],
    });
    expect(
      permittedWhere({ action: 'use', actor: 'user', purpose: 'anything', at }, { kinds: ['derived'] }),
    ).toEqual({
      text: '"m"."kind" = $1',
      values: ['derived'],
    });
  });

  it('refuses to push down where a rule looks at a confidential record’s designation, rather than over-permit (2(2)(6), 32(1))', () => {
    expect(() =>
      permittedWhere(
        { action: 'disclose', actor: 'provider', recipient: 'third-party', at },
        { kinds: ['confidential'] },
      ),
    ).toThrow(PushdownError);
    try {
      permittedWhere({ action: 'disclose', recipient: 'third-party', at });
    } catch (e) {
      expect(e).toBeInstanceOf(PushdownError);
      expect((e as PushdownError).code).toBe('cannot-push-down');
      expect((e as PushdownError).kind).toMatch(/confidential|user-information/);
    }
  });

  it('refuses a rule closure it cannot read', () => {
    const closure = defineTerms({
      ...terms20201201,
      id: '2030-04-01',
      effectiveFrom: '2030-04-01T00:00:00+09:00',
      noticeGivenAt: '2030-01-15T10:00:00+09:00',
      rules: [
        defineRule({
          id: 'closure',
          kinds: ['derived'],
          actors: ['provider'],
          actions: ['license'],
          when: () => true,
          effect: 'permit',
          reason: terms20201201.rules.find((r) => r.effect === 'permit')?.reason ?? '',
          basis: [termsArticle(13, 3, 4)],
        }),
        ...terms20201201.rules,
      ],
    });
    const policy = createPolicy({ terms: [...DEFAULT_TERMS, closure] });
    expect(() =>
      permittedWhere(
        { action: 'license', recipient: 'third-party', at: '2030-04-01T00:00:00+09:00' },
        { policy, kinds: ['derived'] },
      ),
    ).toThrow(/closure/);
  });

  it('decides the question’s own fields once: consent a millisecond late is no consent (APPI 27(1))', () => {
    const ask = (grantedAt: string) =>
      permittedWhere(
        {
          action: 'disclose',
          recipient: 'third-party',
          consent: { from: 'data-subject', form: 'written', grantedAt },
          at,
        },
        { kinds: ['derived'] },
      ).values;
    expect(ask(at)).toEqual(['derived']);
    expect(ask('2021-06-01T10:00:00.001+09:00')).toEqual(['derived', 'none']);
  });

  it('refuses a malformed question as decide does, and one without an instant', () => {
    expect(() => permittedWhere({ action: 'license', at } as never, { kinds: ['derived'] })).toThrow(
      PolicyInputError,
    );
    expect(refusal(() => permittedWhere({ action: 'retain' } as never))).toEqual(['at: required']);
    expect(
      refusal(() =>
        permittedWhere(
          { action: 'retain', at },
          { kinds: ['measurement', 'secret' as never], columns: { kind: false } },
        ),
      ),
    ).toEqual(['kinds.1: invalid-value', 'columns.kind: kind-column-required']);
  });
});
