import fc from 'fast-check';
import { measurement, providerContent } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Citation,
  type ConsentForm,
  createPolicy,
  type Decision,
  type DecisionRequest,
  PARTIES,
  type Party,
  type ReasonCode,
} from '../../../src/index.js';

// Article 30 (知的財産権) of the 2020-12-01 terms for the provider's content, as SPEC §3-§4 state it:
// 30(1) the user may use the service and the content the provider supplies through it (text, images, video and
// other data), whose rights stay with the provider or its source; 30(2) the user may not republish, copy,
// publish, broadcast or make that content public — by whatever means — nor have a third party do so, without the
// provider's PRIOR consent (in any form: the article asks for none). Before 2020-12-01 00:00 JST old 30(2) forbade
// passing on ANY information obtained through the service. 30(3) is tested with ownerOfOutcome.

const policy = createPolicy({ locale: 'en' });

/** An instant well inside the 2020-12-01 terms. */
const AT = '2021-06-01T10:00:00+09:00';
/** The same instant one millisecond earlier and later. */
const AT_MINUS_1MS = '2021-06-01T09:59:59.999+09:00';
const AT_PLUS_1MS = '2021-06-01T10:00:00.001+09:00';
/** The last millisecond of the 2017-04-01 terms, and the first of the 2020-12-01 terms. */
const OLD_LAST = '2020-11-30T23:59:59.999+09:00';
const NEW_FROM = '2020-12-01T00:00:00+09:00';

// ---------------------------------------------------------------------------------------------------------------
// Records

/** Provider content published before the 2020-12-01 terms took effect. */
const CONTENT = providerContent({ id: 'pc-1', publishedAt: '2020-06-01T09:00:00+09:00' });

/** A water-level reading received before the 2020-12-01 terms took effect. */
const READING = measurement({
  id: 'm-1',
  contractId: 'C-1',
  metric: 'water-level',
  measuredAt: '2020-11-15T09:59:00+09:00',
  receivedAt: '2020-11-15T10:00:00+09:00',
  personalData: 'none',
});

// ---------------------------------------------------------------------------------------------------------------
// Citations and assertions

type Ref = Omit<Citation, 'label'>;

const art = (terms: string, article: number, paragraph: number, item?: number): Ref => ({
  source: 'terms',
  terms,
  article,
  paragraph,
  ...(item !== undefined && { item }),
});
const ART_30_1 = art('2020-12-01', 30, 1);
const ART_30_2 = art('2020-12-01', 30, 2);
const OLD_30_2 = art('2017-04-01', 30, 2);

function ref(c: Citation): Ref {
  const { label: _label, ...rest } = c;
  return rest;
}
const refs = (d: Decision): Ref[] => d.basis.map(ref);
const reasonCodes = (d: Decision): ReasonCode[] => d.reasons.map((r) => r.code);

function expectPermit(d: Decision, terms = '2020-12-01'): void {
  expect(d).toBePermitted();
  expect(d.terms).toBe(terms);
  expect(d.basis.length).toBeGreaterThan(0);
}

function expectDeny(d: Decision, terms = '2020-12-01'): void {
  expect(d).toBeDenied();
  expect(d.terms).toBe(terms);
  expect(d.basis.length).toBeGreaterThan(0);
  expect(d.obligations).toEqual([]);
}

/** The means 30(2) names (転載・複製・出版・放送・公衆送信) and the others "by whatever means" reaches. */
const OTHER_MEANS = ['disclose', 'transfer', 'license', 'sublicense'] as const satisfies readonly Action[];
const ALL_MEANS = ['republish', ...OTHER_MEANS] as const satisfies readonly Action[];
const FORMS = ['written', 'electronic', 'oral'] as const satisfies readonly ConsentForm[];
const NOT_THE_PROVIDER = PARTIES.filter((p): p is Exclude<Party, 'provider'> => p !== 'provider');

