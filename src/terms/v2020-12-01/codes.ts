import type { Bilingual } from '../../model/bilingual.js';
import { COMMON_OBLIGATIONS, COMMON_REASONS } from '../common/messages.js';
import type { TermsCodes } from '../termsVersion.js';

// The codes the 2020-12-01 version's rules give, with their messages in both languages (the project's own words).

const reasons: Readonly<Record<string, Bilingual>> = {
  'contract-ended': {
    ja: 'サービス利用契約は終了しています。契約に基づくサービス提供のための取扱いは契約の継続中に限られます（第13条第5項が残すのは同条の目的のみです）。',
    en: 'The service contract has ended: handling data to provide the service rests on the contract only while it runs (13(5) keeps only Art. 13’s own purposes alive).',
  },
  'other-customers-data': {
    ja: 'この計測データは別の契約（他の利用者）のものです。この利用者に示すことは、加工等をしていない計測データを他者に開示することに当たります。',
    en: 'This measurement data belongs to another contract, another customer: showing it to this user is raw measurement data leaving.',
  },
  'not-own-data': {
    ja: '第13条第2項が利用者に認めるのは、自身の契約の計測データに関する権利だけです。別の契約の計測データには及びません。',
    en: 'The rights 13(2) gives the user are over the measurement data of its own contract, not over another customer’s.',
  },
  'processing-granted': {
    ja: '計測データの加工等と、それにより得た派生データの使用・加工等は認められています（第三者に行わせる場合を含む）。',
    en: 'Measurement data may be processed, and the derived data used and processed, including by third parties on the provider’s behalf.',
  },
  'disclosure-to-subcontractor-for-purpose': {
    ja: '再委託先へ計測データを開示し、定められた目的の範囲内で使用させることは認められています。',
    en: 'Measurement data may be disclosed to a subcontractor for it to use within the stated purposes.',
  },
  'disclosure-to-subcontractor-for-service': {
    ja: 'サービスの運営を再委託先に行わせるための開示であり、サービス利用契約に基づきます。',
    en: 'The service is operated through subcontractors; disclosing data to them for that is part of the service contract.',
  },
  'subcontractor-disclosure-needs-purpose': {
    ja: '再委託先への計測データの開示は、規約が定める目的のためにしか認められていません。',
    en: 'Measurement data may go to a subcontractor only for one of the purposes the terms name.',
  },
  'shown-to-user-under-contract': {
    ja: '利用者に自身の計測データを示すことはサービスそのものであり、サービス利用契約に基づきます。',
    en: 'Showing the user its own measurement data is the service itself.',
  },
  'raw-measurement-data-may-not-leave': {
    ja: '加工等をしていない計測データを第三者に開示・譲渡・利用許諾することは当社に認められていません。認められているのは派生データのみです。',
    en: 'The provider may not disclose, transfer or license unprocessed measurement data to others; only derived data may leave.',
  },
  'subcontractor-may-not-pass-on': {
    ja: '再委託先は受け取ったデータを使用・加工等できるだけで、他者に開示・譲渡・利用許諾することはできません。',
    en: 'A subcontractor may use and process what it is given, but not disclose, transfer or license it to anyone.',
  },
  'derived-use-granted': {
    ja: '派生データの使用と加工等は認められています。',
    en: 'Derived data may be used and processed.',
  },
  'derived-sharing-granted': {
    ja: '派生データは第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    en: 'Derived data may be disclosed, transferred or licensed (sublicensing included) to third parties.',
  },
  'personal-data-needs-consent': {
    ja: 'このデータは個人情報に当たる（またはそのおそれがある）ため、第三者に提供するには本人の同意か法令上の根拠が必要です。',
    en: 'The data is, or may be, personal information: giving it to a third party needs the data subject’s consent or a legal ground.',
  },
  'personal-data-with-consent': {
    ja: '個人情報を含みうるデータですが、提供の時点までに本人の同意を得ています。',
    en: 'The data may be personal information, and the data subject consented before the provision.',
  },
  'personal-data-required-by-law': {
    ja: '個人情報を含みうるデータですが、法令に基づく提供です。',
    en: 'The data may be personal information, and a law requires the provision.',
  },
  'personal-data-requested-by-authority': {
    ja: '個人情報を含みうるデータですが、国の機関等からの求めに協力する提供です。',
    en: 'The data may be personal information, and the provision answers a request from a public authority.',
  },
  'personal-data-to-subcontractor': {
    ja: '個人情報を含みうるデータの委託先への開示は、委託に伴う提供として第三者提供に当たりません。',
    en: 'The data may be personal information; entrusting it to a subcontractor is not a provision to a third party.',
  },
  'personal-data-to-its-subject': {
    ja: '個人情報を含みうるデータですが、提供先はその本人であり、第三者提供に当たりません。',
    en: 'The data may be personal information, but it goes to the person it is about, who is no third party to it.',
  },
  'user-may-use-measurement-data': {
    ja: '利用者は計測データを自由に使用できます。',
    en: 'The user may use measurement data freely.',
  },
  'user-may-share-measurement-data': {
    ja: '利用者は計測データを第三者に開示・譲渡・利用許諾できます。',
    en: 'The user may disclose, transfer or license measurement data to third parties.',
  },
  'user-may-sublicense-measurement-data': {
    ja: '計測データには排他的な権利が成立しないため、利用者による再利用許諾を妨げる権利はなく、第三者への利用許諾と同様に認められます。',
    en: 'No exclusive right exists in measurement data, so nothing restrains the user from sublicensing it, as it may license it.',
  },
  'user-may-process': {
    ja: '利用者は計測データを加工等し、派生データを使用・加工等できます（第三者に行わせる場合を含む）。',
    en: 'The user may process measurement data and use and process the derived data, including through third parties.',
  },
  'user-may-share-derived-data': {
    ja: '利用者は派生データを第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    en: 'The user may disclose, transfer or license derived data (sublicensing included) to third parties.',
  },
  'not-received-data': {
    ja: '受領したデータではない（加工等により作られた）ため、受領後1年の保有期間は及びません。',
    en: 'This is not data the provider received but data it made, so the one-year holding period from receipt does not apply.',
  },
  'transmission-without-personal-data': {
    ja: '個人情報に当たるおそれのない計測データであり、データセンタへの送信に制限はありません。',
    en: 'The measurement data is not personal information, so nothing restricts sending it to the data centre.',
  },
  'transmission-with-written-consent': {
    ja: '個人情報に当たる（おそれのある）計測データですが、送信の時点までに当社の書面による承諾を得ています。',
    en: 'The data is or may be personal information, and the provider consented in writing before the transmission.',
  },
  'transmission-needs-written-consent': {
    ja: '個人情報に当たる（おそれのある）計測データは、当社の書面による事前の承諾なしにデータセンタへ送信できません（電磁的方法や口頭の承諾は書面に当たりません）。',
    en: 'Measurement data that is or may be personal information may not be sent to the data centre without the provider’s prior written consent (electronic or oral consent is not written).',
  },
  'user-information-within-privacy-policy': {
    ja: 'プライバシーポリシーが定める利用目的の範囲内での利用者情報の取扱いです。',
    en: 'The user information is handled for a purpose the privacy policy states.',
  },
  'user-information-beyond-privacy-policy': {
    ja: 'プライバシーポリシーが定める利用目的の範囲を超えて利用者情報を取り扱うことはできません。',
    en: 'User information may not be handled beyond the purposes the privacy policy states.',
  },
  'user-information-entrusted': {
    ja: '利用者情報の取扱いを委託先に委ねることは、委託に伴う提供として第三者提供に当たりません。',
    en: 'Entrusting user information to a subcontractor is not a provision to a third party.',
  },
  'user-information-held-under-appi': {
    ja: '利用者情報は個人情報保護法とプライバシーポリシーに従って保有できます。',
    en: 'User information may be held under the APPI and the privacy policy.',
  },
  'anonymization-granted': {
    ja: '当社は計測データと利用者情報から匿名加工情報や個人を識別できない統計情報を作成できます。',
    en: 'The provider may make anonymized information and statistics identifying no one from measurement data and user information.',
  },
  'made-information-use-granted': {
    ja: '当社が作成した匿名加工情報・統計情報の使用と加工等は認められています（第三者に行わせる場合を含む）。',
    en: 'Anonymized or statistical information the provider made may be used and processed, also by others for it.',
  },
  'made-information-sharing-granted': {
    ja: '当社が作成した匿名加工情報・統計情報は第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    en: 'Anonymized or statistical information the provider made may be disclosed, transferred or licensed (sublicensing included).',
  },
  'not-confidential-information': {
    ja: '事前の書面・電磁的方法による指定、範囲の特定、秘密である旨の表示がそろっていないため、秘密情報に当たりません。',
    en: 'It was not designated in writing or electronically beforehand, scoped and marked, so it is not confidential information.',
  },
  'confidentiality-exception': {
    ja: '秘密保持義務の例外（既に保有、第三者から正当に入手、独自に開発、公知）に当たります。',
    en: 'One of the exceptions applies: already held, lawfully obtained from a third party, independently developed, or public.',
  },
  'own-confidential-information': {
    ja: '自ら開示した側の情報であり、その取扱いを秘密保持義務は制限しません。',
    en: 'It is the party’s own information: the duty of confidentiality binds only the receiving party.',
  },
  'confidentiality-survival-ended': {
    ja: '契約終了後3年が経過し、秘密保持の定めはもはや効力を持ちません。',
    en: 'Three years have run since the contract ended, so the confidentiality article no longer binds.',
  },
  'confidential-use-for-service': {
    ja: '秘密情報をサービスの利用・提供に必要な範囲で使用することは認められています。',
    en: 'Confidential information may be used as far as the service needs.',
  },
  'confidential-use-with-written-consent': {
    ja: '相手方の書面による事前の承諾があるため、サービスの範囲を超えて使用できます。',
    en: 'The other party consented in writing beforehand, so it may be used beyond the service.',
  },
  'confidential-use-beyond-service': {
    ja: '秘密情報は、相手方の書面による承諾なく、サービスに必要な範囲を超えて使用できません。',
    en: 'Confidential information may not be used beyond what the service needs without the other party’s written consent.',
  },
  'confidential-to-its-discloser': {
    ja: '開示した相手方に秘密情報を戻すことは、第三者への開示に当たりません。',
    en: 'Giving confidential information back to the party that disclosed it is not disclosure to a third party.',
  },
  'compelled-disclosure': {
    ja: '法令の定めまたは官公署の要求に基づき、定められた開示先への開示が認められます（相手方への通知が必要です）。',
    en: 'A law or an authority requires the disclosure to the recipient it names; the other party must be told.',
  },
  'confidential-to-subcontractor': {
    ja: '当社は必要と認めるとき、再委託に必要な範囲で再委託先に秘密情報を開示できます（同等の義務を負わせます）。',
    en: 'The provider may disclose confidential information to a subcontractor as the subcontracting needs, binding it equally.',
  },
  'confidential-disclosure-with-written-consent': {
    ja: '相手方の書面による事前の承諾があるため、第三者に開示できます。',
    en: 'The other party consented in writing beforehand, so it may be disclosed to a third party.',
  },
  'confidential-disclosure-needs-written-consent': {
    ja: '秘密情報は、相手方の書面による事前の承諾なく第三者に開示できません。',
    en: 'Confidential information may not be disclosed to a third party without the other party’s prior written consent.',
  },
  'confidential-held-until-return-requested': {
    ja: '秘密情報は保有できますが、相手方の求めがあれば返還・消去します。',
    en: 'Confidential information may be held, and is returned or erased when the other party asks.',
  },
  'provider-owns-content': {
    ja: '当社のコンテンツに関する権利は当社またはその提供元にあり、当社自身の取扱いは制限されません。',
    en: 'Rights in the content stay with the provider or its source; the provider’s own handling of it is not restricted.',
  },
  'user-may-use-provider-content': {
    ja: '利用者は契約に基づいてサービスとそのコンテンツを利用できます。',
    en: 'The user may use the service and its content under the contract.',
  },
  'provider-content-with-prior-consent': {
    ja: '当社の事前の承諾があるため、コンテンツを転載・複製等できます。',
    en: 'The provider consented beforehand, so the content may be republished or copied.',
  },
  'provider-content-needs-prior-consent': {
    ja: '当社のコンテンツは、方法を問わず、当社の事前の承諾なく転載・複製・公衆送信等できません。',
    en: 'The provider’s content may not be republished, copied or made public, by any means, without its prior consent.',
  },
};

