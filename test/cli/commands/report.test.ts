import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AT, MONTHS, RECORDS, STATES } from '../../fixtures/report/expected.js';
import { cli, cwd, type Run } from '../runCli.js';

// Every report of this file says it was made at 2026-12-01T09:00:00+09:00 (the children inherit the variable).
const EPOCH = '1796083200';
const dir = mkdtempSync(join(tmpdir(), 'm2m-report-'));
process.env.SOURCE_DATE_EPOCH = EPOCH;
afterAll(() => {
  delete process.env.SOURCE_DATE_EPOCH;
  rmSync(dir, { recursive: true, force: true });
});

// One report of the fixture, shared by the tests that read it: each run builds both tables and the diff.
let run: Run;
let html: string;
beforeAll(async () => {
  const out = join(dir, 'report.html');
  run = await cli(['report', RECORDS, '--at', AT, '--locale', 'en', '--out', out]);
  html = readFileSync(out, 'utf8');
}, 60_000);

describe.concurrent('m2m-data-policy report', { timeout: 60_000 }, () => {
  it('prints its help with --help and with help report', async () => {
    const r = await cli(['report', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: m2m-data-policy report \[records.ndjson \| -\] /);
    expect((await cli(['help', 'report'])).stdout).toBe(r.stdout);
  });

  it('writes the report of the fixture to --out and exits 0, saying nothing', () => {
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/);
  });

  it('holds a bar per month from --at with the fixture’s counts, and the count of each state', () => {
    const bars = [...html.matchAll(/<rect class="bar" data-month="([^"]+)" data-count="(\d+)"/g)];
    expect(bars.map(([, m, n]) => [m, Number(n)])).toEqual(MONTHS);
    for (const [state, count] of Object.entries(STATES))
      expect(html).toMatch(new RegExp(`<tr data-state="${state}"><td>[^<]+</td><td class="n">${count}</td>`));
  });

  it('holds the decision table of each shipped version, collapsed, and the diff between them', () => {
    for (const terms of ['2017-04-01', '2020-12-01'])
      expect(html).toMatch(
        new RegExp(`<details data-terms="${terms}"><summary>${terms}: \\d+ cells</summary>`),
      );
    expect(html).toContain('<table class="counts" data-before="2017-04-01" data-after="2020-12-01">');
    expect(html).not.toContain('<details open');
  });

  it('writes to stdout without --out, in Japanese by default, and without records says there is no forecast', async () => {
    const r = await cli(['report', '--at', AT]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<tr><th scope="row">作成日時</th><td>2026-12-01T09:00:00+09:00</td></tr>');
    expect(r.stdout.startsWith('<!doctype html>\n<html lang="ja">')).toBe(true);
    expect(r.stdout).toContain('レコードが指定されていません');
    expect(r.stdout).not.toContain('<svg');
  });

  it('reads records from stdin with -, reports a malformed line on stderr, counts it, and exits 2', async () => {
    const records = readFileSync(join(cwd, RECORDS), 'utf8');
    const r = await cli(
      ['report', '-', '--at', AT, '--locale', 'en'],
      `${records}{"kind":"measurement"\nnot json\n`,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 21:');
    expect(r.stderr).toContain('line 22:');
    expect(r.stdout).toMatch(/Malformed lines[^<]*<\/th><td>2<\/td>/);
    expect(r.stdout).toContain('stdin: 20');
  });

  it('refuses a bad --at, an instant before any terms, a missing file and a second input with exit 2', async () => {
    const bad = await cli(['report', '--at', '2022-02-30T00:00:00+09:00']);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain("--at '2022-02-30T00:00:00+09:00'");
    expect(await cli(['report', '--at', '2016-01-01T00:00:00+09:00'])).toMatchObject({ code: 2, stdout: '' });
    const missing = await cli(['report', join(dir, 'missing.ndjson')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('no such file');
    expect(await cli(['report', RECORDS, RECORDS])).toMatchObject({ code: 2, stdout: '' });
    expect(await cli(['report', '--locale', 'de'])).toMatchObject({ code: 2, stdout: '' });
  });
});
