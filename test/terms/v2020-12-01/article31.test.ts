import {
  anonymized as anonymizedRecord,
  measurement as measurementRecord,
  type RecordOverrides,
  statistical as statisticalRecord,
  userInformation as userInformationRecord,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Citation,
  type ConsentForm,
  type ConsentInput,
  canTransmit,
  createPolicy,
  type DataRecord,
  type Decision,
  type DecisionRequest,
  type MeasurementRecord,
  type ObligationCode,
  type Party,
  PolicyInputError,
  type ReasonCode,
} from '../../../src/index.js';

// Article 31 (個人情報の保護) of the 2020-12-01 terms, as SPEC §4 states it: the transmission gate (31(2)), user
// information under the APPI (31(1)), anonymized and statistical information (31(3)), and the APPI article
// numbers in force at each decision's instant.

const policy = createPolicy({ locale: 'en' });

/** A decision instant under the 2020-12-01 terms, before the APPI renumbering of 2022-04-01. */
const AT = '2021-06-01T10:00:00+09:00';
/** The same instant one millisecond later and earlier. */
const AT_PLUS_1MS = '2021-06-01T10:00:00.001+09:00';
const AT_MINUS_1MS = '2021-06-01T09:59:59.999+09:00';
/** The first instant of the 2020-12-01 terms, and the last one before it. */
const TERMS_START = '2020-12-01T00:00:00+09:00';
const BEFORE_TERMS = '2020-11-30T23:59:59.999+09:00';
/** The last instant of the old APPI numbering, and the first of the new. */
const BEFORE_RENUMBERING = '2022-03-31T23:59:59.999+09:00';
const RENUMBERING = '2022-04-01T00:00:00+09:00';

// ---------------------------------------------------------------------------------------------------------------
// Records

const measurement = (overrides: RecordOverrides<'measurement'> = {}): MeasurementRecord =>
  measurementRecord({
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2021-03-15T09:59:00+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'none',
    ...overrides,
  });

const userInformation = (subject: 'user' | 'officer' | 'employee' | 'other-staff' = 'employee'): DataRecord =>
  userInformationRecord({
    id: `u-${subject}`,
    subject,
    source: 'application',
    collectedAt: '2020-04-01T09:00:00+09:00',
  });

const anonymized = (): DataRecord =>
  anonymizedRecord({
    id: 'a-1',
    sources: ['m-1', 'u-1'],
    createdAt: '2021-05-01T00:00:00+09:00',
    itemCategories: ['region', 'leakage-current'],
  });

const statistical = (): DataRecord =>
  statisticalRecord({ id: 'st-1', sources: ['m-1', 'm-2'], createdAt: '2021-05-01T00:00:00+09:00' });

// ---------------------------------------------------------------------------------------------------------------
// Citations and assertions

type Ref = Omit<Citation, 'label'>;

/** An article of the 2020-12-01 terms. */
function terms(article: number, paragraph?: number, item?: number): Ref {
  return {
    source: 'terms',
    terms: '2020-12-01',
    article,
    ...(paragraph !== undefined && { paragraph }),
    ...(item !== undefined && { item }),
  };
}

function appi(article: number, paragraph?: number, item?: number): Ref {
  return {
    source: 'appi',
    article,
    ...(paragraph !== undefined && { paragraph }),
    ...(item !== undefined && { item }),
  };
}

const ART_31_1 = terms(31, 1);
const ART_31_2 = terms(31, 2);
const ART_31_3 = terms(31, 3);

/** A citation without its (locale-dependent) label, so it can be compared exactly. */
function ref(c: Citation): Ref {
  const { label: _label, ...rest } = c;
  return rest;
}

const refs = (d: Decision): Ref[] => d.basis.map(ref);
const reasonCodes = (d: Decision): ReasonCode[] => d.reasons.map((r) => r.code);
const obligationCodes = (d: Decision): ObligationCode[] => d.obligations.map((o) => o.code);
const obligationBasis = (d: Decision, code: ObligationCode): Ref | undefined => {
  const found = d.obligations.find((o) => o.code === code);
  return found === undefined ? undefined : ref(found.basis);
};
/** Every APPI citation a decision carries, in its basis and in its obligations. */
const appiRefs = (d: Decision): Ref[] =>
  [...d.basis, ...d.obligations.map((o) => o.basis)].filter((c) => c.source === 'appi').map(ref);

