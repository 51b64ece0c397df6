import fc from 'fast-check';
import {
  anonymized as anonymizedRecord,
  confidential as confidentialRecord,
  derived as derivedRecord,
  measurement as measurementRecord,
  providerContent as providerContentRecord,
  type RecordOverrides,
  statistical as statisticalRecord,
  userInformation as userInformationRecord,
} from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  ACTORS,
  type Action,
  type Actor,
  type Citation,
  type ConsentForm,
  createPolicy,
  type DataRecord,
  type Decision,
  type DecisionRequest,
  type MeasurementRecord,
  type ObligationCode,
  type Party,
  PolicyError,
  type Purpose,
  type ReasonCode,
  type Subitem,
  TermsNotInForceError,
} from '../../../src/index.js';

// The 2017-04-01 terms (the 現行規約 column of the 2020 amendment table: old Art. 12, 13(1)-(2), 30(1)-(2), 31),
// as SPEC §1, §3 and the last paragraph of §4 state them. They govern decisions from 2017-04-01 00:00 JST until
// 2020-12-01 00:00 JST.

const policy = createPolicy({ locale: 'en' });

const OLD = '2017-04-01';
const NEW = '2020-12-01';

/** An instant well inside the 2017-04-01 terms. */
const AT = '2019-06-01T10:00:00+09:00';
/** The same instant one millisecond later. */
const AT_PLUS_1MS = '2019-06-01T10:00:00.001+09:00';
/** The first instant of the 2017-04-01 terms, and the millisecond before it. */
const OLD_FROM = '2017-04-01T00:00:00+09:00';
const BEFORE_OLD = '2017-03-31T23:59:59.999+09:00';
/** The last millisecond of the 2017-04-01 terms, and the first of the 2020-12-01 terms. */
const OLD_LAST = '2020-11-30T23:59:59.999+09:00';
const NEW_FROM = '2020-12-01T00:00:00+09:00';

// ---------------------------------------------------------------------------------------------------------------
// Records

const measurement = (overrides: RecordOverrides<'measurement'> = {}): MeasurementRecord =>
  measurementRecord({
    id: 'm-1',
    contractId: 'C-1',
    metric: 'leakage-current',
    measuredAt: '2019-03-15T09:59:00+09:00',
    receivedAt: '2019-03-15T10:00:00+09:00',
    personalData: 'none',
    ...overrides,
  });

const derived = (): DataRecord =>
  derivedRecord({
    id: 'd-1',
    sources: ['m-1'],
    processedBy: 'provider',
    processedAt: '2019-04-01T09:00:00+09:00',
    personalData: 'none',
  });

const anonymized = (): DataRecord =>
  anonymizedRecord({
    id: 'a-1',
    sources: ['m-1', 'u-1'],
    createdAt: '2019-04-01T09:00:00+09:00',
    itemCategories: ['region', 'leakage-current'],
  });

const statistical = (): DataRecord =>
  statisticalRecord({ id: 'st-1', sources: ['m-1', 'm-2'], createdAt: '2019-04-01T09:00:00+09:00' });

const userInformation = (): DataRecord =>
  userInformationRecord({
    id: 'u-1',
    subject: 'employee',
    source: 'application',
    collectedAt: '2017-05-01T09:00:00+09:00',
  });

const providerContent = (): DataRecord =>
  providerContentRecord({ id: 'pc-1', publishedAt: '2018-01-10T09:00:00+09:00' });

const confidential = (disclosedBy: 'user' | 'provider'): DataRecord =>
  confidentialRecord({
    id: `c-${disclosedBy}`,
    disclosedBy,
    disclosedAt: '2019-01-10T09:00:00+09:00',
    designation: { method: 'written', at: '2019-01-10T09:00:00+09:00' },
    scopeSpecified: true,
    marked: true,
  });

/** The data old 13 speaks of, by kind: what the provider may use, and nothing else. */
const SERVICE_DATA = [
  ['measurement', measurement()],
  ['derived', derived()],
  ['anonymized', anonymized()],
  ['statistical', statistical()],
] as const satisfies readonly (readonly [string, DataRecord])[];

