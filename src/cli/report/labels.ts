/**
 * The words of the table, diff and report renderers, in Japanese and English: headings, effects, kinds of change,
 * retention states. Codes (kinds, actors, actions, reasons, obligations) are shown as they are; only the words
 * around them are translated.
 *
 * @module
 */
import type { CellChange, Effect, Locale, RetentionStatus } from 'm2m-data-policy';

/** The columns of a decision table, in order. */
export const TABLE_COLUMNS = [
  'kind',
  'actor',
  'action',
  'recipient',
  'purpose',
  'case',
  'effect',
  'rule',
  'reasons',
  'basis',
  'obligations',
] as const;
/** One column of a decision table. */
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** The kinds of change of a diff, in the order its counts are shown. */
export const CELL_CHANGES: readonly CellChange[] = [
  'deny-to-permit',
  'permit-to-deny',
  'reasons',
  'basis',
  'obligations',
];

/** A retention state, as `retentionStatus` names it. */
export type RetentionState = RetentionStatus['state'];

/** One language's words for the renderers. */
export interface Labels {
  readonly columns: Readonly<Record<TableColumn, string>>;
  readonly effect: Readonly<Record<Effect, string>>;
  readonly change: Readonly<Record<CellChange, string>>;
  readonly state: Readonly<Record<RetentionState, string>>;
  /** A cell without a recipient, and a cell for any purpose no rule names. */
  readonly noRecipient: string;
  readonly otherPurpose: string;
  readonly tableTitle: (terms: string) => string;
  readonly decidedAt: string;
  readonly cells: string;
  readonly diffTitle: (before: string, after: string) => string;
  readonly compared: string;
  readonly changed: string;
  readonly article: string;
  /** An article's heading: its number and title, or the cells citing no article of the terms. */
  readonly articleName: (article: number | null, title: string | undefined) => string;
  readonly change1: string;
  readonly before: string;
  readonly after: string;
  readonly total: string;
  readonly totals: string;
  readonly count: string;
  readonly byArticle: string;
  readonly reportTitle: string;
  readonly summary: string;
  readonly generatedAt: string;
  readonly forecastAt: string;
  readonly versions: string;
  readonly effectiveFrom: string;
  readonly records: string;
  readonly malformed: string;
  readonly noRecords: string;
  readonly forecastTitle: string;
  readonly chartTitle: (months: number) => string;
  readonly monthAxis: string;
  readonly countAxis: string;
  readonly byState: string;
  readonly state1: string;
  readonly later: (count: number) => string;
  readonly openEnded: (count: number) => string;
  readonly openEndedIds: string;
  readonly more: (count: number) => string;
  readonly diffsTitle: string;
  readonly tablesTitle: string;
  readonly changedCells: (count: number) => string;
  readonly tableCells: (terms: string, count: number) => string;
  readonly contents: string;
}

const en: Labels = {
  columns: {
    kind: 'kind',
    actor: 'actor',
    action: 'action',
    recipient: 'recipient',
    purpose: 'purpose',
    case: 'case',
    effect: 'effect',
    rule: 'rule',
    reasons: 'reasons',
    basis: 'basis',
    obligations: 'obligations',
  },
  effect: { permit: 'Permit', deny: 'Deny' },
  change: {
    'deny-to-permit': 'deny → permit',
    'permit-to-deny': 'permit → deny',
    reasons: 'reasons',
    basis: 'basis',
    obligations: 'obligations',
  },
  state: {
    'within-period': 'within period',
    extended: 'extended',
    expired: 'expired',
    'not-applicable': 'not applicable',
  },
  noRecipient: 'none',
  otherPurpose: 'any other',
  tableTitle: (terms) => `Decision table of the ${terms} terms`,
  decidedAt: 'Decided at',
  cells: 'Cells',
  diffTitle: (before, after) => `Changes from the ${before} terms to the ${after} terms`,
  compared: 'cells compared',
  changed: 'cells changed',
  article: 'article',
  articleName: (article, title) =>
    article === null ? 'No article of the terms' : `Art. ${article}${title ? ` (${title})` : ''}`,
  change1: 'change',
  before: 'before',
  after: 'after',
  total: 'total',
  totals: 'Totals',
  count: 'count',
  byArticle: 'Changes by article',
  reportTitle: 'M2M Sensor Net Service terms: decision report',
  summary: 'Summary',
  generatedAt: 'Generated at',
  forecastAt: 'Forecast from',
  versions: 'Terms',
  effectiveFrom: 'in force from',
  records: 'Records read',
  malformed: 'Malformed lines (reported on stderr, left out)',
  noRecords: 'No records were given: run with an NDJSON file of records for a retention forecast.',
  forecastTitle: 'Retention forecast (13(4))',
  chartTitle: (months) => `Measurement records falling due per month (JST), next ${months} months`,
  monthAxis: 'month (JST)',
  countAxis: 'records falling due',
  byState: 'Records by retention state',
  state1: 'state',
  later: (count) => `${count} record(s) fall due after the last month shown.`,
  openEnded: (count) =>
    `${count} record(s) are held under an extension without an end: no month is counted for them.`,
  openEndedIds: 'Records held without an end',
  more: (count) => `and ${count} more`,
  diffsTitle: 'Changes between consecutive versions',
  tablesTitle: 'Decision tables',
  changedCells: (count) => `${count} changed cell(s)`,
  tableCells: (terms, count) => `${terms}: ${count} cells`,
  contents: 'Contents',
};

