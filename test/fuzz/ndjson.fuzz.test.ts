import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { type Malformed, type ReadLinesOptions, readLines, readRecords } from '../../src/cli/ndjson.js';
import { recordSource } from '../../src/cli/source.js';
import { MB, settledHeap, timedAsync } from './budget.js';

// The CLI's NDJSON reader is the other outside boundary: bytes from a file or a pipe. Every non-blank line is
// either yielded as a record or reported as malformed with its number — invalid UTF-8, 10 MB lines, ten thousand
// levels of nesting and numbers JSON cannot hold included — nothing else escapes, nothing hangs, and a long line
// is not held after it is read.

const tally = new Map<string, number>();
const count = (kind: string, n = 1) => tally.set(kind, (tally.get(kind) ?? 0) + n);

const SAMPLE = {
  kind: 'measurement',
  id: 'm-1',
  contractId: 'C-1',
  metric: 'leakage-current',
  measuredAt: '2021-03-15T09:59:30+09:00',
  receivedAt: '2021-03-15T10:00:00+09:00',
  personalData: 'none',
  value: 12.4,
  unit: 'mA',
};
const recordLine = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ ...SAMPLE, ...extra, id });

/** A stream of the given chunks, as a pipe delivers them (Buffers, cut anywhere). */
const streamOf = (chunks: readonly Buffer[]) => Readable.from(chunks, { objectMode: false });

/** Cuts a buffer at the given fractions of its length. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let last = 0;
  for (const p of points) {
    if (p > last) chunks.push(bytes.subarray(last, p));
    last = Math.max(last, p);
  }
  chunks.push(bytes.subarray(last));
  return chunks;
}

/** In fixed-size chunks, as a file is read. */
function chunked(bytes: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return chunks;
}

interface Outcome {
  readonly records: { line: number; id: string; idLength: number }[];
  readonly malformed: Malformed[];
  /** Line numbers in the order they were answered, records and malformed lines together. */
  readonly order: number[];
  readonly peakHeapGrowth: number;
}

/** Reads NDJSON from a stream through the CLI's reader, sampling the heap while it runs. */
async function readAll(input: Readable, options: ReadLinesOptions = {}): Promise<Outcome> {
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  const timer = setInterval(sample, 5);
  const records: Outcome['records'] = [];
  const malformed: Malformed[] = [];
  const order: number[] = [];
  try {
    for await (const { line, record } of readRecords(readLines(input, options), (m) => {
      sample();
      malformed.push(m.problem === 'invalid-json' ? { ...m, message: m.message.slice(0, 200) } : m);
      order.push(m.line);
    })) {
      sample();
      // Keep the id's length, not the id: a 10 MB id must not be held by the test either.
      records.push({ line, id: record.id.length > 1000 ? '' : record.id, idLength: record.id.length });
      order.push(line);
    }
  } finally {
    clearInterval(timer);
  }
  return { records, malformed, order, peakHeapGrowth: peak - base };
}

/** What a line is meant to be: a record with this id, anything (parsed or malformed), or blank. */
type Expect = { kind: 'record'; id: string } | { kind: 'any' } | { kind: 'blank' };

const INVALID_UTF8: readonly number[][] = [
  [0x80],
  [0xbf],
  [0x80, 0x80, 0x80],
  [0xc0, 0xaf], // overlong '/'
  [0xc3], // truncated two-byte sequence
  [0xe3, 0x81], // truncated three-byte sequence
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xf0, 0x9f, 0x98], // truncated four-byte sequence
  [0xfe],
  [0xff],
];

const idChars = fc.constantFrom('a', 'Z', '-', '0', '計', '測', 'é', '😀', '\u3000', '"', '\\', '\u2028');
const id = fc
  .array(idChars, { minLength: 1, maxLength: 12 })
  .map((cs) => `m-${cs.join('')}`)
  .filter((s) => /\S/.test(s));

