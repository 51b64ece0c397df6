import type { ArticleSummary } from '../termsVersion.js';

// The project's own summaries of the 2017-04-01 articles it models (not the terms' sentences).
export const articles: Readonly<Record<number, ArticleSummary>> = {
  3: {
    title: { ja: '規約の変更', en: 'Changes to the terms' },
    summary: {
      ja: '当社は所定の方法で通知して規約を変えられる。',
      en: 'The provider may change the terms by notifying users in its own way.',
    },
  },
  12: {
    title: { ja: '情報の管理', en: 'Care of information' },
    summary: {
      ja: '送受信する情報が設備の故障等で失われないよう備えるのは利用者の費用と責任である。',
      en: 'Guarding information sent or received against loss through equipment failure is the user’s cost and responsibility.',
    },
  },
  13: {
    title: { ja: '情報の使用', en: 'Use of information' },
    summary: {
      ja: '当社はサービスで得た情報を三つの目的に使える（第31条を守ることが条件）。保有は原則受領後1年、必要があれば継続できる。',
      en: 'The provider may use information obtained through the service for three purposes, provided it keeps Art. 31; it holds it for a year from receipt as a rule, longer where needed.',
    },
  },
  30: {
    title: { ja: '著作権その他の知的財産権', en: 'Copyright and other intellectual property' },
    summary: {
      ja: '提供情報の権利は当社側にある。利用者はサービスで得た情報を、方法を問わず、当社の事前の承諾なく転載・複製・公衆送信等しない。',
      en: 'Rights in information supplied stay with the provider; the user may not republish, copy or transmit to the public anything obtained through the service, by any means, without prior consent.',
    },
  },
  31: {
    title: { ja: '秘密保持および個人情報の保護', en: 'Confidentiality and personal information' },
    summary: {
      ja: '当社は利用者情報の秘密を守り、契約中も終了後も利用者の承諾なく開示しない。',
      en: 'The provider keeps user information secret and discloses it to no one without the user’s consent, during the contract and after.',
    },
  },
};
