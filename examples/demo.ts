// The demo: a leakage-current monitoring customer's records, and the questions its provider's backend asks
// before it touches them. Run with `npm run demo`.
import { readFileSync } from 'node:fs';
import { createPolicy, type DecisionRequest, type Locale, parseRecord } from '../src/index.js';

const records = (
  JSON.parse(readFileSync(new URL('./data/sample-records.json', import.meta.url), 'utf8')) as unknown[]
).map((r) => parseRecord(r));
const byId = (suffix: string) => {
  const record = records.find((r) => r.id.endsWith(suffix));
  if (!record) throw new Error(`no sample record ${suffix}`);
  return record;
};

const at = new Date('2021-06-01T10:00:00+09:00');
const leak = byId('leak/2021-03-15T10:00');
const camera = byId('door-camera/2021-05-20T02:20');
const trend = byId('leak-trend/2021-Q1');
const visits = byId('site-visits/2021-05');

const questions: ReadonlyArray<{ ja: string; en: string; request: DecisionRequest }> = [
  {
    ja: '漏洩電流データをサービス改善の分析に使う',
    en: 'Analyse leakage readings to improve the service',
    request: { action: 'use', data: leak, purpose: 'service-analysis', at },
  },
  {
    ja: '停電時の障害対応に使う',
    en: 'Use readings to handle an outage',
    request: { action: 'use', data: leak, purpose: 'incident-response', at },
  },
  {
    ja: '判断記録なしで「付帯事項」に使う',
    en: 'Use for an "incidental" matter, no recorded determination',
    request: { action: 'use', data: leak, purpose: 'incidental', at },
  },
  {
    ja: '営業目的に使う',
    en: 'Use readings for marketing',
    request: { action: 'use', data: leak, purpose: 'marketing', at },
  },
  {
    ja: '分析のため再委託先に開示する',
    en: 'Give readings to a subcontractor for analysis',
    request: { action: 'disclose', data: leak, recipient: 'subcontractor', purpose: 'service-analysis', at },
  },
  {
    ja: '生の計測データを第三者に利用許諾する',
    en: 'License raw readings to a third party',
    request: { action: 'license', data: leak, recipient: 'third-party', at },
  },
  {
    ja: '派生データ（傾向）を第三者に利用許諾する',
    en: 'License the derived trend to a third party',
    request: { action: 'license', data: trend, recipient: 'third-party', at },
  },
  {
    ja: '個人情報を含む派生データを同意なく第三者に開示する',
    en: 'Disclose derived personal data without consent',
    request: { action: 'disclose', data: visits, recipient: 'third-party', at },
  },
  {
    ja: '利用者がカメラ画像を第三者に開示する',
    en: 'The user discloses a camera image to a third party',
    request: { action: 'disclose', data: camera, actor: 'user', recipient: 'third-party', at },
  },
];

const effects = { ja: { permit: '許可', deny: '不許可' }, en: { permit: 'permit', deny: 'deny' } } as const;

function table(locale: Locale): string {
  const policy = createPolicy({ locale });
  const header =
    locale === 'ja' ? ['問い', '判断', '根拠', '義務'] : ['Question', 'Effect', 'Basis', 'Obligations'];
  const rows = questions.map((q) => {
    const d = policy.decide(q.request);
    return [
      q[locale],
      `${d.allowed ? '✔' : '✘'} ${effects[locale][d.effect]}`,
      d.basis.map((c) => c.label).join(', '),
      d.obligations.map((o) => o.code).join(', ') || '—',
    ];
  });
  const width = (s: string) =>
    [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join(' │ ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

console.log(
  `M2M Sensor Net Service terms — decisions at 2021-06-01 10:00 JST on ${records.length} sample records\n`,
);
console.log(table('ja'));
console.log();
console.log(table('en'));
console.log();
const policy = createPolicy({ locale: 'en' });
console.log(policy.explain(policy.decide({ action: 'use', data: leak, purpose: 'service-analysis', at })));
