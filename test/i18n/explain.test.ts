import { derived, measurement } from 'm2m-data-policy/testing';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import {
  createPolicy,
  DEFAULT_TERMS,
  explain,
  OBLIGATION_CODES,
  PolicyInputError,
  REASON_CODES,
  terms20201201,
} from '../../src/index.js';

const at = new Date('2021-06-01T10:00:00+09:00');

describe('explain', () => {
  const policy = createPolicy();
  const permit = policy.decide({
    action: 'disclose',
    data: measurement(),
    recipient: 'subcontractor',
    purpose: 'incidental',
    justification: 'x',
    at,
  });

  it('renders the effect, terms version, instant in JST, articles with titles, reasons and obligations (ja)', () => {
    expect(explain(permit)).toBe(
      [
        '許可 — 規約(2020-12-01)による判断、2021-06-01 10:00:00 JST',
        '根拠:',
        '  - 規約(2020-12-01)第13条第3項第2号「計測データの使用」',
        '  - 規約(2020-12-01)第13条第3項第1号ハ「計測データの使用」',
        '理由:',
        `  - ${terms20201201.codes.reasons['disclosure-to-subcontractor-for-purpose']?.ja} [disclosure-to-subcontractor-for-purpose]`,
        '義務:',
        `  - ${terms20201201.codes.obligations['bind-subcontractor-to-purpose']?.ja} [bind-subcontractor-to-purpose; 規約(2020-12-01)第13条第3項第2号]`,
        `  - ${terms20201201.codes.obligations['record-determination']?.ja} [record-determination; 規約(2020-12-01)第13条第3項第1号ハ]`,
      ].join('\n'),
    );
  });

  it('explains a Japanese decision in English, re-rendering labels and messages by code', () => {
    const text = explain(permit, 'en');
    expect(text.split('\n')[0]).toBe(
      'Permit — decided under the 2020-12-01 terms at 2021-06-01 10:00:00 JST',
    );
    expect(text).toContain('Terms (2020-12-01) Art. 13(3)(2) (Use of measurement data)');
    expect(text).not.toMatch(/[ぁ-ん]/);
  });

  it('names APPI articles with their titles in the numbering of the decision’s time', () => {
    const request = {
      action: 'disclose',
      data: derived({ personalData: 'yes' }),
      recipient: 'third-party',
    } as const;
    expect(explain(policy.decide({ ...request, at }), 'en')).toContain(
      'APPI Art. 23(1) (Limits on provision to third parties)',
    );
    expect(explain(policy.decide({ ...request, at: new Date('2022-04-01T00:00:00+09:00') }), 'en')).toContain(
      'APPI Art. 27(1) (Limits on provision to third parties)',
    );
  });

  it('omits the obligations heading on a deny', () => {
    const deny = policy.decide({ action: 'use', data: measurement(), purpose: 'marketing', at });
    expect(explain(deny)).not.toContain('義務');
  });
});

describe('messages of codes', () => {
  const versionCodes = DEFAULT_TERMS.map((v) => v.codes);
  const engine = { ja, en } as const;
  const reasonMessage = (code: string, locale: 'ja' | 'en') =>
    versionCodes.map((c) => c.reasons[code]?.[locale]).find((m) => m !== undefined) ??
    (engine[locale].reasons as Readonly<Record<string, string>>)[code];

  it.each(['ja', 'en'] as const)(
    'give every reason and obligation code a message in %s, in a version or the engine',
    (locale) => {
      for (const code of REASON_CODES) expect(reasonMessage(code, locale), code).toMatch(/\S/);
      for (const code of OBLIGATION_CODES)
        expect(versionCodes.map((c) => c.obligations[code]?.[locale]).find(Boolean), code).toMatch(/\S/);
    },
  );

  it('give every code a shipped version carries a place in REASON_CODES or OBLIGATION_CODES', () => {
    for (const c of versionCodes) {
      for (const code of Object.keys(c.reasons)) expect(REASON_CODES as readonly string[]).toContain(code);
      for (const code of Object.keys(c.obligations))
        expect(OBLIGATION_CODES as readonly string[]).toContain(code);
    }
  });

  it('never use the same message for two reason codes within a version', () => {
    for (const c of versionCodes)
      for (const locale of ['ja', 'en'] as const) {
        const messages = Object.values(c.reasons).map((m) => m[locale]);
        expect(new Set(messages).size).toBe(messages.length);
      }
  });
});

describe('explain: what cannot be explained', () => {
  const decision = createPolicy().decide({
    action: 'process',
    data: measurement(),
    at: '2021-06-01T10:00:00+09:00',
  });

  it.each(['fr', '', 'EN'])(
    "refuses the locale '%s' with PolicyInputError at [locale], never a TypeError",
    (locale) => {
      expect(() => explain(decision, locale as never)).toThrow(PolicyInputError);
      const error = (() => {
        try {
          createPolicy().explain(decision, locale as never);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(PolicyInputError);
      expect((error as PolicyInputError).issues.map((i) => i.path)).toEqual([['locale']]);
    },
  );

  it('refuses something that is not a decision', () => {
    for (const bogus of [null, {}, { ...decision, at: 'yesterday' }])
      expect(() => explain(bogus as never)).toThrow(PolicyInputError);
  });
});
