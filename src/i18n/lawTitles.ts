import type { Bilingual } from '../model/bilingual.js';

// Titles of the statutes' articles the library cites, for explanations. APPI articles are keyed by edition:
// `current` numbering from 2022-04-01, `before2022` for decisions before then.
export const APPI_TITLES: {
  readonly current: Readonly<Record<number, Bilingual>>;
  readonly before2022: Readonly<Record<number, Bilingual>>;
} = (() => {
  const purpose = { ja: '利用目的による制限', en: 'Limits set by the purpose of use' };
  const supervision = { ja: '委託先の監督', en: 'Supervision of contractors' };
  const thirdParty = { ja: '第三者提供の制限', en: 'Limits on provision to third parties' };
  const making = { ja: '匿名加工情報の作成等', en: 'Making anonymized information' };
  const providing = { ja: '匿名加工情報の提供', en: 'Providing anonymized information' };
  return {
    current: { 18: purpose, 25: supervision, 27: thirdParty, 43: making, 44: providing },
    before2022: { 16: purpose, 22: supervision, 23: thirdParty, 36: making, 37: providing },
  };
})();

export const CIVIL_CODE_TITLES: Readonly<Record<number, Bilingual>> = {
  140: { ja: '期間の起算', en: 'Start of a period' },
  141: { ja: '期間の満了', en: 'End of a period' },
  142: { ja: '期間の満了の特則', en: 'End of a period on a holiday' },
  143: { ja: '暦による期間の計算', en: 'Periods reckoned by the calendar' },
};