/** A line as bytes, with what it should come out as. */
const line: fc.Arbitrary<{ bytes: Buffer; expect: Expect }> = fc.oneof(
  id.map((i) => ({ bytes: Buffer.from(recordLine(i)), expect: { kind: 'record', id: i } as Expect })),
  // Invalid UTF-8 inside a string value: still JSON once decoded (U+FFFD), so it parses or is refused.
  fc.tuple(id, fc.constantFrom(...INVALID_UTF8)).map(([i, bad]) => {
    const [head, tail] = recordLine(i).split('"C-1"') as [string, string];
    return {
      bytes: Buffer.concat([Buffer.from(`${head}"C-`), Buffer.from(bad), Buffer.from(`1"${tail}`)]),
      expect: { kind: 'any' } as Expect,
    };
  }),
  // Invalid UTF-8 anywhere, or bytes at random (no line breaks).
  fc.tuple(fc.nat(), fc.constantFrom(...INVALID_UTF8)).map(([at, bad]) => {
    const text = Buffer.from(recordLine('m-x'));
    const p = at % (text.length + 1);
    return {
      bytes: Buffer.concat([text.subarray(0, p), Buffer.from(bad), text.subarray(p)]),
      expect: { kind: 'any' } as Expect,
    };
  }),
  fc.uint8Array({ minLength: 1, maxLength: 60 }).map((a) => ({
    bytes: Buffer.from(a.filter((b) => b !== 0x0a && b !== 0x0d)),
    expect: { kind: 'any' } as Expect,
  })),
  fc.tuple(fc.nat(), fc.string({ maxLength: 3 })).map(([at, s]) => {
    const text = recordLine('m-y');
    const p = at % text.length;
    return {
      bytes: Buffer.from((text.slice(0, p) + s + text.slice(p + 1)).replace(/[\r\n\u0085]/g, '')),
      expect: { kind: 'any' } as Expect,
    };
  }),
  fc
    .constantFrom(
      'NaN',
      '-0',
      '1e309',
      'Infinity',
      'null',
      '[]',
      '{}',
      '"measurement"',
      '{"kind":"measurement"}',
    )
    .map((t) => ({ bytes: Buffer.from(t), expect: { kind: 'any' } as Expect })),
  fc
    .constantFrom('', ' ', '\t', '  \t  ')
    .map((t) => ({ bytes: Buffer.from(t), expect: { kind: 'blank' } as Expect })),
);

/** The lines as the reader should see them: decoded with a (non-fatal) UTF-8 decoder, the BOM dropped. */
function decodedLines(lines: readonly Buffer[]): string[] {
  return lines.map((b, i) => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);
    return i === 0 && text.startsWith('\uFEFF') ? text.slice(1) : text;
  });
}