const obligations: Readonly<Record<string, Bilingual>> = {
  'bind-subcontractor-to-purpose': {
    ja: '再委託先にも、定められた目的の範囲内でのみ使用させること。',
    en: 'Have the subcontractor use the data only within the stated purpose.',
  },
  'notify-counterparty-before-disclosure': {
    ja: '開示する前に、開示することを相手方に通知すること。',
    en: 'Tell the other party before disclosing.',
  },
  'notify-counterparty-after-disclosure': {
    ja: '事前に通知できなかったため、開示後すみやかに相手方に通知すること。',
    en: 'Prior notice was impossible: tell the other party promptly after disclosing.',
  },
  'impose-equivalent-confidentiality': {
    ja: '再委託先に、当社が負うのと同等の秘密保持義務を負わせること。',
    en: 'Bind the subcontractor to confidentiality equal to the provider’s own.',
  },
  'return-or-erase-on-request': {
    ja: '相手方から求められたら、資料を返還し電磁的な記録を消去すること。',
    en: 'Return the materials and erase electronic copies when the other party asks.',
  },
  'handle-under-appi': {
    ja: '個人情報保護法とコーポレート・プライバシーポリシーに従って取り扱うこと。',
    en: 'Handle the data under the APPI and the corporate privacy policy.',
  },
  'supervise-subcontractor': {
    ja: '委託先に対して必要かつ適切な監督を行うこと。',
    en: 'Supervise the subcontractor as needed and appropriate.',
  },
  'publish-anonymized-items': {
    ja: '匿名加工情報に含まれる個人に関する情報の項目を公表すること。',
    en: 'Publish the categories of personal information the anonymized information contains.',
  },
  'publish-provision-items-and-method': {
    ja: '第三者に提供する匿名加工情報の項目と提供の方法を公表すること。',
    en: 'Publish the categories of anonymized information provided to third parties and how it is provided.',
  },
  'state-anonymized-to-recipient': {
    ja: '提供先に、その情報が匿名加工情報であることを明示すること。',
    en: 'Tell the recipient that the information is anonymized information.',
  },
  'do-not-reidentify': {
    ja: '本人を識別するために他の情報と照合しないこと。',
    en: 'Do not combine the information with other information to identify anyone.',
  },
};

export const codes: TermsCodes = {
  reasons: { ...COMMON_REASONS, ...reasons },
  obligations: { ...COMMON_OBLIGATIONS, ...obligations },
};
