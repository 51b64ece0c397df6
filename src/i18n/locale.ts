import type { Effect } from '../model/vocabulary.js';

/**
 * The languages messages come in: Japanese (the default) and English.
 *
 * @example
 * const locale: Locale = createPolicy().locale;
 * locale //=> 'ja'
 */
export type Locale = 'ja' | 'en';

/** The reason codes the engine itself gives, whatever the terms version: no rule matched, and 30(3)'s answers. */
export type EngineReasonCode =
  | 'not-granted'
  | 'outcome-belongs-to-producer'
  | 'outcome-from-other-data'
  | 'outcome-producer-not-a-party'
  | 'no-outcome-rule';

/** One language's own messages: effects, headings and the engine's reasons. A version's codes carry the rest. */
export interface LocaleMessages {
  readonly effect: Readonly<Record<Effect, string>>;
  readonly reasons: Readonly<Record<EngineReasonCode, string>>;
  readonly headings: {
    readonly basis: string;
    readonly reasons: string;
    readonly obligations: string;
    readonly due: string;
    readonly terms: string;
  };
}

/** Whether a value is one of the library's locales. */
export const isLocale = (v: unknown): v is Locale => v === 'ja' || v === 'en';
