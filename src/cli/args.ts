/**
 * Command-line arguments: a strict `util.parseArgs` wrapper and checks for option values.
 *
 * @module
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * A problem with the command line itself: reported with a pointer to `--help`, and the run exits with 2.
 *
 * @example
 * throw new UsageError("--locale must be one of ja, en, not 'fr'");
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const isParseArgsError = (error: unknown): error is Error =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('ERR_PARSE_ARGS_');

/**
 * Parses a command's arguments with `util.parseArgs`, strictly (an unknown option is an error) and with
 * positionals allowed; `parseArgs`'s own errors become {@link UsageError}s.
 *
 * @example
 * parseCommandArgs(['data.ndjson', '--list'], { list: { type: 'boolean' } })
 * //=> { values: { list: true }, positionals: ['data.ndjson'] }
 */
export function parseCommandArgs<const O extends OptionsConfig>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs explains at length (how to pass a value that starts with a dash); its first sentence suffices.
    if (isParseArgsError(error)) throw new UsageError(error.message.split(/\.\s/)[0] ?? error.message);
    throw error;
  }
}

/**
 * Checks that an option's value is one of a closed list, and narrows it.
 *
 * @throws {UsageError} listing the allowed values.
 * @example
 * oneOf('--locale', 'en', ['ja', 'en']) //=> 'en'
 */
export function oneOf<const T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not '${value}'`);
}

/**
 * Reads an option's value as a whole number (0, 1, 2, …).
 *
 * @throws {UsageError} for anything else.
 * @example
 * wholeNumber('--years', '1') //=> 1
 */
export function wholeNumber(option: string, value: string): number {
  if (!/^\d{1,7}$/.test(value)) throw new UsageError(`${option} must be a whole number, not '${value}'`);
  return Number(value);
}

/**
 * The one input a command reads: its single positional argument, `undefined` when there is none.
 *
 * @throws {UsageError} when there are more.
 * @example
 * singleInput(['records.ndjson']) //=> 'records.ndjson'
 */
export function singleInput(positionals: readonly string[]): string | undefined {
  if (positionals.length > 1) {
    throw new UsageError(`expected one input, got ${positionals.length}: ${positionals.join(' ')}`);
  }
  return positionals[0];
}
