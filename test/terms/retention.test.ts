import { anonymized, derived, measurement, statistical } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  type Citation,
  createPolicy,
  type DataRecord,
  type Decision,
  type Obligation,
  TermsNotInForceError,
} from '../../src/index.js';

// Holding data: 13(4) of the 2020-12-01 terms and old 13(2) of the 2017-04-01 terms (a year from receipt as a
// rule, longer where needed), Art. 12 for the user's own holding, and 附則 3 (new Art. 13 reaches data sent before
// 2020-12-01). SPEC §4 and §5.

const policy = createPolicy({ locale: 'en' });

const d = (iso: string): Date => new Date(iso);

type Ref = Omit<Citation, 'label'>;

const ART_13_4: Ref = { source: 'terms', terms: '2020-12-01', article: 13, paragraph: 4 };
const OLD_13_2: Ref = { source: 'terms', terms: '2017-04-01', article: 13, paragraph: 2 };

/** The citations of a decision without their labels. */
const refs = (citations: readonly Citation[]): Ref[] => citations.map(({ label: _, ...ref }) => ref);

const retain = (data: DataRecord, actor: Actor, at: string): Decision =>
  policy.decide({ action: 'retain', data, actor, at });

const deletion = (decision: Decision): Obligation | undefined =>
  decision.obligations.find((o) => o.code === 'delete-when-retention-ends');

/** Received 2021-03-15 10:00 JST: held to 2022-03-16T00:00:00+09:00. */
const reading = measurement();
const ENDS_AT = d('2022-03-16T00:00:00+09:00');

const PROVIDER_SIDE: Actor[] = ['provider', 'subcontractor'];

