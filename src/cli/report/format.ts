/**
 * The output formats of `table` and `diff`.
 *
 * @module
 */

/** The formats `table` and `diff` write, Markdown first (the default). */
export const FORMATS = ['md', 'csv', 'json', 'html'] as const;

/**
 * One output format: a Markdown document, an RFC 4180 CSV table, JSON data, or a self-contained HTML page.
 *
 * @example
 * const format: Format = 'csv';
 */
export type Format = (typeof FORMATS)[number];
