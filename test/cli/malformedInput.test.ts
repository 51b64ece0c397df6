import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cli, cwd } from './runCli.js';

// Malformed NDJSON lines as the built command meets them: too long, not UTF-8, not JSON. Each is reported on stderr
// with its line number and what is wrong — never its content — and the lines after it are read on.

const SAMPLE = 'examples/data/sample-records.ndjson';
const AT = '2021-06-01T10:00:00+09:00';
const CHECK = ['check', '--action', 'process', '--at', AT];
const sample = readFileSync(join(cwd, SAMPLE), 'utf8');
const sampleLine = (n: number): string => sample.split('\n')[n - 1] ?? '';
const MB = 1024 * 1024;

/** The line numbers and ids of the decisions `check` wrote. */
const decided = (stdout: string): [unknown, unknown][] =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { line: unknown; id: unknown })
    .map((d) => [d.line, d.id]);

/** The first sample record with another id, written out as JSON but for the id's own bytes. */
function recordWithIdBytes(id: Buffer): { bytes: Buffer; idAt: number } {
  const [head, tail] = sampleLine(1).split('kanto-sub-07/leak/2021-03-15T10:00') as [string, string];
  return { bytes: Buffer.concat([Buffer.from(head), id, Buffer.from(tail)]), idAt: Buffer.byteLength(head) };
}

/** `size` bytes of one line, made on demand in chunks of 1 MiB, so the test holds none of it either. */
function longLine(size: number): Generator<Buffer> {
  return (function* () {
    const chunk = Buffer.alloc(MB, 'x');
    for (let left = size; left > 0; left -= MB) yield left >= MB ? chunk : chunk.subarray(0, left);
  })();
}

