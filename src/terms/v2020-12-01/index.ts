import type { TermsVersion } from '../termsVersion.js';
import { shippedTerms } from '../versionValue.js';
import {
  article13Defaults,
  byUser,
  derivedByProviderSide,
  holding,
  measurementByProviderSide,
} from './article13.js';
import { article30 } from './article30.js';
import { article31 } from './article31.js';
import { article32 } from './article32.js';
import { articles } from './articles.js';
import { ART_30_3 } from './citations.js';
import { codes } from './codes.js';
import { defaults } from './defaults.js';

/**
 * The terms as amended with effect from 2020-12-01 00:00 JST (notice given 2020-10-15). They govern every
 * decision from that instant, for contracts formed before it too (附則 2) and, for Art. 13, for measurement data
 * sent before it (附則 3).
 *
 * @example
 * terms20201201.effectiveFrom.toISOString() //=> '2020-11-30T15:00:00.000Z'
 * terms20201201.survivalPeriod //=> { years: 3 }
 */
export const terms20201201: TermsVersion = shippedTerms({
  id: '2020-12-01',
  effectiveFrom: '2020-12-01T00:00:00+09:00',
  noticeGivenAt: '2020-10-15T00:00:00+09:00',
  rules: [
    ...measurementByProviderSide,
    ...derivedByProviderSide,
    ...holding,
    ...byUser,
    ...article30,
    ...article31,
    ...article32,
    ...article13Defaults,
    ...defaults,
  ],
  articles,
  codes,
  // 13(4): a year from receipt, as a rule.
  holdingPeriod: { years: 1 },
  // 32(5): Art. 32 survives the contract by three years.
  survivalPeriod: { years: 3 },
  outcomeOwnership: ART_30_3,
  // 31(2): the provider's prior consent, in writing.
  transmissionConsent: { from: 'provider', form: 'written' },
  // 32(4): what the receiving party must return or erase when the other party asks.
  returnDuty: 'return-or-erase-on-request',
});
