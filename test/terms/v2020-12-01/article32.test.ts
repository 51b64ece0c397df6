import fc from 'fast-check';
import { confidential as confidentialRecord, type RecordOverrides } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  type Citation,
  type ConfidentialRecord,
  type ConsentForm,
  type ContractInput,
  createPolicy,
  type Decision,
  type DecisionRequest,
  type Party,
  type ReasonCode,
} from '../../../src/index.js';

// Article 32 (秘密情報の取扱い) and the definition in 2(2)(6) of the 2020-12-01 terms, as SPEC §4 "Confidential
// information" states them, for the receiving party: the one that is not `disclosedBy`. Survival (32(5)) is
// reckoned under Civil Code 140, 141 and 143 in JST (SPEC §5).

const policy = createPolicy({ locale: 'en' });

/** When the information was disclosed: the instant the designation is measured against (2(2)(6) あらかじめ). */
const DISCLOSED_AT = '2021-05-10T10:00:00.000+09:00';
/** A decision instant under the 2020-12-01 terms. */
const AT = '2021-06-01T10:00:00+09:00';
/** Far in the future: Art. 32 still binds then unless a termination says otherwise. */
const FAR_FUTURE = '2040-01-01T00:00:00+09:00';

/** The last millisecond of the 2017-04-01 terms and the first of the 2020-12-01 terms. */
const OLD_LAST = '2020-11-30T23:59:59.999+09:00';
const NEW_FROM = '2020-12-01T00:00:00+09:00';

