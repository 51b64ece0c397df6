/**
 * A decision table rendered as Markdown, CSV, JSON or HTML.
 *
 * @module
 */
import type { DecisionCell, DecisionTable, Locale } from 'm2m-data-policy';
import { formatJst } from '../instant.js';
import { decisionColumns, keyColumns } from './cellText.js';
import { csvRow, escapeHtml, mdTable } from './escape.js';
import type { Format } from './format.js';
import { type HtmlCell, htmlDocument, htmlTable } from './html.js';
import { type Labels, labelsFor, TABLE_COLUMNS } from './labels.js';

/** A cell's columns as text, in {@link TABLE_COLUMNS} order. */
const rowOf = (cell: DecisionCell, labels: Labels): string[] => [
  ...keyColumns(cell, labels),
  ...decisionColumns(cell.decision, labels),
];

const EFFECT_COLUMN = TABLE_COLUMNS.indexOf('effect');

/**
 * The cells of a decision table as an HTML `<table class="cells">`, the effect cell classed `permit` or `deny`.
 *
 * @example
 * cellsHtml(decisionTable(terms20201201).cells, labelsFor('en')).startsWith('<table class="cells">') //=> true
 */
export function cellsHtml(cells: readonly DecisionCell[], labels: Labels): string {
  return htmlTable(
    TABLE_COLUMNS.map((c) => labels.columns[c]),
    cells.map((cell) =>
      rowOf(cell, labels).map(
        (text, i): HtmlCell => (i === EFFECT_COLUMN ? { text, className: cell.decision.effect } : { text }),
      ),
    ),
    { className: 'cells' },
  );
}

/**
 * Renders a decision table (SPEC §10) in a format, with headings, effects and citation labels in `locale` (the
 * labels are the table's own: build it with the same locale). Markdown and HTML give a title, the instant the cells
 * are decided at and their count; CSV is one RFC 4180 table with a header row; JSON is the table as data, one cell
 * a line.
 *
 * @example
 * renderTable(decisionTable(terms20201201), 'csv', 'en').split('\r\n')[0]
 * //=> 'kind,actor,action,recipient,purpose,case,effect,rule,reasons,basis,obligations'
 */
export function renderTable(table: DecisionTable, format: Format, locale: Locale): string {
  const labels = labelsFor(locale);
  const head = TABLE_COLUMNS.map((c) => labels.columns[c]);
  const title = labels.tableTitle(table.terms);
  const meta = `${labels.decidedAt}: ${formatJst(table.at)} · ${labels.cells}: ${table.cells.length}`;
  switch (format) {
    case 'md':
      return `# ${title}\n\n${meta}\n\n${mdTable(
        head,
        table.cells.map((c) => rowOf(c, labels)),
      )}`;
    case 'csv':
      return csvRow(head) + table.cells.map((c) => csvRow(rowOf(c, labels))).join('');
    case 'json':
      return `{"terms":${JSON.stringify(table.terms)},"at":${JSON.stringify(formatJst(table.at))},"cells":[\n${table.cells
        .map((c) => JSON.stringify(c))
        .join(',\n')}\n]}\n`;
    case 'html':
      return htmlDocument(
        title,
        locale,
        `<h1>${escapeHtml(title)}</h1>\n<p class="meta">${escapeHtml(meta)}</p>\n<div class="scroll">${cellsHtml(table.cells, labels)}</div>`,
      );
  }
}
