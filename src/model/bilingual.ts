/**
 * A text in both of the library's languages.
 *
 * @example
 * const title: Bilingual | undefined = terms20201201.articles[13]?.title;
 * title //=> { ja: '計測データの使用', en: 'Use of measurement data' }
 */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}