function decide(request: DecisionRequest): Decision {
  return policy.decide(request);
}

function expectPermit(d: Decision, reason?: ReasonCode): void {
  expect(d).toBePermitted();
  expect(d.terms).toBe('2020-12-01');
  expect(d.basis.length).toBeGreaterThan(0);
  if (reason !== undefined) expect(reasonCodes(d)).toContain(reason);
}

function expectDeny(d: Decision, reason?: ReasonCode): void {
  expect(d).toBeDenied();
  expect(d.terms).toBe('2020-12-01');
  expect(d.basis.length).toBeGreaterThan(0);
  expect(d.obligations).toEqual([]);
  if (reason !== undefined) expect(reasonCodes(d)).toContain(reason);
}

const PASS_ON = ['disclose', 'transfer', 'license', 'sublicense'] as const satisfies readonly Action[];
const FORMS = ['written', 'electronic', 'oral'] as const satisfies readonly ConsentForm[];
const NOT_THE_PROVIDER = [
  'user',
  'subcontractor',
  'third-party',
  'authority',
  'data-subject',
] as const satisfies readonly Party[];

// ---------------------------------------------------------------------------------------------------------------

describe('Article 31 (2020-12-01)', () => {
  describe('31(2): the user transmits measurement data to the data centre', () => {
    const transmit = (
      personalData: 'none' | 'possible' | 'yes',
      consent?: ConsentInput,
      at: string = AT,
    ): Decision =>
      decide({
        action: 'transmit',
        actor: 'user',
        data: measurement({ personalData }),
        at,
        ...(consent !== undefined && { consent }),
      });

    const written = (grantedAt: string): ConsentInput => ({ from: 'provider', form: 'written', grantedAt });

    function expectBackupDuty(d: Decision): void {
      expect(d).toOblige('user-keeps-backup');
      expect(obligationBasis(d, 'user-keeps-backup')).toEqual(terms(12));
    }

    it('permits transmitting data that is not personal information, reminding the user to keep a backup (31(2), 12)', () => {
      const d = transmit('none');
      expectPermit(d, 'transmission-without-personal-data');
      expectBackupDuty(d);
    });

    it('permits transmitting non-personal data whatever consent is attached (31(2))', () => {
      const d = transmit('none', {
        from: 'third-party',
        form: 'oral',
        grantedAt: '2021-07-01T00:00:00+09:00',
      });
      expectPermit(d, 'transmission-without-personal-data');
      expectBackupDuty(d);
    });

    it.each(['possible', 'yes'] as const)(
      'denies transmitting %s personal data without any consent (31(2))',
      (personalData) => {
        const d = transmit(personalData);
        expectDeny(d, 'transmission-needs-written-consent');
        expect(refs(d)).toContainEqual(ART_31_2);
      },
    );

    it.each(['possible', 'yes'] as const)(
      'permits transmitting %s personal data with the provider’s written consent granted before (31(2), 12)',
      (personalData) => {
        const d = transmit(personalData, written('2021-05-20T09:00:00+09:00'));
        expectPermit(d, 'transmission-with-written-consent');
        expect(refs(d)).toContainEqual(ART_31_2);
        expectBackupDuty(d);
      },
    );

    it('permits transmitting possibly personal data with written consent granted at the same millisecond (31(2))', () => {
      const d = transmit('possible', written(AT));
      expectPermit(d, 'transmission-with-written-consent');
      expectBackupDuty(d);
    });

    it('permits with written consent at the same instant written in another offset (31(2))', () => {
      const d = transmit('yes', written('2021-06-01T01:00:00.000Z'));
      expectPermit(d, 'transmission-with-written-consent');
    });

    it('permits with written consent granted 1 ms before the transmission (31(2))', () => {
      expectPermit(transmit('possible', written(AT_MINUS_1MS)), 'transmission-with-written-consent');
    });

    it.each(['possible', 'yes'] as const)(
      'denies transmitting %s personal data with written consent granted 1 ms later: consent must come first (31(2))',
      (personalData) => {
        const d = transmit(personalData, written(AT_PLUS_1MS));
        expectDeny(d, 'transmission-needs-written-consent');
        expect(refs(d)).toContainEqual(ART_31_2);
      },
    );

    it('denies transmitting possibly personal data with only electronic consent (31(2))', () => {
      const d = transmit('possible', {
        from: 'provider',
        form: 'electronic',
        grantedAt: '2021-05-20T09:00:00+09:00',
      });
      expectDeny(d, 'transmission-needs-written-consent');
      expect(refs(d)).toContainEqual(ART_31_2);
    });

    it('denies transmitting personal data with only oral consent (31(2))', () => {
      const d = transmit('yes', { from: 'provider', form: 'oral', grantedAt: '2021-05-20T09:00:00+09:00' });
      expectDeny(d, 'transmission-needs-written-consent');
      expect(refs(d)).toContainEqual(ART_31_2);
    });

    it.each(NOT_THE_PROVIDER)(
      'denies transmitting possibly personal data with written consent from the %s instead of the provider (31(2))',
      (from) => {
        const d = transmit('possible', { from, form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' });
        expectDeny(d, 'transmission-needs-written-consent');
        expect(refs(d)).toContainEqual(ART_31_2);
      },
    );

    it('permits a written consent given before the 2020-12-01 terms took effect (31(2): prior consent)', () => {
      expectPermit(
        transmit('yes', written('2020-11-15T10:00:00+09:00')),
        'transmission-with-written-consent',
      );
    });

    it('permits transmitting personal data at 2020-11-30T23:59:59.999+09:00 under the 2017-04-01 terms, which had no ban', () => {
      const d = transmit('yes', undefined, BEFORE_TERMS);
      expect(d).toBePermitted();
      expect(d.terms).toBe('2017-04-01');
      expect(d).toOblige('user-keeps-backup');
    });

    it('denies transmitting personal data without consent from 2020-12-01T00:00:00+09:00 (31(2))', () => {
      const d = transmit('yes', undefined, TERMS_START);
      expectDeny(d, 'transmission-needs-written-consent');
      expect(refs(d)).toContainEqual(ART_31_2);
    });

    it('permits transmitting personal data at 2020-12-01T00:00:00+09:00 with written consent granted at that instant (31(2))', () => {
      expectPermit(transmit('possible', written(TERMS_START), TERMS_START));
    });

    it('still applies the 31(2) gate after the APPI renumbering (2022-04-01T00:00:00+09:00)', () => {
      expectDeny(transmit('possible', undefined, RENUMBERING), 'transmission-needs-written-consent');
      expectPermit(transmit('possible', written(RENUMBERING), RENUMBERING));
    });
  });

  describe('canTransmit: the boolean shortcut for 31(2)', () => {
    const at = AT;

    it('answers true for data that is not personal information (31(2))', () => {
      expect(policy.canTransmit(measurement(), { at })).toBe(true);
    });

    it('answers false for possibly personal data without written consent (31(2))', () => {
      expect(policy.canTransmit(measurement({ personalData: 'possible' }), { at })).toBe(false);
      expect(
        policy.canTransmit(measurement({ personalData: 'possible' }), {
          at,
          consent: { from: 'provider', form: 'electronic', grantedAt: '2021-05-20T09:00:00+09:00' },
        }),
      ).toBe(false);
    });

    it('answers true with the provider’s written consent at the same millisecond, false 1 ms later (31(2))', () => {
      const data = measurement({ personalData: 'yes' });
      expect(
        policy.canTransmit(data, { at, consent: { from: 'provider', form: 'written', grantedAt: at } }),
      ).toBe(true);
      expect(
        policy.canTransmit(data, {
          at,
          consent: { from: 'provider', form: 'written', grantedAt: AT_PLUS_1MS },
        }),
      ).toBe(false);
    });

    it('decides as the user, whatever the policy’s default actor (31(2))', () => {
      const providerPolicy = createPolicy({ actor: 'provider' });
      expect(providerPolicy.canTransmit(measurement(), { at })).toBe(true);
    });

    it('accepts an unparsed measurement with ISO timestamps (31(2))', () => {
      const input = {
        kind: 'measurement',
        id: 'm-raw',
        contractId: 'C-1',
        metric: 'water-level',
        measuredAt: '2021-06-01T09:59:00+09:00',
        receivedAt: '2021-06-01T10:00:00+09:00',
        personalData: 'possible',
      } as const;
      expect(policy.canTransmit(input, { at })).toBe(false);
      expect(
        policy.canTransmit(input, {
          at,
          consent: { from: 'provider', form: 'written', grantedAt: '2021-06-01T09:00:00+09:00' },
        }),
      ).toBe(true);
    });

    it('uses the policy’s clock when no instant is given (31(2))', () => {
      const clocked = createPolicy({ clock: () => new Date(AT) });
      const data = measurement({ personalData: 'yes' });
      expect(clocked.canTransmit(data)).toBe(false);
      expect(
        clocked.canTransmit(data, { consent: { from: 'provider', form: 'written', grantedAt: AT } }),
      ).toBe(true);
      expect(
        clocked.canTransmit(data, { consent: { from: 'provider', form: 'written', grantedAt: AT_PLUS_1MS } }),
      ).toBe(false);
    });

    it('is exported at top level, bound to the default policy (31(2))', () => {
      expect(canTransmit(measurement(), { at })).toBe(true);
      expect(canTransmit(measurement({ personalData: 'yes' }), { at })).toBe(false);
    });

    it('throws PolicyInputError for a consent timestamp without an offset rather than answering', () => {
      const data = measurement({ personalData: 'yes' });
      expect(() =>
        policy.canTransmit(data, {
          at,
          consent: { from: 'provider', form: 'written', grantedAt: '2021-05-20T09:00:00' },
        }),
      ).toThrow(PolicyInputError);
    });

    it('throws PolicyInputError for a malformed measurement rather than answering', () => {
      const malformed = { kind: 'measurement', id: 'm-bad', personalData: 'maybe' } as unknown as Parameters<
        typeof policy.canTransmit
      >[0];
      expect(() => policy.canTransmit(malformed, { at })).toThrow(PolicyInputError);
    });
  });

  describe('31(1): the provider handles user information under the APPI and its privacy policy', () => {
    describe('use', () => {
      it('permits using user information for service-provision, the default privacy-policy purpose (31(1), APPI 18(1))', () => {
        const d = decide({
          action: 'use',
          actor: 'provider',
          data: userInformation(),
          purpose: 'service-provision',
          at: RENUMBERING,
        });
        expectPermit(d, 'user-information-within-privacy-policy');
        expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(18, 1)]));
        expect(d).toOblige('handle-under-appi');
      });

      it.each(['marketing', 'service-analysis', 'incident-response'])(
        'denies using user information for %s, not a default privacy-policy purpose (31(1), APPI 18)',
        (purpose) => {
          const d = decide({
            action: 'use',
            actor: 'provider',
            data: userInformation(),
            purpose,
            at: RENUMBERING,
          });
          expectDeny(d, 'user-information-beyond-privacy-policy');
          expect(refs(d)).toContainEqual(ART_31_1);
          expect(d).toCite({ source: 'appi', article: 18 });
        },
      );

      it('permits the purposes the privacyPolicyPurposes option lists, and only those (31(1), APPI 18(1))', () => {
        const custom = createPolicy({ locale: 'en', privacyPolicyPurposes: ['billing', 'service-analysis'] });
        for (const purpose of ['billing', 'service-analysis']) {
          const d = custom.decide({
            action: 'use',
            actor: 'provider',
            data: userInformation(),
            purpose,
            at: AT,
          });
          expectPermit(d, 'user-information-within-privacy-policy');
          expect(refs(d)).toContainEqual(ART_31_1);
          expect(d).toOblige('handle-under-appi');
        }
        for (const purpose of ['service-provision', 'marketing']) {
          const d = custom.decide({
            action: 'use',
            actor: 'provider',
            data: userInformation(),
            purpose,
            at: AT,
          });
          expectDeny(d, 'user-information-beyond-privacy-policy');
        }
      });

      it('denies every purpose when privacyPolicyPurposes is empty (31(1), APPI 18)', () => {
        const none = createPolicy({ locale: 'en', privacyPolicyPurposes: [] });
        const d = none.decide({
          action: 'use',
          actor: 'provider',
          data: userInformation(),
          purpose: 'service-provision',
          at: AT,
        });
        expectDeny(d, 'user-information-beyond-privacy-policy');
      });

      it('refuses a blank privacy-policy purpose when the policy is built', () => {
        expect(() => createPolicy({ privacyPolicyPurposes: ['service-provision', ' '] })).toThrow(
          PolicyInputError,
        );
      });
    });

    describe('disclosure', () => {
      it('permits disclosing user information to a subcontractor as entrustment, to be supervised (31(1), APPI 27(5)(1), 25)', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: userInformation(),
          at: RENUMBERING,
        });
        expectPermit(d, 'user-information-entrusted');
        expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(27, 5, 1)]));
        expect(d).toOblige('supervise-subcontractor');
        expect(obligationBasis(d, 'supervise-subcontractor')).toEqual(appi(25));
      });

      it.each(PASS_ON)(
        'denies to %s user information to a third party without consent (31(1), APPI 27(1))',
        (action) => {
          const d = decide({
            action,
            actor: 'provider',
            recipient: 'third-party',
            data: userInformation(),
            at: RENUMBERING,
          });
          expectDeny(d, 'personal-data-needs-consent');
          expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(27, 1)]));
        },
      );

      it('denies disclosing user information to an authority without a legal basis (APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'authority',
          data: userInformation(),
          at: AT,
        });
        expectDeny(d, 'personal-data-needs-consent');
      });

      it.each(FORMS)(
        'permits disclosing to a third party with the data subject’s %s consent given at the same millisecond (APPI 27(1))',
        (form) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'third-party',
            data: userInformation('employee'),
            consent: { from: 'data-subject', form, grantedAt: RENUMBERING },
            at: RENUMBERING,
          });
          expectPermit(d, 'personal-data-with-consent');
          expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(27, 1)]));
        },
      );

      it('denies disclosing to a third party with the data subject’s consent granted 1 ms later (APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: userInformation('employee'),
          consent: { from: 'data-subject', form: 'written', grantedAt: AT_PLUS_1MS },
          at: AT,
        });
        expectDeny(d, 'personal-data-needs-consent');
      });

      it('permits disclosing information about the user itself with the user’s consent (subject user: APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: userInformation('user'),
          consent: { from: 'user', form: 'written', grantedAt: AT },
          at: AT,
        });
        expectPermit(d, 'personal-data-with-consent');
        expect(refs(d)).toContainEqual(ART_31_1);
      });

      it('denies disclosing information about the user itself with the user’s consent granted 1 ms later (APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: userInformation('user'),
          consent: { from: 'user', form: 'written', grantedAt: AT_PLUS_1MS },
          at: AT,
        });
        expectDeny(d, 'personal-data-needs-consent');
      });

      it.each(['officer', 'employee', 'other-staff'] as const)(
        'denies disclosing information about an %s to a third party on the user’s consent alone: the person must consent (APPI 27(1))',
        (subject) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'third-party',
            data: userInformation(subject),
            consent: { from: 'user', form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' },
            at: AT,
          });
          expectDeny(d, 'personal-data-needs-consent');
        },
      );

      it.each(['provider', 'third-party', 'subcontractor', 'authority'] as const)(
        'denies disclosing to a third party on consent from the %s, who is not the data subject (APPI 27(1))',
        (from) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'third-party',
            data: userInformation('employee'),
            consent: { from, form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' },
            at: AT,
          });
          expectDeny(d, 'personal-data-needs-consent');
        },
      );

      it('permits disclosing user information as a law requires (APPI 27(1)(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'authority',
          data: userInformation(),
          legalBasis: 'law',
          at: RENUMBERING,
        });
        expectPermit(d, 'personal-data-required-by-law');
        expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(27, 1, 1)]));
      });

      it('permits disclosing user information at an authority’s request (APPI 27(1)(4))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'authority',
          data: userInformation(),
          legalBasis: 'authority-request',
          at: RENUMBERING,
        });
        expectPermit(d, 'personal-data-requested-by-authority');
        expect(refs(d)).toEqual(expect.arrayContaining([ART_31_1, appi(27, 1, 4)]));
      });
    });
  });

  describe('31(3): anonymized and statistical information', () => {
    it.each([
      ['measurement data', measurement({ personalData: 'yes' })],
      ['user information', userInformation()],
    ] as const)(
      'permits the provider to anonymize %s, publishing the items and never re-identifying (31(3), APPI 43(1))',
      (_label, data) => {
        const d = decide({ action: 'anonymize', actor: 'provider', data, at: RENUMBERING });
        expectPermit(d, 'anonymization-granted');
        expect(refs(d)).toEqual(expect.arrayContaining([ART_31_3, appi(43, 1)]));
        expect(obligationCodes(d)).toEqual(
          expect.arrayContaining(['publish-anonymized-items', 'do-not-reidentify']),
        );
      },
    );

    describe.each([
      ['anonymized', anonymized],
      ['statistical', statistical],
    ] as const)('%s information (13(3) applied)', (kind, make) => {
      it.each(['use', 'process'] as const)(
        `permits the provider to %s ${kind} information (31(3), 13(3)(3))`,
        (action) => {
          const d = decide({ action, actor: 'provider', data: make(), purpose: 'marketing', at: AT });
          expectPermit(d, 'made-information-use-granted');
          expect(refs(d)).toEqual(expect.arrayContaining([ART_31_3, terms(13, 3, 3)]));
        },
      );

      it.each(PASS_ON)(
        `permits the provider to %s ${kind} information to a third party (31(3), 13(3)(4))`,
        (action) => {
          const d = decide({ action, actor: 'provider', recipient: 'third-party', data: make(), at: AT });
          expectPermit(d, 'made-information-sharing-granted');
          expect(refs(d)).toEqual(expect.arrayContaining([ART_31_3, terms(13, 3, 4)]));
        },
      );
    });

    it.each(PASS_ON)(
      'adds the APPI 43(4) duties when the provider will %s anonymized information to a third party',
      (action) => {
        const d = decide({
          action,
          actor: 'provider',
          recipient: 'third-party',
          data: anonymized(),
          at: RENUMBERING,
        });
        expectPermit(d, 'made-information-sharing-granted');
        expect(obligationCodes(d)).toEqual(
          expect.arrayContaining(['publish-provision-items-and-method', 'state-anonymized-to-recipient']),
        );
        expect(obligationBasis(d, 'publish-provision-items-and-method')).toEqual(appi(43, 4));
        expect(obligationBasis(d, 'state-anonymized-to-recipient')).toEqual(appi(43, 4));
      },
    );

    const statisticalPermits: [Action, Party | undefined][] = [
      ['use', undefined],
      ['process', undefined],
      ...PASS_ON.map((action): [Action, Party] => [action, 'third-party']),
      ...PASS_ON.map((action): [Action, Party] => [action, 'subcontractor']),
      ['retain', undefined],
    ];

    it.each(statisticalPermits)(
      'puts no APPI duty on the provider when it will %s statistical information (to %s): it identifies no one (31(3))',
      (action, recipient) => {
        const d = decide({
          action,
          actor: 'provider',
          data: statistical(),
          ...(recipient !== undefined && { recipient }),
          ...(action === 'use' && { purpose: 'service-analysis' }),
          at: RENUMBERING,
        });
        expectPermit(d);
        expect(d.obligations).toEqual([]);
        expect(appiRefs(d)).toEqual([]);
      },
    );
  });

  describe('APPI citations follow the numbering in force at the decision’s instant (renumbered 2022-04-01)', () => {
    interface RenumberingCase {
      readonly name: string;
      readonly request: (at: string) => DecisionRequest;
      /** The APPI citations expected before the renumbering and from it, basis and obligations together. */
      readonly before: Ref[];
      readonly after: Ref[];
    }

    const cases: RenumberingCase[] = [
      {
        name: 'use of user information within the privacy policy: APPI 18(1), formerly 16(1)',
        request: (at) => ({
          action: 'use',
          actor: 'provider',
          data: userInformation(),
          purpose: 'service-provision',
          at,
        }),
        before: [appi(16, 1)],
        after: [appi(18, 1)],
      },
      {
        name: 'use of user information beyond the privacy policy: APPI 18(1), formerly 16(1)',
        request: (at) => ({
          action: 'use',
          actor: 'provider',
          data: userInformation(),
          purpose: 'marketing',
          at,
        }),
        before: [appi(16, 1)],
        after: [appi(18, 1)],
      },
      {
        name: 'entrustment to a subcontractor: APPI 27(5)(1) and 25, formerly 23(5)(1) and 22',
        request: (at) => ({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: userInformation(),
          at,
        }),
        before: [appi(23, 5, 1), appi(22)],
        after: [appi(27, 5, 1), appi(25)],
      },
      {
        name: 'third-party provision without consent: APPI 27(1), formerly 23(1)',
        request: (at) => ({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: userInformation(),
          at,
        }),
        before: [appi(23, 1)],
        after: [appi(27, 1)],
      },
      {
        name: 'third-party provision with the data subject’s consent: APPI 27(1), formerly 23(1)',
        request: (at) => ({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: userInformation(),
          consent: { from: 'data-subject', form: 'written', grantedAt: '2022-01-01T00:00:00+09:00' },
          at,
        }),
        before: [appi(23, 1)],
        after: [appi(27, 1)],
      },
      {
        name: 'provision required by law: APPI 27(1)(1), formerly 23(1)(1)',
        request: (at) => ({
          action: 'disclose',
          actor: 'provider',
          recipient: 'authority',
          data: userInformation(),
          legalBasis: 'law',
          at,
        }),
        before: [appi(23, 1, 1)],
        after: [appi(27, 1, 1)],
      },
      {
        name: 'provision at an authority’s request: APPI 27(1)(4), formerly 23(1)(4)',
        request: (at) => ({
          action: 'disclose',
          actor: 'provider',
          recipient: 'authority',
          data: userInformation(),
          legalBasis: 'authority-request',
          at,
        }),
        before: [appi(23, 1, 4)],
        after: [appi(27, 1, 4)],
      },
      {
        name: 'anonymizing measurement data: APPI 43(1), (3) and (5), formerly 36',
        request: (at) => ({
          action: 'anonymize',
          actor: 'provider',
          data: measurement({ personalData: 'yes' }),
          at,
        }),
        before: [appi(36, 1), appi(36, 3), appi(36, 5)],
        after: [appi(43, 1), appi(43, 3), appi(43, 5)],
      },
      {
        name: 'anonymizing user information: APPI 43(1), (3) and (5), formerly 36',
        request: (at) => ({ action: 'anonymize', actor: 'provider', data: userInformation(), at }),
        before: [appi(36, 1), appi(36, 3), appi(36, 5)],
        after: [appi(43, 1), appi(43, 3), appi(43, 5)],
      },
      {
        name: 'providing anonymized information to a third party: APPI 43(4), formerly 36(4)',
        request: (at) => ({
          action: 'license',
          actor: 'provider',
          recipient: 'third-party',
          data: anonymized(),
          at,
        }),
        before: [appi(36, 4)],
        after: [appi(43, 4)],
      },
    ];

    describe.each(cases)('$name', ({ request, before, after }) => {
      it('cites the former numbers at 2022-03-31T23:59:59.999+09:00', () => {
        const d = decide(request(BEFORE_RENUMBERING));
        expect(d.terms).toBe('2020-12-01');
        const cited = appiRefs(d);
        expect(cited).toEqual(expect.arrayContaining(before));
        for (const c of cited) expect([16, 22, 23, 36, 37]).toContain(c.article);
      });

      it('cites the current numbers from 2022-04-01T00:00:00+09:00', () => {
        const d = decide(request(RENUMBERING));
        expect(d.terms).toBe('2020-12-01');
        const cited = appiRefs(d);
        expect(cited).toEqual(expect.arrayContaining(after));
        for (const c of cited) expect([18, 25, 27, 43, 44]).toContain(c.article);
      });

      it('gives the same effect and obligations on both sides of the renumbering', () => {
        const before2022 = decide(request(BEFORE_RENUMBERING));
        const from2022 = decide(request(RENUMBERING));
        expect(from2022.effect).toBe(before2022.effect);
        expect(obligationCodes(from2022)).toEqual(obligationCodes(before2022));
      });
    });

    it('labels the citation with the number in force (APPI 23(1) before, 27(1) from 2022-04-01)', () => {
      const request = (at: string): DecisionRequest => ({
        action: 'disclose',
        actor: 'provider',
        recipient: 'third-party',
        data: userInformation(),
        at,
      });
      const labels = (d: Decision) => d.basis.filter((c) => c.source === 'appi').map((c) => c.label);
      expect(labels(decide(request(BEFORE_RENUMBERING)))).toEqual(['APPI Art. 23(1)']);
      expect(labels(decide(request(RENUMBERING)))).toEqual(['APPI Art. 27(1)']);
      const ja = createPolicy();
      expect(
        ja
          .decide(request(BEFORE_RENUMBERING))
          .basis.filter((c) => c.source === 'appi')
          .map((c) => c.label),
      ).toEqual(['個人情報保護法第23条第1項']);
    });
  });
});

