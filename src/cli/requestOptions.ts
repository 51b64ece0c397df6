/**
 * Options that build a decision request (--locale, action requirements, terms in force) and issue formatting.
 *
 * @module
 */
import {
  ACTIONS,
  ACTORS,
  type Action,
  CONTRACT_PURPOSES,
  type Locale,
  PARTIES,
  type PolicyInputError,
  TermsNotInForceError,
  termsInForce,
} from 'm2m-data-policy';
import { oneOf, UsageError } from './args.js';

/** The languages of labels and explanations. */
export const LOCALES: readonly Locale[] = ['ja', 'en'];

/**
 * The language of every command's output when neither `--locale` nor `--lang` is given: Japanese, the library's
 * own default (`createPolicy`).
 */
export const DEFAULT_LOCALE: Locale = 'ja';

/** The options of every command whose output depends on the language: `--locale`, and `--lang`, its alias. */
export const LOCALE_OPTIONS = {
  locale: { type: 'string' },
  lang: { type: 'string' },
} as const;

/**
 * Reads `--locale` and its alias `--lang`: {@link DEFAULT_LOCALE} when neither is given. Both may be given if they
 * agree.
 *
 * @throws {UsageError} for a language not in {@link LOCALES}, naming the option, and when the two disagree.
 * @example
 * localeOption({}) //=> 'ja'
 * localeOption({ lang: 'en' }) //=> 'en'
 * localeOption({ locale: 'ja', lang: 'en' }) // throws: --locale ja and --lang en disagree …
 */
export function localeOption(values: {
  readonly locale?: string | undefined;
  readonly lang?: string | undefined;
}): Locale {
  const locale = values.locale === undefined ? undefined : oneOf('--locale', values.locale, LOCALES);
  const lang = values.lang === undefined ? undefined : oneOf('--lang', values.lang, LOCALES);
  if (locale !== undefined && lang !== undefined && locale !== lang) {
    throw new UsageError(`--locale ${locale} and --lang ${lang} disagree (--lang is an alias of --locale)`);
  }
  return locale ?? lang ?? DEFAULT_LOCALE;
}

/**
 * The help lines of `--locale` and `--lang`, the option names from column 2 and their text from column `indent`,
 * as the other options of a command's help are laid out. `what` says what the language is of.
 *
 * @example
 * localeHelp(20, 'the explanation')
 * //=> '  --locale <ja|en>  language of the explanation (default: ja)\n  --lang <ja|en>    alias of --locale'
 */
export function localeHelp(indent: number, what: string): string {
  const option = (name: string) => `  ${name.padEnd(indent - 4)}  `;
  return [
    `${option('--locale <ja|en>')}language of ${what} (default: ${DEFAULT_LOCALE})`,
    `${option('--lang <ja|en>')}alias of --locale`,
  ].join('\n');
}

/**
 * Words joined by commas and wrapped for a help text, after `lead` on the first line: lines of at most `width`
 * characters, each after the first indented by `indent` spaces, so a list lines up under its option's text.
 *
 * @example
 * wrapWords(['use', 'process', 'disclose'], 26, 'required; ', 52)
 * //=> 'required; use, process,\n                          disclose'
 */
export function wrapWords(words: readonly string[], indent: number, lead = '', width = 96): string {
  const lines: string[] = [];
  let line = lead;
  for (const [i, word] of words.entries()) {
    const piece = i < words.length - 1 ? `${word},` : word;
    if (line.trim() !== '' && indent + line.length + 1 + piece.length > width) {
      lines.push(line.trimEnd());
      line = piece;
    } else line = line === '' || line.endsWith(' ') ? `${line}${piece}` : `${line} ${piece}`;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** The library's vocabularies, as the help texts of the commands that build requests list them. */
export const VOCABULARY = {
  actions: ACTIONS,
  actors: ACTORS,
  parties: PARTIES,
  purposes: [...CONTRACT_PURPOSES, 'or any other (an "other purpose")'],
} as const;

// The library checks these too, but per request; checked once here they are an argument error before any input.
const NEEDS_RECIPIENT: ReadonlySet<Action> = new Set(['disclose', 'transfer', 'license', 'sublicense']);

/**
 * Checks that a request shape has what its action needs: a purpose to `use`, a recipient to hand data on.
 *
 * @throws {UsageError} naming the missing option.
 * @example
 * requireActionFields('disclose', { purpose: undefined, recipient: undefined }) // throws: --recipient is required …
 */
export function requireActionFields(
  action: Action,
  given: { readonly purpose: string | undefined; readonly recipient: string | undefined },
): void {
  if (action === 'use' && given.purpose === undefined)
    throw new UsageError('--purpose is required to use data');
  if (NEEDS_RECIPIENT.has(action) && given.recipient === undefined) {
    throw new UsageError(`--recipient is required to ${action}`);
  }
}

/**
 * Checks that some terms version is in force at `at` (none is before 2017-04-01 00:00 JST).
 *
 * @throws {UsageError} with the library's explanation.
 * @example
 * requireTermsInForce(new Date('2016-01-01T00:00:00+09:00')) // throws: No terms version is in force …
 */
export function requireTermsInForce(at: Date): void {
  try {
    termsInForce(at);
  } catch (error) {
    if (error instanceof TermsNotInForceError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * The issues of a refused request, one `path: message [code]` each, for stderr.
 *
 * @example
 * issueLines(error) //=> ['data.receivedAt: The date-time has no offset … [timestamp-without-offset]']
 */
export function issueLines(error: PolicyInputError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message} [${i.code}]`);
}
