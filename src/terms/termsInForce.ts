import { PolicyInputError, TermsNotInForceError } from '../errors.js';
import { DEFAULT_TERMS } from './defaultTerms.js';
import type { TermsVersion } from './termsVersion.js';

/**
 * The terms version in force at an instant: the latest whose `effectiveFrom` is at or before it. The decision's
 * time chooses the version, not the data's age (附則 2, 3).
 *
 * @throws {PolicyInputError} for an invalid Date.
 * @throws {TermsNotInForceError} before the earliest version takes effect (2017-04-01 00:00 JST by default).
 * @example
 * termsInForce(new Date('2020-11-30T23:59:59.999+09:00')).id //=> '2017-04-01'
 * termsInForce(new Date('2020-12-01T00:00:00+09:00')).id //=> '2020-12-01'
 */
export function termsInForce(at: Date, terms: readonly TermsVersion[] = DEFAULT_TERMS): TermsVersion {
  const t = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(t)) {
    throw new PolicyInputError(
      [{ path: ['at'], code: 'invalid-date', message: 'Expected a valid Date' }],
      'instant',
    );
  }
  let found: TermsVersion | undefined;
  let earliest: TermsVersion | undefined;
  for (const version of terms) {
    const from = version.effectiveFrom.getTime();
    if (from <= t && (found === undefined || from > found.effectiveFrom.getTime())) found = version;
    if (earliest === undefined || from < earliest.effectiveFrom.getTime()) earliest = version;
  }
  if (found === undefined) throw new TermsNotInForceError(at, earliest?.effectiveFrom);
  return found;
}
