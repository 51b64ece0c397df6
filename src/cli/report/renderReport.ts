/**
 * The report: one self-contained HTML page with a summary, the retention forecast, the diffs between consecutive
 * terms versions and each version's decision table.
 *
 * @module
 */
import type { DecisionTable, Locale, TermsDiff } from 'm2m-data-policy';
import { formatJst } from '../instant.js';
import { barChart } from './chart.js';
import { escapeHtml } from './escape.js';
import type { RetentionForecast } from './forecast.js';
import { htmlDocument, htmlTable } from './html.js';
import { type Labels, labelsFor, type RetentionState } from './labels.js';
import { type ArticleTitles, diffHtml } from './renderDiff.js';
import { cellsHtml } from './renderTable.js';

/** The records a report was given: where they came from, how many lines were malformed, and their forecast. */
export interface ReportRecords {
  /** The input as the user named it (a path, or `stdin`): shown escaped. */
  readonly input: string;
  readonly malformed: number;
  readonly forecast: RetentionForecast;
}

/**
 * Everything a report shows, computed beforehand: the instants, the decision table of each version (oldest
 * first), the diffs between consecutive versions, article titles, and the records' forecast if any were given.
 */
export interface ReportModel {
  readonly generatedAt: Date;
  readonly at: Date;
  readonly tables: readonly DecisionTable[];
  readonly diffs: readonly TermsDiff[];
  readonly titles: ArticleTitles;
  readonly records?: ReportRecords | undefined;
}

const STATES: readonly RetentionState[] = ['within-period', 'extended', 'expired', 'not-applicable'];

const p = (text: string, className = 'note') => `<p class="${className}">${escapeHtml(text)}</p>`;
const h2 = (id: string, text: string) => `<h2 id="${id}">${escapeHtml(text)}</h2>`;

function summary(model: ReportModel, labels: Labels): string {
  const rows: [string, string][] = [
    [labels.generatedAt, formatJst(model.generatedAt)],
    [labels.forecastAt, formatJst(model.at)],
    ...model.tables.map((t): [string, string] => [
      `${labels.versions}: ${t.terms}`,
      `${labels.effectiveFrom} ${formatJst(t.at)} · ${labels.cells}: ${t.cells.length}`,
    ]),
    ...model.diffs.map((d): [string, string] => [
      labels.diffTitle(d.before, d.after),
      `${labels.compared}: ${d.compared} · ${labels.changed}: ${d.cells.length}`,
    ]),
  ];
  const { records } = model;
  if (records)
    rows.push(
      [labels.records, `${records.input}: ${records.forecast.records}`],
      [labels.malformed, String(records.malformed)],
    );
  const body = rows.map(
    ([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`,
  );
  const table = `<table class="summary"><tbody>${body.join('')}</tbody></table>`;
  return [h2('summary', labels.summary), table, records ? '' : p(labels.noRecords)].join('\n');
}

function forecastSection(records: ReportRecords | undefined, labels: Labels): string {
  const parts = [h2('forecast', labels.forecastTitle)];
  if (!records) return [...parts, p(labels.noRecords)].join('\n');
  const f = records.forecast;
  parts.push(
    p(`${labels.forecastAt}: ${formatJst(f.at)}`, 'meta'),
    `<div class="scroll">${barChart(f.months, {
      title: labels.chartTitle(f.months.length),
      x: labels.monthAxis,
      y: labels.countAxis,
    })}</div>`,
    p(labels.later(f.later)),
    p(labels.openEnded(f.openEnded)),
  );
  if (f.openEndedIds.length > 0) {
    const more = f.openEnded - f.openEndedIds.length;
    const items = f.openEndedIds.map((id) => `<li>${escapeHtml(id)}</li>`);
    if (more > 0) items.push(`<li>${escapeHtml(labels.more(more))}</li>`);
    parts.push(
      `<details id="open-ended"><summary>${escapeHtml(labels.openEndedIds)}</summary><div><ul>${items.join('')}</ul></div></details>`,
    );
  }
  parts.push(
    `<h3>${escapeHtml(labels.byState)}</h3>`,
    htmlTable(
      [labels.state1, { text: labels.count, className: 'n' }],
      STATES.map((s) => ({
        row: { text: '', data: { state: s } },
        cells: [labels.state[s], { text: String(f.states[s]), className: 'n' }],
      })),
      { className: 'states' },
    ),
  );
  return parts.join('\n');
}

function tablesSection(tables: readonly DecisionTable[], labels: Labels): string {
  return [
    h2('tables', labels.tablesTitle),
    ...tables.map(
      (t) =>
        `<details data-terms="${escapeHtml(t.terms)}"><summary>${escapeHtml(labels.tableCells(t.terms, t.cells.length))}</summary>\n` +
        `${p(`${labels.decidedAt}: ${formatJst(t.at)}`, 'meta')}\n<div class="scroll">${cellsHtml(t.cells, labels)}</div></details>`,
    ),
  ].join('\n');
}

/**
 * Renders the report as one self-contained HTML document in `locale`: no script, no external asset, inline CSS,
 * UTF-8, `lang` set. A summary; the retention forecast (an SVG bar chart of records falling due per JST month, the
 * records due later or held without an end, and the count per retention state) when records were given; each
 * diff's counts by article with its changed cells collapsed; each version's decision table collapsed. Every text
 * is HTML-escaped.
 *
 * @example
 * renderReport({ generatedAt, at, tables, diffs, titles: {} }, 'ja').includes('<html lang="ja">') //=> true
 */
export function renderReport(model: ReportModel, locale: Locale): string {
  const labels = labelsFor(locale);
  const sections: readonly (readonly [string, string])[] = [
    ['summary', labels.summary],
    ['forecast', labels.forecastTitle],
    ['diffs', labels.diffsTitle],
    ['tables', labels.tablesTitle],
  ];
  const nav = sections.map(([id, text]) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`).join('');
  const body = [
    `<h1>${escapeHtml(labels.reportTitle)}</h1>`,
    `<nav aria-label="${escapeHtml(labels.contents)}"><ul>${nav}</ul></nav>`,
    summary(model, labels),
    forecastSection(model.records, labels),
    h2('diffs', labels.diffsTitle),
    ...model.diffs.map((d) => diffHtml(d, labels, model.titles, 3)),
    tablesSection(model.tables, labels),
  ];
  return htmlDocument(labels.reportTitle, locale, body.join('\n'));
}
