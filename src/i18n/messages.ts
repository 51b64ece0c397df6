import type { TermsCodes } from '../terms/termsVersion.js';
import { en } from './en.js';
import { ja } from './ja.js';
import type { Locale, LocaleMessages } from './locale.js';

const TABLES: Readonly<Record<Locale, LocaleMessages>> = { ja, en };

/**
 * The message table of a locale.
 *
 * @example
 * messagesFor('en').effect.deny //=> 'Deny'
 */
export function messagesFor(locale: Locale): LocaleMessages {
  return TABLES[locale];
}

/** A code's message: the version's own, else the engine's, else the code itself. */
export function codeMessage(
  codes: TermsCodes | undefined,
  group: 'reasons' | 'obligations',
  code: string,
  locale: Locale,
): string {
  const own = codes?.[group][code]?.[locale];
  if (own !== undefined) return own;
  if (group === 'reasons') {
    const engine = (TABLES[locale].reasons as Readonly<Record<string, string>>)[code];
    if (engine !== undefined) return engine;
  }
  return code;
}
