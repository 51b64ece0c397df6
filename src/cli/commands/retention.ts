/**
 * The `retention` command: a 13(4) retention sweep over an NDJSON stream, summarised.
 *
 * @module
 */
import { type DataRecord, type RetentionEntry, sweepRetention } from 'm2m-data-policy';
import { parseCommandArgs, singleInput } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { formatJst, instantOption } from '../instant.js';
import { type Io, LineWriter } from '../io.js';
import { requireTermsInForce } from '../requestOptions.js';
import { maxLineBytesOption, type RecordSource, recordSource } from '../source.js';
import type { Command } from './command.js';

const HELP = `Usage: m2m-data-policy retention [file | -] [--at <instant>] [--list] [--max-line-bytes <n>]

Sweeps an NDJSON file of records (or stdin) for the one-year holding period of measurement
data (13(4); old 13(2) before 2020-12-01), reckoned from receivedAt in Japan time under the
Civil Code, and prints a summary table:

  state      records  earliest due
  kept             5  2022-05-21T00:00:00+09:00
  extended         0  -
  expired          1  -
  malformed        0

kept counts records within their period and records the period does not reach (derived,
anonymized, statistical…); its earliest due is the first instant a kept record must be gone.
extended counts records held past their period under a retention extension.

The input is streamed, and only ids and due dates are kept. No file, or '-', reads stdin.
Lines are UTF-8 and end in LF or CRLF; blank lines are skipped. A malformed line is reported
on stderr with its line number and what is wrong, never its content: longer than
--max-line-bytes (dropped unread), not UTF-8 (the byte), not JSON (the character and why),
or refused by the record parser (its issues). It is counted as malformed and makes the exit
code 2 once everything is read.

Options:
  --at <instant>        the instant of the sweep, ISO-8601 with an offset (default: now)
  --list                after the table, list the expired records: id, a tab, and when
                        holding ended
  --max-line-bytes <n>  the longest line read, in bytes (default: 1048576, 1 MiB)
  -h, --help            show this help

When stderr is a terminal, progress is shown there every 100,000 lines.

Exit codes: 0 done; 2 bad arguments or malformed input; 70 an internal error, or output that
could not be written.

Example:
  m2m-data-policy retention examples/data/sample-records.ndjson \\
    --at 2022-03-16T00:00:00+09:00 --list
`;

const OPTIONS = {
  at: { type: 'string' },
  list: { type: 'boolean' },
  'max-line-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

async function* recordsOf(source: RecordSource): AsyncGenerator<DataRecord> {
  for await (const { record } of source.records) yield record;
}

/** The earliest due date among entries, or `-` when none has one. */
function earliestDue(entries: readonly RetentionEntry[]): string {
  let earliest: number | undefined;
  for (const { dueAt } of entries) {
    const ms = dueAt?.getTime();
    if (ms !== undefined && (earliest === undefined || ms < earliest)) earliest = ms;
  }
  return earliest === undefined ? '-' : formatJst(new Date(earliest));
}

/** Rows of a label, a count and an optional last column, aligned: labels left, counts right. */
function table(rows: readonly (readonly [string, string, string?])[]): string[] {
  const labels = Math.max(...rows.map(([label]) => label.length));
  const counts = Math.max(...rows.map(([, count]) => count.length));
  return rows.map(([label, count, last]) =>
    [label.padEnd(labels), count.padStart(counts), last ?? ''].join('  ').trimEnd(),
  );
}

/**
 * `retention`: sweeps an NDJSON stream with `sweepRetention` and prints the kept / extended / expired counts.
 *
 * @example
 * // m2m-data-policy retention examples/data/sample-records.ndjson --at 2022-03-16T00:00:00+09:00
 * //=> Retention at 2022-03-16T00:00:00+09:00 …
 */
export const retentionCommand: Command = {
  name: 'retention',
  summary: 'sweep an NDJSON file for the one-year holding period (13(4)) and summarise',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const path = singleInput(positionals);
    const at = values.at === undefined ? new Date() : instantOption('--at', values.at);
    requireTermsInForce(at);
    const maxLineBytes = maxLineBytesOption(values['max-line-bytes']);

    const source = await recordSource(path, io, 'retention', { maxLineBytes });
    const sweep = await sweepRetention(recordsOf(source), at);
    source.finish();
    const malformed = source.malformed();

    const out = new LineWriter(io.stdout);
    const lines = [
      `Retention at ${formatJst(at)}`,
      ...table([
        ['state', 'records', 'earliest due'],
        ['kept', String(sweep.keep.length), earliestDue(sweep.keep)],
        ['extended', String(sweep.extended.length), earliestDue(sweep.extended)],
        ['expired', String(sweep.expired.length), '-'],
        ['malformed', String(malformed)],
      ]),
    ];
    for (const line of lines) await out.write(line);
    if (values.list) {
      await out.write('');
      await out.write(`Expired (${sweep.expired.length}): id, end of holding`);
      for (const { id, dueAt } of sweep.expired) {
        const pending = out.write(`${id}\t${dueAt ? formatJst(dueAt) : '-'}`);
        if (pending) await pending;
      }
    }
    await out.flush();
    return malformed > 0 ? EXIT.usage : EXIT.ok;
  },
};
