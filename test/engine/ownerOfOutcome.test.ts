import fc from 'fast-check';
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
import {
  createPolicy,
  type DataKind,
  type DataRecord,
  type Outcome,
  type OutcomeOwnership,
  type OutcomeQuery,
  ownerOfOutcome,
  PARTIES,
  PolicyError,
  PolicyInputError,
  type PolicyIssue,
  TermsNotInForceError,
} from '../../src/index.js';

// 30(3) of the 2020-12-01 terms: know-how, AI learning models, inventions and other technical results the user
// or the provider obtains by using or processing (加工等) measurement or derived data under Art. 13 belong to the
// party that did the use or processing. The 2017-04-01 terms had no such rule. SPEC §4 "Outcomes".

const en = createPolicy({ locale: 'en' });
const ja = createPolicy({ locale: 'ja' });

/** An instant well inside the 2020-12-01 terms. */
const AT = '2021-06-01T10:00:00+09:00';
/** An instant well inside the 2017-04-01 terms. */
const AT_2019 = '2019-06-01T10:00:00+09:00';
/** The last millisecond of the 2017-04-01 terms, and the first of the 2020-12-01 terms. */
const OLD_LAST = '2020-11-30T23:59:59.999+09:00';
const NEW_FROM = '2020-12-01T00:00:00+09:00';

const OUTCOMES = [
  'know-how',
  'ai-model',
  'invention',
  'other-technical-result',
] as const satisfies readonly Outcome[];
const PRODUCERS = ['user', 'provider'] as const;
const NOT_PARTIES = PARTIES.filter((p) => p !== 'user' && p !== 'provider');

/** 30(3) of the 2020-12-01 terms, as the answer cites it (without its locale-dependent label). */
const ART_30_3 = { source: 'terms', terms: '2020-12-01', article: 30, paragraph: 3 } as const;

// ---------------------------------------------------------------------------------------------------------------
// Records

/** A record as JSON brings it: the raw input, timestamps as ISO strings. */
const json = (record: DataRecord): Record<string, unknown> => JSON.parse(JSON.stringify(record));

const OTHER_KINDS = [
  'user-information',
  'confidential',
  'anonymized',
  'statistical',
  'provider-content',
] as const satisfies readonly DataKind[];

/** The factory of each kind of record 30(3) says nothing of. */
const OTHER_RECORDS = {
  'user-information': userInformation,
  confidential,
  anonymized,
  statistical,
  'provider-content': providerContent,
} as const satisfies Record<(typeof OTHER_KINDS)[number], () => DataRecord>;

// ---------------------------------------------------------------------------------------------------------------
// Assertions

function expectOwner(answer: OutcomeOwnership, owner: 'user' | 'provider'): void {
  expect(answer.owner).toBe(owner);
  expect(answer.terms).toBe('2020-12-01');
  expect(answer.reason.code).toBe('outcome-belongs-to-producer');
  expect(answer.basis).toEqual([expect.objectContaining(ART_30_3)]);
}

function expectNoOwner(answer: OutcomeOwnership, code: OutcomeOwnership['reason']['code']): void {
  expect(answer.owner).toBeNull();
  expect(answer.reason.code).toBe(code);
  expect(answer.reason.message.length).toBeGreaterThan(0);
  expect(answer.basis.length).toBeGreaterThan(0);
}

function inputIssues(query: unknown): readonly PolicyIssue[] {
  try {
    en.ownerOfOutcome(query as OutcomeQuery);
  } catch (e) {
    expect(e).toBeInstanceOf(PolicyInputError);
    expect(e).toBeInstanceOf(PolicyError);
    expect((e as PolicyInputError).code).toBe('invalid-input');
    return (e as PolicyInputError).issues;
  }
  throw new Error('expected a PolicyInputError');
}

const paths = (issues: readonly PolicyIssue[]) => issues.map((i) => i.path);

// ---------------------------------------------------------------------------------------------------------------

