import { createPolicy, type Decision } from 'm2m-data-policy';
import { derived, matchers, measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';

expect.extend(matchers);

// Japanese messages on purpose: failure messages explain in English whatever the policy's locale.
const policy = createPolicy({ locale: 'ja' });

/** A decision instant under the 2020-12-01 terms, before the APPI renumbering of 2022-04-01. */
const AT = '2021-06-01T10:00:00+09:00';
const AT_2022 = '2022-06-01T10:00:00+09:00';

/** Licensing raw measurement data to a third party: denied under 13(3)(4). */
const licenseRaw = (): Decision =>
  policy.decide({ action: 'license', data: measurement(), recipient: 'third-party', at: AT });
/** Using measurement data for service analysis: permitted under 13(3)(1)イ, within that purpose. */
const analyse = (): Decision =>
  policy.decide({ action: 'use', data: measurement(), purpose: 'service-analysis', at: AT });

/** The message of the assertion error a failing assertion throws. */
function failure(assertion: () => void): string {
  try {
    assertion();
  } catch (e) {
    expect(e).not.toBeInstanceOf(TypeError);
    return (e as Error).message;
  }
  throw new Error('expected the assertion to fail');
}

const DENY_HEADER = 'Deny — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST';
const PERMIT_HEADER = 'Permit — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST';

describe('toBePermitted', () => {
  it('passes on a permit (13(3)(1)イ)', () => {
    expect(analyse()).toBePermitted();
  });

  it('fails on a deny, showing the decision explained in English', () => {
    const message = failure(() => expect(licenseRaw()).toBePermitted());
    expect(message).toContain('Expected the decision to be a permit, but it is a deny');
    expect(message).toContain(DENY_HEADER);
    expect(message).toContain('Terms (2020-12-01) Art. 13(3)(4) (Use of measurement data)');
    expect(message).toContain('[raw-measurement-data-may-not-leave]');
  });

  it('with .not, passes on a deny and fails on a permit', () => {
    expect(licenseRaw()).not.toBePermitted();
    const message = failure(() => expect(analyse()).not.toBePermitted());
    expect(message).toContain('Expected the decision not to be a permit, but it is one');
    expect(message).toContain(PERMIT_HEADER);
  });
});

describe('toBeDenied', () => {
  it('passes on a deny (13(3)(4))', () => {
    expect(licenseRaw()).toBeDenied();
  });

  it('fails on a permit, showing the decision explained in English', () => {
    const message = failure(() => expect(analyse()).toBeDenied());
    expect(message).toContain('Expected the decision to be a deny, but it is a permit');
    expect(message).toContain(PERMIT_HEADER);
    expect(message).toContain('[use-within-purpose; Terms (2020-12-01) Art. 13(3)(1)]');
  });

  it('with .not, passes on a permit and fails on a deny', () => {
    expect(analyse()).not.toBeDenied();
    const message = failure(() => expect(licenseRaw()).not.toBeDenied());
    expect(message).toContain('Expected the decision not to be a deny, but it is one');
    expect(message).toContain(DENY_HEADER);
  });
});

describe('toCite', () => {
  it('passes when a citation matches every given field', () => {
    const d = licenseRaw();
    expect(d).toCite({ article: 13, paragraph: 3, item: 4 });
    expect(d).toCite({ article: 13 });
    expect(d).toCite({ article: 13, paragraph: 3, item: 4, source: 'terms', terms: '2020-12-01' });
  });

  it('does not check a field given as undefined', () => {
    expect(licenseRaw()).toCite({ article: 13, paragraph: 3, item: undefined, subitem: undefined });
  });

  it('matches the fields within one citation, not across the basis (13(3)(2) with 13(3)(1)ロ)', () => {
    const d = policy.decide({
      action: 'disclose',
      data: measurement(),
      recipient: 'subcontractor',
      purpose: 'incident-response',
      at: AT,
    });
    expect(d).toCite({ article: 13, paragraph: 3, item: 2 });
    expect(d).toCite({ article: 13, paragraph: 3, item: 1, subitem: 'ロ' });
    expect(d).not.toCite({ article: 13, paragraph: 3, item: 2, subitem: 'ロ' });
  });

  it('fails when no citation matches, naming the query and showing the explanation', () => {
    const message = failure(() => expect(licenseRaw()).toCite({ article: 13, paragraph: 3, item: 1 }));
    expect(message).toContain(
      'Expected the decision to cite { article: 13, paragraph: 3, item: 1 }, but no citation in its basis matches',
    );
    expect(message).toContain(DENY_HEADER);
    expect(message).toContain('Art. 13(3)(4)');
  });

  it('tells the terms version and the source apart', () => {
    const d = licenseRaw();
    expect(d).not.toCite({ article: 13, terms: '2017-04-01' });
    expect(d).not.toCite({ article: 13, source: 'appi' });
  });

  it('with .not, passes when nothing matches and fails when something does', () => {
    expect(licenseRaw()).not.toCite({ article: 31 });
    const message = failure(() => expect(licenseRaw()).not.toCite({ article: 13, item: 4 }));
    expect(message).toContain(
      'Expected the decision not to cite { article: 13, item: 4 }, but its basis does',
    );
    expect(message).toContain(DENY_HEADER);
  });

  it('throws a TypeError for a query it cannot read, even under .not', () => {
    const d = licenseRaw();
    // @ts-expect-error a misspelt field
    expect(() => expect(d).not.toCite({ article: 13, paragrpah: 3 })).toThrow(
      "toCite() got an unknown field 'paragrpah'",
    );
    // @ts-expect-error the article is required
    expect(() => expect(d).toCite({ paragraph: 3 })).toThrow('toCite() needs an article number');
    // @ts-expect-error an article is a number
    expect(() => expect(d).not.toCite({ article: '13' })).toThrow('toCite() expects article to be a number');
  });
});

describe('toOblige', () => {
  it('passes when the permit carries an obligation with the code (13(3)(1))', () => {
    expect(analyse()).toOblige('use-within-purpose');
  });

  it('fails when it carries none, showing the explanation; a deny carries none', () => {
    const permit = failure(() => expect(analyse()).toOblige('record-determination'));
    expect(permit).toContain(
      "Expected the decision to oblige 'record-determination', but it carries no such obligation",
    );
    expect(permit).toContain(PERMIT_HEADER);
    expect(permit).toContain('[use-within-purpose; Terms (2020-12-01) Art. 13(3)(1)]');

    const deny = failure(() => expect(licenseRaw()).toOblige('use-within-purpose'));
    expect(deny).toContain(DENY_HEADER);
  });

  it('with .not, passes when no obligation has the code and fails when one has', () => {
    expect(analyse()).not.toOblige('record-determination');
    expect(licenseRaw()).not.toOblige('use-within-purpose');
    const message = failure(() => expect(analyse()).not.toOblige('use-within-purpose'));
    expect(message).toContain("Expected the decision not to oblige 'use-within-purpose', but it does");
    expect(message).toContain(PERMIT_HEADER);
  });

  it('throws a TypeError for a code that is not an obligation code, even under .not', () => {
    // @ts-expect-error not an obligation code
    expect(() => expect(analyse()).not.toOblige('use-within-purpos')).toThrow(TypeError);
  });
});

describe('matchers', () => {
  it.each([
    ['toBePermitted', (x: unknown) => expect(x).toBePermitted()],
    ['toBeDenied', (x: unknown) => expect(x).not.toBeDenied()],
    ['toCite', (x: unknown) => expect(x).not.toCite({ article: 13 })],
    ['toOblige', (x: unknown) => expect(x).not.toOblige('use-within-purpose')],
  ])('%s throws a TypeError for anything but a decision, even under .not', (name, assertion) => {
    for (const notADecision of [
      undefined,
      null,
      'deny',
      measurement(),
      { ...licenseRaw(), effect: 'maybe' },
    ]) {
      expect(() => assertion(notADecision)).toThrow(TypeError);
      expect(() => assertion(notADecision)).toThrow(`${name}() expects a Decision`);
    }
  });

  it('work as asymmetric matchers, with expect.not', () => {
    expect([analyse(), licenseRaw()]).toEqual([expect.toBePermitted(), expect.toBeDenied()]);
    expect({ decision: licenseRaw() }).toEqual({
      decision: expect.toCite({ article: 13, paragraph: 3, item: 4 }),
    });
    expect([analyse()]).toEqual([expect.toOblige('use-within-purpose')]);
    expect([licenseRaw()]).toEqual([expect.not.toOblige('use-within-purpose')]);
    expect([licenseRaw()]).not.toEqual([expect.toBePermitted()]);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(matchers)).toBe(true);
    expect(Object.keys(matchers).sort()).toEqual(['toBeDenied', 'toBePermitted', 'toCite', 'toOblige']);
  });
});

