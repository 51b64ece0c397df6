/**
 * Escaping text for the formats the renderers write: HTML, CSV (RFC 4180) and Markdown table cells.
 *
 * @module
 */

const HTML: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * HTML-escapes text for an element's content or a quoted attribute value: every record id, label and code goes
 * through here, since ids come from the input and are untrusted.
 *
 * @example
 * escapeHtml('<img src=x onerror="alert(1)">') //=> '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c] ?? c);
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF, its quotes doubled. A field that
 * starts with `=`, `+`, `-` or `@` is left as it is: the table's own values are codes and labels, not formulas.
 *
 * @example
 * csvField('a, b') //=> '"a, b"'
 * csvField('say "hi"') //=> '"say ""hi"""'
 * csvField('plain') //=> 'plain'
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV record: its fields escaped and joined by commas, ended by CRLF as RFC 4180 says.
 *
 * @example
 * csvRow(['kind', 'a,b']) //=> 'kind,"a,b"\r\n'
 */
export function csvRow(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/**
 * A Markdown table cell: pipes and backslashes escaped, line breaks as spaces, so a value cannot end its cell or
 * its row.
 *
 * @example
 * mdCell('a|b\nc') //=> 'a\\|b c'
 */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r\n|\r|\n/g, ' ');
}

/**
 * A Markdown table: a header row, the delimiter row, and one row per line; `right` names the columns (by index)
 * aligned right, the counts.
 *
 * @example
 * mdTable(['state', 'records'], [['expired', '1']], [1])
 * //=> '| state | records |\n| --- | ---: |\n| expired | 1 |\n'
 */
export function mdTable(
  head: readonly string[],
  rows: Iterable<readonly string[]>,
  right: readonly number[] = [],
): string {
  const line = (cells: readonly string[]) => `| ${cells.map(mdCell).join(' | ')} |\n`;
  let out = line(head) + line(head.map((_, i) => (right.includes(i) ? '---:' : '---')));
  for (const row of rows) out += line(row);
  return out;
}
