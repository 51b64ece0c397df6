import type { ObligationCode, ReasonCode } from '../model/codes.js';
import type { Effect } from '../model/vocabulary.js';

/**
 * The languages messages come in: Japanese (the default) and English.
 *
 * @example
 * const locale: Locale = createPolicy().locale //=> 'ja'
 */
export type Locale = 'ja' | 'en';

/** One language's messages, keyed on the stable codes. */
export interface LocaleMessages {
  readonly effect: Readonly<Record<Effect, string>>;
  readonly reasons: Readonly<Record<ReasonCode, string>>;
  readonly obligations: Readonly<Record<ObligationCode, string>>;
  readonly headings: {
    readonly basis: string;
    readonly reasons: string;
    readonly obligations: string;
    readonly due: string;
    readonly terms: string;
  };
}