/** A request by the user to pass provider content on by `action` (to a third party where a recipient is needed). */
function byUser(action: Action, extra: Partial<DecisionRequest> = {}): DecisionRequest {
  return {
    action,
    actor: 'user',
    data: CONTENT,
    ...(action !== 'republish' && { recipient: 'third-party' as const }),
    at: AT,
    ...extra,
  };
}

const providerConsent = (grantedAt: string, form: ConsentForm = 'written') =>
  ({ from: 'provider', form, grantedAt }) as const;

// ---------------------------------------------------------------------------------------------------------------

describe('Article 30 (2020-12-01): the provider’s content', () => {
  describe('30(1): the user may use the content the provider supplies through the service', () => {
    it('permits the user to use provider content under the contract (30(1))', () => {
      const d = policy.decide({
        action: 'use',
        actor: 'user',
        data: CONTENT,
        purpose: 'service-provision',
        at: AT,
      });
      expectPermit(d);
      expect(refs(d)).toContainEqual(ART_30_1);
      expect(reasonCodes(d)).toContain('user-may-use-provider-content');
    });

    it('permits the user to use provider content without any consent on file (30(1))', () => {
      const d = policy.decide({
        action: 'use',
        actor: 'user',
        data: CONTENT,
        purpose: 'service-provision',
        at: AT,
        consent: undefined,
      });
      expectPermit(d);
    });
  });

  describe('30(2): no republishing without the provider’s prior consent', () => {
    it('denies the user republishing provider content without the provider’s prior consent (30(2))', () => {
      const d = policy.decide(byUser('republish'));
      expectDeny(d);
      expect(refs(d)).toContainEqual(ART_30_2);
      expect(reasonCodes(d)).toContain('provider-content-needs-prior-consent');
    });

    it.each(OTHER_MEANS)(
      'denies the user passing provider content on by %s without prior consent: "by whatever means" (30(2))',
      (action) => {
        const d = policy.decide(byUser(action));
        expectDeny(d);
        expect(refs(d)).toContainEqual(ART_30_2);
        expect(reasonCodes(d)).toContain('provider-content-needs-prior-consent');
      },
    );

    it.each(['third-party', 'authority', 'data-subject', 'subcontractor'] as const)(
      'denies the user disclosing provider content to %s without prior consent (30(2))',
      (recipient) => {
        const d = policy.decide(byUser('disclose', { recipient }));
        expectDeny(d);
        expect(refs(d)).toContainEqual(ART_30_2);
      },
    );

    it.each(ALL_MEANS)(
      'permits the user to %s provider content with the provider’s consent granted at the same millisecond (30(2))',
      (action) => {
        const d = policy.decide(byUser(action, { consent: providerConsent(AT) }));
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_2);
        expect(reasonCodes(d)).toContain('provider-content-with-prior-consent');
      },
    );

    it.each(ALL_MEANS)(
      'permits the user to %s provider content with consent granted a millisecond before (30(2))',
      (action) => {
        const d = policy.decide(byUser(action, { consent: providerConsent(AT_MINUS_1MS) }));
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_2);
      },
    );

    it.each(ALL_MEANS)(
      'denies the user to %s provider content with consent granted 1 ms late: it must be prior (30(2))',
      (action) => {
        const d = policy.decide(byUser(action, { consent: providerConsent(AT_PLUS_1MS) }));
        expectDeny(d);
        expect(refs(d)).toContainEqual(ART_30_2);
        expect(reasonCodes(d)).toContain('provider-content-needs-prior-consent');
      },
    );

    it('denies republishing with consent the provider gives only a day after the act (30(2))', () => {
      const d = policy.decide(byUser('republish', { consent: providerConsent('2021-06-02T10:00:00+09:00') }));
      expectDeny(d);
    });

    it.each(FORMS)(
      'permits republishing with the provider’s prior %s consent: 30(2) asks for no form',
      (form) => {
        const d = policy.decide(
          byUser('republish', { consent: providerConsent('2021-05-20T09:00:00+09:00', form) }),
        );
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_2);
      },
    );

    it('permits republishing with oral consent the provider gave beforehand (30(2))', () => {
      const d = policy.decide(
        byUser('republish', {
          consent: { from: 'provider', form: 'oral', grantedAt: '2021-06-01T09:30:00+09:00' },
        }),
      );
      expectPermit(d);
      expect(reasonCodes(d)).toContain('provider-content-with-prior-consent');
    });

    it.each(NOT_THE_PROVIDER)(
      'denies republishing provider content on consent from %s: only the provider’s consent counts (30(2))',
      (from) => {
        const d = policy.decide(
          byUser('republish', { consent: { from, form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' } }),
        );
        expectDeny(d);
        expect(refs(d)).toContainEqual(ART_30_2);
        expect(reasonCodes(d)).toContain('provider-content-needs-prior-consent');
      },
    );

    it('accepts the consent instant as a string with any offset, compared as an instant (30(2))', () => {
      // 2021-06-01T10:00:00+09:00 is 01:00Z: the same instant, so prior.
      const same = policy.decide(byUser('republish', { consent: providerConsent('2021-06-01T01:00:00Z') }));
      expectPermit(same);
      const late = policy.decide(
        byUser('republish', { consent: providerConsent('2021-06-01T01:00:00.001Z') }),
      );
      expectDeny(late);
    });

    it('accepts Date instants for the act and the consent alike (30(2))', () => {
      const at = new Date(AT);
      const ok = policy.decide(byUser('republish', { at, consent: providerConsent(AT) }));
      expectPermit(ok);
      const late = policy.decide({
        ...byUser('republish', { at }),
        consent: { from: 'provider', form: 'written', grantedAt: new Date(at.getTime() + 1) },
      });
      expectDeny(late);
    });

    it('holds for any consent instant: permitted exactly when the provider’s consent is at or before the act (30(2))', () => {
      const atMs = new Date(AT).getTime();
      fc.assert(
        fc.property(
          fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 }),
          fc.constantFrom(...ALL_MEANS),
          fc.constantFrom(...FORMS),
          fc.constantFrom(...PARTIES),
          (offsetMs, action, form, from) => {
            const d = policy.decide(
              byUser(action, { consent: { from, form, grantedAt: new Date(atMs + offsetMs) } }),
            );
            expect(d).toEqual(
              from === 'provider' && offsetMs <= 0 ? expect.toBePermitted() : expect.toBeDenied(),
            );
            expect(refs(d)).toContainEqual(ART_30_2);
          },
        ),
      );
    });
  });

  describe('30(1): the provider’s own handling of its content is not restricted', () => {
    it.each(['service-provision', 'service-analysis', 'marketing'])(
      'permits the provider to use its own content for %s (30(1))',
      (purpose) => {
        const d = policy.decide({
          action: 'use',
          actor: 'provider',
          data: CONTENT,
          purpose,
          at: AT,
        });
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_1);
      },
    );

    it.each(['republish', 'process', 'retain'] as const)(
      'permits the provider to %s its own content without anyone’s consent (30(1))',
      (action) => {
        const d = policy.decide({ action, actor: 'provider', data: CONTENT, at: AT });
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_1);
        expect(refs(d)).not.toContainEqual(ART_30_2);
      },
    );

    it.each(OTHER_MEANS)(
      'permits the provider to %s its own content to a third party (30(1); 30(2) binds only the user)',
      (action) => {
        const d = policy.decide({
          action,
          actor: 'provider',
          data: CONTENT,
          recipient: 'third-party',
          at: AT,
        });
        expectPermit(d);
        expect(refs(d)).toContainEqual(ART_30_1);
      },
    );
  });

  describe('the cut-over at 2020-12-01T00:00:00+09:00', () => {
    it('denies a provider-content republish without consent under old 30(2) at the last millisecond of the 2017-04-01 terms', () => {
      const d = policy.decide(byUser('republish', { at: OLD_LAST }));
      expectDeny(d, '2017-04-01');
      expect(refs(d)).toContainEqual(OLD_30_2);
      expect(refs(d)).not.toContainEqual(ART_30_2);
    });

    it('denies a provider-content republish without consent under new 30(2) from 2020-12-01T00:00:00+09:00', () => {
      const d = policy.decide(byUser('republish', { at: NEW_FROM }));
      expectDeny(d);
      expect(refs(d)).toContainEqual(ART_30_2);
      expect(refs(d)).not.toContainEqual(OLD_30_2);
      expect(reasonCodes(d)).toContain('provider-content-needs-prior-consent');
    });

    it('decides the cut-over by the instant, whatever the offset it is written with (30(2))', () => {
      expect(policy.decide(byUser('republish', { at: '2020-11-30T14:59:59.999Z' })).terms).toBe('2017-04-01');
      expect(policy.decide(byUser('republish', { at: '2020-11-30T15:00:00Z' })).terms).toBe('2020-12-01');
      expect(policy.decide(byUser('republish', { at: new Date(NEW_FROM) })).terms).toBe('2020-12-01');
    });

    it.each(FORMS)(
      'permits a provider-content republish on either side of the cut-over with prior %s consent (old and new 30(2))',
      (form) => {
        const consent = providerConsent('2020-11-01T09:00:00+09:00', form);
        const before = policy.decide(byUser('republish', { at: OLD_LAST, consent }));
        expectPermit(before, '2017-04-01');
        expect(refs(before)).toContainEqual(OLD_30_2);
        const after = policy.decide(byUser('republish', { at: NEW_FROM, consent }));
        expectPermit(after);
        expect(refs(after)).toContainEqual(ART_30_2);
      },
    );

    it('counts consent given under the 2017-04-01 terms as prior consent for a republish after the cut-over (30(2))', () => {
      const d = policy.decide(
        byUser('republish', {
          at: '2021-01-15T10:00:00+09:00',
          consent: providerConsent('2019-04-01T09:00:00+09:00', 'oral'),
        }),
      );
      expectPermit(d);
    });

    it('denies a republish at the cut-over instant when the provider consents 1 ms after it (30(2))', () => {
      const d = policy.decide(
        byUser('republish', { at: NEW_FROM, consent: providerConsent('2020-12-01T00:00:00.001+09:00') }),
      );
      expectDeny(d);
      expect(refs(d)).toContainEqual(ART_30_2);
    });

    it('narrows 30(2) to provider content: the user’s republishing of measurement data needs consent before the cut-over and not from it (old 30(2), 13(2)(2))', () => {
      const before = policy.decide({ action: 'republish', actor: 'user', data: READING, at: OLD_LAST });
      expectDeny(before, '2017-04-01');
      expect(refs(before)).toContainEqual(OLD_30_2);
      const after = policy.decide({ action: 'republish', actor: 'user', data: READING, at: NEW_FROM });
      expectPermit(after);
      expect(refs(after)).toContainEqual(art('2020-12-01', 13, 2, 2));
      expect(refs(after)).not.toContainEqual(ART_30_2);
    });

    it('does not restrict the provider’s republishing of its own content from the cut-over (30(1))', () => {
      const d = policy.decide({
        action: 'republish',
        actor: 'provider',
        data: CONTENT,
        at: NEW_FROM,
      });
      expectPermit(d);
      expect(refs(d)).toContainEqual(ART_30_1);
    });
  });

  describe('messages', () => {
    it('gives the same reason code in both locales with a different message (30(2))', () => {
      const ja = createPolicy({ locale: 'ja' }).decide(byUser('republish'));
      const en = policy.decide(byUser('republish'));
      expect(reasonCodes(ja)).toEqual(reasonCodes(en));
      expect(ja.reasons[0]?.message).not.toBe(en.reasons[0]?.message);
      expect(ja.basis.map((c) => c.label)).toContain('規約(2020-12-01)第30条第2項');
      expect(en.basis.map((c) => c.label)).toContain('Terms (2020-12-01) Art. 30(2)');
    });
  });

  it('does not mutate the request or its record (30(2))', () => {
    const request = byUser('republish', { consent: providerConsent(AT) });
    const snapshot = structuredClone(request);
    policy.decide(request);
    expect(request).toEqual(snapshot);
  });
});
