/**
 * The decision-level old/new table of two terms versions rendered as Markdown, CSV, JSON or HTML.
 *
 * @module
 */
import type { ArticleChanges, ChangedCell, Locale, TermsDiff } from 'm2m-data-policy';
import { decisionColumns, keyColumns } from './cellText.js';
import { csvRow, escapeHtml, mdTable } from './escape.js';
import type { Format } from './format.js';
import { type HtmlCell, htmlDocument, htmlTable } from './html.js';
import { CELL_CHANGES, type Labels, labelsFor, TABLE_COLUMNS } from './labels.js';

/** Article titles by number, in the locale of the rendering (the newer version's where both have one). */
export type ArticleTitles = Readonly<Record<number, string>>;

const DECISION_COLUMNS = TABLE_COLUMNS.slice(TABLE_COLUMNS.indexOf('effect'));
const KEY_COLUMNS = TABLE_COLUMNS.slice(0, TABLE_COLUMNS.indexOf('effect'));

/** The columns of a changed cell: the change, the cell's place and case, the decision before and after. */
const changedHead = (labels: Labels): string[] => [
  labels.change1,
  ...KEY_COLUMNS.map((c) => labels.columns[c]),
  ...DECISION_COLUMNS.map((c) => `${labels.before}: ${labels.columns[c]}`),
  ...DECISION_COLUMNS.map((c) => `${labels.after}: ${labels.columns[c]}`),
];

const changedRow = (cell: ChangedCell, labels: Labels): string[] => [
  labels.change[cell.change],
  ...keyColumns(cell, labels),
  ...decisionColumns(cell.before, labels),
  ...decisionColumns(cell.after, labels),
];

const articleName = (group: ArticleChanges, labels: Labels, titles: ArticleTitles): string =>
  labels.articleName(group.article, group.article === null ? undefined : titles[group.article]);

const countsHead = (labels: Labels): string[] => [
  labels.article,
  ...CELL_CHANGES.map((c) => labels.change[c]),
  labels.total,
];

const totalOf = (group: ArticleChanges): number => group.cells.length;

const EFFECT_BEFORE = 1 + KEY_COLUMNS.length;
const EFFECT_AFTER = EFFECT_BEFORE + DECISION_COLUMNS.length;

/**
 * A diff as an HTML fragment: its title (at heading `level`), the totals, the counts by article (a
 * `<table class="counts">` whose rows carry `data-article` and whose counts carry `data-change`), and each
 * article's changed cells with both decisions in a collapsed `<details>`.
 *
 * @example
 * diffHtml(diffTerms(terms20170401, terms20201201), labelsFor('en'), {}, 2).startsWith('<h2>') //=> true
 */
export function diffHtml(diff: TermsDiff, labels: Labels, titles: ArticleTitles, level: number): string {
  const h = (n: number, text: string) => `<h${n}>${escapeHtml(text)}</h${n}>`;
  const n = (value: number, change?: string): HtmlCell => ({
    text: String(value),
    className: 'n',
    ...(change === undefined ? {} : { data: { change } }),
  });
  const parts = [
    h(level, labels.diffTitle(diff.before, diff.after)),
    htmlTable(
      [labels.totals, { text: labels.count, className: 'n' }],
      [
        [labels.compared, n(diff.compared)],
        [labels.changed, n(diff.cells.length)],
        ...CELL_CHANGES.map((c) => [labels.change[c], n(diff.counts[c], c)]),
      ],
      { className: 'totals' },
    ),
    h(level + 1, labels.byArticle),
    htmlTable(
      countsHead(labels).map((text, i) => (i === 0 ? text : { text, className: 'n' })),
      diff.byArticle.map((g) => ({
        row: { text: '', data: { article: g.article === null ? 'none' : String(g.article) } },
        cells: [
          articleName(g, labels, titles),
          ...CELL_CHANGES.map((c) => n(g.counts[c], c)),
          n(totalOf(g), 'total'),
        ],
      })),
      { className: 'counts', data: { before: diff.before, after: diff.after } },
    ),
  ];
  for (const g of diff.byArticle) {
    const rows = g.cells.map((cell) =>
      changedRow(cell, labels).map(
        (text, i): HtmlCell =>
          i === EFFECT_BEFORE
            ? { text, className: cell.before.effect }
            : i === EFFECT_AFTER
              ? { text, className: cell.after.effect }
              : { text },
      ),
    );
    parts.push(
      `<details><summary>${escapeHtml(`${articleName(g, labels, titles)}: ${labels.changedCells(totalOf(g))}`)}</summary>`,
      `<div class="scroll">${htmlTable(changedHead(labels), rows, { className: 'cells' })}</div></details>`,
    );
  }
  return parts.join('\n');
}

/**
 * Renders a `diffTerms` result in a format, with headings, effects and kinds of change in `locale` (the citation
 * labels are the diff's own: compute it with the same locale). Markdown and HTML give the totals, the counts by
 * article and each article's changed cells with both decisions; CSV is one RFC 4180 table of the changed cells,
 * each with its article; JSON is the diff as data, each changed cell once, under its article.
 *
 * @example
 * renderDiff(diffTerms(terms20170401, terms20201201), 'md', 'en').split('\n')[0]
 * //=> '# Changes from the 2017-04-01 terms to the 2020-12-01 terms'
 */
export function renderDiff(
  diff: TermsDiff,
  format: Format,
  locale: Locale,
  titles: ArticleTitles = {},
): string {
  const labels = labelsFor(locale);
  switch (format) {
    case 'md': {
      const parts = [
        `# ${labels.diffTitle(diff.before, diff.after)}\n`,
        mdTable(
          [labels.totals, labels.count],
          [
            [labels.compared, String(diff.compared)],
            [labels.changed, String(diff.cells.length)],
            ...CELL_CHANGES.map((c) => [labels.change[c], String(diff.counts[c])]),
          ],
          [1],
        ),
        `## ${labels.byArticle}\n`,
        mdTable(
          countsHead(labels),
          diff.byArticle.map((g) => [
            articleName(g, labels, titles),
            ...CELL_CHANGES.map((c) => String(g.counts[c])),
            String(totalOf(g)),
          ]),
          CELL_CHANGES.map((_, i) => i + 1).concat(CELL_CHANGES.length + 1),
        ),
      ];
      for (const g of diff.byArticle) {
        const counts = CELL_CHANGES.map((c) => `${labels.change[c]}: ${g.counts[c]}`).join(' · ');
        parts.push(
          `## ${articleName(g, labels, titles)}\n`,
          `${counts}\n`,
          mdTable(
            changedHead(labels),
            g.cells.map((c) => changedRow(c, labels)),
          ),
        );
      }
      return parts.join('\n');
    }
    case 'csv':
      return (
        csvRow([labels.article, ...changedHead(labels)]) +
        diff.byArticle
          .flatMap((g) =>
            g.cells.map((c) =>
              csvRow([g.article === null ? '' : String(g.article), ...changedRow(c, labels)]),
            ),
          )
          .join('')
      );
    case 'json': {
      const { cells: _, byArticle, ...totals } = diff;
      const groups = byArticle.map(
        ({ cells, ...group }) =>
          `${JSON.stringify(group).slice(0, -1)},"cells":[\n${cells.map((c) => JSON.stringify(c)).join(',\n')}\n]}`,
      );
      return `${JSON.stringify(totals).slice(0, -1)},"byArticle":[\n${groups.join(',\n')}\n]}\n`;
    }
    case 'html':
      return htmlDocument(
        labels.diffTitle(diff.before, diff.after),
        locale,
        diffHtml(diff, labels, titles, 1),
      );
  }
}