describe('Article 13 (2020-12-01), through the matchers', () => {
  it('denies licensing raw measurement data to a third party (13(3)(4))', () => {
    expect(licenseRaw()).toBeDenied();
    expect(licenseRaw()).toCite({ article: 13, paragraph: 3, item: 4 });
  });

  it('permits licensing derived data to a third party (13(3)(4))', () => {
    const d = policy.decide({ action: 'license', data: derived(), recipient: 'third-party', at: AT });
    expect(d).toBePermitted();
    expect(d).toCite({ article: 13, paragraph: 3, item: 4 });
  });

  it('permits incidental use with a recorded determination, which it obliges (13(3)(1)ハ)', () => {
    const d = policy.decide({
      action: 'use',
      data: measurement(),
      purpose: 'incidental',
      justification: 'Calibrating the leak detector after the firmware update',
      at: AT,
    });
    expect(d).toBePermitted();
    expect(d).toCite({ article: 13, paragraph: 3, item: 1, subitem: 'ハ' });
    expect(d).toOblige('record-determination');
    expect(d).toOblige('use-within-purpose');
  });

  it('permits disclosure to a subcontractor within a purpose, binding it to that purpose (13(3)(2))', () => {
    const d = policy.decide({
      action: 'disclose',
      data: measurement(),
      recipient: 'subcontractor',
      purpose: 'incident-response',
      at: AT,
    });
    expect(d).toBePermitted();
    expect(d).toCite({ article: 13, paragraph: 3, item: 2 });
    expect(d).toOblige('bind-subcontractor-to-purpose');
  });

  it('denies using measurement data for a purpose 13(3)(1) does not name', () => {
    const d = policy.decide({ action: 'use', data: measurement(), purpose: 'marketing', at: AT });
    expect(d).toBeDenied();
    expect(d).toCite({ article: 13, paragraph: 3, item: 1 });
    expect(d).not.toOblige('use-within-purpose');
  });

  it('denies keeping measurement data from the end of its year, 2022-03-16T00:00:00+09:00 (13(4))', () => {
    const d = policy.decide({ action: 'retain', data: measurement(), at: '2022-03-16T00:00:00+09:00' });
    expect(d).toBeDenied();
    expect(d).toCite({ article: 13, paragraph: 4, source: 'terms' });
  });

  it('denies giving possibly personal derived data to a third party without consent, citing APPI 23(1), 27(1) from 2022-04-01', () => {
    const data = derived({ personalData: 'possible' });
    const before = policy.decide({ action: 'disclose', data, recipient: 'third-party', at: AT });
    const after = policy.decide({ action: 'disclose', data, recipient: 'third-party', at: AT_2022 });
    expect(before).toBeDenied();
    expect(before).toCite({ source: 'appi', article: 23, paragraph: 1 });
    expect(after).toCite({ source: 'appi', article: 27, paragraph: 1 });
    expect(after).not.toCite({ source: 'appi', article: 23 });
  });
});
