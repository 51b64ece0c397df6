import { type DecisionTable, decisionTable, terms20170401 } from 'm2m-data-policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { labelsFor } from '../../../src/cli/report/labels.js';
import { cellsHtml, renderTable } from '../../../src/cli/report/renderTable.js';
import { parseCsv } from './parseCsv.js';

const HEAD = 'kind,actor,action,recipient,purpose,case,effect,rule,reasons,basis,obligations';

// One table per locale, built once for the file: the 2017 version is the smaller one (about 1,400 cells).
let en: DecisionTable;
let ja: DecisionTable;
beforeAll(() => {
  en = decisionTable(terms20170401, { locale: 'en' });
  ja = decisionTable(terms20170401, { locale: 'ja' });
});

/** A table of one cell whose texts hold everything CSV, Markdown and HTML must escape. */
const awkward = (): DecisionTable => ({
  terms: 'x',
  at: new Date('2020-12-01T00:00:00+09:00'),
  cells: [
    {
      kind: 'measurement',
      actor: 'provider',
      action: 'disclose',
      recipient: 'third-party',
      purpose: 'a,"quoted"|purpose\nwith a line',
      case: { personalData: 'yes', consent: 'data-subject/written' },
      opaque: false,
      decision: {
        effect: 'deny',
        rule: '<rule>',
        reasons: ['r-1', 'r-2'],
        basis: [
          { source: 'terms', article: 13, label: 'Art. 13, "quoted"' },
          { source: 'appi', article: 27, label: 'APPI <27>' },
        ],
        obligations: [],
      },
    },
  ],
});

describe('renderTable', () => {
  it('writes CSV with a header row and one RFC 4180 record per cell, CRLF-ended', () => {
    const csv = renderTable(en, 'csv', 'en');
    expect(csv.startsWith(`${HEAD}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(en.cells.length + 1);
    expect(rows.every((r) => r.length === 11)).toBe(true);
  });

  it('writes a cell as its columns: none for no recipient, any other for an unnamed purpose, the case, labels', () => {
    const rows = parseCsv(renderTable(en, 'csv', 'en'));
    const i = en.cells.findIndex(
      (c) => c.recipient === null && c.purpose === null && Object.keys(c.case).length,
    );
    const cell = en.cells[i];
    expect(cell).toBeDefined();
    const row = rows[i + 1] as string[];
    expect(row.slice(3, 5)).toEqual(['none', 'any other']);
    expect(row[5]).toBe(
      Object.entries(cell?.case ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    );
    expect(row[6]).toBe(cell?.decision.effect === 'permit' ? 'Permit' : 'Deny');
    expect(row[9]).toBe(cell?.decision.basis.map((b) => b.label).join('; '));
  });

  it('quotes CSV fields holding commas, quotes and line breaks, and reads back the same texts', () => {
    const [, row] = parseCsv(renderTable(awkward(), 'csv', 'en'));
    expect(row).toEqual([
      'measurement',
      'provider',
      'disclose',
      'third-party',
      'a,"quoted"|purpose\nwith a line',
      'personalData=yes; consent=data-subject/written',
      'Deny',
      '<rule>',
      'r-1; r-2',
      'Art. 13, "quoted"; APPI <27>',
      '',
    ]);
  });

  it('writes Markdown: a title, the instant and count, and one table row per cell', () => {
    const md = renderTable(en, 'md', 'en');
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('# Decision table of the 2017-04-01 terms');
    expect(lines[2]).toBe(`Decided at: 2017-04-01T00:00:00+09:00 · Cells: ${en.cells.length}`);
    expect(lines[4]).toBe(`| ${HEAD.split(',').join(' | ')} |`);
    expect(lines.filter((l) => l.startsWith('| ')).length).toBe(en.cells.length + 2);
  });

  it('keeps a Markdown row in its cells: pipes escaped, line breaks as spaces', () => {
    const md = renderTable(awkward(), 'md', 'en');
    expect(md).toContain('| a,"quoted"\\|purpose with a line |');
  });

  it('writes JSON: the table as data, its cells equal to decisionTable’s, codes not labels', () => {
    const data = JSON.parse(renderTable(en, 'json', 'en')) as { terms: string; at: string; cells: unknown[] };
    expect(data.terms).toBe('2017-04-01');
    expect(data.at).toBe('2017-04-01T00:00:00+09:00');
    expect(data.cells).toEqual(JSON.parse(JSON.stringify(en.cells)));
  });

  it('writes one self-contained HTML page, every text escaped, effects classed permit or deny', () => {
    const html = renderTable(awkward(), 'html', 'en');
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).not.toMatch(/<script|<rule>|<27>|src=|https?:\/\//);
    expect(html).toContain('<td>&lt;rule&gt;</td>');
    expect(html).toContain('<td class="deny">Deny</td>');
  });

  it('writes headings, effects and citation labels in Japanese with --lang ja', () => {
    const rows = parseCsv(renderTable(ja, 'csv', 'ja'));
    expect(rows[0]).toEqual([
      'データ種別',
      '行為者',
      '行為',
      '提供先',
      '目的',
      '場合',
      '判断',
      'ルール',
      '理由',
      '根拠',
      '義務',
    ]);
    expect(new Set(rows.slice(1).map((r) => r[6]))).toEqual(new Set(['許可', '不許可']));
    expect(rows.slice(1).some((r) => r[9]?.includes('規約(2017-04-01)第'))).toBe(true);
    expect(renderTable(ja, 'md', 'ja').split('\n')[0]).toBe('# 規約(2017-04-01)の判断表');
  });
});

describe('cellsHtml', () => {
  it('gives one table row per cell under a header row', () => {
    const html = cellsHtml(en.cells, labelsFor('en'));
    expect(html.match(/<tr>/g)).toHaveLength(en.cells.length + 1);
  });
});
