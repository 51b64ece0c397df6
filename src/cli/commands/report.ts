/**
 * The `report` command: one self-contained HTML page with the decision tables, the diffs between consecutive
 * shipped versions and, given records, their retention forecast.
 *
 * @module
 */
import { type DataRecord, DEFAULT_TERMS, decisionTable, diffTerms } from 'm2m-data-policy';
import { parseCommandArgs, singleInput } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import { instantOption } from '../instant.js';
import type { Io } from '../io.js';
import { FORECAST_MONTHS, forecast } from '../report/forecast.js';
import { type ReportRecords, renderReport } from '../report/renderReport.js';
import { LOCALE_OPTIONS, localeHelp, localeOption, requireTermsInForce } from '../requestOptions.js';
import { maxLineBytesOption, type RecordSource, recordSource } from '../source.js';
import { articleTitles, VERSION_IDS, writeOutput } from './analysisOptions.js';
import type { Command } from './command.js';

const HELP = `Usage: m2m-data-policy report [records.ndjson | -] [--at <instant>] [--locale ja|en]
                              [--out <file>] [--max-line-bytes <n>]

Writes one self-contained HTML file: no script, no stylesheet or image loaded from anywhere,
inline CSS, UTF-8. Open it in any browser, offline. It holds:

  - a summary: when it was made, the versions, the diffs' totals, the records read;
  - given records, a retention forecast from --at: the measurement records falling due in
    each Japan-time calendar month (that of --at and the ${FORECAST_MONTHS - 1} after it) as a bar chart,
    a record's due date being when its holding ends (13(4): a year from receipt, or the
    end of a retention extension); records due later, and records held under an extension
    without an end (counted in no month), are said so; and the count of records within
    period, extended, expired and not applicable;
  - the diff between each two consecutive shipped versions (${VERSION_IDS.join(' -> ')}): the counts by
    article, and each article's changed cells, collapsed;
  - the decision table of each shipped version, collapsed (thousands of rows).

Records are read as the retention command reads them: an NDJSON file, or stdin with '-';
without either there is no forecast. A malformed line is reported on stderr with its line
number and what is wrong, never its content, counted in the summary, and makes the exit
code 2 once the report is written. When stderr is a terminal, progress is shown there
every 100,000 lines. Every text in the page (record ids included) is HTML-escaped.

Options:
  --at <instant>        the instant of the forecast, ISO-8601 with an offset (default: now)
${localeHelp(24, 'the page')}
  --out <file>          write the page to a file instead of stdout
  --max-line-bytes <n>  the longest line read, in bytes (default: 1048576, 1 MiB)
  -h, --help            show this help

Environment: SOURCE_DATE_EPOCH, seconds since 1970, stands for "now" (when the page was made,
and the default --at), so that the same input gives the same page.

Exit codes: 0 done; 2 bad arguments or malformed input; 70 an internal error, or output that
could not be written.

Example:
  m2m-data-policy report examples/data/sample-records.ndjson --at 2022-01-15T12:00:00+09:00 \\
    --locale en --out report.html
`;

const OPTIONS = {
  at: { type: 'string' },
  ...LOCALE_OPTIONS,
  out: { type: 'string' },
  'max-line-bytes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * The time the page says it was made: SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention)
 * when set, so that the same input gives the same bytes — the screenshot in docs/ is made so — and else now.
 */
function madeAt(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d{1,11}$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

async function* recordsOf(source: RecordSource): AsyncGenerator<DataRecord> {
  for await (const { record } of source.records) yield record;
}

/**
 * `report`: builds the decision table of every shipped version and the diff of each consecutive pair, counts the
 * records' retention forecast when given some, and writes `renderReport(model, locale)`.
 *
 * @example
 * // m2m-data-policy report records.ndjson --at 2022-01-15T12:00:00+09:00 --out report.html
 * //=> (report.html written; exit code 0)
 */
export const reportCommand: Command = {
  name: 'report',
  summary: 'write one self-contained HTML report: tables, diffs, a retention forecast',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    const path = singleInput(positionals);
    const generatedAt = madeAt();
    const at = values.at === undefined ? generatedAt : instantOption('--at', values.at);
    requireTermsInForce(at);
    const locale = localeOption(values);
    const maxLineBytes = maxLineBytesOption(values['max-line-bytes']);

    // The records first: an input that cannot be opened is an error before seconds of tables.
    let records: ReportRecords | undefined;
    if (path !== undefined) {
      const source = await recordSource(path, io, 'report', { maxLineBytes });
      const counted = await forecast(recordsOf(source), at);
      source.finish();
      records = { input: path === '-' ? 'stdin' : path, malformed: source.malformed(), forecast: counted };
    }
    const tables = DEFAULT_TERMS.map((t) => decisionTable(t, { locale }));
    const diffs = DEFAULT_TERMS.slice(1).map((after, i) =>
      diffTerms(DEFAULT_TERMS[i] as (typeof DEFAULT_TERMS)[number], after, { locale }),
    );
    const html = renderReport(
      { generatedAt, at, tables, diffs, titles: articleTitles(DEFAULT_TERMS, locale), records },
      locale,
    );
    const code = await writeOutput(html, values.out, io, 'report');
    if (code !== EXIT.ok) return code;
    return (records?.malformed ?? 0) > 0 ? EXIT.usage : EXIT.ok;
  },
};
