import { anonymized, confidential, measurement, userInformation } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { type ConsentInput, createPolicy, type Decision, type DecisionRequest } from '../../../src/index.js';

// The readings settled in 2026-12 (SPEC §11), each at its edge: the instant a contract ends, a consent list with one
// party missing, in the wrong form, a millisecond late.

const policy = createPolicy({ locale: 'en' });
const decide = (r: DecisionRequest): Decision => policy.decide(r);
const codes = (d: Decision) => d.reasons.map((r) => r.code);
const AT = '2021-06-01T10:00:00+09:00';
const OLD_AT = '2019-06-01T10:00:00+09:00';
const C1 = { id: 'C-1', formedAt: '2019-04-01T00:00:00+09:00' };

describe('whose data: another customer’s measurement record (13(2), 13(3)(4))', () => {
  const theirs = measurement({ contractId: 'C-2' });
  const ours = measurement({ contractId: 'C-1' });

  it('denies the provider showing contract C-2’s record to the user of contract C-1, as raw data leaving (13(3)(4))', () => {
    const d = decide({ action: 'disclose', data: theirs, recipient: 'user', contract: C1, at: AT });
    expect(d).toBeDenied();
    expect(d).toMatchObject({ rule: '13-3-4/provider/other-customer' });
    expect(codes(d)).toEqual(['other-customers-data']);
    expect(d.basis[0]).toMatchObject({ article: 13, paragraph: 3, item: 4 });
  });

  it('still shows the customer its own record, and takes the caller’s word when no contract is given (contract)', () => {
    expect(
      decide({ action: 'disclose', data: ours, recipient: 'user', contract: C1, at: AT }),
    ).toBePermitted();
    expect(decide({ action: 'disclose', data: theirs, recipient: 'user', at: AT })).toBePermitted();
  });

  it('denies the user passing on another customer’s raw data: 13(2) grants rights over one’s own data only', () => {
    const d = decide({
      action: 'license',
      actor: 'user',
      data: theirs,
      recipient: 'third-party',
      contract: C1,
      at: AT,
    });
    expect(d).toBeDenied();
    expect(d).toMatchObject({ rule: '13-2/user/other-customer' });
    expect(codes(d)).toEqual(['not-own-data']);
    expect(d.basis[0]).toMatchObject({ article: 13, paragraph: 2 });
    expect(
      decide({
        action: 'license',
        actor: 'user',
        data: ours,
        recipient: 'third-party',
        contract: C1,
        at: AT,
      }),
    ).toBePermitted();
  });
});

describe('service provision needs a running contract (contract; 13(5))', () => {
  const ended = (terminatedAt: string) => ({ ...C1, terminatedAt });
  const useFor = (purpose: string, terminatedAt: string, actor: 'provider' | 'subcontractor' = 'provider') =>
    decide({
      action: 'use',
      actor,
      data: measurement({ contractId: 'C-1' }),
      purpose,
      contract: ended(terminatedAt),
      at: AT,
    });

  it('denies use for service-provision from the instant the contract ends, and permits it a millisecond before', () => {
    expect(useFor('service-provision', AT)).toBeDenied();
    expect(useFor('service-provision', AT)).toMatchObject({ rule: 'contract/provider/use/ended' });
    expect(codes(useFor('service-provision', AT))).toEqual(['contract-ended']);
    expect(useFor('service-provision', '2021-06-01T10:00:00.001+09:00')).toBePermitted();
    expect(useFor('service-provision', AT, 'subcontractor')).toBeDenied();
  });

  it('keeps Art. 13’s own purposes (イロハ) after the contract ends (13(5))', () => {
    expect(useFor('service-analysis', '2021-01-01T00:00:00+09:00')).toBePermitted();
    expect(useFor('incident-response', '2021-01-01T00:00:00+09:00', 'subcontractor')).toBePermitted();
  });

  it('denies disclosure to a subcontractor for service-provision after the contract ended, not for 13(3)(1)ロ', () => {
    const to = (purpose: string) =>
      decide({
        action: 'disclose',
        data: measurement({ contractId: 'C-1' }),
        recipient: 'subcontractor',
        purpose,
        contract: ended('2021-05-31T00:00:00+09:00'),
        at: AT,
      });
    expect(to('service-provision')).toBeDenied();
    expect(to('service-provision')).toMatchObject({ rule: 'contract/provider/disclose-subcontractor/ended' });
    expect(to('incident-response')).toBePermitted();
  });

  it('applies the same under the 2017 terms: the old contract purpose ends with the contract', () => {
    const d = decide({
      action: 'use',
      data: measurement({ contractId: 'C-1', receivedAt: '2019-05-01T10:00:00+09:00' }),
      purpose: 'service-provision',
      contract: ended(OLD_AT),
      at: OLD_AT,
    });
    expect(d).toBeDenied();
    expect(d).toMatchObject({ terms: '2017-04-01', rule: 'old-contract/provider/ended' });
  });
});