/** Everything the provider obtains through the service (old 13(1): 当社が得たすべての情報). */
const OBTAINED = [
  ...SERVICE_DATA,
  ['user-information', userInformation()],
] as const satisfies readonly (readonly [string, DataRecord])[];

// ---------------------------------------------------------------------------------------------------------------
// Citations and assertions

type Ref = Omit<Citation, 'label'>;

/** An article of the 2017-04-01 terms, cited down to paragraph and subitem (old 13(1) has no items). */
function old(article: number, paragraph?: number, subitem?: Subitem): Ref {
  return {
    source: 'terms',
    terms: OLD,
    article,
    ...(paragraph !== undefined && { paragraph }),
    ...(subitem !== undefined && { subitem }),
  };
}

/** An article of the 2020-12-01 terms. */
function current(article: number, paragraph?: number, item?: number): Ref {
  return {
    source: 'terms',
    terms: NEW,
    article,
    ...(paragraph !== undefined && { paragraph }),
    ...(item !== undefined && { item }),
  };
}

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

function expectPermit(d: Decision, terms: string = OLD): void {
  expect(d).toBePermitted();
  expect(d.terms).toBe(terms);
  expect(d.basis.length).toBeGreaterThan(0);
}

function expectDeny(d: Decision, terms: string = OLD): void {
  expect(d).toBeDenied();
  expect(d.terms).toBe(terms);
  expect(d.basis.length).toBeGreaterThan(0);
  expect(d.obligations).toEqual([]);
}

/** The basis cites the 2017-04-01 terms' `article` (any paragraph). */
function expectCitesOld(d: Decision, article: number): void {
  expect(d).toCite({ source: 'terms', terms: OLD, article });
}

const PASS_ON = ['disclose', 'transfer', 'license', 'sublicense'] as const satisfies readonly Action[];
/** Old 30(2): 転載・複製・出版・放送・公衆送信 "その方法の如何を問わず" — every way of passing information on. */
const USER_PASSING_ON = [...PASS_ON, 'republish'] as const satisfies readonly Action[];
const RECIPIENT_ACTIONS: ReadonlySet<Action> = new Set<Action>(PASS_ON);
const FORMS = ['written', 'electronic', 'oral'] as const satisfies readonly ConsentForm[];

