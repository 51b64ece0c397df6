import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CellDecision, type DecisionTable, parseRecord, type TermsDiff } from 'm2m-data-policy';
import { describe, expect, it } from 'vitest';
import { forecast } from '../../../src/cli/report/forecast.js';
import { type ReportModel, renderReport } from '../../../src/cli/report/renderReport.js';
import { AT, HOSTILE_ID, MONTHS, RECORDS, STATES } from '../../fixtures/report/expected.js';
import { cwd } from '../runCli.js';

// A small model: two one-cell tables and a one-cell diff stand in for the shipped versions' thousands, so the
// page's structure is tested without seconds of analysis (the built report is tested in test/cli/commands).

const permit: CellDecision = {
  effect: 'permit',
  rule: '13-2-1/user',
  reasons: ['user-may-use-measurement-data'],
  basis: [
    { source: 'terms', terms: '2020-12-01', article: 13, paragraph: 2, item: 1, label: 'Art. 13(2)(1)' },
  ],
  obligations: [],
};
const deny: CellDecision = { ...permit, effect: 'deny', rule: 'default-deny', reasons: ['not-granted'] };
const key = {
  kind: 'measurement',
  actor: 'user',
  action: 'use',
  recipient: null,
  purpose: null,
  case: {},
} as const;

const table = (terms: string, decision: CellDecision): DecisionTable => ({
  terms,
  at: new Date(`${terms}T00:00:00+09:00`),
  cells: [{ ...key, opaque: false, decision }],
});

const diff: TermsDiff = {
  before: '2017-04-01',
  after: '2020-12-01',
  compared: 1,
  counts: { 'deny-to-permit': 1, 'permit-to-deny': 0, reasons: 0, basis: 0, obligations: 0 },
  cells: [{ ...key, change: 'deny-to-permit', before: deny, after: permit }],
  byArticle: [
    {
      article: 13,
      counts: { 'deny-to-permit': 1, 'permit-to-deny': 0, reasons: 0, basis: 0, obligations: 0 },
      cells: [{ ...key, change: 'deny-to-permit', before: deny, after: permit }],
    },
  ],
};

const fixture = readFileSync(join(cwd, RECORDS), 'utf8')
  .trimEnd()
  .split('\n')
  .map((line) => parseRecord(JSON.parse(line)));

const model = (withRecords: boolean): ReportModel => ({
  generatedAt: new Date('2026-12-01T09:00:00+09:00'),
  at: new Date(AT),
  tables: [table('2017-04-01', deny), table('2020-12-01', permit)],
  diffs: [diff],
  titles: { 13: 'Use of measurement data' },
  records: withRecords
    ? { input: 'records<1>.ndjson', malformed: 2, forecast: forecast(fixture, new Date(AT)) }
    : undefined,
});

describe('renderReport', () => {
  const html = renderReport(model(true), 'en');

  it('is one self-contained page: UTF-8, lang, inline CSS, no script and nothing loaded from elsewhere', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|src=/i);
    // The only URL is the SVG namespace, which names and loads nothing; links are to the page's own sections.
    expect(html.match(/https?:\/\/[^"]*/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(html.match(/href="([^"]*)"/g)?.every((h) => h.startsWith('href="#'))).toBe(true);
  });

  it('shows a bar per month of the forecast, with the fixture’s counts', () => {
    const bars = [...html.matchAll(/<rect class="bar" data-month="([^"]+)" data-count="(\d+)"/g)];
    expect(bars.map(([, m, n]) => [m, Number(n)])).toEqual(MONTHS);
  });

  it('counts the records by state, and says which fall due later or without an end', () => {
    for (const [state, count] of Object.entries(STATES))
      expect(html).toMatch(new RegExp(`<tr data-state="${state}"><td>[^<]+</td><td class="n">${count}</td>`));
    expect(html).toContain('1 record(s) fall due after the last month shown.');
    expect(html).toContain(
      '1 record(s) are held under an extension without an end: no month is counted for them.',
    );
  });

  it('escapes record ids and the input name: they come from the input', () => {
    expect(html).toContain(
      '<li>ext/open-ended/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;</li>',
    );
    expect(html).not.toContain(HOSTILE_ID);
    expect(html).toContain('records&lt;1&gt;.ndjson: 20');
  });

  it('reports the malformed lines in the summary', () => {
    expect(html).toMatch(/Malformed lines[^<]*<\/th><td>2<\/td>/);
  });

  it('collapses each decision table and each article of a diff in a closed <details>', () => {
    expect(html).toContain('<details data-terms="2017-04-01"><summary>2017-04-01: 1 cells</summary>');
    expect(html).toContain('<details data-terms="2020-12-01"><summary>2020-12-01: 1 cells</summary>');
    expect(html).toContain(
      '<details><summary>Art. 13 (Use of measurement data): 1 changed cell(s)</summary>',
    );
    expect(html).not.toContain('<details open');
  });

  it('gives the diff’s counts by article as data', () => {
    expect(html).toContain('<table class="counts" data-before="2017-04-01" data-after="2020-12-01">');
    expect(html).toContain(
      '<tr data-article="13"><td>Art. 13 (Use of measurement data)</td><td class="n" data-change="deny-to-permit">1</td>',
    );
  });

  it('says there is no forecast, and draws no chart, without records', () => {
    const bare = renderReport(model(false), 'en');
    expect(bare).not.toContain('<svg');
    expect(bare).toContain('No records were given');
  });

  it('writes every heading in Japanese with --lang ja', () => {
    const ja = renderReport(model(true), 'ja');
    expect(ja).toContain('<html lang="ja">');
    const headings = [...ja.matchAll(/<(h[1-4]|summary|th)[^>]*>([^<]*)</g)].map(
      ([, , text]) => text as string,
    );
    expect(headings.length).toBeGreaterThan(20);
    const english = headings.filter((t) => /[a-z]{4,}/i.test(t) && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(t));
    expect(english).toEqual([]);
    expect(ja).toContain('<h2 id="forecast">保有期間の予測（第13条第4項）</h2>');
  });
});
