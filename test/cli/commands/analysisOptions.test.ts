import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { DEFAULT_TERMS } from 'm2m-data-policy';
import { afterAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args.js';
import {
  articleTitles,
  formatOption,
  termsVersionArg,
  writeOutput,
} from '../../../src/cli/commands/analysisOptions.js';
import type { Io } from '../../../src/cli/io.js';

const dir = mkdtempSync(join(tmpdir(), 'm2m-output-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Streams that keep what is written to them. */
function io(): Io & { out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on('data', (c: Buffer) => chunks.out.push(c));
  stderr.on('data', (c: Buffer) => chunks.err.push(c));
  return {
    stdin: new PassThrough(),
    stdout,
    stderr,
    out: () => Buffer.concat(chunks.out).toString('utf8'),
    err: () => Buffer.concat(chunks.err).toString('utf8'),
  };
}

describe('termsVersionArg', () => {
  it('finds a shipped version by its id', () => {
    expect(termsVersionArg('2017-04-01', '<version>')).toBe(DEFAULT_TERMS[0]);
  });

  it('refuses an unknown or missing id, listing the shipped ones', () => {
    expect(() => termsVersionArg('2019-01-01', '<version>')).toThrow(
      new UsageError("unknown terms version '2019-01-01'; versions: 2017-04-01, 2020-12-01"),
    );
    expect(() => termsVersionArg(undefined, '<before>')).toThrow(
      new UsageError('<before> is required; versions: 2017-04-01, 2020-12-01'),
    );
  });
});

describe('formatOption', () => {
  it('reads md, csv, json and html, Markdown by default, and refuses anything else', () => {
    expect(formatOption(undefined)).toBe('md');
    for (const f of ['md', 'csv', 'json', 'html']) expect(formatOption(f)).toBe(f);
    expect(() => formatOption('xlsx')).toThrow(
      new UsageError("--format must be one of md, csv, json, html, not 'xlsx'"),
    );
  });
});

describe('articleTitles', () => {
  it("titles the articles in the locale, the newer version's title winning", () => {
    expect(articleTitles(DEFAULT_TERMS, 'en')[13]).toBe('Use of measurement data');
    expect(articleTitles(DEFAULT_TERMS, 'ja')[13]).toBe('計測データの使用');
  });
});

describe('writeOutput', () => {
  it('writes the text to stdout as it is, multi-byte characters whole across chunks', async () => {
    const streams = io();
    const text = `${'規約第13条 → permit\r\n'.repeat(20_000)}end\n`;
    expect(await writeOutput(text, undefined, streams, 'table')).toBe(0);
    expect(streams.out()).toBe(text);
  });

  it('writes the text to --out, nothing to stdout', async () => {
    const streams = io();
    const path = join(dir, 'out.md');
    expect(await writeOutput('# title\n', path, streams, 'table')).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe('# title\n');
    expect(streams.out()).toBe('');
  });

  it('exits 70 with the reason when --out cannot be written', async () => {
    const streams = io();
    expect(await writeOutput('x\n', join(dir, 'no/such/dir/out.md'), streams, 'diff')).toBe(70);
    expect(streams.err()).toMatch(/^m2m-data-policy diff: cannot write '.*no\/such\/dir\/out\.md': ENOENT/);
  });
});
