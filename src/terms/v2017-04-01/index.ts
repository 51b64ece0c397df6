import type { TermsVersion } from '../termsVersion.js';
import { shippedTerms } from '../versionValue.js';
import { articles } from './articles.js';
import { codes } from './codes.js';
import { rules } from './rules.js';

/**
 * The terms as revised on 2017-04-01 (the 現行規約 column of the 2020 amendment table). They govern decisions from
 * 2017-04-01 00:00 JST until the 2020-12-01 version takes effect. They had no transmission gate, no article on
 * confidential information and no rule on who owns results made from the data.
 *
 * @example
 * terms20170401.effectiveFrom.toISOString() //=> '2017-03-31T15:00:00.000Z'
 * terms20170401.outcomeOwnership //=> undefined
 */
export const terms20170401: TermsVersion = shippedTerms({
  id: '2017-04-01',
  effectiveFrom: '2017-04-01T00:00:00+09:00',
  rules,
  articles,
  codes,
  // Old 13(2): a year from receipt, as a rule.
  holdingPeriod: { years: 1 },
});
