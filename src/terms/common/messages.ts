import type { Bilingual } from '../../model/bilingual.js';

// Messages of the codes both shipped versions give, in the project's own words (not the terms' sentences). Each
// version's codes table includes them; a new version may include them, reword them, or leave them out.

/** Reasons both versions give. */
export const COMMON_REASONS: Readonly<Record<string, Bilingual>> = {
  'use-for-service-analysis': {
    ja: 'サービス内容や新サービスを検討するための分析・解析に必要な範囲での計測データの使用は認められています。',
    en: 'Measurement data may be used as far as needed to analyse the service and consider new services.',
  },
  'use-for-incident-response': {
    ja: 'サービス提供中の障害への対応に必要な範囲での計測データの使用は認められています。',
    en: 'Measurement data may be used as far as needed to deal with a fault in the service.',
  },
  'use-for-incidental-matter': {
    ja: '分析・障害対応に付帯する事項、または当社が必要と判断した事項として、その判断が記録されているため使用が認められます。',
    en: "Use for a matter incidental to analysis or fault handling, or that the provider judged necessary, is permitted because the provider's determination is recorded.",
  },
  'incidental-use-needs-determination': {
    ja: '付帯事項・当社が必要と判断した事項（ハ）を目的とするには、当社の判断を記録した根拠（justification）が必要です。',
    en: "The incidental purpose (ハ) needs the provider's recorded determination (a justification).",
  },
  'use-for-service-provision': {
    ja: '契約したサービスそのものを提供するための使用であり、サービス利用契約に基づきます。',
    en: 'Running the contracted service is what the service contract is for.',
  },
  'purpose-not-granted': {
    ja: 'この目的は規約が計測データの使用目的として定めるいずれにも当たりません。',
    en: 'This purpose is not one the terms allow measurement data to be used for.',
  },
  'user-holding-unrestricted': {
    ja: '利用者自身によるデータの保有に期間の制限はありません（消失への備えは利用者の責任です）。',
    en: "The user's own holding of its data is not limited in time (guarding against its loss is the user's own responsibility).",
  },
  'held-within-retention-period': {
    ja: '受領から1年の保有期間内であるため、保有できます（期間が終わったら削除します）。',
    en: 'The data is within its one-year holding period from receipt and may be kept (delete it when the period ends).',
  },
  'held-under-extension': {
    ja: '1年の保有期間は過ぎていますが、その時点までに理由を付して決めた継続保有の範囲内です。',
    en: 'The one-year period is over, but an extension decided by then, with a reason, still covers this instant.',
  },
  'retention-period-ended': {
    ja: '受領から1年の保有期間が終わり、その時点で有効な継続保有の決定もないため、保有できません。',
    en: 'The one-year holding period from receipt is over and no extension covers this instant: the data may not be kept.',
  },
  'not-granted': {
    ja: 'この行為を認める条項がないため、許可されません（明示の許可がない行為は不許可とします）。',
    en: 'No article grants this, and nothing is permitted that no article grants.',
  },
};

/** Obligations both versions attach. */
export const COMMON_OBLIGATIONS: Readonly<Record<string, Bilingual>> = {
  'use-within-purpose': {
    ja: '定められた目的の達成に必要な範囲を超えて使用しないこと。',
    en: 'Use the data only as far as the stated purpose needs.',
  },
  'record-determination': {
    ja: '当社が必要と判断した理由を記録し、後から説明できるようにしておくこと。',
    en: 'Record why the provider judged the use necessary, so it can be shown later.',
  },
  'delete-when-retention-ends': {
    ja: '保有期間が終わったら削除すること。',
    en: 'Delete the data when its holding period ends.',
  },
  'user-keeps-backup': {
    ja: '利用者は、設備の故障等による計測データの消失に自らの費用と責任で備えること。',
    en: 'The user guards, at its own cost and risk, against losing measurement data to equipment failure.',
  },
};