const ja: Labels = {
  columns: {
    kind: 'データ種別',
    actor: '行為者',
    action: '行為',
    recipient: '提供先',
    purpose: '目的',
    case: '場合',
    effect: '判断',
    rule: 'ルール',
    reasons: '理由',
    basis: '根拠',
    obligations: '義務',
  },
  effect: { permit: '許可', deny: '不許可' },
  change: {
    'deny-to-permit': '不許可 → 許可',
    'permit-to-deny': '許可 → 不許可',
    reasons: '理由',
    basis: '根拠',
    obligations: '義務',
  },
  state: {
    'within-period': '保有期間内',
    extended: '延長中',
    expired: '期間満了',
    'not-applicable': '対象外',
  },
  noRecipient: 'なし',
  otherPurpose: 'その他の目的',
  tableTitle: (terms) => `規約(${terms})の判断表`,
  decidedAt: '判断時点',
  cells: 'セル数',
  diffTitle: (before, after) => `規約(${before})から規約(${after})への変更`,
  compared: '比較したセル',
  changed: '変更のあったセル',
  article: '条',
  articleName: (article, title) =>
    article === null ? '規約の条項なし' : `第${article}条${title ? `（${title}）` : ''}`,
  change1: '変更',
  before: '変更前',
  after: '変更後',
  total: '合計',
  totals: '全体',
  count: '件数',
  byArticle: '条ごとの変更',
  reportTitle: 'M2Mセンサネットサービス規約 判断レポート',
  summary: '概要',
  generatedAt: '作成日時',
  forecastAt: '予測の起点',
  versions: '規約の版',
  effectiveFrom: '施行日',
  records: '読み込んだレコード',
  malformed: '不正な行（標準エラーに報告し、集計から除外）',
  noRecords:
    'レコードが指定されていません。保有期間の予測には、レコードの NDJSON ファイルを指定してください。',
  forecastTitle: '保有期間の予測（第13条第4項）',
  chartTitle: (months) => `月別（日本時間）の保有期限を迎える計測データ（今後${months}か月）`,
  monthAxis: '月（日本時間）',
  countAxis: '保有期限を迎えるレコード数',
  byState: '保有状態別のレコード数',
  state1: '状態',
  later: (count) => `${count}件は表示した最後の月より後に期限を迎えます。`,
  openEnded: (count) => `${count}件は期限のない延長により保有されており、どの月にも数えていません。`,
  openEndedIds: '期限なく保有されるレコード',
  more: (count) => `ほか${count}件`,
  diffsTitle: '連続する版の間の変更',
  tablesTitle: '判断表',
  changedCells: (count) => `変更のあったセル${count}件`,
  tableCells: (terms, count) => `${terms}：${count}セル`,
  contents: '目次',
};

/**
 * The renderers' words in a locale.
 *
 * @example
 * labelsFor('ja').effect.deny //=> '不許可'
 */
export function labelsFor(locale: Locale): Labels {
  return locale === 'ja' ? ja : en;
}
