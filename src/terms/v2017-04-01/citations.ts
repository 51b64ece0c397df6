import { appiArticle, serviceContract, termsArticle } from '../../model/citation.js';

// Every article the 2017-04-01 rules cite, named once. Old 13(1) lists its purposes as bullets; they are cited
// as subitems イ, ロ and ハ in order, as the 2020 amendment table sets them against the new 13(3)(1).

/** Old 12: the user guards the information it sends and receives against loss. */
export const OLD_12 = termsArticle(12);
/** Old 13: the provider's use of information obtained through the service. */
export const OLD_13 = termsArticle(13);
/** Old 13(1): the purposes, with their bullets as イ, ロ and ハ. */
export const OLD_13_1 = termsArticle(13, 1);
export const OLD_13_1_I = termsArticle(13, 1, undefined, 'イ');
export const OLD_13_1_RO = termsArticle(13, 1, undefined, 'ロ');
export const OLD_13_1_HA = termsArticle(13, 1, undefined, 'ハ');
/** Old 13(2): held for a year from receipt as a rule, longer where needed. */
export const OLD_13_2 = termsArticle(13, 2);
/** Old 30(2): nothing obtained through the service is passed on by the user without the provider's prior consent. */
export const OLD_30_2 = termsArticle(30, 2);
/** Old 31: user information is kept secret and disclosed to no one without the user's consent. */
export const OLD_31 = termsArticle(31);
/** The terms as a whole, where no single article speaks to a request. */
export const OLD_TERMS = termsArticle();
/** The service contract itself. */
export const CONTRACT = serviceContract;
/**
 * APPI 27(1) (Art. 23(1) until 2022-04-01, cited by the number in force at the decision): personal data goes to a
 * third party only with the person's consent. The terms cannot lower what the Act requires.
 */
export const APPI_27_1 = appiArticle(27, 1);
