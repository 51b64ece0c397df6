import type { LocaleMessages } from './locale.js';

/** 日本語のメッセージ（規約の文言ではなく、本ライブラリ自身の言葉による要約）。 */
export const ja: LocaleMessages = {
  effect: { permit: '許可', deny: '不許可' },
  reasons: {
    'use-for-service-analysis':
      'サービス内容や新サービスを検討するための分析・解析に必要な範囲での計測データの使用は認められています。',
    'use-for-incident-response':
      'サービス提供中の障害への対応に必要な範囲での計測データの使用は認められています。',
    'use-for-incidental-matter':
      '分析・障害対応に付帯する事項、または当社が必要と判断した事項として、その判断が記録されているため使用が認められます。',
    'incidental-use-needs-determination':
      '付帯事項・当社が必要と判断した事項（ハ）を目的とするには、当社の判断を記録した根拠（justification）が必要です。',
    'use-for-service-provision':
      '契約したサービスそのものを提供するための使用であり、サービス利用契約に基づきます。',
    'purpose-not-granted': 'この目的は規約が計測データの使用目的として定めるいずれにも当たりません。',
    'processing-granted':
      '計測データの加工等と、それにより得た派生データの使用・加工等は認められています（第三者に行わせる場合を含む）。',
    'disclosure-to-subcontractor-for-purpose':
      '再委託先へ計測データを開示し、定められた目的の範囲内で使用させることは認められています。',
    'disclosure-to-subcontractor-for-service':
      'サービスの運営を再委託先に行わせるための開示であり、サービス利用契約に基づきます。',
    'subcontractor-disclosure-needs-purpose':
      '再委託先への計測データの開示は、規約が定める目的のためにしか認められていません。',
    'shown-to-user-under-contract':
      '利用者に自身の計測データを示すことはサービスそのものであり、サービス利用契約に基づきます。',
    'raw-measurement-data-may-not-leave':
      '加工等をしていない計測データを第三者に開示・譲渡・利用許諾することは当社に認められていません。認められているのは派生データのみです。',
    'subcontractor-may-not-pass-on':
      '再委託先は受け取ったデータを使用・加工等できるだけで、他者に開示・譲渡・利用許諾することはできません。',
    'derived-use-granted': '派生データの使用と加工等は認められています。',
    'derived-sharing-granted': '派生データは第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    'personal-data-needs-consent':
      'このデータは個人情報に当たる（またはそのおそれがある）ため、第三者に提供するには本人の同意か法令上の根拠が必要です。',
    'personal-data-with-consent': '個人情報を含みうるデータですが、提供の時点までに本人の同意を得ています。',
    'personal-data-required-by-law': '個人情報を含みうるデータですが、法令に基づく提供です。',
    'personal-data-requested-by-authority':
      '個人情報を含みうるデータですが、国の機関等からの求めに協力する提供です。',
    'personal-data-to-subcontractor':
      '個人情報を含みうるデータの委託先への開示は、委託に伴う提供として第三者提供に当たりません。',
    'personal-data-to-its-subject':
      '個人情報を含みうるデータですが、提供先はその本人であり、第三者提供に当たりません。',
    'user-may-use-measurement-data': '利用者は計測データを自由に使用できます。',
    'user-may-share-measurement-data': '利用者は計測データを第三者に開示・譲渡・利用許諾できます。',
    'user-may-sublicense-measurement-data':
      '計測データには排他的な権利が成立しないため、利用者による再利用許諾を妨げる権利はなく、第三者への利用許諾と同様に認められます。',
    'user-may-process':
      '利用者は計測データを加工等し、派生データを使用・加工等できます（第三者に行わせる場合を含む）。',
    'user-may-share-derived-data':
      '利用者は派生データを第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    'user-holding-unrestricted':
      '利用者自身によるデータの保有に期間の制限はありません（消失への備えは利用者の責任です）。',
    'held-within-retention-period':
      '受領から1年の保有期間内であるため、保有できます（期間が終わったら削除します）。',
    'held-under-extension':
      '1年の保有期間は過ぎていますが、その時点までに理由を付して決めた継続保有の範囲内です。',
    'retention-period-ended':
      '受領から1年の保有期間が終わり、その時点で有効な継続保有の決定もないため、保有できません。',
    'not-received-data':
      '受領したデータではない（加工等により作られた）ため、受領後1年の保有期間は及びません。',
    'user-consented-to-disclosure': '利用者の承諾があるため、利用者情報を開示できます。',
    'user-information-needs-user-consent':
      '旧規約では、利用者の承諾なく利用者情報を誰にも（再委託先にも）開示できません。',
    'provider-consented-to-passing-on': '当社の事前の承諾があるため、サービスで得た情報を他に渡せます。',
    'passing-on-needs-provider-consent':
      '旧規約では、サービスで得た情報を、方法を問わず、当社の事前の承諾なく他に渡すことはできません。',
    'user-uses-service-information':
      'サービスで得た情報を利用者自身が使うことはサービスそのものです（制限されるのは他に渡すことです）。',
    'transmission-unrestricted':
      '2020年12月1日より前は、計測データをデータセンタに送ることを制限する定めはありませんでした。',
    'transmission-without-personal-data':
      '個人情報に当たるおそれのない計測データであり、データセンタへの送信に制限はありません。',
    'transmission-with-written-consent':
      '個人情報に当たる（おそれのある）計測データですが、送信の時点までに当社の書面による承諾を得ています。',
    'transmission-needs-written-consent':
      '個人情報に当たる（おそれのある）計測データは、当社の書面による事前の承諾なしにデータセンタへ送信できません（電磁的方法や口頭の承諾は書面に当たりません）。',
    'user-information-within-privacy-policy':
      'プライバシーポリシーが定める利用目的の範囲内での利用者情報の取扱いです。',
    'user-information-beyond-privacy-policy':
      'プライバシーポリシーが定める利用目的の範囲を超えて利用者情報を取り扱うことはできません。',
    'user-information-entrusted':
      '利用者情報の取扱いを委託先に委ねることは、委託に伴う提供として第三者提供に当たりません。',
    'user-information-held-under-appi':
      '利用者情報は個人情報保護法とプライバシーポリシーに従って保有できます。',
    'anonymization-granted':
      '当社は計測データと利用者情報から匿名加工情報や個人を識別できない統計情報を作成できます。',
    'made-information-use-granted':
      '当社が作成した匿名加工情報・統計情報の使用と加工等は認められています（第三者に行わせる場合を含む）。',
    'made-information-sharing-granted':
      '当社が作成した匿名加工情報・統計情報は第三者に開示・譲渡・利用許諾（再利用許諾を含む）できます。',
    'not-confidential-information':
      '事前の書面・電磁的方法による指定、範囲の特定、秘密である旨の表示がそろっていないため、秘密情報に当たりません。',
    'confidentiality-exception':
      '秘密保持義務の例外（既に保有、第三者から正当に入手、独自に開発、公知）に当たります。',
    'own-confidential-information': '自ら開示した側の情報であり、その取扱いを秘密保持義務は制限しません。',
    'confidentiality-survival-ended': '契約終了後3年が経過し、秘密保持の定めはもはや効力を持ちません。',
    'confidential-use-for-service':
      '秘密情報をサービスの利用・提供に必要な範囲で使用することは認められています。',
    'confidential-use-with-written-consent':
      '相手方の書面による事前の承諾があるため、サービスの範囲を超えて使用できます。',
    'confidential-use-beyond-service':
      '秘密情報は、相手方の書面による承諾なく、サービスに必要な範囲を超えて使用できません。',
    'confidential-to-its-discloser': '開示した相手方に秘密情報を戻すことは、第三者への開示に当たりません。',
    'compelled-disclosure':
      '法令の定めまたは官公署の要求に基づき、定められた開示先への開示が認められます（相手方への通知が必要です）。',
    'confidential-to-subcontractor':
      '当社は必要と認めるとき、再委託に必要な範囲で再委託先に秘密情報を開示できます（同等の義務を負わせます）。',
    'confidential-disclosure-with-written-consent':
      '相手方の書面による事前の承諾があるため、第三者に開示できます。',
    'confidential-disclosure-needs-written-consent':
      '秘密情報は、相手方の書面による事前の承諾なく第三者に開示できません。',
    'confidential-held-until-return-requested':
      '秘密情報は保有できますが、相手方の求めがあれば返還・消去します。',
    'provider-owns-content':
      '当社のコンテンツに関する権利は当社またはその提供元にあり、当社自身の取扱いは制限されません。',
    'user-may-use-provider-content': '利用者は契約に基づいてサービスとそのコンテンツを利用できます。',
    'provider-content-with-prior-consent': '当社の事前の承諾があるため、コンテンツを転載・複製等できます。',
    'provider-content-needs-prior-consent':
      '当社のコンテンツは、方法を問わず、当社の事前の承諾なく転載・複製・公衆送信等できません。',
    'outcome-belongs-to-producer':
      '計測データ・派生データの使用や加工等から得られたノウハウ、AIの学習モデル、発明その他の技術的成果は、それを行った当事者に帰属します。',
    'outcome-from-other-data':
      '成果の元に計測データ・派生データ以外の情報が含まれるため、この定めでは帰属が決まりません。',
    'outcome-producer-not-a-party':
      '成果を生んだのが利用者でも当社でもないため、この定めでは帰属が決まりません。',
    'no-outcome-rule': 'この版の規約には、データから得られた成果の帰属についての定めがありません。',
    'not-granted': 'この行為を認める条項がないため、許可されません（明示の許可がない行為は不許可とします）。',
  },
  obligations: {
    'use-within-purpose': '定められた目的の達成に必要な範囲を超えて使用しないこと。',
    'bind-subcontractor-to-purpose': '再委託先にも、定められた目的の範囲内でのみ使用させること。',
    'record-determination': '当社が必要と判断した理由を記録し、後から説明できるようにしておくこと。',
    'delete-when-retention-ends': '保有期間が終わったら削除すること。',
    'notify-counterparty-before-disclosure': '開示する前に、開示することを相手方に通知すること。',
    'notify-counterparty-after-disclosure':
      '事前に通知できなかったため、開示後すみやかに相手方に通知すること。',
    'impose-equivalent-confidentiality': '再委託先に、当社が負うのと同等の秘密保持義務を負わせること。',
    'return-or-erase-on-request': '相手方から求められたら、資料を返還し電磁的な記録を消去すること。',
    'handle-under-appi': '個人情報保護法とコーポレート・プライバシーポリシーに従って取り扱うこと。',
    'supervise-subcontractor': '委託先に対して必要かつ適切な監督を行うこと。',
    'publish-anonymized-items': '匿名加工情報に含まれる個人に関する情報の項目を公表すること。',
    'publish-provision-items-and-method': '第三者に提供する匿名加工情報の項目と提供の方法を公表すること。',
    'state-anonymized-to-recipient': '提供先に、その情報が匿名加工情報であることを明示すること。',
    'do-not-reidentify': '本人を識別するために他の情報と照合しないこと。',
    'user-keeps-backup': '利用者は、設備の故障等による計測データの消失に自らの費用と責任で備えること。',
  },
  headings: { basis: '根拠', reasons: '理由', obligations: '義務', due: '期限', terms: '規約' },
};