describe('ownerOfOutcome', () => {
  describe('30(3): results belong to the party that used or processed the data', () => {
    it('gives an AI model trained on derived data to the provider that trained it (30(3))', () => {
      expectOwner(
        en.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'provider', from: [derived()], at: AT }),
        'provider',
      );
    });

    it('gives an AI model trained on measurement data to the user that trained it (30(3))', () => {
      expectOwner(
        en.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'user', from: [measurement()], at: AT }),
        'user',
      );
    });

    it.each(OUTCOMES.flatMap((outcome) => PRODUCERS.map((producedBy) => [outcome, producedBy] as const)))(
      'gives %s made from measurement data to the %s that made it (30(3))',
      (outcome, producedBy) => {
        expectOwner(en.ownerOfOutcome({ outcome, producedBy, from: [measurement()], at: AT }), producedBy);
      },
    );

    it.each(OUTCOMES.flatMap((outcome) => PRODUCERS.map((producedBy) => [outcome, producedBy] as const)))(
      'gives %s made from derived data to the %s that made it (30(3))',
      (outcome, producedBy) => {
        expectOwner(en.ownerOfOutcome({ outcome, producedBy, from: [derived()], at: AT }), producedBy);
      },
    );

    it.each(PRODUCERS)(
      'gives know-how drawn from measurement and derived data together to the %s that drew it (30(3))',
      (producedBy) => {
        const from = [measurement(), derived(), measurement({ id: 'm-2', metric: 'tank-pressure' })];
        expectOwner(en.ownerOfOutcome({ outcome: 'know-how', producedBy, from, at: AT }), producedBy);
      },
    );

    it.each(PRODUCERS)(
      'gives the result to the %s that used the derived data, whoever processed that data (30(3))',
      (producedBy) => {
        const from = [
          derived({ id: 'd-u', processedBy: 'user' }),
          derived({ id: 'd-s', processedBy: 'subcontractor' }),
          derived({ id: 'd-t', processedBy: 'third-party' }),
        ];
        expectOwner(en.ownerOfOutcome({ outcome: 'invention', producedBy, from, at: AT }), producedBy);
      },
    );

    it('gives the provider an outcome from measurement data sent before 2020-12-01 when decided after it (30(3), 附則 3)', () => {
      const old = measurement({
        measuredAt: '2019-03-15T09:59:00+09:00',
        receivedAt: '2019-03-15T10:00:00+09:00',
      });
      expectOwner(
        en.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'provider', from: [old], at: AT }),
        'provider',
      );
    });

    it('accepts records as unparsed input with string timestamps (30(3))', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'other-technical-result',
        producedBy: 'user',
        from: [
          {
            kind: 'measurement',
            id: 'm-9',
            contractId: 'C-1',
            metric: 'other',
            measuredAt: '2021-03-15T09:59:00+09:00',
            receivedAt: '2021-03-15T10:00:00+09:00',
            personalData: 'possible',
          },
          {
            kind: 'derived',
            id: 'd-9',
            sources: ['m-9'],
            processedBy: 'user',
            processedAt: '2021-04-01T09:00:00+09:00',
          },
        ],
        at: AT,
      });
      expectOwner(answer, 'user');
    });

    it('accepts `at` as a Date (30(3))', () => {
      expectOwner(
        en.ownerOfOutcome({
          outcome: 'ai-model',
          producedBy: 'provider',
          from: [derived()],
          at: new Date(AT),
        }),
        'provider',
      );
    });

    it('answers with exactly owner, terms, basis and reason, citing 30(3) of the 2020-12-01 terms', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'provider',
        from: [derived()],
        at: AT,
      });
      expect(Object.keys(answer).sort()).toEqual(['basis', 'owner', 'reason', 'terms']);
      expect(answer).toEqual({
        owner: 'provider',
        terms: '2020-12-01',
        basis: [{ ...ART_30_3, label: 'Terms (2020-12-01) Art. 30(3)' }],
        reason: { code: 'outcome-belongs-to-producer', message: expect.any(String) },
      });
    });

    it('holds for any outcome, producer, mix of measurement and derived data and instant under the 2020-12-01 terms (30(3))', () => {
      const from = fc.array(
        fc.constantFrom(
          measurement(),
          derived(),
          derived({ id: 'd-2', processedBy: 'user' }),
          measurement({ id: 'm-3', personalData: 'yes' }),
        ),
        { minLength: 1, maxLength: 5 },
      );
      fc.assert(
        fc.property(
          fc.constantFrom(...OUTCOMES),
          fc.constantFrom(...PRODUCERS),
          from,
          fc.date({
            min: new Date(NEW_FROM),
            max: new Date('2040-01-01T00:00:00+09:00'),
            noInvalidDate: true,
          }),
          (outcome, producedBy, records, at) => {
            const answer = en.ownerOfOutcome({ outcome, producedBy, from: records, at });
            expect(answer.owner).toBe(producedBy);
            expect(answer.terms).toBe('2020-12-01');
            expect(answer.reason.code).toBe('outcome-belongs-to-producer');
          },
        ),
      );
    });
  });

  describe('30(3) settles nothing for other data', () => {
    it.each(OTHER_KINDS)('gives no owner for a result made from %s alone (30(3))', (kind) => {
      const answer = en.ownerOfOutcome({
        outcome: 'know-how',
        producedBy: 'provider',
        from: [OTHER_RECORDS[kind]()],
        at: AT,
      });
      expectNoOwner(answer, 'outcome-from-other-data');
      expect(answer.terms).toBe('2020-12-01');
      expect(answer.basis).toEqual([expect.objectContaining(ART_30_3)]);
    });

    it.each(OTHER_KINDS.flatMap((kind) => PRODUCERS.map((producedBy) => [kind, producedBy] as const)))(
      'gives no owner when %s is mixed with measurement and derived data, made by the %s (30(3))',
      (kind, producedBy) => {
        const answer = en.ownerOfOutcome({
          outcome: 'ai-model',
          producedBy,
          from: [measurement(), derived(), OTHER_RECORDS[kind]()],
          at: AT,
        });
        expectNoOwner(answer, 'outcome-from-other-data');
        expect(answer.terms).toBe('2020-12-01');
      },
    );

    it('gives no owner for an AI model trained on measurement data and user information (30(3))', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'provider',
        from: [userInformation(), measurement()],
        at: AT,
      });
      expectNoOwner(answer, 'outcome-from-other-data');
    });

    it('gives no owner for an invention drawn from confidential information and derived data (30(3))', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'invention',
        producedBy: 'user',
        from: [derived(), confidential({ disclosedBy: 'provider' })],
        at: AT,
      });
      expectNoOwner(answer, 'outcome-from-other-data');
    });
  });

  describe('30(3) settles nothing for a producer that is not the user or the provider', () => {
    it.each(OUTCOMES.flatMap((outcome) => NOT_PARTIES.map((producedBy) => [outcome, producedBy] as const)))(
      'gives no owner for %s made by %s (30(3) names only the user and the provider)',
      (outcome, producedBy) => {
        const answer = en.ownerOfOutcome({ outcome, producedBy, from: [measurement(), derived()], at: AT });
        expectNoOwner(answer, 'outcome-producer-not-a-party');
        expect(answer.terms).toBe('2020-12-01');
        expect(answer.basis).toEqual([expect.objectContaining(ART_30_3)]);
      },
    );

    it('gives no owner for an AI model a subcontractor trained on derived data (30(3))', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'subcontractor',
        from: [derived()],
        at: AT,
      });
      expectNoOwner(answer, 'outcome-producer-not-a-party');
    });

    it('gives no owner for know-how a third party drew from measurement data (30(3))', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'know-how',
        producedBy: 'third-party',
        from: [measurement()],
        at: AT,
      });
      expectNoOwner(answer, 'outcome-producer-not-a-party');
    });

    it('gives no owner when both the data and the producer fall outside 30(3)', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'know-how',
        producedBy: 'third-party',
        from: [userInformation()],
        at: AT,
      });
      expect(answer.owner).toBeNull();
      expect(['outcome-from-other-data', 'outcome-producer-not-a-party']).toContain(answer.reason.code);
    });
  });

  describe('the 2017-04-01 terms had no rule on outcomes', () => {
    it.each(OUTCOMES.flatMap((outcome) => PRODUCERS.map((producedBy) => [outcome, producedBy] as const)))(
      'gives no owner for %s made by the %s under the 2017-04-01 terms (old 30 has no paragraph 3)',
      (outcome, producedBy) => {
        const answer = en.ownerOfOutcome({
          outcome,
          producedBy,
          from: [measurement(), derived()],
          at: AT_2019,
        });
        expectNoOwner(answer, 'no-outcome-rule');
        expect(answer.terms).toBe('2017-04-01');
      },
    );

    it('does not cite 30(3), which the 2017-04-01 terms lack, for an outcome under them', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'provider',
        from: [derived()],
        at: AT_2019,
      });
      expect(answer.basis).not.toContainEqual(expect.objectContaining({ article: 30, paragraph: 3 }));
      for (const c of answer.basis) if (c.source === 'terms') expect(c.terms).toBe('2017-04-01');
    });

    it('gives no owner under the 2017-04-01 terms from their first instant, 2017-04-01T00:00:00+09:00', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'know-how',
        producedBy: 'user',
        from: [measurement()],
        at: '2017-04-01T00:00:00+09:00',
      });
      expectNoOwner(answer, 'no-outcome-rule');
      expect(answer.terms).toBe('2017-04-01');
    });

    it('refuses an instant before 2017-04-01T00:00:00+09:00, when no modelled terms are in force', () => {
      expect(() =>
        en.ownerOfOutcome({
          outcome: 'know-how',
          producedBy: 'user',
          from: [measurement()],
          at: '2017-03-31T23:59:59.999+09:00',
        }),
      ).toThrow(TermsNotInForceError);
    });

    it('holds for any instant under the 2017-04-01 terms: no owner, whatever the producer', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...OUTCOMES),
          fc.constantFrom(...PARTIES),
          fc.date({
            min: new Date('2017-04-01T00:00:00+09:00'),
            max: new Date(OLD_LAST),
            noInvalidDate: true,
          }),
          (outcome, producedBy, at) => {
            const answer = en.ownerOfOutcome({ outcome, producedBy, from: [measurement()], at });
            expect(answer.owner).toBeNull();
            expect(answer.terms).toBe('2017-04-01');
          },
        ),
      );
    });
  });

  describe('the cut-over at 2020-12-01T00:00:00+09:00', () => {
    it('gives no owner at the last millisecond of the 2017-04-01 terms, 2020-11-30T23:59:59.999+09:00', () => {
      const answer = en.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'provider',
        from: [derived()],
        at: OLD_LAST,
      });
      expectNoOwner(answer, 'no-outcome-rule');
      expect(answer.terms).toBe('2017-04-01');
    });

    it('gives the provider its AI model from 2020-12-01T00:00:00+09:00 (30(3))', () => {
      expectOwner(
        en.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'provider', from: [derived()], at: NEW_FROM }),
        'provider',
      );
    });

    it('decides the cut-over by the instant, whatever the offset it is written with (30(3))', () => {
      const q = { outcome: 'know-how', producedBy: 'user', from: [measurement()] } as const;
      expect(en.ownerOfOutcome({ ...q, at: '2020-11-30T14:59:59.999Z' }).owner).toBeNull();
      expect(en.ownerOfOutcome({ ...q, at: '2020-11-30T15:00:00Z' }).owner).toBe('user');
      expect(en.ownerOfOutcome({ ...q, at: new Date('2020-11-30T15:00:00Z') }).owner).toBe('user');
    });
  });

  describe('`at` defaults to the policy’s clock', () => {
    it('gives the owner under the 2020-12-01 terms when the clock reads 2021 (30(3))', () => {
      const policy = createPolicy({ locale: 'en', clock: () => new Date(AT) });
      expectOwner(
        policy.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'user', from: [measurement()] }),
        'user',
      );
    });

    it('gives no owner when the clock reads 2019, under the 2017-04-01 terms', () => {
      const policy = createPolicy({ locale: 'en', clock: () => new Date(AT_2019) });
      const answer = policy.ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'user',
        from: [measurement()],
      });
      expectNoOwner(answer, 'no-outcome-rule');
      expect(answer.terms).toBe('2017-04-01');
    });

    it('lets an explicit `at` win over the clock (30(3))', () => {
      const policy = createPolicy({ locale: 'en', clock: () => new Date(AT_2019) });
      expectOwner(
        policy.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'user', from: [measurement()], at: AT }),
        'user',
      );
    });
  });

  describe('the top-level function and the policy method, in both locales', () => {
    it('answers at top level under the default policy, in Japanese (30(3))', () => {
      const answer = ownerOfOutcome({
        outcome: 'ai-model',
        producedBy: 'provider',
        from: [derived()],
        at: AT,
      });
      expectOwner(answer, 'provider');
      expect(answer.basis[0]?.label).toBe('規約(2020-12-01)第30条第3項');
      expect(answer).toEqual(
        ja.ownerOfOutcome({ outcome: 'ai-model', producedBy: 'provider', from: [derived()], at: AT }),
      );
    });

    it('gives no owner at top level under the 2017-04-01 terms', () => {
      const answer = ownerOfOutcome({
        outcome: 'invention',
        producedBy: 'user',
        from: [measurement()],
        at: AT_2019,
      });
      expectNoOwner(answer, 'no-outcome-rule');
    });

    it.each([
      ['outcome-belongs-to-producer', { producedBy: 'provider', from: [derived()], at: AT }],
      ['outcome-from-other-data', { producedBy: 'provider', from: [userInformation()], at: AT }],
      ['outcome-producer-not-a-party', { producedBy: 'subcontractor', from: [derived()], at: AT }],
      ['no-outcome-rule', { producedBy: 'provider', from: [derived()], at: AT_2019 }],
    ] as const)(
      'keeps the reason code %s stable across locales and changes only the message (30(3))',
      (code, rest) => {
        const query: OutcomeQuery = { outcome: 'ai-model', ...rest };
        const answerJa = ja.ownerOfOutcome(query);
        const answerEn = en.ownerOfOutcome(query);
        expect(answerJa.reason.code).toBe(code);
        expect(answerEn.reason.code).toBe(code);
        expect(answerJa.owner).toBe(answerEn.owner);
        expect(answerJa.terms).toBe(answerEn.terms);
        expect(answerJa.reason.message).not.toBe(answerEn.reason.message);
        expect(answerJa.reason.message.length).toBeGreaterThan(0);
        expect(answerEn.reason.message.length).toBeGreaterThan(0);
        expect(answerJa.basis.map(({ label: _l, ...c }) => c)).toEqual(
          answerEn.basis.map(({ label: _l, ...c }) => c),
        );
      },
    );

    it('labels 30(3) in each locale (30(3))', () => {
      const query: OutcomeQuery = { outcome: 'know-how', producedBy: 'user', from: [measurement()], at: AT };
      expect(ja.ownerOfOutcome(query).basis[0]?.label).toBe('規約(2020-12-01)第30条第3項');
      expect(en.ownerOfOutcome(query).basis[0]?.label).toBe('Terms (2020-12-01) Art. 30(3)');
    });

    it('does not mutate the query or its records (30(3))', () => {
      const from = [json(measurement()), json(derived())];
      const query = { outcome: 'ai-model', producedBy: 'provider', from, at: AT } as unknown as OutcomeQuery;
      const snapshot = structuredClone(query);
      en.ownerOfOutcome(query);
      expect(query).toEqual(snapshot);
    });
  });

  describe('input errors', () => {
    it('refuses an unknown outcome with the path ["outcome"]', () => {
      expect(
        paths(inputIssues({ outcome: 'trade-secret', producedBy: 'user', from: [measurement()], at: AT })),
      ).toEqual([['outcome']]);
    });

    it('refuses a missing outcome with the path ["outcome"]', () => {
      expect(paths(inputIssues({ producedBy: 'user', from: [measurement()], at: AT }))).toEqual([
        ['outcome'],
      ]);
    });

    it('refuses an unknown producer with the path ["producedBy"]', () => {
      expect(
        paths(inputIssues({ outcome: 'know-how', producedBy: 'robot', from: [measurement()], at: AT })),
      ).toEqual([['producedBy']]);
    });

    it('refuses an empty `from`: a result is made from at least one record (path ["from"])', () => {
      expect(paths(inputIssues({ outcome: 'know-how', producedBy: 'user', from: [], at: AT }))).toEqual([
        ['from'],
      ]);
    });

    it('refuses a missing `from` with the path ["from"]', () => {
      expect(paths(inputIssues({ outcome: 'know-how', producedBy: 'user', at: AT }))).toEqual([['from']]);
    });

    it('refuses a malformed record with the path into `from`', () => {
      const bad = { ...json(measurement()), receivedAt: '2021-03-15T10:00:00' };
      const issues = inputIssues({
        outcome: 'know-how',
        producedBy: 'user',
        from: [measurement(), bad],
        at: AT,
      });
      expect(paths(issues)).toEqual([['from', 1, 'receivedAt']]);
      expect(issues[0]?.code).toBe('timestamp-without-offset');
    });

    it('refuses a record of unknown kind with a path into `from`', () => {
      const issues = inputIssues({
        outcome: 'know-how',
        producedBy: 'user',
        from: [{ kind: 'video', id: 'v-1' }],
        at: AT,
      });
      expect(issues.length).toBeGreaterThan(0);
      for (const path of paths(issues)) expect(path.slice(0, 2)).toEqual(['from', 0]);
    });

    it('refuses `at` without an offset with the path ["at"]', () => {
      const issues = inputIssues({
        outcome: 'know-how',
        producedBy: 'user',
        from: [measurement()],
        at: '2021-06-01T10:00:00',
      });
      expect(paths(issues)).toEqual([['at']]);
      expect(issues[0]?.code).toBe('timestamp-without-offset');
    });

    it('refuses an invalid Date as `at` with the path ["at"]', () => {
      expect(
        paths(
          inputIssues({
            outcome: 'know-how',
            producedBy: 'user',
            from: [measurement()],
            at: new Date(Number.NaN),
          }),
        ),
      ).toEqual([['at']]);
    });

    it('reports every problem at once, each with its path', () => {
      const bad = { ...json(derived()), sources: [] };
      const issues = inputIssues({
        outcome: 'patent',
        producedBy: 'user',
        from: [derived(), bad],
        at: '2021-06-01',
      });
      expect(paths(issues)).toEqual(expect.arrayContaining([['outcome'], ['from', 1, 'sources'], ['at']]));
    });

    it('throws for malformed input at top level too', () => {
      expect(() => ownerOfOutcome({ outcome: 'know-how', producedBy: 'user', from: [], at: AT })).toThrow(
        PolicyInputError,
      );
    });

    it('refuses a query that is not an object', () => {
      expect(() => en.ownerOfOutcome(null as unknown as OutcomeQuery)).toThrow(PolicyInputError);
    });
  });
});
