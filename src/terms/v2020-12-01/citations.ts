import { appiArticle, serviceContract, termsArticle } from '../citation.js';

// Every article the 2020-12-01 rules cite, named once. Rules refer to these names, never to bare numbers.

/** 12: the user guards measurement data against loss. */
export const ART_12 = termsArticle(12);
/** 13(1): no exclusive right in measurement data; each party handles it under Art. 13. */
export const ART_13_1 = termsArticle(13, 1);
/** 13(2): what the user may do with measurement and derived data, items (1)-(4). */
export const ART_13_2 = termsArticle(13, 2);
/** 13(2)(1)-(4): what the user may do with measurement and derived data. */
export const ART_13_2_1 = termsArticle(13, 2, 1);
export const ART_13_2_2 = termsArticle(13, 2, 2);
export const ART_13_2_3 = termsArticle(13, 2, 3);
export const ART_13_2_4 = termsArticle(13, 2, 4);
/** 13(3): what the provider may do with measurement and derived data. */
export const ART_13_3 = termsArticle(13, 3);
/** 13(3)(1): the provider's purposes for measurement data, with subitems イ, ロ and ハ. */
export const ART_13_3_1 = termsArticle(13, 3, 1);
export const ART_13_3_1_I = termsArticle(13, 3, 1, 'イ');
export const ART_13_3_1_RO = termsArticle(13, 3, 1, 'ロ');
export const ART_13_3_1_HA = termsArticle(13, 3, 1, 'ハ');
/** 13(3)(2): disclosure to subcontractors for those purposes. */
export const ART_13_3_2 = termsArticle(13, 3, 2);
/** 13(3)(3): processing, and use and processing of derived data, also through third parties. */
export const ART_13_3_3 = termsArticle(13, 3, 3);
/** 13(3)(4): derived data may go to third parties (sublicensing included). */
export const ART_13_3_4 = termsArticle(13, 3, 4);
/** 13(4): held for a year from receipt as a rule, longer where needed. */
export const ART_13_4 = termsArticle(13, 4);
/** 31(3): anonymized and statistical information, with 13(3) applied to them. */
export const ART_31_3 = termsArticle(31, 3);
/** The service contract itself. */
export const CONTRACT = serviceContract;
/** APPI 27(1): provision of personal data to a third party needs consent; (1) law, (4) authorities. */
export const APPI_27_1 = appiArticle(27, 1);
export const APPI_27_1_1 = appiArticle(27, 1, 1);
export const APPI_27_1_4 = appiArticle(27, 1, 4);
/** APPI 27(5)(1): entrusting data to a contractor is not provision to a third party. */
export const APPI_27_5_1 = appiArticle(27, 5, 1);
/** APPI 25: supervision of contractors. */
export const APPI_25 = appiArticle(25);