const CONTRACT: ContractInput = { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00' };

// ---------------------------------------------------------------------------------------------------------------
// Records

/** A confidential record the user disclosed, designated in writing the day before, scoped and marked. */
const confidential = (overrides: RecordOverrides<'confidential'> = {}): ConfidentialRecord =>
  confidentialRecord({
    id: 's-1',
    disclosedBy: 'user',
    disclosedAt: DISCLOSED_AT,
    designation: { method: 'written', at: '2021-05-09T10:00:00+09:00' },
    scopeSpecified: true,
    marked: true,
    ...overrides,
  });

/** Designated at `at` (and otherwise bound). */
const designatedAt = (at: string, method: 'written' | 'electronic' = 'written') =>
  confidential({ designation: { method, at } });

/**
 * Both directions of Art. 32: [receiving party, disclosing party]. The receiving party is the actor; the disclosing
 * party is the counterparty whose written consent counts.
 */
const DIRECTIONS = [
  ['provider', 'user'],
  ['user', 'provider'],
] as const satisfies readonly (readonly [Actor, 'user' | 'provider'])[];

/** The record the `receiver` got from its counterparty. */
const received = (discloser: 'user' | 'provider', overrides: RecordOverrides<'confidential'> = {}) =>
  confidential({ disclosedBy: discloser, ...overrides });

// ---------------------------------------------------------------------------------------------------------------
// Citations and assertions

type Ref = Omit<Citation, 'label'>;

/** A citation of the 2020-12-01 terms, down to paragraph and item. */
function art(article: number, paragraph?: number, item?: number): Ref {
  return {
    source: 'terms',
    terms: '2020-12-01',
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

const decide = (request: DecisionRequest): Decision => policy.decide(request);

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

/** Denied under 32(1): Art. 32 binds and nothing in it allows the request. */
function expectBound(d: Decision): void {
  expectDeny(d);
  expect(refs(d)).toContainEqual(art(32, 1));
}

/** Permitted because Art. 32 does not bind: the permit carries no 32(4) duty. */
function expectUnbound(d: Decision, basis: Ref, reason: ReasonCode): void {
  expectPermit(d, reason);
  expect(refs(d)).toContainEqual(basis);
  expect(d).not.toOblige('return-or-erase-on-request');
}

/** A permitted request under Art. 32, which then carries the duty to return or erase on request (32(4)). */
function expectPermitUnder32(d: Decision, basis: Ref, reason?: ReasonCode): void {
  expectPermit(d, reason);
  expect(refs(d)).toContainEqual(basis);
  expect(d).toOblige('return-or-erase-on-request');
  const duty = d.obligations.find((o) => o.code === 'return-or-erase-on-request');
  expect(duty && ref(duty.basis)).toEqual(art(32, 4));
}

const citesArticle32 = (c: Citation): boolean => c.source === 'terms' && c.article === 32;

/** Marketing use and disclosure to a third party: what Art. 32 refuses whenever it binds. */
const probes = (actor: Actor, data: ConfidentialRecord, at: string, contract?: ContractInput) => ({
  use: decide({ action: 'use', actor, data, purpose: 'marketing', at, contract }),
  disclose: decide({ action: 'disclose', actor, data, recipient: 'third-party', at, contract }),
});

// ---------------------------------------------------------------------------------------------------------------

describe('Article 32 (2020-12-01)', () => {
  describe('2(2)(6): only information designated before disclosure, scoped and marked is confidential', () => {
    it.each(['written', 'electronic'] as const)(
      'binds information designated by %s means before disclosure (2(2)(6), 32(1))',
      (method) => {
        const data = designatedAt('2021-05-09T10:00:00+09:00', method);
        const { use, disclose } = probes('provider', data, AT);
        expectBound(use);
        expectBound(disclose);
      },
    );

    it('binds information designated 1 ms before disclosure (2(2)(6))', () => {
      const { use, disclose } = probes('provider', designatedAt('2021-05-10T09:59:59.999+09:00'), AT);
      expectBound(use);
      expectBound(disclose);
    });

    it('binds information designated at the very millisecond of disclosure (2(2)(6))', () => {
      const { use, disclose } = probes('provider', designatedAt('2021-05-10T10:00:00.000+09:00'), AT);
      expectBound(use);
      expectBound(disclose);
    });

    it('does not bind information designated 1 ms after disclosure: not designated beforehand (2(2)(6))', () => {
      const { use, disclose } = probes('provider', designatedAt('2021-05-10T10:00:00.001+09:00'), AT);
      expectUnbound(use, art(2, 2, 6), 'not-confidential-information');
      expectUnbound(disclose, art(2, 2, 6), 'not-confidential-information');
    });

    it('does not bind information designated in another offset 1 ms after disclosure (2(2)(6))', () => {
      // 01:00:00.001Z is 10:00:00.001 JST: the comparison is of instants, not of wall-clock text.
      const { disclose } = probes('provider', designatedAt('2021-05-10T01:00:00.001Z'), AT);
      expectUnbound(disclose, art(2, 2, 6), 'not-confidential-information');
    });

    it.each([
      ['never designated', { designation: null }],
      ['its scope not specified', { scopeSpecified: false }],
      ['not marked as confidential', { marked: false }],
    ])('does not bind information %s (2(2)(6))', (_label, overrides) => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const { use, disclose } = probes(receiver, received(discloser, overrides), AT);
        expectUnbound(use, art(2, 2, 6), 'not-confidential-information');
        expectUnbound(disclose, art(2, 2, 6), 'not-confidential-information');
      }
    });

    it('does not bind information that is not designated even when it is scoped, marked and within the contract (2(2)(6))', () => {
      const d = decide({
        action: 'license',
        data: confidential({ designation: null }),
        recipient: 'third-party',
        at: AT,
        contract: CONTRACT,
      });
      expectUnbound(d, art(2, 2, 6), 'not-confidential-information');
    });
  });

  describe('32(1)(1)-(4): the exceptions', () => {
    it.each([
      ['already-held', 1],
      ['obtained-from-third-party', 2],
      ['independently-developed', 3],
      ['public', 4],
    ] as const)('permits using and disclosing %s information (32(1)(%i))', (exception, item) => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const { use, disclose } = probes(receiver, received(discloser, { exception }), AT);
        for (const d of [use, disclose]) {
          expectPermit(d, 'confidentiality-exception');
          expect(refs(d)).toContainEqual(art(32, 1, item));
        }
      }
    });
  });

  describe('32(1): the disclosing party’s own information', () => {
    it('permits the user to use and disclose information the user itself disclosed (32(1))', () => {
      const { use, disclose } = probes('user', confidential({ disclosedBy: 'user' }), AT);
      expectPermit(use, 'own-confidential-information');
      expectPermit(disclose, 'own-confidential-information');
    });

    it('permits the provider, the default actor, to use and disclose its own information (32(1))', () => {
      const data = confidential({ disclosedBy: 'provider' });
      const use = decide({ action: 'use', data, purpose: 'marketing', at: AT });
      const disclose = decide({ action: 'disclose', data, recipient: 'third-party', at: AT });
      expectPermit(use, 'own-confidential-information');
      expectPermit(disclose, 'own-confidential-information');
    });

    it('binds the provider, the default actor, on information the user disclosed (32(1))', () => {
      const d = decide({ action: 'disclose', data: confidential(), recipient: 'third-party', at: AT });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
      expect(refs(d)).toContainEqual(art(32, 1));
    });
  });

  describe('32(1): use within the service', () => {
    it.each(DIRECTIONS)(
      'permits the %s to use confidential information for service-provision (32(1))',
      (receiver, discloser) => {
        const d = decide({
          action: 'use',
          actor: receiver,
          data: received(discloser),
          purpose: 'service-provision',
          at: AT,
        });
        expectPermitUnder32(d, art(32, 1), 'confidential-use-for-service');
      },
    );

    it.each(DIRECTIONS)(
      'denies the %s using confidential information for marketing (32(1))',
      (receiver, discloser) => {
        const d = decide({
          action: 'use',
          actor: receiver,
          data: received(discloser),
          purpose: 'marketing',
          at: AT,
        });
        expectDeny(d, 'confidential-use-beyond-service');
        expect(refs(d)).toContainEqual(art(32, 1));
      },
    );

    it.each(['service-analysis', 'incident-response'])(
      'denies using confidential information for %s: Art. 13’s purposes are not the service (32(1))',
      (purpose) => {
        const d = decide({ action: 'use', data: confidential(), purpose, at: AT });
        expectDeny(d, 'confidential-use-beyond-service');
      },
    );

    it.each(DIRECTIONS)(
      'permits the %s to use it beyond the service with the counterparty’s written consent given at the same ms (32(1))',
      (receiver, discloser) => {
        const d = decide({
          action: 'use',
          actor: receiver,
          data: received(discloser),
          purpose: 'marketing',
          consent: { from: discloser, form: 'written', grantedAt: AT },
          at: AT,
        });
        expectPermitUnder32(d, art(32, 1), 'confidential-use-with-written-consent');
      },
    );

    it('denies use beyond the service when the written consent comes 1 ms late (32(1) あらかじめ)', () => {
      const d = decide({
        action: 'use',
        data: confidential(),
        purpose: 'marketing',
        consent: { from: 'user', form: 'written', grantedAt: '2021-06-01T10:00:00.001+09:00' },
        at: AT,
      });
      expectDeny(d, 'confidential-use-beyond-service');
    });

    it.each(['electronic', 'oral'] as const satisfies readonly ConsentForm[])(
      'denies use beyond the service with %s consent: only written consent counts (32(1))',
      (form) => {
        const d = decide({
          action: 'use',
          data: confidential(),
          purpose: 'marketing',
          consent: { from: 'user', form, grantedAt: '2021-05-01T10:00:00+09:00' },
          at: AT,
        });
        expectDeny(d, 'confidential-use-beyond-service');
      },
    );

    it.each(['provider', 'third-party', 'data-subject', 'subcontractor'] as const satisfies readonly Party[])(
      'denies use beyond the service with written consent from %s, who is not the disclosing user (32(1))',
      (from) => {
        const d = decide({
          action: 'use',
          data: confidential(),
          purpose: 'marketing',
          consent: { from, form: 'written', grantedAt: '2021-05-01T10:00:00+09:00' },
          at: AT,
        });
        expectDeny(d, 'confidential-use-beyond-service');
      },
    );
  });

  describe('32(1): no disclosure to a third party without written prior consent', () => {
    it.each(DIRECTIONS)(
      'denies the %s disclosing confidential information to a third party (32(1))',
      (receiver, discloser) => {
        const d = decide({
          action: 'disclose',
          actor: receiver,
          data: received(discloser),
          recipient: 'third-party',
          at: AT,
        });
        expectDeny(d, 'confidential-disclosure-needs-written-consent');
        expect(refs(d)).toContainEqual(art(32, 1));
      },
    );

    it.each(['transfer', 'license', 'sublicense'] as const satisfies readonly Action[])(
      'denies passing confidential information to a third party by %s (32(1))',
      (action) => {
        const d = decide({ action, data: confidential(), recipient: 'third-party', at: AT });
        expectBound(d);
      },
    );

    it.each(DIRECTIONS)(
      'permits the %s disclosing to a third party with the counterparty’s written consent given at the same ms (32(1))',
      (receiver, discloser) => {
        const d = decide({
          action: 'disclose',
          actor: receiver,
          data: received(discloser),
          recipient: 'third-party',
          consent: { from: discloser, form: 'written', grantedAt: AT },
          at: AT,
        });
        expectPermitUnder32(d, art(32, 1), 'confidential-disclosure-with-written-consent');
      },
    );

    it('denies disclosure when the written consent comes 1 ms after it (32(1) あらかじめ)', () => {
      const d = decide({
        action: 'disclose',
        data: confidential(),
        recipient: 'third-party',
        consent: { from: 'user', form: 'written', grantedAt: '2021-06-01T10:00:00.001+09:00' },
        at: AT,
      });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
    });

    it.each(['electronic', 'oral'] as const satisfies readonly ConsentForm[])(
      'denies disclosure with %s consent: 32(1) asks for written consent (32(1))',
      (form) => {
        const d = decide({
          action: 'disclose',
          data: confidential(),
          recipient: 'third-party',
          consent: { from: 'user', form, grantedAt: '2021-05-01T10:00:00+09:00' },
          at: AT,
        });
        expectDeny(d, 'confidential-disclosure-needs-written-consent');
      },
    );

    it('denies the user disclosing with its own written consent: only the counterparty’s counts (32(1))', () => {
      const d = decide({
        action: 'disclose',
        actor: 'user',
        data: confidential({ disclosedBy: 'provider' }),
        recipient: 'third-party',
        consent: { from: 'user', form: 'written', grantedAt: '2021-05-01T10:00:00+09:00' },
        at: AT,
      });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
    });

    it('permits handing the information back to the party that disclosed it: no third party (32(1))', () => {
      const d = decide({ action: 'disclose', data: confidential(), recipient: 'user', at: AT });
      expectPermit(d, 'confidential-to-its-discloser');
    });
  });

  describe('32(2): disclosure a law or an authority compels', () => {
    // 32(2) pairs ground and recipient (SPEC §11): a law reaches the destination it names; an authority's request
    // reaches that authority only.
    const compelled = [
      ['law', 'authority'],
      ['law', 'third-party'],
      ['authority-request', 'authority'],
    ] as const;

    it.each(compelled)(
      'permits compelled disclosure (%s) to %s with notice before it (32(2))',
      (legalBasis, recipient) => {
        for (const [receiver, discloser] of DIRECTIONS) {
          const d = decide({
            action: 'disclose',
            actor: receiver,
            data: received(discloser),
            recipient,
            legalBasis,
            at: AT,
          });
          expectPermitUnder32(d, art(32, 2), 'compelled-disclosure');
          expect(d).toOblige('notify-counterparty-before-disclosure');
          expect(d).not.toOblige('notify-counterparty-after-disclosure');
          const notice = d.obligations.find((o) => o.code === 'notify-counterparty-before-disclosure');
          expect(notice && ref(notice.basis)).toEqual(art(32, 2));
        }
      },
    );

    it.each(compelled)(
      'permits compelled disclosure (%s) to %s with notice promptly after it when notice before is impossible (32(2))',
      (legalBasis, recipient) => {
        for (const [receiver, discloser] of DIRECTIONS) {
          const d = decide({
            action: 'disclose',
            actor: receiver,
            data: received(discloser),
            recipient,
            legalBasis,
            priorNoticeImpossible: true,
            at: AT,
          });
          expectPermitUnder32(d, art(32, 2), 'compelled-disclosure');
          expect(d).toOblige('notify-counterparty-after-disclosure');
          expect(d).not.toOblige('notify-counterparty-before-disclosure');
        }
      },
    );

    it('decides an authority’s request to reach a third party by 32(1): denied without written consent, permitted with it (32(2) pairs them)', () => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const ask = (extra: object) =>
          decide({
            action: 'disclose',
            actor: receiver,
            data: received(discloser),
            recipient: 'third-party',
            legalBasis: 'authority-request',
            at: AT,
            ...extra,
          });
        const denied = ask({});
        expect(denied).toBeDenied();
        expect(denied.reasons.map((r) => r.code)).toEqual(['confidential-disclosure-needs-written-consent']);
        const consented = ask({
          consent: { from: discloser, form: 'written', grantedAt: '2021-05-01T00:00:00+09:00' },
        });
        expect(consented).toBePermitted();
        expect(consented.reasons.map((r) => r.code)).toEqual([
          'confidential-disclosure-with-written-consent',
        ]);
      }
    });

    it('permits compelled disclosure with notice before it when prior notice is stated possible (32(2))', () => {
      const d = decide({
        action: 'disclose',
        data: confidential(),
        recipient: 'authority',
        legalBasis: 'law',
        priorNoticeImpossible: false,
        at: AT,
      });
      expectPermitUnder32(d, art(32, 2), 'compelled-disclosure');
      expect(d).toOblige('notify-counterparty-before-disclosure');
      expect(d).not.toOblige('notify-counterparty-after-disclosure');
    });

    it('denies disclosure with a legal basis to a recipient the law does not name, the data subject (32(1), 32(2))', () => {
      const d = decide({
        action: 'disclose',
        data: confidential(),
        recipient: 'data-subject',
        legalBasis: 'law',
        at: AT,
      });
      expectBound(d);
      expect(refs(d)).not.toContainEqual(art(32, 2));
    });

    it('denies disclosure to an authority without a legal basis (32(1))', () => {
      const d = decide({ action: 'disclose', data: confidential(), recipient: 'authority', at: AT });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
    });

    it('denies disclosure when prior notice is impossible but there is no legal basis (32(1))', () => {
      const d = decide({
        action: 'disclose',
        data: confidential(),
        recipient: 'third-party',
        priorNoticeImpossible: true,
        at: AT,
      });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
    });
  });

  describe('32(3): subcontractors', () => {
    it('permits the provider disclosing to a subcontractor without consent, imposing equal confidentiality (32(3))', () => {
      const d = decide({
        action: 'disclose',
        actor: 'provider',
        data: confidential(),
        recipient: 'subcontractor',
        at: AT,
      });
      expectPermitUnder32(d, art(32, 3), 'confidential-to-subcontractor');
      expect(d).toOblige('impose-equivalent-confidentiality');
      const duty = d.obligations.find((o) => o.code === 'impose-equivalent-confidentiality');
      expect(duty && ref(duty.basis)).toEqual(art(32, 3));
    });

    it('denies the user disclosing the provider’s information to a subcontractor: a third party to it (32(1), 32(3))', () => {
      const d = decide({
        action: 'disclose',
        actor: 'user',
        data: confidential({ disclosedBy: 'provider' }),
        recipient: 'subcontractor',
        at: AT,
      });
      expectDeny(d, 'confidential-disclosure-needs-written-consent');
      expect(refs(d)).toContainEqual(art(32, 1));
      expect(refs(d)).not.toContainEqual(art(32, 3));
    });

    it('permits the user disclosing to a subcontractor with the provider’s written prior consent (32(1))', () => {
      const d = decide({
        action: 'disclose',
        actor: 'user',
        data: confidential({ disclosedBy: 'provider' }),
        recipient: 'subcontractor',
        consent: { from: 'provider', form: 'written', grantedAt: '2021-05-20T09:00:00+09:00' },
        at: AT,
      });
      expectPermitUnder32(d, art(32, 1), 'confidential-disclosure-with-written-consent');
      expect(d).not.toOblige('impose-equivalent-confidentiality');
    });
  });

  describe('32(4): return or erasure on request', () => {
    it('permits the receiving party to hold the information until it is asked to return it (32(4))', () => {
      const d = decide({ action: 'retain', data: confidential(), at: AT });
      expectPermitUnder32(d, art(32, 4));
    });
  });

  describe('32(5): Art. 32 survives the contract by three years (Civil Code 140, 141, 143; JST)', () => {
    const TERMINATED = { ...CONTRACT, terminatedAt: '2022-03-31T10:00:00+09:00' };

    it('still binds at 23:59:59.999 JST on the last day of the three years (32(5))', () => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const { use, disclose } = probes(
          receiver,
          received(discloser),
          '2025-03-31T23:59:59.999+09:00',
          TERMINATED,
        );
        expectBound(use);
        expectBound(disclose);
        expect(refs(disclose)).not.toContainEqual(art(32, 5));
      }
    });

    it('no longer binds from 00:00 JST the next day (32(5))', () => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const { use, disclose } = probes(
          receiver,
          received(discloser),
          '2025-04-01T00:00:00+09:00',
          TERMINATED,
        );
        expectUnbound(use, art(32, 5), 'confidentiality-survival-ended');
        expectUnbound(disclose, art(32, 5), 'confidentiality-survival-ended');
      }
    });

    it('counts the day of termination when the contract ends at exactly 00:00 JST (32(5), Civil Code 140)', () => {
      const contract = { ...CONTRACT, terminatedAt: '2022-03-31T00:00:00+09:00' };
      const last = probes('provider', confidential(), '2025-03-30T23:59:59.999+09:00', contract);
      const after = probes('provider', confidential(), '2025-03-31T00:00:00+09:00', contract);
      expectBound(last.disclose);
      expectUnbound(after.disclose, art(32, 5), 'confidentiality-survival-ended');
    });

    it('reckons the first day in JST, not UTC, when the contract ends after 15:00 UTC (32(5))', () => {
      // 2022-03-31T15:30:00Z is 2022-04-01 00:30 JST: the first day counted is 04-02, the last 2025-04-01.
      const contract = { ...CONTRACT, terminatedAt: '2022-03-31T15:30:00Z' };
      const last = probes('provider', confidential(), '2025-04-01T23:59:59.999+09:00', contract);
      const after = probes('provider', confidential(), '2025-04-02T00:00:00+09:00', contract);
      expectBound(last.disclose);
      expectUnbound(after.disclose, art(32, 5), 'confidentiality-survival-ended');
    });

    it('ends the period on 02-28 when it starts on 03-01 after a leap day (32(5), Civil Code 143(2))', () => {
      // Terminated 2024-02-29 10:00 JST: the first day is 03-01, so the last is 2027-02-28.
      const contract = { ...CONTRACT, terminatedAt: '2024-02-29T10:00:00+09:00' };
      const last = probes('provider', confidential(), '2027-02-28T23:59:59.999+09:00', contract);
      const after = probes('provider', confidential(), '2027-03-01T00:00:00+09:00', contract);
      expectBound(last.disclose);
      expectUnbound(after.disclose, art(32, 5), 'confidentiality-survival-ended');
    });

    it('still binds without a contract in the request (32(5))', () => {
      for (const [receiver, discloser] of DIRECTIONS) {
        const { use, disclose } = probes(receiver, received(discloser), FAR_FUTURE);
        expectBound(use);
        expectBound(disclose);
      }
    });

    it('still binds under a contract that has not ended (32(5))', () => {
      const { use, disclose } = probes('provider', confidential(), FAR_FUTURE, CONTRACT);
      expectBound(use);
      expectBound(disclose);
    });

    it('keeps permitting use for the service with its 32(4) duty while the survival period runs (32(5))', () => {
      const d = decide({
        action: 'use',
        data: confidential(),
        purpose: 'service-provision',
        at: '2025-03-31T23:59:59.999+09:00',
        contract: TERMINATED,
      });
      expectPermitUnder32(d, art(32, 1), 'confidential-use-for-service');
    });
  });

  describe('2017-04-01 terms: there is no Art. 32', () => {
    const requests: [string, Omit<DecisionRequest, 'at'>][] = [
      ['provider uses for service', { action: 'use', data: confidential(), purpose: 'service-provision' }],
      ['provider uses for marketing', { action: 'use', data: confidential(), purpose: 'marketing' }],
      [
        'provider discloses to a third party',
        { action: 'disclose', data: confidential(), recipient: 'third-party' },
      ],
      [
        'provider discloses under a law',
        { action: 'disclose', data: confidential(), recipient: 'authority', legalBasis: 'law' },
      ],
      [
        'provider discloses to a subcontractor',
        { action: 'disclose', data: confidential(), recipient: 'subcontractor' },
      ],
      ['provider holds it', { action: 'retain', data: confidential() }],
      [
        'user discloses the provider’s to a third party',
        { action: 'disclose', actor: 'user', data: received('provider'), recipient: 'third-party' },
      ],
      [
        'user uses the provider’s',
        { action: 'use', actor: 'user', data: received('provider'), purpose: 'marketing' },
      ],
      [
        'user discloses its own',
        { action: 'disclose', actor: 'user', data: confidential(), recipient: 'third-party' },
      ],
      [
        'provider uses undesignated information',
        { action: 'use', data: confidential({ designation: null }), purpose: 'marketing' },
      ],
      [
        'provider uses public information',
        { action: 'use', data: confidential({ exception: 'public' }), purpose: 'marketing' },
      ],
      [
        'provider discloses with written consent',
        {
          action: 'disclose',
          data: confidential(),
          recipient: 'third-party',
          consent: { from: 'user', form: 'written', grantedAt: '2020-01-01T00:00:00+09:00' },
        },
      ],
    ];

    it.each(requests)('never cites Art. 32 when the %s before 2020-12-01', (_label, request) => {
      const d = decide({ ...request, at: OLD_LAST });
      expect(d.terms).toBe('2017-04-01');
      expect(d.basis.length).toBeGreaterThan(0);
      expect(d).not.toCite({ source: 'terms', article: 32 });
      expect(d).not.toCite({ source: 'terms', article: 2, paragraph: 6 });
      expect(d.obligations.filter((o) => citesArticle32(o.basis))).toEqual([]);
      expect(d).not.toOblige('return-or-erase-on-request');
    });

    it('decides the same disclosure under Art. 32 from 2020-12-01 00:00 JST (32(3))', () => {
      const request: DecisionRequest = {
        action: 'disclose',
        data: confidential({
          disclosedAt: '2020-06-01T10:00:00+09:00',
          designation: { method: 'written', at: '2020-06-01T09:00:00+09:00' },
        }),
        recipient: 'subcontractor',
      };
      const before = decide({ ...request, at: OLD_LAST });
      const after = decide({ ...request, at: NEW_FROM });
      expect(before.terms).toBe('2017-04-01');
      expect(before).not.toCite({ source: 'terms', article: 32 });
      expectPermitUnder32(after, art(32, 3), 'confidential-to-subcontractor');
    });

    it('never cites Art. 32 for any confidential request before 2020-12-01 (property)', () => {
      const oldFrom = new Date('2017-04-01T00:00:00+09:00').getTime();
      const oldLast = new Date(OLD_LAST).getTime();
      fc.assert(
        fc.property(
          fc.integer({ min: oldFrom, max: oldLast }),
          fc.constantFrom<Actor>('user', 'provider', 'subcontractor'),
          fc.constantFrom<Action>('use', 'process', 'disclose', 'transfer', 'license', 'retain', 'republish'),
          fc.constantFrom<Party>('third-party', 'authority', 'subcontractor', 'user', 'provider'),
          fc.constantFrom<'user' | 'provider'>('user', 'provider'),
          fc.option(fc.constantFrom('law', 'authority-request' as const), { nil: undefined }),
          (atMs, actor, action, recipient, disclosedBy, legalBasis) => {
            const d = decide({
              action,
              actor,
              data: confidential({
                disclosedBy,
                disclosedAt: '2017-05-01T10:00:00+09:00',
                designation: null,
              }),
              purpose: 'marketing',
              recipient,
              legalBasis,
              at: new Date(atMs),
            });
            expect(d.terms).toBe('2017-04-01');
            expect(d).not.toCite({ source: 'terms', article: 32 });
            expect(d.obligations.filter((o) => citesArticle32(o.basis))).toEqual([]);
          },
        ),
      );
    });
  });

  describe('invariants (property)', () => {
    const disclosedMs = new Date(DISCLOSED_AT).getTime();

    it('binds exactly when the designation is at or before the disclosure (2(2)(6))', () => {
      fc.assert(
        fc.property(fc.integer({ min: -10 * 86_400_000, max: 10 * 86_400_000 }), (offset) => {
          const data = confidential({
            designation: { method: 'electronic', at: new Date(disclosedMs + offset) },
          });
          const d = decide({ action: 'disclose', data, recipient: 'third-party', at: AT });
          expect(d).toEqual(offset > 0 ? expect.toBePermitted() : expect.toBeDenied());
          if (offset > 0) expect(refs(d)).toContainEqual(art(2, 2, 6));
        }),
      );
    });

    it('attaches the 32(4) duty to every permit while Art. 32 binds, and no obligation to a deny (32(4))', () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...DIRECTIONS),
          fc.constantFrom<Action>(
            'use',
            'process',
            'disclose',
            'transfer',
            'license',
            'sublicense',
            'retain',
          ),
          fc.constantFrom('service-provision', 'service-analysis', 'marketing'),
          fc.constantFrom<Party>('third-party', 'authority', 'subcontractor', 'data-subject'),
          fc.option(fc.constantFrom('law', 'authority-request' as const), { nil: undefined }),
          fc.option(fc.boolean(), { nil: undefined }),
          fc.option(
            fc.record({
              from: fc.constantFrom<Party>('user', 'provider', 'third-party'),
              form: fc.constantFrom<ConsentForm>('written', 'electronic', 'oral'),
              grantedAt: fc.constantFrom('2021-05-01T00:00:00+09:00', '2021-06-01T10:00:00.001+09:00'),
            }),
            { nil: undefined },
          ),
          ([receiver, discloser], action, purpose, recipient, legalBasis, priorNoticeImpossible, consent) => {
            const d = decide({
              action,
              actor: receiver,
              data: received(discloser),
              purpose,
              recipient,
              legalBasis,
              priorNoticeImpossible,
              consent,
              at: AT,
              contract: CONTRACT,
            });
            expect(d.terms).toBe('2020-12-01');
            expect(d.basis.length).toBeGreaterThan(0);
            if (d.allowed) expect(d).toOblige('return-or-erase-on-request');
            else expect(d.obligations).toEqual([]);
            expect(d).toCite({ source: 'terms', article: 32 });
          },
        ),
      );
    });
  });
});
