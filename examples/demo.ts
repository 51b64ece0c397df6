// The demo: the whole job of a leakage-current monitoring service's backend on the bundled sample records, under the
// M2M Sensor Net Service terms — the 31(2) gate as data arrives, analysis, licensing derived data, the retention
// sweep, and one decision explained — in Japanese, then in English. Run with `npm run demo`.
import { readFileSync } from 'node:fs';
import { createPolicy, type Decision, type Locale, parseRecord } from '../src/index.js';

const raw = JSON.parse(
  readFileSync(new URL('./data/sample-records.json', import.meta.url), 'utf8'),
) as Record<string, unknown>[];
const records = raw.map((r) => parseRecord(r));
const measurements = raw.filter((r) => r.kind === 'measurement');

const AT = '2021-06-01T10:00:00+09:00';
const SWEEP_AT = '2022-03-16T00:00:00+09:00';
/** The provider's written consent to receive personal data from this customer (31(2)), on file since 2021-05-25. */
const CONSENTS = [
  { contractId: 'C-2019-0042', from: 'provider', form: 'written', grantedAt: '2021-05-25T09:00:00+09:00' },
] as const;

const TEXT = {
  ja: {
    title: (n: number) => `M2Mセンサネットサービス規約 — 同梱のサンプル ${n} 件で、サービスの仕事を一通り`,
    gate: '1. 受信時の関門（第31条第2項）: 個人情報を含みうる計測データには当社の書面による事前の承諾が要る（承諾は 2021-05-25 から）',
    accepted: '受理',
    refused: '拒否',
    analysis: `2. 分析（canUse, ${AT}）`,
    purposes: {
      'service-analysis': 'サービス改善の分析',
      'incident-response': '障害対応',
      marketing: '営業',
    },
    licensing: '3. 派生データを第三者に利用許諾する（filterPermitted）',
    none: 'なし',
    sweep: `4. 保有期間の整理（${SWEEP_AT} 時点、受領から1年、民法の期間計算）`,
    states: { keep: '保有', extended: '継続保有', expired: '期間満了（削除）' },
    due: '期限',
    explain: '5. 判断の説明（explain）',
  },
  en: {
    title: (n: number) =>
      `M2M Sensor Net Service terms — a service's whole job on the ${n} bundled sample records`,
    gate: '1. The gate on receipt (31(2)): data that may be personal needs the provider’s prior written consent (on file from 2021-05-25)',
    accepted: 'accepted',
    refused: 'refused',
    analysis: `2. Analysis (canUse, at ${AT})`,
    purposes: {
      'service-analysis': 'service analysis',
      'incident-response': 'incident response',
      marketing: 'marketing',
    },
    licensing: '3. Licensing derived data to a third party (filterPermitted)',
    none: 'none',
    sweep: `4. The retention sweep (at ${SWEEP_AT}, a year from receipt, Civil Code reckoning)`,
    states: { keep: 'keep', extended: 'held under extension', expired: 'expired: delete' },
    due: 'due',
    explain: '5. One decision explained (explain)',
  },
} as const;

/** An instant in Japan time, as every period of the terms is reckoned (a logged Date would print in UTC). */
const jst = (d: Date): string =>
  `${new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} JST`;

/** The articles of a decision, the version written once: 規約(2020-12-01)第13条第3項第2号、同第13条第3項第1号イ. */
const basisOf = (d: Decision): string =>
  d.basis
    .map((c, i) => {
      const first = d.basis[0]?.label ?? '';
      const prefix = first.slice(0, first.search(/第|Art\./u));
      return i > 0 && prefix !== '' && c.label.startsWith(prefix) ? c.label.slice(prefix.length) : c.label;
    })
    .join(', ');

function job(locale: Locale): string[] {
  const t = TEXT[locale];
  const policy = createPolicy({ locale });
  const out: string[] = [t.title(records.length), ''];

  out.push(t.gate);
  const admitted: string[] = [];
  for (const m of measurements) {
    // Each record at its own instant of receipt; the consent on file counts only from when it was given.
    const { accepted, refused } = policy.admitTransmissions([m], {
      at: String(m.receivedAt),
      consents: CONSENTS,
    });
    for (const a of accepted) admitted.push(a.id);
    const refusal = refused[0];
    const why =
      refusal?.reason === 'transmission-refused' ? ` — ${refusal.decision.reasons[0]?.message ?? ''}` : '';
    out.push(
      `   ${accepted.length > 0 ? '✔' : '✘'} ${String(m.id)}: ${accepted.length > 0 ? t.accepted : t.refused}${why}`,
    );
  }

  out.push('', t.analysis);
  // Only what the gate admitted reached the data centre.
  const held = records.filter((r) => r.kind !== 'measurement' || admitted.includes(r.id));
  for (const r of held.filter((x) => x.kind === 'measurement'))
    for (const purpose of ['service-analysis', 'incident-response', 'marketing'] as const) {
      const d = policy.decide({ action: 'use', data: r, purpose, at: AT });
      out.push(`   ${d.allowed ? '✔' : '✘'} ${r.id} — ${t.purposes[purpose]}: ${basisOf(d)}`);
    }

  out.push('', t.licensing);
  const licensed = [
    ...policy.filterPermitted(records, { action: 'license', recipient: 'third-party', at: AT }),
  ];
  for (const r of records.filter((x) => x.kind === 'derived')) {
    const d = policy.decide({ action: 'license', data: r, recipient: 'third-party', at: AT });
    const duties = d.obligations.map((o) => o.message).join(' ') || t.none;
    out.push(
      `   ${licensed.includes(r) || licensed.some((x) => x.id === r.id) ? '✔' : '✘'} ${r.id}: ${d.reasons[0]?.message ?? ''} (${basisOf(d)}; ${duties})`,
    );
  }

  out.push('', t.sweep);
  const sweep = policy.sweepRetention(held, SWEEP_AT);
  for (const state of ['keep', 'extended', 'expired'] as const)
    for (const e of sweep[state])
      out.push(`   ${t.states[state]}: ${e.id}${e.dueAt ? ` (${t.due} ${jst(e.dueAt)})` : ''}`);

  out.push('', t.explain);
  const leak = records.find((r) => r.id.endsWith('leak/2021-03-15T10:00'));
  if (leak)
    out.push(
      policy.explain(policy.decide({ action: 'license', data: leak, recipient: 'third-party', at: AT })),
    );
  return out;
}

console.log([...job('ja'), '', '─'.repeat(72), '', ...job('en')].join('\n'));
