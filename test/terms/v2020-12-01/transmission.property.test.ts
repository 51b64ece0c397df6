import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ConsentForm,
  type ConsentInput,
  createPolicy,
  type MeasurementRecordInput,
  PARTIES,
  type Party,
  parseRecord,
} from '../../../src/index.js';

// 31(2) as an invariant: from 2020-12-01T00:00:00+09:00, measurement data that is or may be personal information
// is never let through to the data centre unless the provider consented in writing at or before the instant.

const NUM_RUNS = 1000;
const YEAR = 365 * 86_400_000;

const TERMS_START_MS = new Date('2020-12-01T00:00:00+09:00').getTime();
const LATEST_MS = new Date('2035-12-31T23:59:59.999+09:00').getTime();

const policy = createPolicy({ locale: 'en' });

/** An instant under the 2020-12-01 terms, with its edges (the first instant, the APPI renumbering) weighted in. */
const at = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(TERMS_START_MS, new Date('2022-04-01T00:00:00+09:00').getTime()) },
  { weight: 1, arbitrary: fc.integer({ min: TERMS_START_MS, max: TERMS_START_MS + 5 }) },
  { weight: 8, arbitrary: fc.integer({ min: TERMS_START_MS, max: LATEST_MS }) },
);

/** When the consent was granted, relative to `at`: within ±2 ms, or far before or after. */
const grantedOffset = fc.oneof(
  fc.integer({ min: -2, max: 2 }),
  fc.integer({ min: -20 * YEAR, max: -3 }),
  fc.integer({ min: 3, max: 20 * YEAR }),
);

// The qualifying values are weighted up so that permits are not rare.
const party = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Party>('provider') },
  { weight: 1, arbitrary: fc.constantFrom<Party>(...PARTIES) },
);
const form = fc.oneof(
  { weight: 1, arbitrary: fc.constant<ConsentForm>('written') },
  { weight: 1, arbitrary: fc.constantFrom<ConsentForm>('written', 'electronic', 'oral') },
);
const personal = fc.constantFrom<'possible' | 'yes'>('possible', 'yes');

/** How an instant is written: a Date, or an ISO string in UTC, JST or a western offset. */
type Spelling = 'date' | 'utc' | 'jst' | 'minus5';
const spelling = fc.constantFrom<Spelling>('date', 'utc', 'jst', 'minus5');

function spell(ms: number, how: Spelling): Date | string {
  if (how === 'date') return new Date(ms);
  if (how === 'utc') return new Date(ms).toISOString();
  const offsetMinutes = how === 'jst' ? 9 * 60 : -5 * 60;
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().replace('Z', '');
  return `${local}${how === 'jst' ? '+09:00' : '-05:00'}`;
}

const scenario = fc.record({
  atMs: at,
  personalData: personal,
  consent: fc.option(fc.record({ from: party, form, offset: grantedOffset, spelling }), { nil: undefined }),
  atSpelling: spelling,
  parsed: fc.boolean(),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

function measurementInput(s: Scenario): MeasurementRecordInput {
  return {
    kind: 'measurement',
    id: 'm-prop',
    contractId: 'C-1',
    metric: 'water-level',
    measuredAt: new Date(s.atMs - 60_000),
    receivedAt: new Date(s.atMs),
    personalData: s.personalData,
  };
}

function consentOf(s: Scenario): ConsentInput | undefined {
  if (s.consent === undefined) return undefined;
  const { from, form: f, offset, spelling: how } = s.consent;
  return { from, form: f, grantedAt: spell(s.atMs + offset, how) };
}

/** What 31(2) requires: the provider's consent, in writing, granted at or before the transmission. */
const qualifies = (s: Scenario): boolean =>
  s.consent !== undefined &&
  s.consent.from === 'provider' &&
  s.consent.form === 'written' &&
  s.consent.offset <= 0;

function decideTransmission(s: Scenario) {
  const input = measurementInput(s);
  const consent = consentOf(s);
  return policy.decide({
    action: 'transmit',
    actor: 'user',
    data: s.parsed ? parseRecord(input) : input,
    at: spell(s.atMs, s.atSpelling),
    ...(consent !== undefined && { consent }),
  });
}

describe('31(2) transmission (property)', () => {
  it('never permits transmitting possibly personal data without the provider’s written consent granted at or before the instant (31(2))', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const d = decideTransmission(s);
        expect(d.terms).toBe('2020-12-01');
        if (d.allowed) expect(qualifies(s)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('permits it exactly when that consent is there, carrying the backup duty (31(2), 12)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const d = decideTransmission(s);
        expect(d.allowed).toBe(qualifies(s));
        expect(d.effect).toBe(qualifies(s) ? 'permit' : 'deny');
        if (d.allowed) {
          expect(d.obligations.map((o) => o.code)).toContain('user-keeps-backup');
        } else {
          expect(d.obligations).toEqual([]);
          expect(d.basis).toContainEqual(
            expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 31, paragraph: 2 }),
          );
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('gives canTransmit the same answer as the decision (31(2))', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const consent = consentOf(s);
        const allowed = policy.canTransmit(measurementInput(s), {
          at: spell(s.atMs, s.atSpelling),
          ...(consent !== undefined && { consent }),
        });
        expect(allowed).toBe(qualifies(s));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('admits a batch record with possibly personal data only on such a consent on file for its contract (31(2))', () => {
    fc.assert(
      fc.property(
        scenario,
        fc.array(fc.record({ from: party, form, offset: grantedOffset, sameContract: fc.boolean() }), {
          maxLength: 4,
        }),
        (s, onFile) => {
          const consents = onFile.map((c) => ({
            contractId: c.sameContract ? 'C-1' : 'C-2',
            from: c.from,
            form: c.form,
            grantedAt: new Date(s.atMs + c.offset),
          }));
          const { accepted, refused } = policy.admitTransmissions([measurementInput(s)], {
            at: new Date(s.atMs),
            consents,
          });
          const expected = onFile.some(
            (c) => c.sameContract && c.from === 'provider' && c.form === 'written' && c.offset <= 0,
          );
          expect(accepted.length + refused.length).toBe(1);
          expect(accepted.length).toBe(expected ? 1 : 0);
          if (!expected) expect(refused[0]).toMatchObject({ index: 0, reason: 'transmission-refused' });
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
