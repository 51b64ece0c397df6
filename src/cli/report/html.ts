/**
 * The HTML the renderers share: a self-contained document (inline CSS, no script, no external asset, a policy
 * that forbids loading any) and tables whose every text is escaped.
 *
 * @module
 */
import type { Locale } from 'm2m-data-policy';
import { escapeHtml } from './escape.js';

// The page loads nothing: styles are inline and the policy says so, so a browser that opens the file from disk
// makes no request beyond it (the report test checks this).
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const STYLE = `
:root { color-scheme: light; --fg: #1b1f23; --muted: #57606a; --line: #d0d7de; --permit: #1a7f37; --deny: #cf222e; --bar: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1240px; padding: 24px; font: 14px/1.5 system-ui, "Noto Sans CJK JP", "Hiragino Sans", sans-serif; color: var(--fg); }
h1 { font-size: 24px; margin: 0 0 16px; }
h2 { font-size: 19px; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 20px 0 8px; }
p.note, p.meta { color: var(--muted); margin: 6px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--line); padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
table.cells { font-size: 12px; }
table.cells td { white-space: nowrap; }
td.permit { color: var(--permit); font-weight: 600; }
td.deny { color: var(--deny); font-weight: 600; }
details { margin: 6px 0; }
summary { cursor: pointer; font-weight: 600; }
details > table, details > div { margin-left: 16px; }
div.scroll { overflow-x: auto; }
nav ul { margin: 4px 0; }
svg text { font: 12px system-ui, "Noto Sans CJK JP", sans-serif; fill: var(--fg); }
svg .title { font-size: 15px; font-weight: 600; }
svg .axis { stroke: var(--fg); }
svg .grid { stroke: var(--line); }
svg rect.bar { fill: var(--bar); }
`;

/**
 * A complete, self-contained HTML document: `lang`, UTF-8, a content security policy that loads nothing, the
 * shared inline CSS, and `body` (already HTML) as its content.
 *
 * @example
 * htmlDocument('Report', 'en', '<h1>Report</h1>').startsWith('<!doctype html>\n<html lang="en">') //=> true
 */
export function htmlDocument(title: string, locale: Locale, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A table cell: its text, and optionally a class (`n` for a count) and data attributes. */
export interface HtmlCell {
  readonly text: string;
  readonly className?: string;
  readonly data?: Readonly<Record<string, string>>;
}

const attributes = (cell: HtmlCell): string =>
  (cell.className ? ` class="${escapeHtml(cell.className)}"` : '') +
  Object.entries(cell.data ?? {})
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');

const cellOf = (c: string | HtmlCell): HtmlCell => (typeof c === 'string' ? { text: c } : c);

/**
 * An HTML table with a header row and body rows, every text escaped. `className` and `data` go on the table;
 * a row may carry data attributes through a leading `{ row: … }`.
 *
 * @example
 * htmlTable(['state', { text: 'records', className: 'n' }], [[{ text: 'a<b' }, { text: '1', className: 'n' }]])
 * //=> '<table><thead><tr><th>state</th><th class="n">records</th></tr></thead><tbody><tr><td>a&lt;b</td><td class="n">1</td></tr></tbody></table>'
 */
export function htmlTable(
  head: readonly (string | HtmlCell)[],
  rows: Iterable<
    | readonly (string | HtmlCell)[]
    | { readonly row: HtmlCell; readonly cells: readonly (string | HtmlCell)[] }
  >,
  table: Omit<HtmlCell, 'text'> = {},
): string {
  const th = head.map((h) => cellOf(h)).map((c) => `<th${attributes(c)}>${escapeHtml(c.text)}</th>`);
  const parts = [`<table${attributes({ text: '', ...table })}><thead><tr>${th.join('')}</tr></thead><tbody>`];
  for (const r of rows) {
    const [tr, cells] = 'row' in r ? [r.row, r.cells] : [{ text: '' }, r];
    const td = cells.map((c) => cellOf(c)).map((c) => `<td${attributes(c)}>${escapeHtml(c.text)}</td>`);
    parts.push(`<tr${attributes(tr)}>${td.join('')}</tr>`);
  }
  parts.push('</tbody></table>');
  return parts.join('');
}
