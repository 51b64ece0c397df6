/**
 * The `period` command: a Civil Code period in Japan time.
 *
 * @module
 */
import { type CivilCodePeriod, civilCodePeriod, type PeriodLength, PolicyInputError } from 'm2m-data-policy';
import { parseCommandArgs, UsageError, wholeNumber } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { formatJst, instantOption } from '../instant.js';
import type { Io } from '../io.js';
import { issueLines } from '../requestOptions.js';
import type { Command } from './command.js';

const HELP = `Usage: m2m-data-policy period <start> [--years N] [--months N] [--weeks N] [--days N]

Reckons a period under the Civil Code in Japan time (Arts. 140, 141, 143) and prints its first
day, its last day and the instant it ends. The day of <start> is not counted unless <start> is
exactly 00:00 JST; the period ends at the end of its last day; years and months follow the
calendar. Art. 142 (holidays) is not applied: these are holding periods, not deadlines.

<start> is ISO-8601 with an offset, e.g. 2021-03-15T10:00:00+09:00. Give at least one unit;
each is a whole number and the total must be positive. Years and months apply first, then
weeks and days.

Options:
  --years <N>   --months <N>   --weeks <N>   --days <N>
  -h, --help    show this help

Exit codes: 0 done; 2 bad arguments; 70 an internal error, or output that could not be written.

Example:
  m2m-data-policy period 2021-03-15T10:00:00+09:00 --years 1
  first day  2021-03-16
  last day   2022-03-15
  ends at    2022-03-16T00:00:00+09:00 (exclusive: 00:00 JST after the last day)
`;

const UNITS = ['years', 'months', 'weeks', 'days'] as const;

const OPTIONS = {
  years: { type: 'string' },
  months: { type: 'string' },
  weeks: { type: 'string' },
  days: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `period`: prints `civilCodePeriod(start, length)` — first day, last day, and the exclusive end in JST.
 *
 * @example
 * // m2m-data-policy period 2021-03-15T10:00:00+09:00 --years 1
 * //=> first day  2021-03-16 …
 */
export const periodCommand: Command = {
  name: 'period',
  summary: 'reckon a Civil Code period in Japan time from a start and a length',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const [startText, ...extra] = positionals;
    if (startText === undefined) throw new UsageError('a start is required, e.g. 2021-03-15T10:00:00+09:00');
    if (extra.length) throw new UsageError(`expected one start, got ${positionals.join(' ')}`);
    const start = instantOption('<start>', startText);
    const length: { -readonly [U in keyof PeriodLength]: number } = {};
    for (const unit of UNITS) {
      const value = values[unit];
      if (value !== undefined) length[unit] = wholeNumber(`--${unit}`, value);
    }
    if (Object.keys(length).length === 0) {
      throw new UsageError('give a length: --years, --months, --weeks and/or --days');
    }
    let period: CivilCodePeriod;
    try {
      period = civilCodePeriod(start, length);
    } catch (error) {
      if (error instanceof PolicyInputError) throw new UsageError(issueLines(error).join('; '));
      throw error;
    }
    io.stdout.write(
      [
        `first day  ${period.firstDay}`,
        `last day   ${period.lastDay}`,
        `ends at    ${formatJst(period.endsAt)} (exclusive: 00:00 JST after the last day)`,
        '',
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