describe('several consents under the 2017 terms (old 31 and the APPI, then 23(1))', () => {
  const employee = userInformation({ subject: 'employee' });
  const consent = (from: 'user' | 'data-subject', grantedAt = '2019-05-01T00:00:00+09:00'): ConsentInput => ({
    from,
    form: 'written',
    grantedAt,
  });
  const toThirdParty = (data: ReturnType<typeof userInformation>, c: unknown) =>
    decide({ action: 'disclose', data, recipient: 'third-party', consent: c as never, at: OLD_AT });

  it('denies an employee’s information to a third party on the user’s consent alone: the Act asks the person’s too', () => {
    const d = toThirdParty(employee, consent('user'));
    expect(d).toBeDenied();
    expect(d).toMatchObject({ rule: 'old-31+appi/person-consent-missing' });
    expect(codes(d)).toEqual(['person-consent-required']);
    expect(d.basis[0]).toMatchObject({ source: 'appi', article: 23, paragraph: 1 });
  });

  it('permits it with both consents in a list, and not when the person’s comes a millisecond late', () => {
    expect(toThirdParty(employee, [consent('user'), consent('data-subject')])).toBePermitted();
    expect(toThirdParty(employee, [consent('user'), consent('data-subject')])).toMatchObject({
      rule: 'old-31+appi/consent',
    });
    expect(
      toThirdParty(employee, [consent('user'), consent('data-subject', '2019-06-01T10:00:00.001+09:00')]),
    ).toBeDenied();
    // The person's consent without the user's is not the user's consent (old 31).
    expect(codes(toThirdParty(employee, consent('data-subject')))).toEqual([
      'user-information-needs-user-consent',
    ]);
  });

  it('counts the data subject’s consent as the user’s own when the information is about the user', () => {
    const aboutUser = userInformation({ subject: 'user' });
    expect(toThirdParty(aboutUser, consent('data-subject'))).toBePermitted();
    expect(toThirdParty(aboutUser, consent('user'))).toBePermitted();
    const toSubcontractor = decide({
      action: 'disclose',
      data: aboutUser,
      recipient: 'subcontractor',
      consent: consent('data-subject'),
      at: OLD_AT,
    });
    expect(toSubcontractor).toBePermitted();
    expect(toSubcontractor).toMatchObject({ rule: 'old-31/consent' });
  });

  it('asks only the user’s consent to entrust a subcontractor (old 31), as the Act does not count it a third party', () => {
    const d = decide({
      action: 'disclose',
      data: employee,
      recipient: 'subcontractor',
      consent: consent('user'),
      at: OLD_AT,
    });
    expect(d).toBePermitted();
    expect(d).toMatchObject({ rule: 'old-31/consent' });
  });
});

describe('the user’s own confidential information under the 2017 terms (old 30(2))', () => {
  const own = confidential({
    disclosedBy: 'user',
    disclosedAt: '2019-05-01T10:00:00+09:00',
    designation: null,
  });

  it('permits passing it on, citing old 30(2) as the article it falls outside; the 2020 terms and old use agree', () => {
    const old = decide({
      action: 'disclose',
      actor: 'user',
      data: own,
      recipient: 'third-party',
      at: OLD_AT,
    });
    expect(old).toBePermitted();
    expect(old).toMatchObject({ terms: '2017-04-01', rule: 'old-30-2/user/own-confidential' });
    expect(old.basis[0]).toMatchObject({ article: 30, paragraph: 2 });
    expect(
      decide({ action: 'use', actor: 'user', data: own, purpose: 'anything', at: OLD_AT }),
    ).toBePermitted();
    expect(
      decide({ action: 'disclose', actor: 'user', data: own, recipient: 'third-party', at: AT }),
    ).toBePermitted();
  });
});

describe('anonymized information to a subcontractor (31(3), APPI 43(4))', () => {
  it('carries the APPI 43(4) duties as to any recipient: the entrustment exception is for personal data', () => {
    const d = decide({ action: 'disclose', data: anonymized(), recipient: 'subcontractor', at: AT });
    expect(d).toBePermitted();
    expect(d.obligations.map((o) => o.code)).toEqual([
      'publish-provision-items-and-method',
      'state-anonymized-to-recipient',
      'do-not-reidentify',
    ]);
  });
});