/** A request with whatever its action needs: a purpose to use, a recipient to pass on. */
function requestFor(
  action: Action,
  actor: Actor,
  data: DataRecord,
  at: string | Date = AT,
  extra: Partial<DecisionRequest> = {},
): DecisionRequest {
  return {
    action,
    actor,
    data,
    at,
    ...(action === 'use' && { purpose: 'service-analysis' }),
    ...(RECIPIENT_ACTIONS.has(action) && { recipient: 'third-party' }),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------------------------

describe('decide under the 2017-04-01 terms', () => {
  describe('old 13(1): the provider uses what it obtains for the listed purposes', () => {
    const SUBITEMS = [
      ['service-analysis', 'イ', 'use-for-service-analysis'],
      ['incident-response', 'ロ', 'use-for-incident-response'],
    ] as const satisfies readonly (readonly [Purpose, Subitem, ReasonCode])[];

    const rows = (['use', 'process'] as const).flatMap((action) =>
      SUBITEMS.flatMap(([purpose, subitem, reason]) =>
        OBTAINED.map(([kind, data]) => [action, kind, purpose, subitem, reason, data] as const),
      ),
    );

    it.each(rows)(
      'permits the provider to %s %s data for %s, within that purpose (old 13(1)%s)',
      (action, _kind, purpose, subitem, reason, data) => {
        const d = decide({ action, actor: 'provider', data, purpose, at: AT });
        expectPermit(d);
        expect(reasonCodes(d)).toContain(reason);
        expect(refs(d)).toEqual([old(13, 1, subitem)]);
        expect(obligationCodes(d)).toEqual(['use-within-purpose']);
        expect(d.obligations[0]?.basis).toMatchObject({
          source: 'terms',
          terms: OLD,
          article: 13,
          paragraph: 1,
        });
      },
    );

    const incidentalRows = (['use', 'process'] as const).flatMap((action) =>
      OBTAINED.map(([kind, data]) => [action, kind, data] as const),
    );

    it.each(incidentalRows)(
      'permits the provider to %s %s data for an incidental matter with a recorded determination (old 13(1)ハ)',
      (action, _kind, data) => {
        const d = decide({
          action,
          actor: 'provider',
          data,
          purpose: 'incidental',
          justification:
            'Re-checking the alarm thresholds after the 2019 typhoon, decided by the service manager',
          at: AT,
        });
        expectPermit(d);
        expect(reasonCodes(d)).toContain('use-for-incidental-matter');
        expect(refs(d)).toEqual([old(13, 1, 'ハ')]);
        expect(obligationCodes(d)).toEqual(
          expect.arrayContaining(['use-within-purpose', 'record-determination']),
        );
        const record = d.obligations.find((o) => o.code === 'record-determination');
        expect(record?.basis).toMatchObject({ source: 'terms', terms: OLD, article: 13, paragraph: 1 });
      },
    );

    it.each([
      ['without a justification', undefined],
      ['with an empty justification', ''],
      ['with a whitespace-only justification', ' \t\n\u3000'],
    ])(
      'denies incidental use %s: ハ needs the provider’s determination (old 13(1)ハ)',
      (_label, justification) => {
        const d = decide({
          action: 'use',
          actor: 'provider',
          data: measurement(),
          purpose: 'incidental',
          justification,
          at: AT,
        });
        expectDeny(d);
        expect(reasonCodes(d)).toContain('incidental-use-needs-determination');
        expect(d.basis).toContainEqual(
          expect.objectContaining({ source: 'terms', terms: OLD, article: 13, paragraph: 1 }),
        );
      },
    );

    it.each(
      (['use', 'process'] as const).flatMap((action) =>
        SERVICE_DATA.map(([kind, data]) => [action, kind, data] as const),
      ),
    )(
      'permits the provider to %s %s data for service-provision under the service contract itself',
      (action, _kind, data) => {
        const d = decide({ action, actor: 'provider', data, purpose: 'service-provision', at: AT });
        expectPermit(d);
        expect(reasonCodes(d)).toContain('use-for-service-provision');
        expect(d.basis).toEqual([expect.objectContaining({ source: 'contract' })]);
      },
    );

    it.each(
      ['marketing', 'resale-to-data-broker'].flatMap((purpose) =>
        (['use', 'process'] as const).flatMap((action) =>
          SERVICE_DATA.map(([kind, data]) => [action, kind, purpose, data] as const),
        ),
      ),
    )(
      'denies the provider’s %s of %s data for %s: not a listed purpose (old 13(1))',
      (action, _kind, purpose, data) => {
        const d = decide({ action, actor: 'provider', data, purpose, at: AT });
        expectDeny(d);
        expect(reasonCodes(d)).toContain('purpose-not-granted');
        expect(d.basis).toContainEqual(
          expect.objectContaining({ source: 'terms', terms: OLD, article: 13, paragraph: 1 }),
        );
      },
    );
  });

  describe('old 13(2): the provider holds measurement data a year from receipt', () => {
    // Received 2019-03-15 10:00 JST: first day 03-16, last day 2020-03-15, period ends 2020-03-16T00:00:00+09:00.
    const reading = measurement({ receivedAt: '2019-03-15T10:00:00+09:00' });

    it.each([AT, '2020-03-15T23:59:59.999+09:00'])(
      'permits the provider to retain measurement data at %s, deleting it when the year ends (old 13(2))',
      (at) => {
        const d = decide({ action: 'retain', actor: 'provider', data: reading, at });
        expectPermit(d);
        expect(reasonCodes(d)).toContain('held-within-retention-period');
        expect(refs(d)).toEqual([old(13, 2)]);
        expect(d.obligations).toEqual([
          expect.objectContaining({
            code: 'delete-when-retention-ends',
            basis: expect.objectContaining({ source: 'terms', terms: OLD, article: 13, paragraph: 2 }),
            dueAt: new Date('2020-03-16T00:00:00+09:00'),
          }),
        ]);
      },
    );

    it('denies the provider retaining measurement data from 2020-03-16T00:00:00+09:00, a year after receipt (old 13(2))', () => {
      const d = decide({
        action: 'retain',
        actor: 'provider',
        data: reading,
        at: '2020-03-16T00:00:00+09:00',
      });
      expectDeny(d);
      expect(reasonCodes(d)).toContain('retention-period-ended');
      expect(refs(d)).toEqual([old(13, 2)]);
    });

    it('permits continued holding that the provider decided on before the year ran out (old 13(2) ただし書)', () => {
      const extended = measurement({
        receivedAt: '2019-03-15T10:00:00+09:00',
        retentionExtensions: [{ decidedAt: '2020-03-01T09:00:00+09:00', reason: 'fault investigation' }],
      });
      const d = decide({
        action: 'retain',
        actor: 'provider',
        data: extended,
        at: '2020-06-01T10:00:00+09:00',
      });
      expectPermit(d);
      expect(reasonCodes(d)).toContain('held-under-extension');
      expect(refs(d)).toEqual([old(13, 2)]);
    });
  });

  describe('old 13: the provider is granted nothing else', () => {
    const RECIPIENTS = ['subcontractor', 'third-party', 'authority', 'data-subject', 'user'] as const;
    const rows = PASS_ON.flatMap((action) =>
      SERVICE_DATA.flatMap(([kind, data]) =>
        RECIPIENTS.map((recipient) => [action, kind, recipient, data] as const),
      ),
    );

    it.each(rows)(
      'denies the provider’s %s of %s data to the %s: old 13 grants use only (old 13)',
      (action, _kind, recipient, data) => {
        const d = decide({ action, actor: 'provider', data, recipient, purpose: 'service-analysis', at: AT });
        expectDeny(d);
        expect(reasonCodes(d)).toContain('not-granted');
        expectCitesOld(d, 13);
      },
    );

    it.each(
      (['service-analysis', 'incident-response', 'service-provision'] as const).flatMap((purpose) =>
        PASS_ON.map((action) => [action, purpose] as const),
      ),
    )(
      'denies the provider’s %s of measurement data to a subcontractor even for %s: no old 13(3)(2) yet (old 13)',
      (action, purpose) => {
        const d = decide({
          action,
          actor: 'provider',
          data: measurement(),
          recipient: 'subcontractor',
          purpose,
          at: AT,
        });
        expectDeny(d);
        expectCitesOld(d, 13);
      },
    );

    it.each(
      (['anonymize', 'republish', 'transmit'] as const).flatMap((action) =>
        SERVICE_DATA.map(([kind, data]) => [action, kind, data] as const),
      ),
    )('denies the provider’s %s of %s data: not granted (old 13)', (action, _kind, data) => {
      const d = decide({ action, actor: 'provider', data, at: AT });
      expectDeny(d);
      expect(reasonCodes(d)).toContain('not-granted');
      expectCitesOld(d, 13);
    });

    it('denies the provider making anonymized information from user information: no old 31(3) yet (old 31)', () => {
      const d = decide({ action: 'anonymize', actor: 'provider', data: userInformation(), at: AT });
      expectDeny(d);
      expectCitesOld(d, 31);
    });
  });

  describe('subcontractors: the old terms grant a subcontractor nothing', () => {
    const rows = ACTIONS.flatMap((action) => OBTAINED.map(([kind, data]) => [action, kind, data] as const));

    it.each(rows)('denies a subcontractor’s %s of %s data (old 13, old 31)', (action, _kind, data) => {
      const d = decide(requestFor(action, 'subcontractor', data));
      expectDeny(d);
      expect(reasonCodes(d)).toContain('not-granted');
      expect(d.basis.every((c) => c.terms === OLD)).toBe(true);
    });

    it.each([
      ['service-analysis', undefined],
      ['incident-response', undefined],
      ['incidental', 'Decided by the service manager'],
      ['service-provision', undefined],
    ] as const)(
      'denies a subcontractor using measurement data even for %s: old 13(1) names the provider only (old 13)',
      (purpose, justification) => {
        const d = decide({
          action: 'use',
          actor: 'subcontractor',
          data: measurement(),
          purpose,
          justification,
          at: AT,
        });
        expectDeny(d);
        expectCitesOld(d, 13);
      },
    );
  });

  describe('old 30(2): the user passes nothing on without the provider’s prior consent', () => {
    const consentOf = (
      from: Party,
      form: ConsentForm = 'written',
      grantedAt = '2019-05-20T09:00:00+09:00',
    ) => ({
      from,
      form,
      grantedAt,
    });

    it.each(USER_PASSING_ON)(
      'denies the user’s %s of measurement data without the provider’s prior consent (old 30(2))',
      (action) => {
        const d = decide(requestFor(action, 'user', measurement()));
        expectDeny(d);
        expect(reasonCodes(d)).toContain('passing-on-needs-provider-consent');
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it('denies the user republishing measurement data without the provider’s prior consent (old 30(2))', () => {
      const d = decide({ action: 'republish', actor: 'user', data: measurement(), at: AT });
      expectDeny(d);
      expect(refs(d)).toEqual([old(30, 2)]);
    });

    it.each(
      USER_PASSING_ON.flatMap((action) =>
        (['user', 'subcontractor', 'third-party', 'authority', 'data-subject'] as const).map(
          (from) => [action, from] as const,
        ),
      ),
    )(
      'denies the user’s %s of measurement data with consent from the %s instead of the provider (old 30(2))',
      (action, from) => {
        const d = decide(requestFor(action, 'user', measurement(), AT, { consent: consentOf(from) }));
        expectDeny(d);
        expect(reasonCodes(d)).toContain('passing-on-needs-provider-consent');
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it.each(USER_PASSING_ON)(
      'denies the user’s %s of measurement data when the provider’s consent comes one ms later: it must be prior (old 30(2))',
      (action) => {
        const consent = consentOf('provider', 'written', AT_PLUS_1MS);
        const d = decide(requestFor(action, 'user', measurement(), AT, { consent }));
        expectDeny(d);
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it.each(
      USER_PASSING_ON.flatMap((action) =>
        FORMS.flatMap((form) =>
          (
            [
              ['at the same ms', AT],
              ['earlier', '2018-01-01T00:00:00+09:00'],
            ] as const
          ).map(([when, grantedAt]) => [action, form, when, grantedAt] as const),
        ),
      ),
    )(
      'permits the user to %s measurement data with the provider’s %s consent given %s: any form counts (old 30(2))',
      (action, form, _when, grantedAt) => {
        const d = decide(
          requestFor(action, 'user', measurement(), AT, { consent: consentOf('provider', form, grantedAt) }),
        );
        expectPermit(d);
        expect(reasonCodes(d)).toContain('provider-consented-to-passing-on');
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it.each(
      USER_PASSING_ON.flatMap((action) =>
        (
          [
            ['derived', derived()],
            ['anonymized', anonymized()],
            ['statistical', statistical()],
            ['provider-content', providerContent()],
          ] as const
        ).map(([kind, data]) => [action, kind, data] as const),
      ),
    )(
      'denies the user’s %s of %s data without the provider’s prior consent: ANY information (old 30(2))',
      (action, _kind, data) => {
        const d = decide(requestFor(action, 'user', data));
        expectDeny(d);
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it.each(USER_PASSING_ON)(
      'denies the user’s %s of confidential information the provider disclosed to it, without prior consent (old 30(2))',
      (action) => {
        const d = decide(requestFor(action, 'user', confidential('provider')));
        expectDeny(d);
        expect(reasonCodes(d)).toContain('passing-on-needs-provider-consent');
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    // Old 30(2) reaches what the user obtains by using the service (本サービスを利用することにより得られる一切の情報):
    // not the user's own business information. Nothing else of the old terms restrains the user's handling of it, so
    // it is permitted, citing the article whose scope it falls outside (SPEC §11) — as from 2020-12-01 (32(1)).
    it.each(USER_PASSING_ON)(
      'permits the user’s %s of its own confidential information: not obtained through the service, outside old 30(2)',
      (action) => {
        const d = decide(requestFor(action, 'user', confidential('user')));
        expect(d.terms).toBe(OLD);
        expect(d).toBePermitted();
        expect(reasonCodes(d)).toEqual(['outside-old-30-2']);
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );

    it.each(PASS_ON)(
      'does not decide the provider’s %s of confidential information under old 30(2), which binds the user only',
      (action) => {
        for (const data of [confidential('provider'), confidential('user')]) {
          const d = decide(requestFor(action, 'provider', data));
          expect(d.terms).toBe(OLD);
          expect(refs(d)).not.toContainEqual(old(30, 2));
        }
      },
    );

    it.each(['subcontractor', 'user', 'authority', 'data-subject'] as const)(
      'denies the user licensing measurement data to the %s without the provider’s prior consent (old 30(2))',
      (recipient) => {
        const d = decide({ action: 'license', actor: 'user', data: measurement(), recipient, at: AT });
        expectDeny(d);
        expect(refs(d)).toEqual([old(30, 2)]);
      },
    );
  });

  describe('old 31: user information goes to no one without the user’s consent', () => {
    it.each(
      PASS_ON.flatMap((action) =>
        (['subcontractor', 'third-party', 'authority', 'data-subject'] as const).map(
          (recipient) => [action, recipient] as const,
        ),
      ),
    )(
      'denies the provider’s %s of user information to the %s without the user’s consent (old 31)',
      (action, recipient) => {
        const d = decide({ action, actor: 'provider', data: userInformation(), recipient, at: AT });
        expectDeny(d);
        expect(reasonCodes(d)).toContain('user-information-needs-user-consent');
        expect(refs(d)).toEqual([old(31)]);
      },
    );

    it('denies the provider disclosing user information to a subcontractor without the user’s consent: no outsourcing exception (old 31)', () => {
      const d = decide({
        action: 'disclose',
        actor: 'provider',
        data: userInformation(),
        recipient: 'subcontractor',
        purpose: 'service-provision',
        at: AT,
      });
      expectDeny(d);
      expect(refs(d)).toEqual([old(31)]);
    });

    it.each(FORMS)(
      'permits the provider disclosing user information to a subcontractor with the user’s %s consent (old 31)',
      (form) => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          data: userInformation(),
          recipient: 'subcontractor',
          consent: { from: 'user', form, grantedAt: '2019-05-20T09:00:00+09:00' },
          at: AT,
        });
        expectPermit(d);
        expect(reasonCodes(d)).toContain('user-consented-to-disclosure');
        expect(refs(d)).toEqual([old(31)]);
      },
    );

    it('permits the disclosure when the user’s consent is given at the same ms (old 31)', () => {
      const d = decide({
        action: 'disclose',
        actor: 'provider',
        data: userInformation(),
        recipient: 'subcontractor',
        consent: { from: 'user', form: 'written', grantedAt: AT },
        at: AT,
      });
      expectPermit(d);
    });

    it.each([
      ['the data subject', { from: 'data-subject', form: 'written', grantedAt: '2019-05-20T09:00:00+09:00' }],
      ['the provider', { from: 'provider', form: 'written', grantedAt: '2019-05-20T09:00:00+09:00' }],
      ['the user, one ms late', { from: 'user', form: 'written', grantedAt: AT_PLUS_1MS }],
    ] as const)(
      'denies disclosing user information to a subcontractor with consent from %s (old 31)',
      (_label, consent) => {
        const d = decide({
          action: 'disclose',
          actor: 'provider',
          data: userInformation(),
          recipient: 'subcontractor',
          consent,
          at: AT,
        });
        expectDeny(d);
        expect(refs(d)).toEqual([old(31)]);
      },
    );
  });

  describe('transmission: no ban before 2020-12-01 (31(2) is new)', () => {
    it.each(['none', 'possible', 'yes'] as const)(
      'permits the user transmitting measurement data with personalData %s, keeping a backup (old 12)',
      (personalData) => {
        const data = measurement({ personalData });
        const d = decide({ action: 'transmit', actor: 'user', data, at: AT });
        expectPermit(d);
        expect(d).toOblige('user-keeps-backup');
        const backup = d.obligations.find((o) => o.code === 'user-keeps-backup');
        expect(backup?.basis).toMatchObject({ source: 'terms', terms: OLD, article: 12 });
        expect(policy.canTransmit(data, { at: AT })).toBe(true);
      },
    );

    it('permits transmitting measurement data with personalData none on both sides of the cut-over, keeping a backup (old 12; 12, 31(2))', () => {
      const data = measurement({ personalData: 'none', receivedAt: '2020-11-30T10:00:00+09:00' });
      for (const [at, terms] of [
        [OLD_LAST, OLD],
        [NEW_FROM, NEW],
      ] as const) {
        const d = decide({ action: 'transmit', actor: 'user', data, at });
        expectPermit(d, terms);
        expect(d).toOblige('user-keeps-backup');
      }
    });

    it('permits the same transmission at 2020-11-30T23:59:59.999+09:00 and denies it at 2020-12-01T00:00:00+09:00 without written consent (31(2))', () => {
      const data = measurement({ personalData: 'yes', receivedAt: '2020-11-30T10:00:00+09:00' });
      expectPermit(decide({ action: 'transmit', actor: 'user', data, at: OLD_LAST }));
      const after = decide({ action: 'transmit', actor: 'user', data, at: NEW_FROM });
      expectDeny(after, NEW);
      expect(refs(after)).toContainEqual(current(31, 2));
    });
  });

  describe('the cut-over to the 2020-12-01 terms', () => {
    // Received before the effective date: new Art. 13 applies to it too (附則 3).
    const reading = measurement({
      receivedAt: '2020-11-30T10:00:00+09:00',
      measuredAt: '2020-11-30T09:59:00+09:00',
    });

    it('denies the user licensing raw measurement data under old 30(2) until 2020-11-30T23:59:59.999+09:00 and permits it under 13(2)(2) from 2020-12-01T00:00:00+09:00', () => {
      const request = { action: 'license', actor: 'user', data: reading, recipient: 'third-party' } as const;
      const before = decide({ ...request, at: OLD_LAST });
      expectDeny(before, OLD);
      expect(refs(before)).toEqual([old(30, 2)]);
      const after = decide({ ...request, at: NEW_FROM });
      expectPermit(after, NEW);
      expect(refs(after)).toContainEqual(current(13, 2, 2));
    });

    it('denies the provider disclosing measurement data to a subcontractor for analysis under the old terms and permits it under 13(3)(2)', () => {
      const request = {
        action: 'disclose',
        actor: 'provider',
        data: reading,
        recipient: 'subcontractor',
        purpose: 'service-analysis',
      } as const;
      const before = decide({ ...request, at: OLD_LAST });
      expectDeny(before, OLD);
      expectCitesOld(before, 13);
      const after = decide({ ...request, at: NEW_FROM });
      expectPermit(after, NEW);
      expect(refs(after)).toContainEqual(current(13, 3, 2));
      expect(after).toOblige('bind-subcontractor-to-purpose');
    });

    it('cites old 13(1)イ until the cut-over and 13(3)(1)イ from it for the same analysis use', () => {
      const request = {
        action: 'use',
        actor: 'provider',
        data: reading,
        purpose: 'service-analysis',
      } as const;
      expect(refs(decide({ ...request, at: OLD_LAST }))).toEqual([old(13, 1, 'イ')]);
      expect(refs(decide({ ...request, at: NEW_FROM }))).toContainEqual({
        ...current(13, 3, 1),
        subitem: 'イ',
      });
    });

    const requests: readonly (readonly [string, Omit<DecisionRequest, 'at'>])[] = [
      [
        'the provider using measurement data for analysis',
        { action: 'use', data: reading, purpose: 'service-analysis' },
      ],
      [
        'the provider processing measurement data',
        { action: 'process', data: reading, purpose: 'service-analysis' },
      ],
      ['the provider retaining measurement data', { action: 'retain', data: reading }],
      [
        'the provider licensing derived data',
        { action: 'license', data: derived(), recipient: 'third-party' },
      ],
      ['the user republishing measurement data', { action: 'republish', actor: 'user', data: reading }],
      ['the user transmitting measurement data', { action: 'transmit', actor: 'user', data: reading }],
      [
        'the provider disclosing user information',
        { action: 'disclose', data: userInformation(), recipient: 'subcontractor' },
      ],
      [
        'a subcontractor using measurement data',
        { action: 'use', actor: 'subcontractor', data: reading, purpose: 'incident-response' },
      ],
    ];

    it.each(
      requests.flatMap(([label, request]) =>
        (
          [
            [OLD_LAST, OLD],
            [NEW_FROM, NEW],
            ['2020-11-30T15:00:00Z', NEW],
            ['2020-11-30T14:59:59.999Z', OLD],
          ] as const
        ).map(([at, terms]) => [label, at, terms, request] as const),
      ),
    )('decides %s at %s under the %s terms (Art. 3, 附則 1)', (_label, at, terms, request) => {
      const d = decide({ ...request, at });
      expect(d.terms).toBe(terms);
      expect(d.at).toEqual(new Date(at));
      expect(policy.termsInForce(new Date(at)).id).toBe(terms);
    });
  });

  describe('the first instant of the 2017-04-01 terms', () => {
    const early = measurement({
      receivedAt: '2017-03-31T23:00:00+09:00',
      measuredAt: '2017-03-31T22:59:00+09:00',
    });

    it('decides at 2017-04-01T00:00:00+09:00 under the 2017-04-01 terms (old 13(1)イ)', () => {
      const d = decide({
        action: 'use',
        actor: 'provider',
        data: early,
        purpose: 'service-analysis',
        at: OLD_FROM,
      });
      expectPermit(d, OLD);
      expect(refs(d)).toEqual([old(13, 1, 'イ')]);
      expect(d.at).toEqual(new Date('2017-03-31T15:00:00.000Z'));
      expect(policy.termsInForce(new Date(OLD_FROM)).id).toBe(OLD);
    });

    it.each([
      ['use', 'provider'],
      ['license', 'provider'],
      ['republish', 'user'],
      ['transmit', 'user'],
      ['use', 'subcontractor'],
    ] as const)(
      'throws TermsNotInForceError at 2017-03-31T23:59:59.999+09:00 for a %s by the %s',
      (action, actor) => {
        const request = requestFor(action, actor, early, BEFORE_OLD);
        expect(() => decide(request)).toThrow(TermsNotInForceError);
        try {
          decide(request);
          expect.unreachable('decide should have thrown');
        } catch (e) {
          expect(e).toBeInstanceOf(PolicyError);
          expect((e as PolicyError).code).toBe('terms-not-in-force');
        }
      },
    );

    it('throws TermsNotInForceError from canUse and canTransmit 1 ms before the first instant too', () => {
      expect(() => policy.canUse(early, 'service-analysis', { at: BEFORE_OLD })).toThrow(
        TermsNotInForceError,
      );
      expect(() => policy.canTransmit(early, { at: BEFORE_OLD })).toThrow(TermsNotInForceError);
    });
  });

  describe('invariants', () => {
    const OLD_FROM_MS = new Date(OLD_FROM).getTime();
    const NEW_FROM_MS = new Date(NEW_FROM).getTime();
    const records = [...OBTAINED.map(([, data]) => data), providerContent()];

    it('decides every request between 2017-04-01T00:00:00+09:00 and 2020-11-30T23:59:59.999+09:00 under the 2017-04-01 terms, with a basis, and no duties on a deny', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: OLD_FROM_MS, max: NEW_FROM_MS - 1 }),
          fc.constantFrom(...ACTIONS),
          fc.constantFrom(...ACTORS),
          fc.constantFrom(...records),
          (ms, action, actor, data) => {
            const at = new Date(ms);
            const d = decide(requestFor(action, actor, data, at));
            expect(d.terms).toBe(OLD);
            expect(d.at.getTime()).toBe(ms);
            expect(d.basis.length).toBeGreaterThan(0);
            expect(d.allowed).toBe(d.effect === 'permit');
            if (!d.allowed) expect(d.obligations).toEqual([]);
            for (const c of [...d.basis, ...d.obligations.map((o) => o.basis)]) {
              if (c.source === 'terms') expect(c.terms).toBe(OLD);
            }
          },
        ),
        { numRuns: 500 },
      );
    });

    it('never lets a subcontractor do anything under the 2017-04-01 terms', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: OLD_FROM_MS, max: NEW_FROM_MS - 1 }),
          fc.constantFrom(...ACTIONS),
          fc.constantFrom(...records),
          fc.constantFrom<Purpose>('service-analysis', 'incident-response', 'service-provision', 'marketing'),
          (ms, action, data, purpose) => {
            const d = decide(
              requestFor(action, 'subcontractor', data, new Date(ms), {
                purpose,
                consent: { from: 'provider', form: 'written', grantedAt: new Date(OLD_FROM_MS) },
              }),
            );
            expect(d).toBeDenied();
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
