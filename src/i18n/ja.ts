import type { LocaleMessages } from './locale.js';

/** 日本語のメッセージ（規約の文言ではなく、本ライブラリ自身の言葉による要約）。 */
export const ja: LocaleMessages = {
  effect: { permit: '許可', deny: '不許可' },
  reasons: {
    'outcome-belongs-to-producer':
      '計測データ・派生データの使用や加工等から得られたノウハウ、AIの学習モデル、発明その他の技術的成果は、それを行った当事者に帰属します。',
    'outcome-from-other-data':
      '成果の元に計測データ・派生データ以外の情報が含まれるため、この定めでは帰属が決まりません。',
    'outcome-producer-not-a-party':
      '成果を生んだのが利用者でも当社でもないため、この定めでは帰属が決まりません。',
    'no-outcome-rule': 'この版の規約には、データから得られた成果の帰属についての定めがありません。',
    'not-granted': 'この行為を認める条項がないため、許可されません（明示の許可がない行為は不許可とします）。',
  },
  headings: { basis: '根拠', reasons: '理由', obligations: '義務', due: '期限', terms: '規約' },
};