describe.concurrent('line length', () => {
  it('reports a 3 MB line as too long under the default limit of 1048576 bytes, and decides the lines around it', async () => {
    const big = recordWithIdBytes(Buffer.alloc(3 * MB, 'x')).bytes;
    const r = await cli(
      CHECK,
      Buffer.concat([Buffer.from(`${sampleLine(1)}\n`), big, Buffer.from(`\n${sampleLine(2)}\n`)]),
    );
    expect(r.code).toBe(2);
    expect(decided(r.stdout)).toEqual([
      [1, 'kanto-sub-07/leak/2021-03-15T10:00'],
      [3, 'kanto-sub-07/outage/2021-05-20T02:13'],
    ]);
    expect(r.stderr).toBe(
      'line 2: line too long: more than 1048576 bytes\ncheck: 2 records decided (2 permit, 0 deny), 1 malformed line\n',
    );
  });

  it('reads a 3 MB record whole when --max-line-bytes raises the limit to 4194304', async () => {
    const big = recordWithIdBytes(Buffer.alloc(3 * MB, 'x')).bytes;
    const r = await cli([...CHECK, '--max-line-bytes', '4194304'], big);
    expect(r.code).toBe(0);
    expect(decided(r.stdout)).toEqual([[1, 'x'.repeat(3 * MB)]]);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ])(
    'takes a line of exactly --max-line-bytes bytes (%s not counted) and reports one byte more as too long',
    async (_, eol) => {
      const input = sample.split('\n').join(eol);
      // The sample's lines are 247, 234, 238, 173, 202 and 157 bytes long.
      const r = await cli([...CHECK, '--max-line-bytes', '234'], input);
      expect(r.code).toBe(2);
      expect(decided(r.stdout).map(([line]) => line)).toEqual([2, 4, 5, 6]);
      expect(r.stderr).toBe(
        [
          'line 1: line too long: more than 234 bytes',
          'line 3: line too long: more than 234 bytes',
          'check: 4 records decided (3 permit, 1 deny), 2 malformed lines',
          '',
        ].join('\n'),
      );
      const tighter = await cli([...CHECK, '--max-line-bytes', '233'], input);
      expect(decided(tighter.stdout).map(([line]) => line)).toEqual([4, 5, 6]);
    },
  );

  it('drops a 64 MB line without holding it: within a 32 MB heap, in seconds, and the next line is read', async () => {
    const input = Readable.from(
      (function* () {
        yield Buffer.from(`${sampleLine(1)}\n`);
        yield* longLine(64 * MB);
        yield Buffer.from(`\n${sampleLine(2)}`);
      })(),
    );
    const started = performance.now();
    const r = await cli(CHECK, input, { nodeFlags: ['--max-old-space-size=32'] });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(2);
    expect(decided(r.stdout).map(([line]) => line)).toEqual([1, 3]);
    expect(r.stderr).toMatch(/^line 2: line too long: more than 1048576 bytes\n/);
  }, 20_000);

  it('counts a line longer than --max-line-bytes as malformed in the retention table', async () => {
    const r = await cli(
      ['retention', '--at', '2022-03-16T00:00:00+09:00', '--max-line-bytes', '240'],
      sample,
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('kept             5  2022-05-21T00:00:00+09:00\n');
    expect(r.stdout).toContain('malformed        1\n');
    expect(r.stderr).toBe('line 1: line too long: more than 240 bytes\n');
  });
});

describe.concurrent('UTF-8', () => {
  it('reports lines that are not UTF-8 with the byte where decoding fails, so ids that differ only in bad bytes never read as one', async () => {
    const a = recordWithIdBytes(Buffer.from([0x6d, 0x2d, 0xff]));
    const b = recordWithIdBytes(Buffer.from([0x6d, 0x2d, 0xfe]));
    const r = await cli(
      CHECK,
      Buffer.concat([a.bytes, Buffer.from('\n'), b.bytes, Buffer.from(`\n${sampleLine(2)}\n`)]),
    );
    expect(r.code).toBe(2);
    expect(decided(r.stdout)).toEqual([[3, 'kanto-sub-07/outage/2021-05-20T02:13']]);
    expect(r.stderr.split('\n').slice(0, 2)).toEqual([
      `line 1: invalid UTF-8 at byte ${a.idAt + 3}`,
      `line 2: invalid UTF-8 at byte ${b.idAt + 3}`,
    ]);
  });

  it('reports a UTF-8 sequence cut short at the end of the input, without a newline, as malformed', async () => {
    const last = Buffer.concat([Buffer.from(`${sampleLine(2)} `), Buffer.from([0xe3, 0x81])]);
    const r = await cli(CHECK, Buffer.concat([Buffer.from(`${sampleLine(1)}\n`), last]));
    expect(r.code).toBe(2);
    expect(decided(r.stdout).map(([line]) => line)).toEqual([1]);
    expect(r.stderr).toMatch(new RegExp(`^line 2: invalid UTF-8 at byte ${sampleLine(2).length + 2}\n`));
  });

  it('drops a byte order mark before the first line only: elsewhere it is a character JSON does not allow', async () => {
    const r = await cli(CHECK, `\uFEFF${sampleLine(1)}\n\uFEFF${sampleLine(2)}\n`);
    expect(decided(r.stdout).map(([line]) => line)).toEqual([1]);
    expect(r.stderr).toMatch(/^line 2: invalid JSON at character 1: unexpected character\n/);
  });
});

describe.concurrent('JSON errors', () => {
  const PERSONAL = [
    '{"id":"山田太郎 090-1234-5678",',
    '{"id":山田太郎 090-1234-5678}',
    '{"id":"山田太郎 090-1234-5678"}}',
    '{"id":"山田太郎\t090-1234-5678"}',
    '{"id":"山田太郎 \\q090-1234-5678"}',
    '{"id":"山田太郎 090-1234-5678',
  ];

  it('reports where and why a line is not JSON without quoting it: no name or phone number on stderr', async () => {
    const r = await cli(CHECK, `${PERSONAL.join('\n')}\n`);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/山|田|090|1234|5678/);
    expect(r.stderr.split('\n').slice(0, PERSONAL.length)).toEqual([
      'line 1: invalid JSON at character 28: unexpected end of input',
      'line 2: invalid JSON at character 7: unexpected character',
      'line 3: invalid JSON at character 28: trailing characters after the value',
      'line 4: invalid JSON at character 12: control character in string',
      'line 5: invalid JSON at character 13: bad escape',
      'line 6: invalid JSON at character 7: unterminated string',
    ]);
  });

  it('reports a request that is not JSON to explain without quoting it', async () => {
    const r = await cli(['explain', '{"action":"use","data":{"id":山田太郎 090-1234-5678}}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'm2m-data-policy explain: the request from argument is not JSON: at character 30: unexpected character\n',
    );
  });
});

describe.concurrent('explain reads its request the same way', () => {
  const request = JSON.stringify({
    action: 'process',
    data: JSON.parse(sampleLine(1)),
    at: '2021-06-01T10:00:00+09:00',
  });

  it('refuses a request on stdin that is not UTF-8, with exit 2, instead of repairing it', async () => {
    const [head, tail] = request.split('kanto') as [string, string];
    const r = await cli(
      ['explain', '-'],
      Buffer.concat([Buffer.from(head), Buffer.from([0xff]), Buffer.from(`kanto${tail}`)]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not UTF-8 \(byte \d+\)/);
  });

  it('refuses a request on stdin longer than 1048576 bytes, with exit 2, without reading it all', async () => {
    const r = await cli(['explain', '-'], `${request.slice(0, -1)},"pad":"${'x'.repeat(2_000_000)}"}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/longer than 1048576 bytes/);
  });

  it('still explains a request on stdin that starts with a byte order mark', async () => {
    const r = await cli(['explain', '-', '--locale', 'en'], `\uFEFF${request}`);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Permit/);
  });
});