describe('NDJSON reader (fuzz)', () => {
  afterAll(() => {
    const summary = [...tally].map(([k, n]) => `${k}: ${n}`).join(', ');
    const total = [...tally.values()].reduce((a, b) => a + b, 0);
    console.info(`NDJSON reader fuzz cases run: ${total} (${summary})`);
  });

  it('answers every non-blank line once, in order, as a record or a malformed line, for 300 streams of random and invalid UTF-8 lines cut into random chunks', async () => {
    let lineCount = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { minLength: 1, maxLength: 15 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 }),
        async (lines, eol, trailing, bom, cuts) => {
          const bodies = lines.map((l, i) =>
            i === 0 && bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), l.bytes]) : l.bytes,
          );
          const parts: Buffer[] = [];
          bodies.forEach((b, i) => {
            parts.push(b);
            if (i < bodies.length - 1 || trailing) parts.push(Buffer.from(eol));
          });
          const bytes = Buffer.concat(parts);
          const { value: out, ms } = await timedAsync(() => readAll(streamOf(cut(bytes, cuts))));
          expect(ms).toBeLessThan(1_000);

          const texts = decodedLines(bodies);
          const answered = new Map<number, string>();
          for (const r of out.records) answered.set(r.line, `record ${r.id}`);
          for (const m of out.malformed) {
            expect(answered.has(m.line)).toBe(false);
            answered.set(m.line, m.problem);
          }
          // In order, each line once.
          for (let i = 1; i < out.order.length; i++)
            expect(out.order[i]).toBeGreaterThan(out.order[i - 1] as number);
          texts.forEach((text, i) => {
            const n = i + 1;
            const expected = lines[i]?.expect as Expect;
            if (text.trim() === '') expect(answered.has(n), `line ${n} is blank`).toBe(false);
            else expect(answered.has(n), `line ${n} ${JSON.stringify(text)}`).toBe(true);
            if (expected.kind === 'record') expect(answered.get(n)).toBe(`record ${expected.id}`);
          });
          expect(Math.max(0, ...answered.keys())).toBeLessThanOrEqual(texts.length);
          lineCount += texts.length;
          count('random streams');
        },
      ),
      { numRuns: 300 },
    );
    count('lines in random streams', lineCount);
  }, 20_000);

  it('reports lines of lone continuation bytes and other invalid UTF-8 as malformed, never throwing', async () => {
    let cases = 0;
    for (const bad of INVALID_UTF8) {
      for (const size of [1, 2, 3, 7, 64 * 1024]) {
        const bytes = Buffer.concat([
          Buffer.from(`${recordLine('m-1')}\n`),
          Buffer.from(bad),
          Buffer.from('\n'),
          Buffer.from(bad),
          Buffer.from(`${recordLine('m-3')}\n`),
          Buffer.from(recordLine('m-4')),
        ]);
        const out = await readAll(streamOf(chunked(bytes, size)));
        expect(out.records.map((r) => [r.line, r.id])).toEqual([
          [1, 'm-1'],
          [4, 'm-4'],
        ]);
        expect(out.malformed.map((m) => [m.line, m.problem])).toEqual([
          [2, 'invalid-utf8'],
          [3, 'invalid-utf8'],
        ]);
        cases++;
      }
    }
    count('invalid UTF-8 streams', cases);
  });

  it('decodes multi-byte characters cut across chunk boundaries whole, whatever the chunk size', async () => {
    const ids = ['計測データ-東京', 'émission-😀-ü', '\u3000全角スペース\u3000'];
    const bytes = Buffer.from(ids.map((i) => recordLine(i)).join('\n'));
    let cases = 0;
    for (let size = 1; size <= 13; size++) {
      const out = await readAll(streamOf(chunked(bytes, size)));
      expect(out.records.map((r) => r.id)).toEqual(ids);
      expect(out.malformed).toEqual([]);
      cases++;
    }
    count('multi-byte chunking streams', cases);
  });

  it('handles lines of 10,000 levels of nesting and numbers JSON cannot hold', async () => {
    const depth = 10_000;
    const lines = [
      `${'['.repeat(depth)}${']'.repeat(depth)}`,
      `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
      // Written as text: JSON.stringify itself overflows the stack at this depth.
      recordLine('m-deep').replace('12.4', `${'['.repeat(depth)}${']'.repeat(depth)}`),
      recordLine('m-unknown').replace(
        '"unit"',
        `"extra":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"unit"`,
      ),
      recordLine('m-huge').replace('12.4', '1e309'),
      recordLine('m-big').replace('12.4', '1e308'),
      recordLine('m-negzero').replace('12.4', '-0'),
      'NaN',
      '{"kind":"measurement","value":NaN}',
      `${'['.repeat(depth)}`,
    ];
    const { value: out, ms } = await timedAsync(() =>
      readAll(streamOf(chunked(Buffer.from(lines.join('\n')), 4096))),
    );
    expect(ms).toBeLessThan(5_000);
    expect(out.records.map((r) => [r.line, r.id])).toEqual([
      [4, 'm-unknown'],
      [6, 'm-big'],
      [7, 'm-negzero'],
    ]);
    expect(out.malformed.map((m) => [m.line, m.problem])).toEqual([
      [1, 'invalid-record'],
      [2, 'invalid-record'],
      [3, 'invalid-record'],
      [5, 'invalid-record'],
      [8, 'invalid-json'],
      [9, 'invalid-json'],
      [10, 'invalid-json'],
    ]);
    count('nesting and number lines', lines.length);
  });

  describe('10 MB lines', () => {
    const TEN_MB = 10 * MB;
    const LIMIT = 200 * MB;
    const cases: [string, () => Buffer, (out: Outcome) => void][] = [
      [
        'a record whose id is 10 MB long is read whole',
        () => Buffer.from(recordLine('x'.repeat(TEN_MB))),
        (out) => expect(out.records.map((r) => r.idLength)).toEqual([TEN_MB]),
      ],
      [
        'a record whose id is 10 MB of three-byte characters, cut mid-character, is read whole',
        () => Buffer.from(recordLine('計'.repeat(TEN_MB / 3))),
        (out) => expect(out.records.map((r) => r.idLength)).toEqual([Math.floor(TEN_MB / 3)]),
      ],
      [
        '10 MB of text that is not JSON is one malformed line',
        () => Buffer.alloc(TEN_MB, 'x'),
        (out) => expect(out.malformed.map((m) => m.problem)).toEqual(['invalid-json']),
      ],
      [
        '10 MB of lone continuation bytes is one malformed line',
        () => Buffer.alloc(TEN_MB, 0x80),
        (out) => expect(out.malformed.map((m) => m.problem)).toEqual(['invalid-utf8']),
      ],
      [
        '10 MB of blanks is skipped',
        () => Buffer.alloc(TEN_MB, ' '),
        (out) => expect([out.records.length, out.malformed.length]).toEqual([0, 0]),
      ],
      [
        'a 10 MB JSON string is a record refused by the parser',
        () => Buffer.from(JSON.stringify('y'.repeat(TEN_MB))),
        (out) => expect(out.malformed.map((m) => m.problem)).toEqual(['invalid-record']),
      ],
    ];
    // The lines above are read with the limit raised, as --max-line-bytes does; under the default (1 MiB) each is
    // too long, and dropped unread.
    const RAISED = { maxLineBytes: 16 * MB };

    let baseline = 0;
    beforeAll(() => {
      baseline = settledHeap();
    });

    for (const [name, make, check] of cases) {
      it(`${name}, then the next lines are numbered on, within 5 s and 200 MB of heap`, async () => {
        const before = settledHeap();
        let big: Buffer | undefined = make();
        const bytes = Buffer.concat([
          Buffer.from(`${recordLine('m-before')}\n`),
          big,
          Buffer.from(`\n${recordLine('m-after')}\n`),
        ]);
        big = undefined;
        const { value: out, ms } = await timedAsync(() =>
          readAll(streamOf(chunked(bytes, 64 * 1024)), RAISED),
        );
        expect(ms).toBeLessThan(5_000);
        expect(out.peakHeapGrowth).toBeLessThan(LIMIT);
        const capped = await readAll(streamOf(chunked(bytes, 64 * 1024)));
        expect(capped.malformed.map((m) => [m.line, m.problem])).toEqual([[2, 'line-too-long']]);
        expect(out.records.filter((r) => r.id.startsWith('m-')).map((r) => [r.line, r.id])).toEqual([
          [1, 'm-before'],
          [3, 'm-after'],
        ]);
        check({
          ...out,
          records: out.records.filter((r) => !r.id.startsWith('m-')),
          malformed: out.malformed,
        });
        for (const m of out.malformed) expect(m.line).toBe(2);
        // Nothing of the line is held once it has been read.
        expect(settledHeap() - before).toBeLessThan(50 * MB);
        count('10 MB lines');
      }, 15_000);
    }

    it('leaves the heap where it was after all the 10 MB lines', () => {
      expect(settledHeap() - baseline).toBeLessThan(50 * MB);
    });
  });

  describe('recordSource (the CLI command input)', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'ndjson-fuzz-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const ioWith = (stdin: Readable) => {
      const written: string[] = [];
      const sink = () =>
        new Writable({
          write(chunk: Buffer | string, _encoding, callback) {
            written.push(String(chunk));
            callback();
          },
        });
      const io: Io = { stdin, stdout: sink(), stderr: sink() };
      return { io, written };
    };

    // A truncated multi-byte sequence ending the input without a final newline: the bytes are part of the last
    // line, which is therefore not valid JSON (nor a record) and must be reported — from a pipe as from a file.
    for (const via of ['pipe', 'file'] as const) {
      it(`reports a last line ending in a truncated UTF-8 sequence without a newline, read from a ${via}`, async () => {
        const valid = '{"kind":"provider-content","id":"pc-1","publishedAt":"2021-01-01T00:00:00+09:00"}';
        let cases = 0;
        for (const tail of [[0xc3], [0xe3, 0x81], [0xf0, 0x9f, 0x98]]) {
          for (const body of [valid, '']) {
            const bytes = Buffer.concat([Buffer.from(`${valid}\n${body}`), Buffer.from(tail)]);
            let path = '-';
            if (via === 'file') {
              path = join(dir, `tail-${cases}.ndjson`);
              await writeFile(path, bytes);
            }
            const { io, written } = ioWith(streamOf([bytes]));
            const source = await recordSource(path, io, 'check');
            const lines: number[] = [];
            for await (const { line: l } of source.records) lines.push(l);
            expect({ tail, body, lines, malformed: source.malformed() }).toEqual({
              tail,
              body,
              lines: [1],
              malformed: 1,
            });
            expect(written.join('')).toMatch(/^line 2: invalid UTF-8 at byte \d+\n/);
            cases++;
          }
        }
        count(`truncated last lines (${via})`, cases);
      });
    }

    it('counts and reports every malformed line of 200 random files and pipes with invalid UTF-8', async () => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(line, { minLength: 1, maxLength: 10 }),
          fc.boolean(),
          async (lines, viaFile) => {
            const bytes = Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from('\n')]));
            let path = '-';
            if (viaFile) {
              path = join(dir, `case-${n}.ndjson`);
              await writeFile(path, bytes);
            }
            const { io, written } = ioWith(streamOf(chunked(bytes, 7)));
            const { value: result, ms } = await timedAsync(async () => {
              const source = await recordSource(path, io, 'check');
              const ids: number[] = [];
              for await (const { line: l } of source.records) ids.push(l);
              source.finish();
              return { lines: ids, malformed: source.malformed() };
            });
            expect(ms).toBeLessThan(1_000);
            const reported = new Set(
              written
                .join('')
                .split('\n')
                .filter((l) => l !== '')
                .map((l) => Number(/^line (\d+): /.exec(l)?.[1])),
            );
            expect(reported.has(Number.NaN)).toBe(false);
            expect(reported.size).toBe(result.malformed);
            for (const l of result.lines) expect(reported.has(l)).toBe(false);
            const nonBlank = decodedLines(lines.map((l) => l.bytes)).filter((t) => t.trim() !== '').length;
            expect(result.lines.length + result.malformed).toBe(nonBlank);
            n++;
          },
        ),
        { numRuns: 200 },
      );
      count('recordSource files and pipes', n);
    }, 20_000);
  });
});
