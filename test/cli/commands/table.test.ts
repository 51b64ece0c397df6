import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../report/parseCsv.js';
import { cli } from '../runCli.js';

const HEAD = 'kind,actor,action,recipient,purpose,case,effect,rule,reasons,basis,obligations';

const dir = mkdtempSync(join(tmpdir(), 'm2m-table-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The built command in a child process; the build runs once, in test/globalSetup.ts. The 2017 version (about 1,400
// cells) is used where the version does not matter: it builds in a fraction of a second.
describe.concurrent('m2m-data-policy table', { timeout: 60_000 }, () => {
  it('prints its help with --help and with help table', async () => {
    const r = await cli(['table', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: m2m-data-policy table <version> /);
    expect(r.stdout).toContain('2017-04-01, 2020-12-01');
    expect((await cli(['help', 'table'])).stdout).toBe(r.stdout);
  });

  it('writes Markdown by default: a title, the instant and count, a table', async () => {
    const r = await cli(['table', '2017-04-01', '--locale', 'en']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('# Decision table of the 2017-04-01 terms');
    expect(lines[2]).toMatch(/^Decided at: 2017-04-01T00:00:00\+09:00 · Cells: \d+$/);
    expect(lines[4]).toBe(`| ${HEAD.split(',').join(' | ')} |`);
  });

  it('writes every cell of the 2020-12-01 table as one CSV record (RFC 4180, CRLF)', async () => {
    const r = await cli(['table', '2020-12-01', '--format', 'csv', '--locale', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(`${HEAD}\r\n`)).toBe(true);
    const rows = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThan(4000);
    expect(rows.every((row) => row.length === 11)).toBe(true);
    // 13(3): raw measurement data never leaves the provider for a third party.
    expect(
      rows.some(
        (row) => row.slice(0, 4).join() === 'measurement,provider,license,third-party' && row[6] === 'Deny',
      ),
    ).toBe(true);
  });

  it('writes JSON: the terms, the instant and the cells as data', async () => {
    const r = await cli(['table', '2017-04-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as {
      terms: string;
      at: string;
      cells: { decision: { effect: string } }[];
    };
    expect(data.terms).toBe('2017-04-01');
    expect(data.at).toBe('2017-04-01T00:00:00+09:00');
    expect(new Set(data.cells.map((c) => c.decision.effect))).toEqual(new Set(['permit', 'deny']));
  });

  it('writes a self-contained HTML page, in Japanese by default, to --out, nothing to stdout', async () => {
    const out = join(dir, 'table.html');
    const r = await cli(['table', '2017-04-01', '--format', 'html', '--out', out]);
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain('<h1>規約(2017-04-01)の判断表</h1>');
    expect(html).toContain('<td class="deny">不許可</td>');
    expect(html).toContain('規約(2017-04-01)第');
    expect(html).not.toMatch(/<script|src=/);
  });

  it('refuses an unknown version with exit 2, listing the shipped ones', async () => {
    const r = await cli(['table', '2019-01-01']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain(
      "m2m-data-policy table: unknown terms version '2019-01-01'; versions: 2017-04-01, 2020-12-01",
    );
  });

  it('refuses an unknown format, a missing version and an unknown language with exit 2', async () => {
    const format = await cli(['table', '2017-04-01', '--format', 'xlsx']);
    expect(format).toMatchObject({ code: 2, stdout: '' });
    expect(format.stderr).toContain("--format must be one of md, csv, json, html, not 'xlsx'");
    const missing = await cli(['table']);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('<version> is required');
    const locale = await cli(['table', '2017-04-01', '--locale', 'fr']);
    expect(locale).toMatchObject({ code: 2, stdout: '' });
    expect(locale.stderr).toContain("--locale must be one of ja, en, not 'fr'");
  });

  it('exits 70 when --out cannot be written', async () => {
    const r = await cli(['table', '2017-04-01', '--out', join(dir, 'missing/table.md')]);
    expect(r.code).toBe(70);
    expect(r.stderr).toContain('m2m-data-policy table: cannot write');
  });
});
