import {
  derived as derivedRecord,
  measurement as measurementRecord,
  type RecordOverrides,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  type Citation,
  createPolicy,
  type DataRecord,
  type Decision,
  type DecisionRequest,
  type ObligationCode,
  type Party,
  type ReasonCode,
  type Subitem,
} from '../../../src/index.js';

// Article 13 (計測データの使用) of the 2020-12-01 terms, as SPEC §4 states it, for measurement and derived data.

const policy = createPolicy({ locale: 'en' });

/** A decision instant under the 2020-12-01 terms, before the APPI renumbering of 2022-04-01. */
const AT = '2021-06-01T10:00:00+09:00';
/** A decision instant under the 2020-12-01 terms, after the APPI renumbering. */
const AT_2022 = '2022-06-01T10:00:00+09:00';

// ---------------------------------------------------------------------------------------------------------------
// Records

const measurement = (overrides: RecordOverrides<'measurement'> = {}): DataRecord =>
  measurementRecord({
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2021-03-15T09:59:00+09:00',
    receivedAt: '2021-03-15T10:00:00+09:00',
    personalData: 'none',
    ...overrides,
  });

const derived = (overrides: RecordOverrides<'derived'> = {}): DataRecord =>
  derivedRecord({
    id: 'd-1',
    sources: ['m-1'],
    processedBy: 'provider',
    processedAt: '2021-04-01T09:00:00+09:00',
    personalData: 'none',
    ...overrides,
  });

const personalDerived = (personalData: 'possible' | 'yes') =>
  derived({ id: `d-${personalData}`, personalData });

// ---------------------------------------------------------------------------------------------------------------
// Citations and assertions

type Ref = Omit<Citation, 'label'>;

