import type { TermsVersion } from '../termsVersion.js';
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
import { defaults } from './defaults.js';

/**
 * The terms as amended with effect from 2020-12-01 00:00 JST (notice given 2020-10-15). They govern every
 * decision from that instant, for contracts formed before it too (附則 2) and, for Art. 13, for measurement data
 * sent before it (附則 3).
 *
 * @example
 * terms20201201.effectiveFrom.toISOString() //=> '2020-11-30T15:00:00.000Z'
 */
export const terms20201201: TermsVersion = Object.freeze({
  id: '2020-12-01',
  effectiveFrom: new Date('2020-12-01T00:00:00+09:00'),
  noticeGivenAt: new Date('2020-10-15T00:00:00+09:00'),
  rules: Object.freeze([
    ...measurementByProviderSide,
    ...derivedByProviderSide,
    ...holding,
    ...byUser,
    ...article30,
    ...article31,
    ...article32,
    ...article13Defaults,
    ...defaults,
  ]),
  articles,
  outcomeOwnership: ART_30_3,
});
