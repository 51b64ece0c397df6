import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ja } from '../../src/i18n/ja.js';
import { createPolicy, explain, OBLIGATION_CODES, REASON_CODES } from '../../src/index.js';
import { derived, measurement } from '../fixtures.js';

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
        `  - ${ja.reasons['disclosure-to-subcontractor-for-purpose']} [disclosure-to-subcontractor-for-purpose]`,
        '義務:',
        `  - ${ja.obligations['bind-subcontractor-to-purpose']} [bind-subcontractor-to-purpose; 規約(2020-12-01)第13条第3項第2号]`,
        `  - ${ja.obligations['record-determination']} [record-determination; 規約(2020-12-01)第13条第3項第1号ハ]`,
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

describe('locale tables', () => {
  it.each([
    ['ja', ja],
    ['en', en],
  ] as const)('give every reason and obligation code a message in %s', (_, table) => {
    for (const code of REASON_CODES) expect(table.reasons[code], code).toMatch(/\S/);
    for (const code of OBLIGATION_CODES) expect(table.obligations[code], code).toMatch(/\S/);
  });

  it('never use the same message for two reason codes', () => {
    for (const table of [ja, en]) {
      const messages = Object.values(table.reasons);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });
});
