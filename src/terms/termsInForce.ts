import { PolicyInputError, TermsNotInForceError } from '../errors.js';
import { timeOf } from '../internal/timeOf.js';
import { INSTANT_MESSAGES, readInstant } from '../records/timestamp.js';
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
 * termsInForce('2020-12-01T00:00:00+09:00').id //=> '2020-12-01'
 */
export function termsInForce(
  at: Date | string,
  terms: readonly TermsVersion[] = DEFAULT_TERMS,
): TermsVersion {
  const t = readInstant(at);
  if (typeof t !== 'number')
    throw new PolicyInputError([{ path: ['at'], code: t, message: INSTANT_MESSAGES[t] }], 'instant');
  let found: TermsVersion | undefined;
  let earliest: TermsVersion | undefined;
  for (const version of terms) {
    const from = timeOf(version.effectiveFrom);
    if (from <= t && (found === undefined || from > timeOf(found.effectiveFrom))) found = version;
    if (earliest === undefined || from < timeOf(earliest.effectiveFrom)) earliest = version;
  }
  if (found === undefined) throw new TermsNotInForceError(new Date(t), earliest?.effectiveFrom);
  return found;
}
