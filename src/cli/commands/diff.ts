/**
 * The `diff` command: the decision-level old/new table (新旧対照表) of two shipped terms versions.
 *
 * @module
 */
import { diffTerms } from 'm2m-data-policy';
import { parseCommandArgs, UsageError } from '../args.js';
import { EXIT, type ExitCode } from '../exitCodes.js';
import type { Io } from '../io.js';
import { renderDiff } from '../report/renderDiff.js';
import { LOCALE_OPTIONS, localeHelp, localeOption } from '../requestOptions.js';
import { articleTitles, formatOption, termsVersionArg, VERSION_IDS, writeOutput } from './analysisOptions.js';
import type { Command } from './command.js';

const HELP = `Usage: m2m-data-policy diff <before> <after> [--format md|csv|json|html] [--locale ja|en]
                            [--out <file>]

Compares two shipped terms versions cell by cell (SPEC §10): every cell of their joint request
space is decided under each, and the cells whose effect, reasons, articles or obligations
differ are shown with both decisions, grouped by the article the newer decision cites (the
older one's where the newer denies by default).

<before> and <after> are ids of shipped versions: ${VERSION_IDS.join(', ')}.

The output gives the totals (cells compared, cells changed, and the count of each kind of
change: deny -> permit, permit -> deny, reasons, basis, obligations), then for each article
its counts and its changed cells: the change, the cell (kind, actor, action, recipient,
purpose, case), and the effect, rule, reasons, basis and obligations before and after.

Formats:
  md    a Markdown document: the totals, the counts by article, a table per article (default)
  csv   one RFC 4180 table of the changed cells, each with its article (no totals)
  json  {"before", "after", "compared", "counts", "byArticle": [{"article", "counts",
        "cells": [...]}]}: each changed cell once, under its article
  html  a self-contained HTML page, each article's cells in a collapsed section

Options:
  --format <f>      md, csv, json or html (default: md)
${localeHelp(20, 'headings, effects, changes and citation labels')}
  --out <file>      write to a file instead of stdout
  -h, --help        show this help

Exit codes: 0 done; 2 bad arguments (an unknown version or format); 70 an internal error,
or output that could not be written.

Example:
  m2m-data-policy diff 2017-04-01 2020-12-01 --locale en --format html --out diff.html
`;

const OPTIONS = {
  format: { type: 'string' },
  ...LOCALE_OPTIONS,
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * `diff`: renders `diffTerms(before, after, { locale })` as Markdown, CSV, JSON or HTML.
 *
 * @example
 * // m2m-data-policy diff 2017-04-01 2020-12-01
 * //=> # Changes from the 2017-04-01 terms to the 2020-12-01 terms …
 */
export const diffCommand: Command = {
  name: 'diff',
  summary: 'compare two shipped terms versions decision by decision, by article',
  help: HELP,
  async run(argv: readonly string[], io: Io): Promise<ExitCode> {
    const { values, positionals } = parseCommandArgs(argv, OPTIONS);
    if (values.help) {
      io.stdout.write(HELP);
      return EXIT.ok;
    }
    if (positionals.length > 2) throw new UsageError(`expected two versions, got ${positionals.join(' ')}`);
    const before = termsVersionArg(positionals[0], '<before>');
    const after = termsVersionArg(positionals[1], '<after>');
    const format = formatOption(values.format);
    const locale = localeOption(values);
    const diff = diffTerms(before, after, { locale });
    const text = renderDiff(diff, format, locale, articleTitles([before, after], locale));
    return writeOutput(text, values.out, io, 'diff');
  },
};
