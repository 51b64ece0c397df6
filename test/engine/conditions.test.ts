import { confidential, derived, measurement, userInformation } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../src/engine/conditions.js';
import {
  type Condition,
  type ConsentForm,
  type DecisionRequest,
  defineTerms,
  type Party,
  terms20170401,
  terms20201201,
} from '../../src/index.js';
import { readRequest } from '../../src/request/readRequest.js';

// The one interpreter of condition records (SPEC §8, STYLE 13): each record a test of the snapshot, true only on
// positive evidence.

const at = '2021-06-01T10:00:00+09:00';
const env = { privacyPolicyPurposes: new Set(['service-provision']) };
const defaults = { actor: 'provider', now: () => Date.parse(at) } as const;

/** Whether `condition` holds, under `version`, for a request (action `process` and `at` unless given). */
function holds(condition: Condition, request: Partial<DecisionRequest>, version = terms20201201): boolean {
  const s = readRequest({ action: 'process', data: measurement(), at, ...request }, defaults);
  return compileCondition(condition, version, env)(s);
}

const consent = (from: Party, form: ConsentForm = 'written', grantedAt = at) => ({
  consent: { from, form, grantedAt },
});

describe('compileCondition', () => {
  describe('justified (13(3)(1)ハ: a recorded determination)', () => {
    it('holds for a justification with visible text only', () => {
      expect(holds({ justified: true }, { justification: 'fault analysis requested by the user' })).toBe(
        true,
      );
      expect(holds({ justified: true }, {})).toBe(false);
      expect(holds({ justified: true }, { justification: ' \t\n' })).toBe(false);
      expect(holds({ justified: true }, { justification: '\u200B\u2060' })).toBe(false);
      expect(holds({ justified: true }, { justification: '\u200B判断\u2060' })).toBe(true);
    });
  });

  describe('personalData (31(2): is or may be personal information)', () => {
    it('reads the status of measurement and derived data, and counts other kinds as none', () => {
      const personal: Condition = { personalData: ['possible', 'yes'] };
      expect(holds(personal, { data: measurement({ personalData: 'possible' }) })).toBe(true);
      expect(holds(personal, { data: measurement({ personalData: 'none' }) })).toBe(false);
      expect(holds(personal, { data: derived({ personalData: 'yes' }) })).toBe(true);
      expect(holds(personal, { data: userInformation() })).toBe(false);
      expect(holds({ personalData: ['none'] }, { data: confidential() })).toBe(true);
    });
  });

  describe('consent (granted at or before the instant, in a form it accepts)', () => {
    it('counts consent given at the instant itself, and not consent given a millisecond after', () => {
      const c: Condition = { consent: { from: 'provider', forms: ['written'] } };
      expect(holds(c, consent('provider', 'written', at))).toBe(true);
      expect(holds(c, consent('provider', 'written', '2021-06-01T10:00:00.001+09:00'))).toBe(false);
    });

    it('accepts any form when the condition names none, and only the forms it names otherwise', () => {
      expect(holds({ consent: { from: 'provider' } }, consent('provider', 'oral'))).toBe(true);
      expect(holds({ consent: { from: 'provider', forms: ['written'] } }, consent('provider', 'oral'))).toBe(
        false,
      );
      expect(
        holds(
          { consent: { from: 'provider', forms: ['written', 'electronic'] } },
          consent('provider', 'electronic'),
        ),
      ).toBe(true);
    });

    it('asks consent of the party it names, and finds it among several', () => {
      const c: Condition = { consent: { from: 'provider' } };
      expect(holds(c, consent('user'))).toBe(false);
      expect(holds(c, {})).toBe(false);
      expect(
        holds(c, {
          consent: [
            { from: 'user', form: 'written', grantedAt: at },
            { from: 'provider', form: 'oral', grantedAt: at },
          ],
        }),
      ).toBe(true);
    });

    it("takes 'person' as the data subject, or the user for information about the user (APPI 27(1))", () => {
      const c: Condition = { consent: { from: 'person' } };
      expect(holds(c, { data: userInformation({ subject: 'employee' }), ...consent('data-subject') })).toBe(
        true,
      );
      expect(holds(c, { data: userInformation({ subject: 'employee' }), ...consent('user') })).toBe(false);
      expect(holds(c, { data: userInformation({ subject: 'user' }), ...consent('user') })).toBe(true);
      expect(holds(c, { data: derived({ personalData: 'yes' }), ...consent('user') })).toBe(false);
      expect(holds(c, { data: derived({ personalData: 'yes' }), ...consent('data-subject') })).toBe(true);
    });

    it("takes 'discloser' as the party that disclosed the confidential information (32(1))", () => {
      const c: Condition = { consent: { from: 'discloser' } };
      expect(holds(c, { data: confidential({ disclosedBy: 'user' }), ...consent('user') })).toBe(true);
      expect(holds(c, { data: confidential({ disclosedBy: 'user' }), ...consent('provider') })).toBe(false);
      expect(holds(c, { data: confidential({ disclosedBy: 'provider' }), ...consent('provider') })).toBe(
        true,
      );
      expect(holds(c, { data: measurement(), ...consent('user') })).toBe(false);
    });
  });

  describe('legalBasis and priorNoticeImpossible (32(2))', () => {
    it('holds for a basis it lists, not for another or none', () => {
      expect(holds({ legalBasis: ['law'] }, { legalBasis: 'law' })).toBe(true);
      expect(holds({ legalBasis: ['law'] }, { legalBasis: 'authority-request' })).toBe(false);
      expect(holds({ legalBasis: ['law', 'authority-request'] }, {})).toBe(false);
    });

    it('holds when the request says notice before is impossible, and not by default', () => {
      expect(holds({ priorNoticeImpossible: true }, { priorNoticeImpossible: true })).toBe(true);
      expect(holds({ priorNoticeImpossible: true }, { priorNoticeImpossible: false })).toBe(false);
      expect(holds({ priorNoticeImpossible: true }, {})).toBe(false);
    });
  });

  describe('privacyPolicyPurpose (31(1))', () => {
    it("holds for a purpose the policy's privacyPolicyPurposes lists, not for another or none", () => {
      const data = userInformation();
      expect(holds({ privacyPolicyPurpose: true }, { data, purpose: 'service-provision' })).toBe(true);
      expect(holds({ privacyPolicyPurpose: true }, { data, purpose: 'marketing' })).toBe(false);
      expect(holds({ privacyPolicyPurpose: true }, { data })).toBe(false);
    });
  });

  describe('recipient', () => {
    it("takes 'person' as the data subject, or the user for information about the user", () => {
      const c: Condition = { recipient: 'person' };
      expect(holds(c, { data: derived({ personalData: 'yes' }), recipient: 'data-subject' })).toBe(true);
      expect(holds(c, { data: userInformation({ subject: 'user' }), recipient: 'user' })).toBe(true);
      expect(holds(c, { data: userInformation({ subject: 'officer' }), recipient: 'user' })).toBe(false);
      expect(holds(c, { data: derived(), recipient: 'third-party' })).toBe(false);
    });

    it("takes 'discloser' as the party that disclosed the confidential information", () => {
      const c: Condition = { recipient: 'discloser' };
      expect(holds(c, { data: confidential({ disclosedBy: 'user' }), recipient: 'user' })).toBe(true);
      expect(holds(c, { data: confidential({ disclosedBy: 'user' }), recipient: 'provider' })).toBe(false);
      expect(holds(c, { data: measurement(), recipient: 'user' })).toBe(false);
    });
  });

  describe('designated (2(2)(6))', () => {
    const d: Condition = { designated: true };

    it('holds for information designated in writing or electronically by the disclosure, scoped and marked', () => {
      expect(holds(d, { data: confidential() })).toBe(true);
      expect(
        holds(d, {
          data: confidential({
            disclosedAt: '2021-05-10T10:00:00+09:00',
            designation: { method: 'electronic', at: '2021-05-10T10:00:00+09:00' },
          }),
        }),
      ).toBe(true);
    });

    it('does not hold for a designation after the disclosure, none, no scope or no marking', () => {
      const late = { method: 'written', at: '2021-05-10T10:00:00.001+09:00' } as const;
      expect(
        holds(d, { data: confidential({ disclosedAt: '2021-05-10T10:00:00+09:00', designation: late }) }),
      ).toBe(false);
      expect(holds(d, { data: confidential({ designation: null }) })).toBe(false);
      expect(holds(d, { data: confidential({ scopeSpecified: false }) })).toBe(false);
      expect(holds(d, { data: confidential({ marked: false }) })).toBe(false);
      expect(holds(d, { data: measurement() })).toBe(false);
    });
  });

  describe('exception and disclosedBy (32(1))', () => {
    it('holds for the exception the record names, and not for another or none', () => {
      expect(holds({ exception: 'public' }, { data: confidential({ exception: 'public' }) })).toBe(true);
      expect(holds({ exception: 'public' }, { data: confidential({ exception: 'already-held' }) })).toBe(
        false,
      );
      expect(holds({ exception: 'public' }, { data: confidential() })).toBe(false);
      expect(holds({ exception: 'public' }, { data: measurement() })).toBe(false);
    });

    it("compares the discloser with the acting party for 'actor', and with the party named otherwise", () => {
      const data = confidential({ disclosedBy: 'user' });
      expect(holds({ disclosedBy: 'actor' }, { data, actor: 'user' })).toBe(true);
      expect(holds({ disclosedBy: 'actor' }, { data, actor: 'provider' })).toBe(false);
      expect(holds({ disclosedBy: 'user' }, { data, actor: 'provider' })).toBe(true);
      expect(holds({ disclosedBy: 'provider' }, { data, actor: 'provider' })).toBe(false);
      expect(holds({ disclosedBy: 'actor' }, { data: measurement(), actor: 'user' })).toBe(false);
    });
  });

  describe('survivalEnded (32(5): three years after the contract ends, Civil Code reckoning in JST)', () => {
    const ended = {
      data: confidential(),
      contract: {
        id: 'C-1',
        formedAt: '2019-04-01T00:00:00+09:00',
        terminatedAt: '2021-03-31T00:00:00+09:00',
      },
    };

    it('holds from the end of the period on, not the millisecond before (Civil Code 140, 141, 143)', () => {
      expect(holds({ survivalEnded: true }, { ...ended, at: '2024-03-31T00:00:00+09:00' })).toBe(true);
      expect(holds({ survivalEnded: true }, { ...ended, at: '2024-03-30T23:59:59.999+09:00' })).toBe(false);
    });

    it('does not hold without a contract, for a running one, or in a version without a survival period', () => {
      const late = '2030-01-01T00:00:00+09:00';
      expect(holds({ survivalEnded: true }, { data: confidential(), at: late })).toBe(false);
      expect(
        holds(
          { survivalEnded: true },
          { data: confidential(), contract: { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00' }, at: late },
        ),
      ).toBe(false);
      expect(holds({ survivalEnded: true }, { ...ended, at: late }, terms20170401)).toBe(false);
    });
  });

  describe('holding (13(4))', () => {
    it('holds for the state measurement data is in under the version’s holding period', () => {
      const data = measurement({ receivedAt: '2021-03-15T10:00:00+09:00' });
      expect(holds({ holding: 'within-period' }, { data, at: '2022-03-15T23:59:59.999+09:00' })).toBe(true);
      expect(holds({ holding: 'within-period' }, { data, at: '2022-03-16T00:00:00+09:00' })).toBe(false);
      expect(holds({ holding: 'expired' }, { data, at: '2022-03-16T00:00:00+09:00' })).toBe(true);
      expect(holds({ holding: 'expired' }, { data: derived(), at: '2030-01-01T00:00:00+09:00' })).toBe(false);
    });

    it('does not hold in a version without a holding period', () => {
      const { holdingPeriod: _none, ...rest } = terms20201201;
      const without = defineTerms({
        ...rest,
        id: '2030-04-01',
        effectiveFrom: '2030-04-01T00:00:00+09:00',
        rules: [],
      });
      const data = measurement({ receivedAt: '2021-03-15T10:00:00+09:00' });
      for (const state of ['within-period', 'extended', 'expired'] as const)
        expect(holds({ holding: state }, { data, at: '2030-05-01T00:00:00+09:00' }, without)).toBe(false);
    });
  });

  describe('all, any, not', () => {
    it('combines the conditions they hold', () => {
      const law: Condition = { legalBasis: ['law'] };
      const notice: Condition = { priorNoticeImpossible: true };
      const request = { legalBasis: 'law', priorNoticeImpossible: false } as const;
      expect(holds({ all: [law, notice] }, request)).toBe(false);
      expect(holds({ all: [law] }, request)).toBe(true);
      expect(holds({ any: [law, notice] }, request)).toBe(true);
      expect(holds({ any: [notice] }, request)).toBe(false);
      expect(holds({ not: notice }, request)).toBe(true);
      expect(holds({ not: law }, request)).toBe(false);
    });
  });

  it('grants nothing for a key defineTerms would refuse', () => {
    expect(holds({ unknown: true } as unknown as Condition, {})).toBe(false);
  });
});
