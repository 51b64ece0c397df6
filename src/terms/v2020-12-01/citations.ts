import { appiArticle, serviceContract, termsArticle } from '../../model/citation.js';

// Every article the 2020-12-01 rules cite, named once. Rules refer to these names, never to bare numbers.

/** 2(2)(6): what confidential information is — designated beforehand in writing or electronically, scoped, marked. */
export const ART_2_2_6 = termsArticle(2, 2, 6);
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
/** 30(1)-(3): rights in the provider's content; no republishing it without prior consent; results go to their maker. */
export const ART_30_1 = termsArticle(30, 1);
export const ART_30_2 = termsArticle(30, 2);
export const ART_30_3 = termsArticle(30, 3);
/** 31(1): user information is handled under the APPI and the corporate privacy policy. */
export const ART_31_1 = termsArticle(31, 1);
/** 31(2): measurement data that is or may be personal information is not sent without the provider's written consent. */
export const ART_31_2 = termsArticle(31, 2);
/** 31(3): anonymized and statistical information, with 13(3) applied to them. */
export const ART_31_3 = termsArticle(31, 3);
/** 32(1): confidential information is used only for the service and disclosed to no third party; (1)-(4) the exceptions. */
export const ART_32_1 = termsArticle(32, 1);
export const ART_32_1_1 = termsArticle(32, 1, 1);
export const ART_32_1_2 = termsArticle(32, 1, 2);
export const ART_32_1_3 = termsArticle(32, 1, 3);
export const ART_32_1_4 = termsArticle(32, 1, 4);
/** 32(2): disclosure a law or an authority requires, with notice to the other party. */
export const ART_32_2 = termsArticle(32, 2);
/** 32(3): the provider's disclosure to subcontractors, binding them equally. */
export const ART_32_3 = termsArticle(32, 3);
/** 32(4): return or erasure on request. */
export const ART_32_4 = termsArticle(32, 4);
/** 32(5): Art. 32 survives the contract by three years. */
export const ART_32_5 = termsArticle(32, 5);
/** The service contract itself. */
export const CONTRACT = serviceContract;
/** APPI 27(1): provision of personal data to a third party needs consent; (1) law, (4) authorities. */
export const APPI_27_1 = appiArticle(27, 1);
export const APPI_27_1_1 = appiArticle(27, 1, 1);
export const APPI_27_1_4 = appiArticle(27, 1, 4);
/** APPI 27(5)(1): entrusting data to a contractor is not provision to a third party. */
export const APPI_27_5_1 = appiArticle(27, 5, 1);
/** APPI 18(1): personal information is used only within the purpose stated. */
export const APPI_18_1 = appiArticle(18, 1);
/** APPI 43: anonymized information: (1) made to the standard, (3) items published, (4) provision, (5) no re-identification. */
export const APPI_43_1 = appiArticle(43, 1);
export const APPI_43_3 = appiArticle(43, 3);
export const APPI_43_4 = appiArticle(43, 4);
export const APPI_43_5 = appiArticle(43, 5);
/** APPI 25: supervision of contractors. */
export const APPI_25 = appiArticle(25);
