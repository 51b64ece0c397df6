/**
 * What `table`, `diff` and `report` share: a shipped terms version named by its id, `--format`, article titles,
 * and writing the rendered text to `--out` or stdout.
 *
 * @module
 */
import { writeFile } from 'node:fs/promises';
import { DEFAULT_TERMS, type Locale, type TermsVersion } from 'm2m-data-policy';
import { oneOf, UsageError } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { type Io, LineWriter } from '../io.js';
import { FORMATS, type Format } from '../report/format.js';
import type { ArticleTitles } from '../report/renderDiff.js';

/** The ids of the shipped versions, oldest first, as the help texts list them. */
export const VERSION_IDS: readonly string[] = DEFAULT_TERMS.map((t) => t.id);

/**
 * A shipped terms version by its id (its effective date).
 *
 * @throws {UsageError} for a missing or unknown id, listing the shipped ones.
 * @example
 * termsVersionArg('2020-12-01', '<version>').id //=> '2020-12-01'
 * termsVersionArg('2019-01-01', '<version>') // throws: unknown terms version '2019-01-01'; versions: 2017-04-01, 2020-12-01
 */
export function termsVersionArg(id: string | undefined, what: string): TermsVersion {
  if (id === undefined) throw new UsageError(`${what} is required; versions: ${VERSION_IDS.join(', ')}`);
  const version = DEFAULT_TERMS.find((t) => t.id === id);
  if (!version) throw new UsageError(`unknown terms version '${id}'; versions: ${VERSION_IDS.join(', ')}`);
  return version;
}

/**
 * Reads `--format`, Markdown when it is absent.
 *
 * @throws {UsageError} for a format not in {@link FORMATS}.
 * @example
 * formatOption(undefined) //=> 'md'
 * formatOption('csv') //=> 'csv'
 */
export function formatOption(value: string | undefined): Format {
  return value === undefined ? 'md' : oneOf('--format', value, FORMATS);
}

/**
 * The titles of the articles of some versions in a locale, by number; a later version's title wins.
 *
 * @example
 * articleTitles(DEFAULT_TERMS, 'en')[13] //=> 'Use of measurement data'
 */
export function articleTitles(versions: readonly TermsVersion[], locale: Locale): ArticleTitles {
  const titles: Record<number, string> = {};
  for (const v of versions)
    for (const [n, summary] of Object.entries(v.articles)) titles[Number(n)] = summary.title[locale];
  return titles;
}

/**
 * Writes a command's rendered text to the file `out`, or to stdout (in chunks, respecting backpressure) when there
 * is none. A file that cannot be written is reported on stderr and gives exit code 70, as any output that could
 * not be written does.
 *
 * @example
 * await writeOutput('# Decision table…\n', 'table.md', io, 'table') //=> 0
 */
export async function writeOutput(
  text: string,
  out: string | undefined,
  io: Io,
  command: string,
): Promise<ExitCode> {
  if (out !== undefined) {
    try {
      await writeFile(out, text);
      return EXIT.ok;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      io.stderr.write(`m2m-data-policy ${command}: cannot write '${out}': ${reason}\n`);
      return EXIT.internal;
    }
  }
  // Whole lines only: a chunk cut inside a surrogate pair would be written as two U+FFFD.
  const writer = new LineWriter(io.stdout);
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const pending = writer.write(line);
    if (pending) await pending;
  }
  await writer.flush();
  return EXIT.ok;
}
