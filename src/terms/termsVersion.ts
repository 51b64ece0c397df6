import type { Bilingual } from '../model/bilingual.js';
import type { CitationSpec } from '../model/citation.js';
import type { TermsVersionId } from '../model/decision.js';
import type { ConsentForm, Party } from '../model/vocabulary.js';
import type { PeriodLength } from '../time/civilCodePeriod.js';
import type { Rule } from './rule.js';

export type { Bilingual };

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
 * The messages of the codes a version's rules give, in both languages, keyed on the code.
 *
 * @example
 * terms20201201.codes.reasons['raw-measurement-data-may-not-leave']?.en.startsWith('The provider may not') //=> true
 */
export interface TermsCodes {
  readonly reasons: Readonly<Record<string, Bilingual>>;
  readonly obligations: Readonly<Record<string, Bilingual>>;
}

/**
 * A version of the terms as data, owning all of itself: when it takes effect and when notice of it was given
 * (Art. 3), its rules in the order they are tried, the articles it cites with their titles, the messages of its
 * codes, and its parameters — the holding period of measurement data, the survival of confidentiality after the
 * contract, the article on results made from the data, the consent the transmission gate asks for, and the duty
 * that marks what must be returned on request. The engine knows no article number: all of that is here.
 *
 * Values made by {@link defineTerms} are frozen, and their dates are copies on every read: nothing done to a
 * version changes a decision.
 *
 * @example
 * terms20201201.holdingPeriod //=> { years: 1 }
 * terms20170401.survivalPeriod //=> undefined
 */
export interface TermsVersion {
  readonly id: TermsVersionId;
  /** The first instant the version governs (inclusive). */
  readonly effectiveFrom: Date;
  /** When users were told of the change; Art. 3 (2020-12-01) requires it before `effectiveFrom`. */
  readonly noticeGivenAt?: Date | undefined;
  readonly rules: readonly Rule[];
  readonly articles: Readonly<Record<number, ArticleSummary>>;
  readonly codes: TermsCodes;
  /** How long the provider side holds measurement data from receipt, absent an extension (13(4), old 13(2)). */
  readonly holdingPeriod?: PeriodLength | undefined;
  /** How long confidentiality survives the contract's end (32(5)); absent where the version has no such rule. */
  readonly survivalPeriod?: PeriodLength | undefined;
  /** The article giving results made from the data to the party that made them (30(3)), if the version has one. */
  readonly outcomeOwnership?: CitationSpec | undefined;
  /** The consent the transmission gate looks for on file (31(2): the provider's, in writing), if the version has a gate. */
  readonly transmissionConsent?: { readonly from: Party; readonly form: ConsentForm } | undefined;
  /** The obligation that marks confidential information the receiver must return or erase on request (32(4)). */
  readonly returnDuty?: string | undefined;
}

/**
 * A terms version as written, before {@link defineTerms} checks and freezes it: instants may be ISO-8601 strings
 * with an offset.
 *
 * @example
 * const input: TermsVersionInput = { ...terms20201201, id: '2030-04-01', effectiveFrom: '2030-04-01T00:00:00+09:00',
 *   noticeGivenAt: '2030-01-15T00:00:00+09:00' };
 * defineTerms(input).effectiveFrom.toISOString() //=> '2030-03-31T15:00:00.000Z'
 */
export interface TermsVersionInput extends Omit<TermsVersion, 'effectiveFrom' | 'noticeGivenAt'> {
  readonly effectiveFrom: Date | string;
  readonly noticeGivenAt?: Date | string | undefined;
}