describe('decide: retain', () => {
  describe('under the 2020-12-01 terms (13(4))', () => {
    it.each(PROVIDER_SIDE)(
      'lets the %s hold measurement data within a year of receipt, with its deletion due when the year ends (13(4))',
      (actor) => {
        const decision = retain(reading, actor, '2021-06-01T10:00:00+09:00');
        expect(decision).toMatchObject({ effect: 'permit', allowed: true, terms: '2020-12-01' });
        expect(refs(decision.basis)).toEqual([ART_13_4]);
        expect(decision.reasons.map((r) => r.code)).toEqual(['held-within-retention-period']);
        const obligation = deletion(decision);
        expect(obligation?.dueAt).toEqual(ENDS_AT);
        expect(obligation && refs([obligation.basis])).toEqual([ART_13_4]);
      },
    );

    it.each(PROVIDER_SIDE)(
      'lets the %s hold measurement data at 2022-03-15T23:59:59.999+09:00, the last millisecond of its year (13(4))',
      (actor) => {
        const decision = retain(reading, actor, '2022-03-15T23:59:59.999+09:00');
        expect(decision).toBePermitted();
        expect(deletion(decision)?.dueAt).toEqual(ENDS_AT);
      },
    );

    it.each(PROVIDER_SIDE)(
      'denies the %s holding measurement data from the instant its year ends, 2022-03-16T00:00:00+09:00 (13(4))',
      (actor) => {
        const decision = retain(reading, actor, '2022-03-16T00:00:00+09:00');
        expect(decision).toMatchObject({ effect: 'deny', allowed: false, terms: '2020-12-01' });
        expect(refs(decision.basis)).toEqual([ART_13_4]);
        expect(decision.reasons.map((r) => r.code)).toEqual(['retention-period-ended']);
        expect(decision.obligations).toEqual([]);
      },
    );

    it('counts the year from receipt at exactly 00:00 JST including that day (13(4), Civil Code 140)', () => {
      const atMidnight = measurement({ receivedAt: '2021-03-16T00:00:00+09:00' });
      expect(retain(atMidnight, 'provider', '2022-03-15T23:59:59.999+09:00')).toBePermitted();
      expect(retain(atMidnight, 'provider', '2022-03-16T00:00:00+09:00')).toBeDenied();
    });

    it('permits holding under an extension decided within the year, its deletion due at `until` (13(4))', () => {
      const extended = measurement({
        retentionExtensions: [
          {
            decidedAt: '2022-03-01T09:00:00+09:00',
            reason: 'fault investigation',
            until: '2022-09-16T00:00:00+09:00',
          },
        ],
      });
      const within = retain(extended, 'provider', '2022-03-15T23:59:59.999+09:00');
      expect(within).toBePermitted();
      const decision = retain(extended, 'subcontractor', '2022-03-16T00:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2020-12-01' });
      expect(refs(decision.basis)).toEqual([ART_13_4]);
      expect(decision.reasons.map((r) => r.code)).toEqual(['held-under-extension']);
      expect(deletion(decision)?.dueAt).toEqual(d('2022-09-16T00:00:00+09:00'));
      expect(retain(extended, 'provider', '2022-09-15T23:59:59.999+09:00')).toBePermitted();
    });

    it('denies holding at the extension’s `until`, which is exclusive (13(4))', () => {
      const extended = measurement({
        retentionExtensions: [
          {
            decidedAt: '2022-03-01T09:00:00+09:00',
            reason: 'fault investigation',
            until: '2022-09-16T00:00:00+09:00',
          },
        ],
      });
      const decision = retain(extended, 'provider', '2022-09-16T00:00:00+09:00');
      expect(decision).toBeDenied();
      expect(decision.reasons.map((r) => r.code)).toEqual(['retention-period-ended']);
    });

    it('permits holding under an open-ended extension with no deletion date (13(4))', () => {
      const openEnded = measurement({
        retentionExtensions: [{ decidedAt: '2022-03-01T09:00:00+09:00', reason: 'litigation hold' }],
      });
      const decision = retain(openEnded, 'provider', '2027-01-01T00:00:00+09:00');
      expect(decision).toBePermitted();
      expect(decision.obligations.every((o) => o.dueAt === undefined)).toBe(true);
    });

    it('denies holding between the end of the year and an extension decided later (13(4))', () => {
      const late = measurement({
        retentionExtensions: [
          {
            decidedAt: '2022-04-01T09:00:00+09:00',
            reason: 'audit request',
            until: '2022-10-01T00:00:00+09:00',
          },
        ],
      });
      const gap = retain(late, 'provider', '2022-04-01T08:59:59.999+09:00');
      expect(gap).toBeDenied();
      expect(gap.reasons.map((r) => r.code)).toEqual(['retention-period-ended']);
      const after = retain(late, 'provider', '2022-04-01T09:00:00+09:00');
      expect(after).toBePermitted();
      expect(deletion(after)?.dueAt).toEqual(d('2022-10-01T00:00:00+09:00'));
    });

    it('does not count an extension decided a millisecond after the decision (13(4))', () => {
      const decidedLater = measurement({
        retentionExtensions: [{ decidedAt: '2022-06-01T10:00:00.001+09:00', reason: 'audit request' }],
      });
      expect(retain(decidedLater, 'provider', '2022-06-01T10:00:00+09:00')).toBeDenied();
      expect(retain(decidedLater, 'provider', '2022-06-01T10:00:00.001+09:00')).toBePermitted();
    });

    it.each([
      ['derived', derived()],
      ['anonymized', anonymized({ createdAt: '2021-04-01T09:00:00+09:00', itemCategories: ['region'] })],
      ['statistical', statistical({ createdAt: '2021-04-01T09:00:00+09:00' })],
    ])(
      'lets the provider side hold %s data without a time limit: it is not received data (13(4))',
      (_, data) => {
        for (const actor of PROVIDER_SIDE) {
          for (const at of ['2021-06-01T10:00:00+09:00', '2030-01-01T00:00:00+09:00']) {
            const decision = retain(data, actor, at);
            expect(decision).toMatchObject({ effect: 'permit', terms: '2020-12-01' });
            expect(deletion(decision)).toBeUndefined();
          }
        }
      },
    );

    it('lets the user hold its own measurement data without a time limit (Art. 12)', () => {
      for (const at of [
        '2021-06-01T10:00:00+09:00',
        '2022-03-16T00:00:00+09:00',
        '2030-01-01T00:00:00+09:00',
      ]) {
        const decision = retain(reading, 'user', at);
        expect(decision).toMatchObject({ effect: 'permit', terms: '2020-12-01' });
        expect(refs(decision.basis)).toEqual([{ source: 'terms', terms: '2020-12-01', article: 12 }]);
        expect(deletion(decision)).toBeUndefined();
      }
    });

    it('takes the record as JSON and `at` as an ISO string with an offset (SPEC §2)', () => {
      const json = JSON.parse(JSON.stringify(reading)) as DataRecord;
      expect(retain(json, 'provider', '2022-03-15T23:59:59.999+09:00')).toBePermitted();
      expect(retain(json, 'provider', '2022-03-15T15:00:00Z')).toBeDenied();
    });
  });

  describe('under the 2017-04-01 terms (old 13(2))', () => {
    /** Received 2019-03-15 10:00 JST: held to 2020-03-16T00:00:00+09:00. */
    const old = measurement({ id: 'm-2019', receivedAt: '2019-03-15T10:00:00+09:00' });

    it('lets the provider hold measurement data a year from receipt, citing old 13(2)', () => {
      const decision = retain(old, 'provider', '2019-06-01T10:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2017-04-01' });
      expect(refs(decision.basis)).toEqual([OLD_13_2]);
      expect(deletion(decision)?.dueAt).toEqual(d('2020-03-16T00:00:00+09:00'));
    });

    it('denies the provider holding measurement data from the instant its year ends (old 13(2))', () => {
      expect(retain(old, 'provider', '2020-03-15T23:59:59.999+09:00')).toBePermitted();
      const decision = retain(old, 'provider', '2020-03-16T00:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'deny', terms: '2017-04-01' });
      expect(refs(decision.basis)).toEqual([OLD_13_2]);
      expect(decision.reasons.map((r) => r.code)).toEqual(['retention-period-ended']);
    });

    it('lets the provider hold measurement data longer where it decided it needs to (old 13(2) proviso)', () => {
      const kept = measurement({
        id: 'm-2019',
        receivedAt: '2019-03-15T10:00:00+09:00',
        retentionExtensions: [
          {
            decidedAt: '2020-03-01T09:00:00+09:00',
            reason: 'service redesign',
            until: '2020-09-01T00:00:00+09:00',
          },
        ],
      });
      const decision = retain(kept, 'provider', '2020-06-01T10:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2017-04-01' });
      expect(refs(decision.basis)).toEqual([OLD_13_2]);
      expect(deletion(decision)?.dueAt).toEqual(d('2020-09-01T00:00:00+09:00'));
    });

    it('grants a subcontractor nothing: holding measurement data is denied (old 13)', () => {
      const decision = retain(old, 'subcontractor', '2019-06-01T10:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'deny', allowed: false, terms: '2017-04-01' });
      expect(decision.obligations).toEqual([]);
    });

    it('lets the user hold its own measurement data (old Art. 12)', () => {
      const decision = retain(old, 'user', '2020-06-01T10:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2017-04-01' });
    });

    it('has no modelled terms before 2017-04-01 (SPEC §1)', () => {
      expect(() => retain(old, 'provider', '2017-03-31T23:59:59.999+09:00')).toThrow(TermsNotInForceError);
    });
  });

  describe('data received before 2020-12-01 (附則 3)', () => {
    /** Received 2020-06-01 10:00 JST: held to 2021-06-02T00:00:00+09:00 under either version. */
    const before = measurement({ id: 'm-2020', receivedAt: '2020-06-01T10:00:00+09:00' });
    const DUE = d('2021-06-02T00:00:00+09:00');

    it('decides holding under old 13(2) until 2020-11-30T23:59:59.999+09:00', () => {
      const decision = retain(before, 'provider', '2020-11-30T23:59:59.999+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2017-04-01' });
      expect(refs(decision.basis)).toEqual([OLD_13_2]);
      expect(deletion(decision)?.dueAt).toEqual(DUE);
    });

    it('decides holding under 13(4) from 2020-12-01T00:00:00+09:00, the year still counted from receipt (附則 3)', () => {
      const decision = retain(before, 'provider', '2020-12-01T00:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2020-12-01' });
      expect(refs(decision.basis)).toEqual([ART_13_4]);
      expect(deletion(decision)?.dueAt).toEqual(DUE);
    });

    it('lets the subcontractor hold such data only from 2020-12-01T00:00:00+09:00 (13(4), 附則 3)', () => {
      expect(retain(before, 'subcontractor', '2020-11-30T23:59:59.999+09:00')).toMatchObject({
        allowed: false,
        terms: '2017-04-01',
      });
      const decision = retain(before, 'subcontractor', '2020-12-01T00:00:00+09:00');
      expect(decision).toMatchObject({ allowed: true, terms: '2020-12-01' });
      expect(refs(decision.basis)).toEqual([ART_13_4]);
    });

    it('denies holding data whose year from receipt ran out before 2020-12-01 (13(4), 附則 3)', () => {
      const ran = measurement({ id: 'm-2019-11', receivedAt: '2019-11-01T10:00:00+09:00' });
      const decision = retain(ran, 'provider', '2020-12-01T00:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'deny', terms: '2020-12-01' });
      expect(refs(decision.basis)).toEqual([ART_13_4]);
      expect(decision.reasons.map((r) => r.code)).toEqual(['retention-period-ended']);
    });

    it('honours under 13(4) an extension decided under the old terms (附則 3)', () => {
      const kept = measurement({
        id: 'm-2019-10',
        receivedAt: '2019-10-15T10:00:00+09:00',
        retentionExtensions: [{ decidedAt: '2020-10-01T09:00:00+09:00', reason: 'service redesign' }],
      });
      const decision = retain(kept, 'provider', '2020-12-01T00:00:00+09:00');
      expect(decision).toMatchObject({ effect: 'permit', terms: '2020-12-01' });
      expect(refs(decision.basis)).toEqual([ART_13_4]);
    });
  });
});
