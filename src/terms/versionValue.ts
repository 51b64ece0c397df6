import { ReturnsGivenObject } from '../internal/brand.js';
import { deepFreeze } from '../internal/deepFreeze.js';
import { readInstant } from '../records/timestamp.js';
import type { TermsCodes, TermsVersion, TermsVersionInput } from './termsVersion.js';
import { isObject, type Obj } from './versionChecker.js';

// The value of a terms version: frozen, its dates handed out as copies, and branded as made by this module.

/** Frozen plain objects from plain data (`dictionary`: keep the object prototype-free, for lookup tables). */
function frozen<T>(value: T, dictionary = false): T {
  if (Array.isArray(value)) return Object.freeze(value.map((v) => frozen(v))) as T;
  if (!isObject(value) || value instanceof Date || typeof value === 'function') return value;
  const out: Obj = dictionary ? Object.create(null) : {};
  for (const key of Object.keys(value))
    Object.defineProperty(out, key, { value: frozen(value[key]), enumerable: true });
  return Object.freeze(out) as T;
}

/** Marks the versions this module made: checked (or shipped) and frozen, so a policy need not check them again. */
class DefinedTerms extends ReturnsGivenObject {
  readonly #defined = true;

  static stamp(version: object): void {
    new DefinedTerms(version);
  }

  static has(value: unknown): boolean {
    return typeof value === 'object' && value !== null && #defined in value;
  }
}

/** Whether a value is a version {@link defineTerms} (or the package itself) made: frozen, and checked. */
export const isDefinedTerms = (value: unknown): value is TermsVersion => DefinedTerms.has(value);

/** The frozen value of a version's plain data; its dates are handed out as copies on every read. */
export function versionValue(
  plain: Obj,
  effectiveFromMs: number,
  noticeGivenAtMs: number | undefined,
  freeze: <T>(value: T, dictionary?: boolean) => T = frozen,
): TermsVersion {
  const codes = plain.codes as TermsCodes;
  const version: Obj = {
    id: plain.id,
    rules: freeze(plain.rules),
    articles: freeze(plain.articles),
    codes: Object.freeze({
      reasons: freeze(codes.reasons, true),
      obligations: freeze(codes.obligations, true),
    }),
  };
  // Changing a date handed out changes nothing of the version.
  Object.defineProperty(version, 'effectiveFrom', { get: () => new Date(effectiveFromMs), enumerable: true });
  if (noticeGivenAtMs !== undefined)
    Object.defineProperty(version, 'noticeGivenAt', {
      get: () => new Date(noticeGivenAtMs),
      enumerable: true,
    });
  for (const key of [
    'holdingPeriod',
    'survivalPeriod',
    'outcomeOwnership',
    'transmissionConsent',
    'returnDuty',
  ])
    if (plain[key] !== undefined) version[key] = freeze(plain[key]);
  DefinedTerms.stamp(version);
  return Object.freeze(version) as unknown as TermsVersion;
}

/**
 * The value of a version this package ships: its own literals frozen in place, without the check and the copies,
 * which would cost every process that loads the library. It carries the brand of a defined version, so a policy
 * takes it as it is; the suite checks every shipped version with {@link checkTerms} (test/terms/defineTerms.test.ts).
 */
export function shippedTerms(input: TermsVersionInput & { readonly effectiveFrom: string }): TermsVersion {
  const ms = (v: unknown) => (typeof v === 'string' ? (readInstant(v) as number) : undefined);
  return versionValue(
    input as unknown as Obj,
    ms(input.effectiveFrom) as number,
    ms(input.noticeGivenAt),
    deepFreeze,
  );
}
