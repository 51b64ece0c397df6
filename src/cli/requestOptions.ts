/**
 * Options that build a decision request (--lang, action requirements, terms in force) and issue formatting.
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
export const LANGS: readonly Locale[] = ['ja', 'en'];

/**
 * Reads `--lang`, with the command's default when it is absent.
 *
 * @example
 * langOption(undefined, 'en') //=> 'en'
 */
export function langOption(value: string | undefined, fallback: Locale): Locale {
  return value === undefined ? fallback : oneOf('--lang', value, LANGS);
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
