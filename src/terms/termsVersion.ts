import type { TermsVersionId } from '../model/decision.js';
import type { CitationSpec } from '../model/citation.js';
import type { Rule } from './rule.js';

/**
 * A text in both of the library's languages.
 *
 * @example
 * const title: Bilingual | undefined = terms20201201.articles[13]?.title
 * //=> { ja: '計測データの使用', en: 'Use of measurement data' }
 */
export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

/**
 * An article's title and the project's own summary of it (never the terms' sentences).
 *
 * @example
 * const article: ArticleSummary | undefined = terms20201201.articles[31];
 * article?.title.en //=> 'Protection of personal information'
 */
export interface ArticleSummary {
  readonly title: Bilingual;
  readonly summary: Bilingual;
}

/**
 * A version of the terms as data: when it takes effect, when notice of it was given (Art. 3), its rules in the
 * order they are tried, and its articles' titles and summaries for explanations.
 *
 * @example
 * const next: TermsVersion = {
 *   id: '2030-04-01', effectiveFrom: new Date('2030-04-01T00:00:00+09:00'),
 *   noticeGivenAt: new Date('2030-01-15T00:00:00+09:00'), rules: [...terms20201201.rules], articles: terms20201201.articles,
 * };
 */
export interface TermsVersion {
  readonly id: TermsVersionId;
  /** The first instant the version governs (inclusive). */
  readonly effectiveFrom: Date;
  /** When users were told of the change; Art. 3 (2020-12-01) requires it before `effectiveFrom`. */
  readonly noticeGivenAt?: Date | undefined;
  readonly rules: readonly Rule[];
  /**
   * The article that gives the results of using or processing data (know-how, AI models, inventions) to the
   * party that produced them, if the version has one (30(3) from 2020-12-01; the 2017-04-01 terms had none).
   */
  readonly outcomeOwnership?: CitationSpec | undefined;
  readonly articles: Readonly<Record<number, ArticleSummary>>;
}
