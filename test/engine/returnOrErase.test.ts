import fc from 'fast-check';
import {
  confidential,
  derived,
  measurement,
  providerContent,
  userInformation,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type ContractInput,
  createPolicy,
  type DataRecord,
  PolicyError,
  PolicyInputError,
  type ReasonCode,
  type ReturnOrErase,
  type ReturnRequest,
} from '../../src/index.js';

// policy.returnOrErase (32(4) of the 2020-12-01 terms): when the party that disclosed confidential information asks,
// the receiving party returns the materials and erases the electronic records of what Art. 32 still binds. Every
// other record is listed with the reason the request does not reach it (2(2)(6), 32(1)(1)-(4), one's own
// information, 32(5), other kinds).

const policy = createPolicy({ locale: 'en' });

const AT = '2021-06-01T10:00:00+09:00';
const DISCLOSED_AT = '2021-05-10T10:00:00.000+09:00';
const CONTRACT: ContractInput = { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00' };
const TERMINATED: ContractInput = { ...CONTRACT, terminatedAt: '2022-03-31T10:00:00+09:00' };

// ---------------------------------------------------------------------------------------------------------------
// Records

/** A record as JSON brings it: the raw input, timestamps as ISO strings. */
const json = (record: DataRecord): Record<string, unknown> => JSON.parse(JSON.stringify(record));

/**
 * The same confidential information in both directions, for each way the request can or cannot reach it, and the
 * kinds Art. 32 does not concern.
 */
function mixed(): DataRecord[] {
  return [
    confidential({ id: 'u-bound' }),
    confidential({
      id: 'u-bound-electronic-same-ms',
      disclosedAt: DISCLOSED_AT,
      designation: { method: 'electronic', at: DISCLOSED_AT },
    }),
    confidential({ id: 'u-already-held', exception: 'already-held' }),
    confidential({ id: 'u-from-third-party', exception: 'obtained-from-third-party' }),
    confidential({ id: 'u-independent', exception: 'independently-developed' }),
    confidential({ id: 'u-public', exception: 'public' }),
    confidential({ id: 'u-undesignated', designation: null }),
    confidential({
      id: 'u-designated-1ms-late',
      disclosedAt: DISCLOSED_AT,
      designation: { method: 'written', at: '2021-05-10T10:00:00.001+09:00' },
    }),
    confidential({ id: 'u-unscoped', scopeSpecified: false }),
    confidential({ id: 'u-unmarked', marked: false }),
    confidential({ id: 'p-bound', disclosedBy: 'provider' }),
    confidential({ id: 'p-public', disclosedBy: 'provider', exception: 'public' }),
    confidential({ id: 'p-undesignated', disclosedBy: 'provider', designation: null }),
    measurement({ id: 'm-1', contractId: 'C-1' }),
    derived({ id: 'd-1' }),
    userInformation({ id: 'ui-1' }),
    providerContent({ id: 'pc-1' }),
  ];
}

const NOT_CONFIDENTIAL_KINDS = ['m-1', 'd-1', 'ui-1', 'pc-1'];

/** Order-free view of a result, so the assertions pin membership and reasons, not iteration order. */
function sorted(result: ReturnOrErase): ReturnOrErase {
  return {
    returnAndErase: [...result.returnAndErase].sort(),
    notBound: [...result.notBound].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

const reasonOf = (result: ReturnOrErase, id: string): ReasonCode | undefined =>
  result.notBound.find((n) => n.id === id)?.reason;

function expectPartition(result: ReturnOrErase, ids: readonly string[]): void {
  const seen = [...result.returnAndErase, ...result.notBound.map((n) => n.id)].sort();
  expect(seen).toEqual([...ids].sort());
}

function expectInputError(run: () => unknown): PolicyInputError {
  let caught: unknown;
  try {
    run();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PolicyInputError);
  expect(caught).toBeInstanceOf(PolicyError);
  expect((caught as PolicyInputError).code).toBe('invalid-input');
  return caught as PolicyInputError;
}

const paths = (e: PolicyInputError) => e.issues.map((i) => [...i.path]);

// ---------------------------------------------------------------------------------------------------------------

describe('returnOrErase', () => {
  describe('the user asks the provider (32(4))', () => {
    it('returns and erases the user’s bound confidential information, and says why the rest is not reached (32(4))', () => {
      const result = policy.returnOrErase(mixed(), { requestedBy: 'user', at: AT, contract: CONTRACT });
      expect(sorted(result)).toEqual(
        sorted({
          returnAndErase: ['u-bound', 'u-bound-electronic-same-ms'],
          notBound: [
            { id: 'u-already-held', reason: 'confidentiality-exception' },
            { id: 'u-from-third-party', reason: 'confidentiality-exception' },
            { id: 'u-independent', reason: 'confidentiality-exception' },
            { id: 'u-public', reason: 'confidentiality-exception' },
            { id: 'u-undesignated', reason: 'not-confidential-information' },
            { id: 'u-designated-1ms-late', reason: 'not-confidential-information' },
            { id: 'u-unscoped', reason: 'not-confidential-information' },
            { id: 'u-unmarked', reason: 'not-confidential-information' },
            { id: 'p-bound', reason: 'own-confidential-information' },
            { id: 'p-public', reason: 'own-confidential-information' },
            { id: 'p-undesignated', reason: 'own-confidential-information' },
            { id: 'm-1', reason: 'not-confidential-information' },
            { id: 'd-1', reason: 'not-confidential-information' },
            { id: 'ui-1', reason: 'not-confidential-information' },
            { id: 'pc-1', reason: 'not-confidential-information' },
          ],
        }),
      );
    });

    it('reaches the same records without a contract in the request: Art. 32 still binds (32(5))', () => {
      const result = policy.returnOrErase(mixed(), { requestedBy: 'user', at: '2040-01-01T00:00:00+09:00' });
      expect([...result.returnAndErase].sort()).toEqual(['u-bound', 'u-bound-electronic-same-ms']);
    });

    it('reaches the same records under a contract that has not ended (32(5))', () => {
      const result = policy.returnOrErase(mixed(), {
        requestedBy: 'user',
        at: '2040-01-01T00:00:00+09:00',
        contract: CONTRACT,
      });
      expect([...result.returnAndErase].sort()).toEqual(['u-bound', 'u-bound-electronic-same-ms']);
    });
  });

  describe('the provider asks the user (32(4))', () => {
    it('returns and erases the provider’s bound confidential information only (32(4))', () => {
      const result = policy.returnOrErase(mixed(), { requestedBy: 'provider', at: AT, contract: CONTRACT });
      expect(result.returnAndErase).toEqual(['p-bound']);
      expect(reasonOf(result, 'p-public')).toBe('confidentiality-exception');
      expect(reasonOf(result, 'p-undesignated')).toBe('not-confidential-information');
      for (const id of [
        'u-bound',
        'u-bound-electronic-same-ms',
        'u-public',
        'u-undesignated',
        'u-designated-1ms-late',
      ]) {
        expect(reasonOf(result, id)).toBe('own-confidential-information');
      }
      for (const id of NOT_CONFIDENTIAL_KINDS)
        expect(reasonOf(result, id)).toBe('not-confidential-information');
      expectPartition(
        result,
        mixed().map((r) => r.id),
      );
    });
  });

  describe('32(5): three years after the contract ends', () => {
    it('still reaches bound information at 23:59:59.999 JST on the last day of the three years (32(5))', () => {
      const result = policy.returnOrErase(mixed(), {
        requestedBy: 'user',
        at: '2025-03-31T23:59:59.999+09:00',
        contract: TERMINATED,
      });
      expect([...result.returnAndErase].sort()).toEqual(['u-bound', 'u-bound-electronic-same-ms']);
    });

    it('reaches nothing from 00:00 JST the next day, with the survival reason (32(5))', () => {
      const result = policy.returnOrErase(mixed(), {
        requestedBy: 'user',
        at: '2025-04-01T00:00:00+09:00',
        contract: TERMINATED,
      });
      expect(result.returnAndErase).toEqual([]);
      expect(reasonOf(result, 'u-bound')).toBe('confidentiality-survival-ended');
      expect(reasonOf(result, 'u-bound-electronic-same-ms')).toBe('confidentiality-survival-ended');
      expectPartition(
        result,
        mixed().map((r) => r.id),
      );
    });

    it('ends the same way when the provider asks the user (32(5))', () => {
      const last = policy.returnOrErase(mixed(), {
        requestedBy: 'provider',
        at: '2025-03-31T23:59:59.999+09:00',
        contract: TERMINATED,
      });
      const after = policy.returnOrErase(mixed(), {
        requestedBy: 'provider',
        at: '2025-04-01T00:00:00+09:00',
        contract: TERMINATED,
      });
      expect(last.returnAndErase).toEqual(['p-bound']);
      expect(after.returnAndErase).toEqual([]);
      expect(reasonOf(after, 'p-bound')).toBe('confidentiality-survival-ended');
    });
  });

  describe('the 2017-04-01 terms', () => {
    it('reaches nothing before 2020-12-01 00:00 JST: the old terms have no Art. 32', () => {
      const record = confidential({
        id: 'u-2020',
        disclosedAt: '2020-06-01T10:00:00+09:00',
        designation: { method: 'written', at: '2020-06-01T09:00:00+09:00' },
      });
      const before = policy.returnOrErase([record], {
        requestedBy: 'user',
        at: '2020-11-30T23:59:59.999+09:00',
      });
      const after = policy.returnOrErase([record], { requestedBy: 'user', at: '2020-12-01T00:00:00+09:00' });
      expect(before.returnAndErase).toEqual([]);
      expect(before.notBound.map((n) => n.id)).toEqual(['u-2020']);
      expect(after).toEqual({ returnAndErase: ['u-2020'], notBound: [] });
    });
  });

  describe('input', () => {
    it('accepts raw JSON records and any iterable, such as a generator', () => {
      function* records() {
        yield json(confidential({ id: 'raw-bound' }));
        yield json(confidential({ id: 'raw-public', exception: 'public' }));
        yield confidential({ id: 'parsed-bound' });
      }
      const result = policy.returnOrErase(records(), { requestedBy: 'user', at: AT });
      expect(sorted(result)).toEqual({
        returnAndErase: ['parsed-bound', 'raw-bound'],
        notBound: [{ id: 'raw-public', reason: 'confidentiality-exception' }],
      });
    });

    it('returns empty lists for no records', () => {
      expect(policy.returnOrErase([], { requestedBy: 'provider', at: AT })).toEqual({
        returnAndErase: [],
        notBound: [],
      });
    });

    it('throws PolicyInputError with every problem of a malformed record, each under its index', () => {
      const e = expectInputError(() =>
        policy.returnOrErase(
          [
            confidential({ id: 'ok' }),
            {
              ...json(confidential({ id: 'bad' })),
              disclosedAt: '2021-05-10T10:00:00',
              scopeSpecified: 'yes',
            },
          ],
          { requestedBy: 'user', at: AT },
        ),
      );
      expect(paths(e)).toEqual(
        expect.arrayContaining([
          ['records', 1, 'disclosedAt'],
          ['records', 1, 'scopeSpecified'],
        ]),
      );
      expect(e.issues).toHaveLength(2);
      expect(e.issues.find((i) => i.path[2] === 'disclosedAt')?.code).toBe('timestamp-without-offset');
    });

    it('throws PolicyInputError for a record of unknown kind, with its path', () => {
      const e = expectInputError(() =>
        policy.returnOrErase([{ kind: 'secret', id: 'x' }], { requestedBy: 'user', at: AT }),
      );
      expect(paths(e)).toContainEqual(['records', 0, 'kind']);
    });

    it('throws PolicyInputError for a malformed designation, with its nested path', () => {
      const e = expectInputError(() =>
        policy.returnOrErase(
          [measurement(), { ...json(confidential()), designation: { method: 'oral', at: AT } }],
          {
            requestedBy: 'provider',
            at: AT,
          },
        ),
      );
      expect(paths(e)).toContainEqual(['records', 1, 'designation', 'method']);
    });

    it('throws PolicyInputError for a requester that is not a party to the contract', () => {
      const request = { requestedBy: 'third-party', at: AT } as unknown as ReturnRequest;
      const e = expectInputError(() => policy.returnOrErase([confidential()], request));
      expect(paths(e)).toEqual([['requestedBy']]);
    });

    it('throws PolicyInputError for a decision instant without an offset', () => {
      const e = expectInputError(() =>
        policy.returnOrErase([confidential()], { requestedBy: 'user', at: '2021-06-01T10:00:00' }),
      );
      expect(paths(e)).toContainEqual(['at']);
    });

    it('throws PolicyInputError for a decision instant without an offset even when no record needs deciding', () => {
      // SPEC §3: malformed input is never permitted. A request is checked whole, not only where it is used.
      const e = expectInputError(() =>
        policy.returnOrErase([measurement()], { requestedBy: 'user', at: '2021-06-01T10:00:00' }),
      );
      expect(paths(e)).toContainEqual(['at']);
    });

    it('throws PolicyInputError for a contract that ends before it is formed', () => {
      const e = expectInputError(() =>
        policy.returnOrErase([confidential()], {
          requestedBy: 'user',
          at: AT,
          contract: {
            id: 'C-1',
            formedAt: '2021-01-01T00:00:00+09:00',
            terminatedAt: '2020-01-01T00:00:00+09:00',
          },
        }),
      );
      expect(paths(e)).toContainEqual(['contract', 'terminatedAt']);
    });

    it('throws PolicyInputError for a request that is not an object, at the root and at requestedBy', () => {
      const e = expectInputError(() => policy.returnOrErase([confidential()], 'please' as never));
      expect(e.issues.map((i) => [i.path, i.code])).toEqual([
        [[], 'invalid-type'],
        [['requestedBy'], 'invalid-value'],
      ]);
    });

    it('throws PolicyInputError for a contract that is not an object, at [contract]', () => {
      const e = expectInputError(() =>
        policy.returnOrErase([confidential()], { requestedBy: 'user', at: AT, contract: 'C-1' as never }),
      );
      expect(paths(e)).toEqual([['contract']]);
    });

    it('decides at the policy’s clock when the request names no instant (32(4))', () => {
      const clocked = createPolicy({ clock: () => new Date('2025-06-01T00:00:00+09:00') });
      const result = clocked.returnOrErase([confidential({ id: 's-1' })], {
        requestedBy: 'user',
        contract: TERMINATED,
      });
      // 2025-06-01 is past the three years after 2022-03-31 that 32(5) keeps Art. 32 alive.
      expect(result).toEqual({
        returnAndErase: [],
        notBound: [{ id: 's-1', reason: 'confidentiality-survival-ended' }],
      });
    });

    it('does not mutate the records it is given', () => {
      const input = json(confidential({ id: 'raw' }));
      const snapshot = structuredClone(input);
      policy.returnOrErase([input], { requestedBy: 'user', at: AT });
      expect(input).toEqual(snapshot);
    });
  });

  describe('invariants (property)', () => {
    const variant = fc.record({
      disclosedBy: fc.constantFrom<'user' | 'provider'>('user', 'provider'),
      designationOffset: fc.option(fc.integer({ min: -86_400_000, max: 86_400_000 }), { nil: null }),
      method: fc.constantFrom<'written' | 'electronic'>('written', 'electronic'),
      scopeSpecified: fc.boolean(),
      marked: fc.boolean(),
      exception: fc.option(
        fc.constantFrom(
          'already-held',
          'obtained-from-third-party',
          'independently-developed',
          'public' as const,
        ),
        { nil: undefined },
      ),
    });

    it('lists every record once, and returns exactly the requester’s designated, scoped, marked, unexcepted ones (2(2)(6), 32(1), 32(4))', () => {
      const disclosedMs = new Date(DISCLOSED_AT).getTime();
      fc.assert(
        fc.property(
          fc.array(variant, { maxLength: 12 }),
          fc.constantFrom<'user' | 'provider'>('user', 'provider'),
          (variants, requestedBy) => {
            const records = variants.map((v, i) =>
              confidential({
                id: `s-${i}`,
                disclosedBy: v.disclosedBy,
                disclosedAt: DISCLOSED_AT,
                designation:
                  v.designationOffset === null
                    ? null
                    : { method: v.method, at: new Date(disclosedMs + v.designationOffset) },
                scopeSpecified: v.scopeSpecified,
                marked: v.marked,
                ...(v.exception !== undefined && { exception: v.exception }),
              }),
            );
            const result = policy.returnOrErase(records, { requestedBy, at: AT, contract: CONTRACT });
            expectPartition(
              result,
              records.map((r) => r.id),
            );
            const expected = variants
              .map((v, i) => ({ v, id: `s-${i}` }))
              .filter(
                ({ v }) =>
                  v.disclosedBy === requestedBy &&
                  v.designationOffset !== null &&
                  v.designationOffset <= 0 &&
                  v.scopeSpecified &&
                  v.marked &&
                  v.exception === undefined,
              )
              .map(({ id }) => id)
              .sort();
            expect([...result.returnAndErase].sort()).toEqual(expected);
          },
        ),
      );
    });
  });
});
