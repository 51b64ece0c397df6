/**
 * The `table` command: the decision table of a shipped terms version.
 *
 * @module
 */
import { decisionTable } from 'm2m-data-policy';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import type { Io } from '../io.js';
import { renderTable } from '../report/renderTable.js';
import { LOCALE_OPTIONS, localeHelp, localeOption } from '../requestOptions.js';
import { formatOption, termsVersionArg, VERSION_IDS, writeOutput } from './analysisOptions.js';
import type { Command } from './command.js';

const HELP = `Usage: m2m-data-policy table <version> [--format md|csv|json|html] [--locale ja|en]
                             [--out <file>]

Prints the decision table of a shipped terms version (SPEC §10): every cell of its request
space (kind x actor x action x recipient x purpose, split by the cases its rules tell apart)
with the decision the library gives for it, decided at the version's effective date.

<version> is the id of a shipped version: ${VERSION_IDS.join(', ')}.

Columns: kind, actor, action, recipient ("なし", in English "none", when the action has none),
purpose ("その他の目的", "any other", for a purpose no rule names), case (e.g. personalData=yes;
consent=data-subject/written), effect, rule, reasons (codes), basis (citation labels),
obligations (codes); their headings are in the language of --locale. Lists are separated
by "; ".

Formats:
  md    a Markdown document: a title, the instant and the count, and one table (default)
  csv   one RFC 4180 table with a header row, CRLF line ends
  json  {"terms", "at", "cells": [...]}: the cells as data, one a line, codes not labels
  html  a self-contained HTML page (no script, nothing loaded from elsewhere)

Options:
  --format <f>      md, csv, json or html (default: md)
${localeHelp(20, 'headings, effects and citation labels')}
  --out <file>      write to a file instead of stdout
  -h, --help        show this help

Exit codes: 0 done; 2 bad arguments (an unknown version or format); 70 an internal error,
or output that could not be written.

Example:
  m2m-data-policy table 2020-12-01 --format csv --locale en --out table-2020-12-01.csv
`;

const OPTIONS = {
  format: { type: 'string' },
  ...LOCALE_OPTIONS,
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `table`: renders `decisionTable(version, { locale })` as Markdown, CSV, JSON or HTML.
 *
 * @example
 * // m2m-data-policy table 2020-12-01 --format csv
 * //=> kind,actor,action,recipient,purpose,case,effect,rule,reasons,basis,obligations …
 */
export const tableCommand: Command = {
  name: 'table',
  summary: 'print the decision table of a shipped terms version (md, csv, json or html)',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length > 1) throw new UsageError(`expected one version, got ${positionals.join(' ')}`);
    const version = termsVersionArg(positionals[0], '<version>');
    const format = formatOption(values.format);
    const locale = localeOption(values);
    const text = renderTable(decisionTable(version, { locale }), format, locale);
    return writeOutput(text, values.out, io, 'table');
  },
};
