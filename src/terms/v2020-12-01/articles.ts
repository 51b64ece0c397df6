import type { ArticleSummary } from '../termsVersion.js';

// The project's own summaries of the 2020-12-01 articles it models (not the terms' sentences).
export const articles: Readonly<Record<number, ArticleSummary>> = {
  2: {
    title: { ja: '用語の定義', en: 'Definitions' },
    summary: {
      ja: '加工等、計測データ、派生データ、秘密情報、利用者情報などの意味を定める。',
      en: 'Defines processing, measurement data, derived data, confidential information, user information and more.',
    },
  },
  3: {
    title: { ja: '規約の変更', en: 'Changes to the terms' },
    summary: {
      ja: '当社は必要なときに規約を変えられるが、内容と適用開始日を前もって知らせる。開始日からは新しい内容による。',
      en: 'The provider may change the terms when needed, telling users the change and its start date beforehand; from that date the new terms apply.',
    },
  },
  12: {
    title: { ja: '計測データの管理', en: 'Care of measurement data' },
    summary: {
      ja: '設備の故障などで計測データが失われないよう備えるのは利用者の費用と責任である。',
      en: 'Guarding measurement data against loss through equipment failure is the user’s own cost and responsibility.',
    },
  },
  13: {
    title: { ja: '計測データの使用', en: 'Use of measurement data' },
    summary: {
      ja: '計測データに排他的権利はなく、利用者は自由に使い渡せる。当社は三つの目的の範囲で使い、再委託先に使わせ、加工等して派生データを第三者に渡せる。保有は原則受領後1年。契約終了後も存続する。',
      en: 'No exclusive right exists in measurement data; the user may use and pass it on. The provider may use it for three purposes, have subcontractors use it for them, process it and pass derived data to others. It holds the data for a year from receipt as a rule. The article survives the contract.',
    },
  },
  30: {
    title: { ja: '知的財産権', en: 'Intellectual property' },
    summary: {
      ja: 'サービスのコンテンツの権利は当社側にあり、利用者は事前の承諾なく転載等できない。計測・派生データから得た成果はそれを生んだ当事者のもの。',
      en: 'Rights in the service’s content stay with the provider; the user may not republish it without prior consent. Results made from measurement or derived data belong to the party that made them.',
    },
  },
  31: {
    title: { ja: '個人情報の保護', en: 'Protection of personal information' },
    summary: {
      ja: '利用者情報は個人情報保護法とプライバシーポリシーに従って扱う。個人情報に当たりうる計測データは当社の書面の承諾なく送らない。当社は匿名加工情報や統計情報を作れる。',
      en: 'User information is handled under the APPI and the privacy policy. Measurement data that may be personal information is not sent without the provider’s written consent. The provider may make anonymized and statistical information.',
    },
  },
  32: {
    title: { ja: '秘密情報の取扱い', en: 'Confidential information' },
    summary: {
      ja: '秘密情報はサービスに必要な範囲でのみ使い、相手方の書面の承諾なく開示しない。法令等による開示、再委託先への開示、返還・消去、契約終了後3年の存続を定める。',
      en: 'Confidential information is used only as the service needs and not disclosed without the other party’s written consent; covers compelled disclosure, subcontractors, return or erasure, and survival for three years after the contract.',
    },
  },
};