describe('Article 31(1) (2020-12-01): the person the user information is about', () => {
  it.each(PASS_ON)(
    'permits to %s user information to its data subject without consent, under the APPI (31(1))',
    (action) => {
      const d = decide({
        action,
        actor: 'provider',
        recipient: 'data-subject',
        data: userInformation('employee'),
        at: AT,
      });
      expectPermit(d, 'personal-data-to-its-subject');
      expect(refs(d)).toEqual([ART_31_1]);
      expect(obligationCodes(d)).toEqual(['handle-under-appi']);
    },
  );

  it('permits giving the user its own information: the user is then the person it is about (31(1))', () => {
    const d = decide({
      action: 'disclose',
      actor: 'provider',
      recipient: 'user',
      data: userInformation('user'),
      at: AT,
    });
    expectPermit(d, 'personal-data-to-its-subject');
    expect(refs(d)).toEqual([ART_31_1]);
  });

  it('denies giving the user an employee’s information without the employee’s consent (31(1), APPI 27(1))', () => {
    const d = decide({
      action: 'disclose',
      actor: 'provider',
      recipient: 'user',
      data: userInformation('employee'),
      at: AT,
    });
    expectDeny(d, 'personal-data-needs-consent');
    expect(refs(d)).toEqual([ART_31_1, appi(23, 1)]);
  });

  it('permits disclosure to a third party with the user’s consent when the user is the subject (APPI 27(1))', () => {
    const d = decide({
      action: 'disclose',
      actor: 'provider',
      recipient: 'third-party',
      data: userInformation('user'),
      consent: { from: 'user', form: 'electronic', grantedAt: AT },
      at: AT,
    });
    expectPermit(d, 'personal-data-with-consent');
    expect(refs(d)).toEqual([ART_31_1, appi(23, 1)]);
  });

  it('denies disclosure of an officer’s information on the user’s consent alone: the officer must consent (APPI 27(1))', () => {
    const d = decide({
      action: 'disclose',
      actor: 'provider',
      recipient: 'third-party',
      data: userInformation('officer'),
      consent: { from: 'user', form: 'written', grantedAt: AT },
      at: AT,
    });
    expectDeny(d, 'personal-data-needs-consent');
  });

  it('denies the user’s-own-information consent route when the consent came after the disclosure (APPI 27(1))', () => {
    const d = decide({
      action: 'disclose',
      actor: 'provider',
      recipient: 'third-party',
      data: userInformation('user'),
      consent: { from: 'user', form: 'written', grantedAt: AT_PLUS_1MS },
      at: AT,
    });
    expectDeny(d, 'personal-data-needs-consent');
  });
});