/** 2020-12-01 Art. 13, cited down to paragraph, item and subitem. */
function art13(paragraph: number, item?: number, subitem?: Subitem): Ref {
  return {
    source: 'terms',
    terms: '2020-12-01',
    article: 13,
    paragraph,
    ...(item !== undefined && { item }),
    ...(subitem !== undefined && { subitem }),
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

/** A citation without its (locale-dependent) label, so it can be compared exactly. */
function ref(c: Citation): Ref {
  const { label: _label, ...rest } = c;
  return rest;
}

const refs = (d: Decision): Ref[] => d.basis.map(ref);
const reasonCodes = (d: Decision): ReasonCode[] => d.reasons.map((r) => r.code);
const obligationCodes = (d: Decision): ObligationCode[] => d.obligations.map((o) => o.code);

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

function expectCitesContract(d: Decision): void {
  expect(d.basis).toContainEqual(expect.objectContaining({ source: 'contract' }));
}

const PASS_ON = ['disclose', 'transfer', 'license', 'sublicense'] as const satisfies readonly Action[];
const OUTSIDERS = ['third-party', 'authority', 'data-subject'] as const satisfies readonly Party[];
const ALL_RECIPIENTS = ['user', 'subcontractor', ...OUTSIDERS] as const satisfies readonly Party[];

const SUBITEM_PURPOSES = [
  ['service-analysis', 'イ'],
  ['incident-response', 'ロ'],
] as const satisfies readonly (readonly [string, Subitem])[];

// ---------------------------------------------------------------------------------------------------------------

describe('Article 13 (2020-12-01)', () => {
  describe('13(3)(1): the provider uses measurement data for the listed purposes only', () => {
    it.each([
      ['service-analysis', 'イ', 'use-for-service-analysis'],
      ['incident-response', 'ロ', 'use-for-incident-response'],
    ] as const)(
      'permits using measurement data for %s (13(3)(1)%s), within that purpose',
      (purpose, subitem, reason) => {
        const d = decide({ action: 'use', actor: 'provider', data: measurement(), purpose, at: AT });
        expectPermit(d, reason);
        expect(refs(d)).toContainEqual(art13(3, 1, subitem));
        expect(d).toOblige('use-within-purpose');
      },
    );

    it('permits incidental use with a recorded justification and requires recording the determination (13(3)(1)ハ)', () => {
      const d = decide({
        action: 'use',
        actor: 'provider',
        data: measurement(),
        purpose: 'incidental',
        justification:
          'Calibrating the leak detector after the firmware update, decided by the service manager',
        at: AT,
      });
      expectPermit(d, 'use-for-incidental-matter');
      expect(refs(d)).toContainEqual(art13(3, 1, 'ハ'));
      expect(obligationCodes(d)).toEqual(
        expect.arrayContaining(['use-within-purpose', 'record-determination']),
      );
    });

    it.each([
      ['without a justification', undefined],
      ['with an empty justification', ''],
      ['with a whitespace-only justification', ' \t\n\u3000'],
      ['with a justification of zero-width and format characters only', '\u200B\u200D\uFEFF\u2060'],
    ])(
      'denies incidental use %s: ハ needs the provider’s determination (13(3)(1)ハ)',
      (_label, justification) => {
        const d = decide({
          action: 'use',
          actor: 'provider',
          data: measurement(),
          purpose: 'incidental',
          justification,
          at: AT,
        });
        expectDeny(d, 'incidental-use-needs-determination');
        expect(d.basis).toContainEqual(
          expect.objectContaining({
            source: 'terms',
            terms: '2020-12-01',
            article: 13,
            paragraph: 3,
            item: 1,
          }),
        );
      },
    );

    it('permits using measurement data for service-provision under the service contract itself', () => {
      const d = decide({
        action: 'use',
        actor: 'provider',
        data: measurement(),
        purpose: 'service-provision',
        at: AT,
      });
      expectPermit(d, 'use-for-service-provision');
      expectCitesContract(d);
    });

    it.each(['marketing', 'resale-to-data-broker', 'credit-scoring'])(
      'denies using measurement data for another purpose such as %s (13(3)(1))',
      (purpose) => {
        const d = decide({ action: 'use', actor: 'provider', data: measurement(), purpose, at: AT });
        expectDeny(d, 'purpose-not-granted');
        expect(refs(d)).toContainEqual(art13(3, 1));
      },
    );

    it('denies other purposes even for personal measurement data with a justification given (13(3)(1))', () => {
      const d = decide({
        action: 'use',
        actor: 'provider',
        data: measurement({ personalData: 'yes' }),
        purpose: 'marketing',
        justification: 'The sales team asked for it',
        at: AT,
      });
      expectDeny(d, 'purpose-not-granted');
      expect(refs(d)).toContainEqual(art13(3, 1));
    });
  });

  describe('13(3)(2): subcontractors', () => {
    describe('the provider discloses measurement data to a subcontractor', () => {
      it.each(SUBITEM_PURPOSES)(
        'permits disclosure to a subcontractor for %s, binding it to the purpose (13(3)(2), 13(3)(1)%s)',
        (purpose, subitem) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'subcontractor',
            data: measurement(),
            purpose,
            at: AT,
          });
          expectPermit(d, 'disclosure-to-subcontractor-for-purpose');
          expect(refs(d)).toEqual(expect.arrayContaining([art13(3, 2), art13(3, 1, subitem)]));
          expect(d).toOblige('bind-subcontractor-to-purpose');
        },
      );

      it('permits disclosure to a subcontractor for an incidental matter with a justification (13(3)(2), 13(3)(1)ハ)', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: measurement(),
          purpose: 'incidental',
          justification: 'Vendor must re-run the anomaly model on last quarter’s data',
          at: AT,
        });
        expectPermit(d, 'disclosure-to-subcontractor-for-purpose');
        expect(refs(d)).toEqual(expect.arrayContaining([art13(3, 2), art13(3, 1, 'ハ')]));
        expect(obligationCodes(d)).toEqual(
          expect.arrayContaining(['bind-subcontractor-to-purpose', 'record-determination']),
        );
      });

      it('denies disclosure to a subcontractor for an incidental matter without a justification (13(3)(2), 13(3)(1)ハ)', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: measurement(),
          purpose: 'incidental',
          justification: '   ',
          at: AT,
        });
        expectDeny(d);
      });

      it('permits disclosure to a subcontractor for service-provision under the service contract', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: measurement(),
          purpose: 'service-provision',
          at: AT,
        });
        expectPermit(d, 'disclosure-to-subcontractor-for-service');
        expectCitesContract(d);
      });

      it.each([
        ['without a purpose', undefined],
        ['for marketing', 'marketing'],
      ])('denies disclosure to a subcontractor %s (13(3)(2))', (_label, purpose) => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'subcontractor',
          data: measurement(),
          purpose,
          at: AT,
        });
        expectDeny(d, 'subcontractor-disclosure-needs-purpose');
        expect(refs(d)).toContainEqual(art13(3, 2));
      });
    });

    describe('a subcontractor acts', () => {
      it.each(SUBITEM_PURPOSES)(
        'permits a subcontractor to use measurement data for %s (13(3)(2), 13(3)(1)%s)',
        (purpose, subitem) => {
          const d = decide({ action: 'use', actor: 'subcontractor', data: measurement(), purpose, at: AT });
          expectPermit(d);
          expect(refs(d)).toEqual(expect.arrayContaining([art13(3, 2), art13(3, 1, subitem)]));
        },
      );

      it('permits a subcontractor to use measurement data for an incidental matter with a justification (13(3)(2), 13(3)(1)ハ)', () => {
        const d = decide({
          action: 'use',
          actor: 'subcontractor',
          data: measurement(),
          purpose: 'incidental',
          justification: 'Provider determined on 2021-05-20 that sensor drift must be checked',
          at: AT,
        });
        expectPermit(d);
        expect(refs(d)).toEqual(expect.arrayContaining([art13(3, 2), art13(3, 1, 'ハ')]));
      });

      it('denies a subcontractor incidental use of measurement data without a justification (13(3)(2))', () => {
        const d = decide({
          action: 'use',
          actor: 'subcontractor',
          data: measurement(),
          purpose: 'incidental',
          at: AT,
        });
        expectDeny(d);
        expect(d.basis).toContainEqual(
          expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3 }),
        );
      });

      it('permits a subcontractor to use measurement data for service-provision (the same purposes as the provider)', () => {
        const d = decide({
          action: 'use',
          actor: 'subcontractor',
          data: measurement(),
          purpose: 'service-provision',
          at: AT,
        });
        expectPermit(d);
      });

      it('denies a subcontractor using measurement data for marketing (13(3)(2))', () => {
        const d = decide({
          action: 'use',
          actor: 'subcontractor',
          data: measurement(),
          purpose: 'marketing',
          at: AT,
        });
        expectDeny(d, 'purpose-not-granted');
        expect(d.basis).toContainEqual(
          expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3 }),
        );
      });

      const subcontractorPassOn = PASS_ON.flatMap((action) =>
        (['third-party', 'user', 'authority', 'data-subject', 'subcontractor'] as const).flatMap(
          (recipient) =>
            (['measurement', 'derived'] as const).map((kind) => [action, kind, recipient] as const),
        ),
      );

      it.each(subcontractorPassOn)(
        'denies a subcontractor to %s %s data to the %s (13(3)(2), 13(3)(3))',
        (action, kind, recipient) => {
          const data = kind === 'measurement' ? measurement() : derived();
          const d = decide({
            action,
            actor: 'subcontractor',
            recipient,
            data,
            purpose: 'service-analysis',
            at: AT,
          });
          expectDeny(d);
          expect(d.basis).toContainEqual(
            expect.objectContaining({ source: 'terms', terms: '2020-12-01', article: 13, paragraph: 3 }),
          );
        },
      );
    });
  });

  describe('13(3)(3): processing measurement data and using derived data', () => {
    const processCases = (['provider', 'subcontractor'] as const).flatMap((actor) =>
      [undefined, 'service-analysis', 'marketing'].map((purpose) => [actor, purpose] as const),
    );

    it.each(processCases)(
      'permits the %s to process measurement data for any purpose (%s) (13(3)(3))',
      (actor, purpose) => {
        const d = decide({ action: 'process', actor, data: measurement(), purpose, at: AT });
        expectPermit(d, 'processing-granted');
        expect(refs(d)).toContainEqual(art13(3, 3));
      },
    );

    const derivedUseCases = (['provider', 'subcontractor'] as const).flatMap((actor) =>
      (['use', 'process'] as const).flatMap((action) =>
        ['marketing', 'service-analysis'].map((purpose) => [actor, action, purpose] as const),
      ),
    );

    it.each(derivedUseCases)(
      'permits the %s to %s derived data (purpose %s) (13(3)(3))',
      (actor, action, purpose) => {
        const d = decide({ action, actor, data: derived(), purpose, at: AT });
        expectPermit(d, 'derived-use-granted');
        expect(refs(d)).toContainEqual(art13(3, 3));
      },
    );
  });

  describe('13(3)(4): only derived data may leave the provider', () => {
    describe('raw measurement data', () => {
      it.each(OUTSIDERS)('denies disclosing raw measurement data to the %s (13(3)(4))', (recipient) => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient,
          data: measurement(),
          purpose: 'service-analysis',
          at: AT,
        });
        expectDeny(d, 'raw-measurement-data-may-not-leave');
        expect(refs(d)).toContainEqual(art13(3, 4));
      });

      const nonDisclosure = (['transfer', 'license', 'sublicense'] as const).flatMap((action) =>
        ALL_RECIPIENTS.map((recipient) => [action, recipient] as const),
      );

      it.each(nonDisclosure)(
        'denies the provider to %s raw measurement data to the %s (13(3)(4))',
        (action, recipient) => {
          const d = decide({
            action,
            actor: 'provider',
            recipient,
            data: measurement(),
            purpose: 'service-provision',
            at: AT,
          });
          expectDeny(d, 'raw-measurement-data-may-not-leave');
          expect(refs(d)).toContainEqual(art13(3, 4));
        },
      );

      it('permits showing the user its own measurement data under the service contract', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'user',
          data: measurement(),
          at: AT,
        });
        expectPermit(d, 'shown-to-user-under-contract');
        expectCitesContract(d);
      });
    });

    describe('derived data that is not personal information', () => {
      const cases = PASS_ON.flatMap((action) =>
        ALL_RECIPIENTS.map((recipient) => [action, recipient] as const),
      );

      it.each(cases)('permits the provider to %s derived data to the %s (13(3)(4))', (action, recipient) => {
        const d = decide({ action, actor: 'provider', recipient, data: derived(), at: AT_2022 });
        expectPermit(d, 'derived-sharing-granted');
        expect(refs(d)).toContainEqual(art13(3, 4));
      });

      it('treats derived data without a personalData field as not personal (13(3)(4))', () => {
        const d = decide({
          action: 'license',
          actor: 'provider',
          recipient: 'third-party',
          data: derived({ personalData: undefined }),
          at: AT_2022,
        });
        expectPermit(d, 'derived-sharing-granted');
      });
    });

    describe('derived data that is or may be personal information (APPI 27)', () => {
      const toThirdParty = (['possible', 'yes'] as const).flatMap((personalData) =>
        PASS_ON.flatMap((action) =>
          (['third-party', 'authority'] as const).map(
            (recipient) => [action, personalData, recipient] as const,
          ),
        ),
      );

      it.each(toThirdParty)(
        'denies the provider to %s derived data whose personalData is %s to the %s without consent (APPI 27(1))',
        (action, personalData, recipient) => {
          const d = decide({
            action,
            actor: 'provider',
            recipient,
            data: personalDerived(personalData),
            at: AT_2022,
          });
          expectDeny(d, 'personal-data-needs-consent');
          expect(refs(d)).toContainEqual(appi(27, 1));
        },
      );

      it.each(PASS_ON)(
        'permits the provider to %s personal derived data to a third party with the data subject’s consent granted at the same millisecond (APPI 27(1))',
        (action) => {
          const d = decide({
            action,
            actor: 'provider',
            recipient: 'third-party',
            data: personalDerived('yes'),
            consent: { from: 'data-subject', form: 'written', grantedAt: '2022-06-01T10:00:00.000+09:00' },
            at: '2022-06-01T10:00:00.000+09:00',
          });
          expectPermit(d, 'personal-data-with-consent');
          expect(refs(d)).toContainEqual(appi(27, 1));
        },
      );

      it('permits disclosing possibly-personal derived data to a third party with the data subject’s earlier electronic consent (APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: personalDerived('possible'),
          consent: { from: 'data-subject', form: 'electronic', grantedAt: '2022-05-01T09:00:00+09:00' },
          at: AT_2022,
        });
        expectPermit(d, 'personal-data-with-consent');
      });

      it('denies disclosing personal derived data to a third party when the consent is granted 1 ms after the decision (APPI 27(1))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: personalDerived('yes'),
          consent: { from: 'data-subject', form: 'written', grantedAt: '2022-06-01T10:00:00.001+09:00' },
          at: '2022-06-01T10:00:00.000+09:00',
        });
        expectDeny(d, 'personal-data-needs-consent');
        expect(refs(d)).toContainEqual(appi(27, 1));
      });

      it.each(['user', 'third-party'] as const)(
        'denies disclosing personal derived data to a third party on consent from the %s instead of the data subject (APPI 27(1))',
        (from) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'third-party',
            data: personalDerived('yes'),
            consent: { from, form: 'written', grantedAt: '2022-01-01T09:00:00+09:00' },
            at: AT_2022,
          });
          expectDeny(d, 'personal-data-needs-consent');
          expect(refs(d)).toContainEqual(appi(27, 1));
        },
      );

      it.each(['third-party', 'authority'] as const)(
        'permits providing personal derived data to the %s when a law requires it (APPI 27(1)(1))',
        (recipient) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient,
            data: personalDerived('yes'),
            legalBasis: 'law',
            at: AT_2022,
          });
          expectPermit(d, 'personal-data-required-by-law');
          expect(refs(d)).toContainEqual(appi(27, 1, 1));
        },
      );

      it.each(['authority', 'third-party'] as const)(
        'permits providing personal derived data to the %s on an authority’s request (APPI 27(1)(4))',
        (recipient) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient,
            data: personalDerived('possible'),
            legalBasis: 'authority-request',
            at: AT_2022,
          });
          expectPermit(d, 'personal-data-requested-by-authority');
          expect(refs(d)).toContainEqual(appi(27, 1, 4));
        },
      );

      it.each(['possible', 'yes'] as const)(
        'permits disclosing derived data whose personalData is %s to a subcontractor, supervising it (APPI 27(5)(1))',
        (personalData) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'subcontractor',
            data: personalDerived(personalData),
            at: AT_2022,
          });
          expectPermit(d, 'personal-data-to-subcontractor');
          expect(refs(d)).toContainEqual(appi(27, 5, 1));
          expect(d).toOblige('supervise-subcontractor');
        },
      );

      it('permits disclosing personal derived data to the data subject itself, who is no third party (13(3)(4))', () => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'data-subject',
          data: personalDerived('yes'),
          at: AT_2022,
        });
        expectPermit(d);
        expect(refs(d)).toContainEqual(art13(3, 4));
      });
    });

    describe('APPI article numbers follow the decision date (renumbered 2022-04-01 00:00 JST)', () => {
      const EDITIONS = [
        ['2020-12-01T00:00:00+09:00', 23, 22],
        [AT, 23, 22],
        ['2022-03-31T23:59:59.999+09:00', 23, 22],
        ['2022-04-01T00:00:00+09:00', 27, 25],
        [AT_2022, 27, 25],
      ] as const;

      /** Every APPI article a decision cites, in its basis or its obligations. */
      const appiArticles = (d: Decision): number[] =>
        [...d.basis, ...d.obligations.map((o) => o.basis)]
          .filter((c) => c.source === 'appi')
          .map((c) => c.article ?? Number.NaN);

      it.each(EDITIONS)(
        'cites APPI third-party provision without consent at %s as article %i(1)',
        (at, thirdParty) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'third-party',
            data: personalDerived('yes'),
            at,
          });
          expectDeny(d);
          expect(refs(d)).toContainEqual(appi(thirdParty, 1));
          expect(appiArticles(d).every((n) => n === thirdParty)).toBe(true);
        },
      );

      it.each(EDITIONS)('cites a provision required by law at %s as APPI %i(1)(1)', (at, thirdParty) => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          recipient: 'third-party',
          data: personalDerived('yes'),
          legalBasis: 'law',
          at,
        });
        expectPermit(d);
        expect(refs(d)).toContainEqual(appi(thirdParty, 1, 1));
        expect(appiArticles(d).every((n) => n === thirdParty)).toBe(true);
      });

      it.each(EDITIONS)(
        'cites a provision at an authority’s request at %s as APPI %i(1)(4)',
        (at, thirdParty) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'authority',
            data: personalDerived('possible'),
            legalBasis: 'authority-request',
            at,
          });
          expectPermit(d);
          expect(refs(d)).toContainEqual(appi(thirdParty, 1, 4));
          expect(appiArticles(d).every((n) => n === thirdParty)).toBe(true);
        },
      );

      it.each(EDITIONS)('cites consent at %s as APPI %i(1)', (at, thirdParty) => {
        const d = decide({
          action: 'license',
          actor: 'provider',
          recipient: 'third-party',
          data: personalDerived('yes'),
          consent: { from: 'data-subject', form: 'written', grantedAt: at },
          at,
        });
        expectPermit(d);
        expect(refs(d)).toContainEqual(appi(thirdParty, 1));
        expect(appiArticles(d).every((n) => n === thirdParty)).toBe(true);
      });

      it.each(EDITIONS)(
        'cites outsourcing at %s as APPI %i(5)(1) and supervision as APPI %i',
        (at, thirdParty, supervision) => {
          const d = decide({
            action: 'disclose',
            actor: 'provider',
            recipient: 'subcontractor',
            data: personalDerived('yes'),
            at,
          });
          expectPermit(d);
          expect(refs(d)).toContainEqual(appi(thirdParty, 5, 1));
          const supervise = d.obligations.find((o) => o.code === 'supervise-subcontractor');
          expect(supervise?.basis).toMatchObject({ source: 'appi', article: supervision });
          expect(appiArticles(d).every((n) => n === thirdParty || n === supervision)).toBe(true);
        },
      );
    });
  });

  describe('13(2): the user', () => {
    const USER_CASES: readonly (readonly [string, 'measurement' | 'derived', Action, Ref[]])[] = [
      ['use measurement data', 'measurement', 'use', [art13(2, 1)]],
      ['disclose measurement data', 'measurement', 'disclose', [art13(2, 2)]],
      ['transfer measurement data', 'measurement', 'transfer', [art13(2, 2)]],
      ['license measurement data', 'measurement', 'license', [art13(2, 2)]],
      ['republish measurement data', 'measurement', 'republish', [art13(2, 2)]],
      ['sublicense measurement data', 'measurement', 'sublicense', [art13(2, 2), art13(1)]],
      ['process measurement data', 'measurement', 'process', [art13(2, 3)]],
      ['anonymize measurement data', 'measurement', 'anonymize', [art13(2, 3)]],
      ['use derived data', 'derived', 'use', [art13(2, 3)]],
      ['process derived data', 'derived', 'process', [art13(2, 3)]],
      ['disclose derived data', 'derived', 'disclose', [art13(2, 4)]],
      ['transfer derived data', 'derived', 'transfer', [art13(2, 4)]],
      ['license derived data', 'derived', 'license', [art13(2, 4)]],
      ['sublicense derived data', 'derived', 'sublicense', [art13(2, 4)]],
    ];

    it.each(USER_CASES)('permits the user to %s (13(2))', (_label, kind, action, expected) => {
      const data = kind === 'measurement' ? measurement() : derived({ processedBy: 'user' });
      const recipientNeeded = (PASS_ON as readonly Action[]).includes(action);
      const d = decide({
        action,
        actor: 'user',
        data,
        at: AT,
        ...(action === 'use' && { purpose: 'marketing' }),
        ...(recipientNeeded && { recipient: 'third-party' as const }),
      });
      expectPermit(d);
      expect(refs(d)).toEqual(expect.arrayContaining(expected));
    });

    it('cites both 13(2)(2) and 13(1) when the user sublicenses measurement data', () => {
      const d = decide({
        action: 'sublicense',
        actor: 'user',
        recipient: 'third-party',
        data: measurement(),
        at: AT,
      });
      expectPermit(d, 'user-may-sublicense-measurement-data');
      expect(refs(d)).toContainEqual(art13(2, 2));
      expect(refs(d)).toContainEqual(art13(1));
    });
  });

  describe('which terms decide (附則 1, 附則 3)', () => {
    it('governs measurement data received before 2020-12-01 by the new Art. 13 when the decision is after (附則 3)', () => {
      const old = measurement({
        id: 'm-old',
        measuredAt: '2020-11-30T23:58:00+09:00',
        receivedAt: '2020-11-30T23:59:00+09:00',
      });
      const use = decide({
        action: 'use',
        actor: 'provider',
        data: old,
        purpose: 'service-analysis',
        at: '2020-12-15T10:00:00+09:00',
      });
      expectPermit(use, 'use-for-service-analysis');
      expect(refs(use)).toContainEqual(art13(3, 1, 'イ'));

      const process = decide({
        action: 'process',
        actor: 'provider',
        data: old,
        at: '2020-12-15T10:00:00+09:00',
      });
      expectPermit(process, 'processing-granted');
      expect(refs(process)).toContainEqual(art13(3, 3));

      const leak = decide({
        action: 'license',
        actor: 'provider',
        recipient: 'third-party',
        data: old,
        at: '2020-12-15T10:00:00+09:00',
      });
      expectDeny(leak, 'raw-measurement-data-may-not-leave');
      expect(refs(leak)).toContainEqual(art13(3, 4));
    });

    it('applies the new Art. 13(3)(4) from 2020-12-01T00:00:00+09:00 exactly, and not 1 ms before', () => {
      const request = {
        action: 'license',
        actor: 'provider',
        recipient: 'third-party',
        data: derived({ processedAt: '2020-11-01T09:00:00+09:00' }),
      } as const;
      const from = decide({ ...request, at: '2020-12-01T00:00:00+09:00' });
      expectPermit(from, 'derived-sharing-granted');
      expect(refs(from)).toContainEqual(art13(3, 4));

      const before = decide({ ...request, at: '2020-11-30T23:59:59.999+09:00' });
      expect(before).toBeDenied();
      expect(before).toMatchObject({ terms: '2017-04-01' });
    });
  });

  describe('every Art. 13 decision', () => {
    const ACTORS = ['provider', 'subcontractor', 'user'] as const satisfies readonly Actor[];
    const ACTIONS = [
      'use',
      'process',
      ...PASS_ON,
      'anonymize',
      'republish',
    ] as const satisfies readonly Action[];
    const KINDS = ['measurement', 'derived', 'personal derived'] as const;
    const PURPOSES = [
      'service-provision',
      'service-analysis',
      'incident-response',
      'incidental',
      'marketing',
    ] as const;
    const INSTANTS = ['2020-12-01T00:00:00+09:00', AT, '2022-04-01T00:00:00+09:00'] as const;

    const record = (kind: (typeof KINDS)[number]): DataRecord =>
      kind === 'measurement' ? measurement() : kind === 'derived' ? derived() : personalDerived('yes');

    function requestsFor(actor: Actor, action: Action, kind: (typeof KINDS)[number]): DecisionRequest[] {
      const data = record(kind);
      const requests: DecisionRequest[] = [];
      for (const at of INSTANTS) {
        const purposes = action === 'use' ? PURPOSES : [undefined, 'service-analysis'];
        const recipients = (PASS_ON as readonly Action[]).includes(action) ? ALL_RECIPIENTS : [undefined];
        for (const purpose of purposes)
          for (const recipient of recipients)
            for (const justification of [undefined, 'Provider decided this on 2020-11-20'])
              requests.push({ action, actor, data, purpose, recipient, justification, at });
      }
      return requests;
    }

    const cases = ACTORS.flatMap((actor) =>
      ACTIONS.flatMap((action) => KINDS.map((kind) => [actor, action, kind] as const)),
    );

    it.each(cases)(
      'for the %s to %s %s data: is decided by the 2020-12-01 terms, cites down to the paragraph, and denies carry no obligations',
      (actor, action, kind) => {
        for (const request of requestsFor(actor, action, kind)) {
          const d = decide(request);
          const context = JSON.stringify({ ...request, data: kind });
          expect(d.terms, context).toBe('2020-12-01');
          expect(d.at.getTime(), context).toBe(new Date(request.at as string).getTime());
          expect(d.allowed, context).toBe(d.effect === 'permit');
          expect(d.basis.length, context).toBeGreaterThan(0);
          if (d.effect === 'deny') expect(d.obligations, context).toEqual([]);
          const citations = [...d.basis, ...d.obligations.map((o) => o.basis)];
          for (const c of citations.filter((x) => x.source === 'terms')) {
            expect(c.terms, context).toBe('2020-12-01');
            expect(c.article, context).toBeTypeOf('number');
            expect(c.paragraph, context).toBeTypeOf('number');
          }
        }
      },
    );
  });
});
