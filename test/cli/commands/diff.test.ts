import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../report/parseCsv.js';
import { cli } from '../runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'm2m-diff-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CHANGE_KINDS = ['deny-to-permit', 'permit-to-deny', 'reasons', 'basis', 'obligations'];

// The built command in a child process; each diff of the shipped versions takes over a second, so each format is
// run once.
describe.concurrent('m2m-data-policy diff', { timeout: 60_000 }, () => {
  it('prints its help with --help and with help diff', async () => {
    const r = await cli(['diff', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: m2m-data-policy diff <before> <after> /);
    expect((await cli(['help', 'diff'])).stdout).toBe(r.stdout);
  });

  it('writes Markdown by default: the totals, the counts by article, a section per article', async () => {
    const r = await cli(['diff', '2017-04-01', '2020-12-01', '--locale', 'en']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout.split('\n')[0]).toBe('# Changes from the 2017-04-01 terms to the 2020-12-01 terms');
    expect(r.stdout).toMatch(/^\| cells compared \| \d+ \|$/m);
    expect(r.stdout).toMatch(/^\| deny → permit \| \d+ \|$/m);
    expect(r.stdout).toContain('## Changes by article');
    expect(r.stdout).toContain('## Art. 13 (Use of measurement data)');
  });

  it('writes the changed cells as CSV, in Japanese by default, each with its article and both decisions', async () => {
    const r = await cli(['diff', '2017-04-01', '2020-12-01', '--format', 'csv']);
    expect(r.code).toBe(0);
    const [head, ...rows] = parseCsv(r.stdout);
    expect(head?.slice(0, 3)).toEqual(['条', '変更', 'データ種別']);
    expect(head).toContain('変更前: 判断');
    expect(head).toContain('変更後: 根拠');
    expect(rows.length).toBeGreaterThan(1000);
    expect(rows.every((row) => row.length === 18)).toBe(true);
    expect(rows.some((row) => row[1] === '不許可 → 許可' && row[8] === '不許可' && row[13] === '許可')).toBe(
      true,
    );
  });

  it('writes JSON to --out: totals whose counts add up by article', async () => {
    const out = join(dir, 'diff.json');
    const r = await cli(['diff', '2017-04-01', '2020-12-01', '--format', 'json', '--out', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const data = JSON.parse(readFileSync(out, 'utf8')) as {
      compared: number;
      counts: Record<string, number>;
      byArticle: { counts: Record<string, number>; cells: unknown[] }[];
    };
    for (const kind of CHANGE_KINDS)
      expect(data.byArticle.reduce((n, g) => n + (g.counts[kind] ?? 0), 0)).toBe(data.counts[kind]);
    expect(data.byArticle.reduce((n, g) => n + g.cells.length, 0)).toBeLessThanOrEqual(data.compared);
  });

  it('writes a self-contained HTML page with the counts table and collapsed articles', async () => {
    const r = await cli(['diff', '2017-04-01', '2020-12-01', '--format', 'html', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(r.stdout).toContain('<table class="counts" data-before="2017-04-01" data-after="2020-12-01">');
    expect(r.stdout).toContain('<tr data-article="13">');
    expect(r.stdout).not.toMatch(/<script|src=|<details open/);
  });

  it('refuses an unknown version, a missing one, a third one and an unknown format with exit 2', async () => {
    const unknown = await cli(['diff', '2017-04-01', '2021-01-01']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("m2m-data-policy diff: unknown terms version '2021-01-01'");
    const missing = await cli(['diff', '2017-04-01']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('<after> is required');
    expect(await cli(['diff', '2017-04-01', '2020-12-01', '2020-12-01'])).toMatchObject({ code: 2 });
    const format = await cli(['diff', '2017-04-01', '2020-12-01', '--format', 'pdf']);
    expect(format).toMatchObject({ code: 2, stdout: '' });
    expect(format.stderr).toContain("--format must be one of md, csv, json, html, not 'pdf'");
  });
});
