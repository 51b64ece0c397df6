import {
  type CellChange,
  DEFAULT_TERMS,
  diffTerms,
  type TermsDiff,
  terms20170401,
  terms20201201,
} from 'm2m-data-policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleTitles } from '../../../src/cli/commands/analysisOptions.js';
import { CELL_CHANGES } from '../../../src/cli/report/labels.js';
import { renderDiff } from '../../../src/cli/report/renderDiff.js';
import { parseCsv } from './parseCsv.js';

// The diff of the shipped versions, built once for the file (about a second).
let diff: TermsDiff;
let md: string;
beforeAll(() => {
  diff = diffTerms(terms20170401, terms20201201, { locale: 'en' });
  md = renderDiff(diff, 'md', 'en', articleTitles(DEFAULT_TERMS, 'en'));
});

describe('renderDiff', () => {
  it('writes Markdown totals: cells compared, changed, and the count of each kind of change', () => {
    expect(md.split('\n')[0]).toBe('# Changes from the 2017-04-01 terms to the 2020-12-01 terms');
    expect(md).toContain(`| cells compared | ${diff.compared} |`);
    expect(md).toContain(`| cells changed | ${diff.cells.length} |`);
    expect(md).toContain(`| deny → permit | ${diff.counts['deny-to-permit']} |`);
    expect(md).toContain(`| permit → deny | ${diff.counts['permit-to-deny']} |`);
  });

  it('writes a Markdown counts row and a section per article, titled, with each changed cell (13: use of measurement data)', () => {
    const art13 = diff.byArticle.find((g) => g.article === 13);
    expect(art13).toBeDefined();
    const counts = CELL_CHANGES.map((c) => art13?.counts[c]).join(' | ');
    expect(md).toContain(`| Art. 13 (Use of measurement data) | ${counts} | ${art13?.cells.length} |`);
    expect(md.match(/^## Art\. \d+ /gm)).toHaveLength(
      diff.byArticle.filter((g) => g.article !== null).length,
    );
    const rows = md
      .split('\n')
      .filter((l) => /^\| (deny → permit|permit → deny|reasons|basis|obligations) \| [a-z]/.test(l));
    expect(rows).toHaveLength(diff.cells.length);
  });

  it('writes CSV: one RFC 4180 record per changed cell, with its article and both decisions', () => {
    const rows = parseCsv(renderDiff(diff, 'csv', 'en'));
    expect(rows[0]?.slice(0, 3)).toEqual(['article', 'change', 'kind']);
    expect(rows[0]).toContain('before: effect');
    expect(rows[0]).toContain('after: obligations');
    expect(rows).toHaveLength(diff.cells.length + 1);
    expect(rows.every((r) => r.length === 18)).toBe(true);
    const byChange = new Map<string, number>();
    for (const r of rows.slice(1)) byChange.set(r[1] as string, (byChange.get(r[1] as string) ?? 0) + 1);
    expect(byChange.get('deny → permit')).toBe(diff.counts['deny-to-permit']);
  });

  it('writes JSON: the totals and each article’s counts and cells, each changed cell once', () => {
    const data = JSON.parse(renderDiff(diff, 'json', 'en')) as {
      compared: number;
      counts: Record<CellChange, number>;
      byArticle: { article: number | null; counts: Record<CellChange, number>; cells: unknown[] }[];
    };
    expect(data).toMatchObject({ before: '2017-04-01', after: '2020-12-01', compared: diff.compared });
    expect(data.counts).toEqual(diff.counts);
    expect(data).not.toHaveProperty('cells');
    expect(data.byArticle).toEqual(JSON.parse(JSON.stringify(diff.byArticle)));
  });

  it('writes an HTML page whose counts table carries each article’s counts as data', () => {
    const html = renderDiff(diff, 'html', 'en');
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    for (const g of diff.byArticle) {
      const row = html.match(new RegExp(`<tr data-article="${g.article ?? 'none'}">(.*?)</tr>`))?.[1] ?? '';
      for (const c of CELL_CHANGES) expect(row).toContain(`data-change="${c}">${g.counts[c]}<`);
    }
    expect(html.match(/<details>/g)).toHaveLength(diff.byArticle.length);
    expect(html).not.toContain('<details open');
  });

  it('writes headings and kinds of change in Japanese with --lang ja', () => {
    const ja = renderDiff(diff, 'md', 'ja', articleTitles(DEFAULT_TERMS, 'ja'));
    expect(ja.split('\n')[0]).toBe('# 規約(2017-04-01)から規約(2020-12-01)への変更');
    expect(ja).toContain('| 比較したセル |');
    expect(ja).toContain('## 第13条（計測データの使用）');
    expect(ja).toContain('| 不許可 → 許可 |');
  });
});
