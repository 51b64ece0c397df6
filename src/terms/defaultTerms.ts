import type { TermsVersion } from './termsVersion.js';
import { terms20170401 } from './v2017-04-01/index.js';
import { terms20201201 } from './v2020-12-01/index.js';

/**
 * The terms versions a policy uses unless told otherwise, oldest first.
 *
 * @example
 * DEFAULT_TERMS.map((t) => t.id) //=> ['2017-04-01', '2020-12-01']
 */
export const DEFAULT_TERMS: readonly TermsVersion[] = Object.freeze([terms20170401, terms20201201]);
