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
