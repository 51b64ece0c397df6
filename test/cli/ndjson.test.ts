import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/input.js';
import {
  describeMalformed,
  type Line,
  type Malformed,
  readLines,
  readRecords,
} from '../../src/cli/ndjson.js';

const RECORD = '{"kind":"provider-content","id":"pc-1","publishedAt":"2021-01-01T00:00:00+09:00"}';

const streamOf = (...chunks: Buffer[]) => Readable.from(chunks, { objectMode: false });

async function linesOf(input: Readable, maxLineBytes?: number): Promise<Line[]> {
  const lines: Line[] = [];
  for await (const line of readLines(input, maxLineBytes === undefined ? {} : { maxLineBytes }))
    lines.push(line);
  return lines;
}

async function recordsOf(
  text: string | Buffer,
): Promise<{ ids: [number, string][]; malformed: Malformed[] }> {
  const malformed: Malformed[] = [];
  const ids: [number, string][] = [];
  const input = streamOf(Buffer.isBuffer(text) ? text : Buffer.from(text));
  for await (const { line, record } of readRecords(readLines(input), (m) => malformed.push(m))) {
    ids.push([line, record.id]);
  }
  return { ids, malformed };
}

describe('readLines', () => {
  it('decodes each line strictly: bytes that are not UTF-8 make an invalid-utf8 line with the 1-based byte', async () => {
    const input = streamOf(
      Buffer.from('m-計\n'),
      Buffer.from([0x6d, 0x2d, 0xff, 0x0a, 0x6d, 0x2d, 0xe8, 0xa8]),
    );
    expect(await linesOf(input)).toEqual([
      { number: 1, text: 'm-計' },
      { number: 2, problem: 'invalid-utf8', byte: 3 },
      { number: 3, problem: 'invalid-utf8', byte: 3 },
    ]);
  });

  it('decodes a character cut across chunks whole', async () => {
    const bytes = Buffer.from('計測\n');
    expect(await linesOf(streamOf(...[...bytes].map((b) => Buffer.from([b]))))).toEqual([
      { number: 1, text: '計測' },
    ]);
  });

  it('gives a line longer than maxLineBytes as line-too-long with the limit, and reads on', async () => {
    expect(await linesOf(streamOf(Buffer.from('abcdef\nabc\n')), 3)).toEqual([
      { number: 1, problem: 'line-too-long', limit: 3 },
      { number: 2, text: 'abc' },
    ]);
  });

  it('turns a failure of the stream into an InputError naming the last line read', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('a\nb\n'));
        this.destroy(new Error('EIO: i/o error, read'));
      },
    });
    await expect(linesOf(failing)).rejects.toThrow(InputError);
  });
});

describe('readRecords', () => {
  it('yields records, skips blank lines, and hands every other line to onMalformed with its kind', async () => {
    const input = Buffer.concat([
      Buffer.from(`${RECORD}\n \t\n{"kind":\n[]\n`),
      Buffer.from([0xff, 0x0a]),
      Buffer.from(`${RECORD.replace('pc-1', 'pc-2')}\n`),
    ]);
    const { ids, malformed } = await recordsOf(input);
    expect(ids).toEqual([
      [1, 'pc-1'],
      [6, 'pc-2'],
    ]);
    expect(malformed.map((m) => [m.line, m.problem])).toEqual([
      [3, 'invalid-json'],
      [4, 'invalid-record'],
      [5, 'invalid-utf8'],
    ]);
    expect(malformed[0]).toEqual({
      line: 3,
      problem: 'invalid-json',
      position: 9,
      reason: 'unexpected end of input',
      message: 'at character 9: unexpected end of input',
    });
  });
});

describe('describeMalformed', () => {
  it.each([
    [{ line: 2, problem: 'line-too-long', limit: 1048576 }, 'line 2: line too long: more than 1048576 bytes'],
    [{ line: 3, problem: 'invalid-utf8', byte: 17 }, 'line 3: invalid UTF-8 at byte 17'],
    [
      {
        line: 4,
        problem: 'invalid-json',
        position: 17,
        reason: 'unexpected character',
        message: 'at character 17: unexpected character',
      },
      'line 4: invalid JSON at character 17: unexpected character',
    ],
    [
      {
        line: 5,
        problem: 'invalid-record',
        issues: [{ path: [], code: 'invalid-type', message: 'Expected an object' }],
      },
      'line 5: invalid record: (root): Expected an object [invalid-type]',
    ],
  ] satisfies [Malformed, string][])('describes %j without quoting the line', (malformed, text) => {
    expect(describeMalformed(malformed)).toEqual([text]);
  });
});
