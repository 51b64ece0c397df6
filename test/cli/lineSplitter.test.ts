import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LINE_BYTES, type RawLine, splitLines } from '../../src/cli/lineSplitter.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The lines as `[number, text]`, a too-long line as `[number, null]`. */
async function split(chunks: readonly (Buffer | string)[], max?: number): Promise<[number, string | null][]> {
  const out: [number, string | null][] = [];
  for await (const line of splitLines(chunks, max)) {
    out.push([line.number, 'bytes' in line ? line.bytes.toString('latin1') : null]);
  }
  return out;
}

const bytes = (text: string): Buffer => Buffer.from(text, 'latin1');
const BOM = '\xef\xbb\xbf';

describe('splitLines', () => {
  it('splits at LF, drops the CR of a CRLF, and reads a last line without a line ending', async () => {
    expect(await split([bytes('a\nb\r\nc')])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
    ]);
    expect(await split([bytes('a\n')])).toEqual([[1, 'a']]);
    expect(await split([bytes('\n\r\n')])).toEqual([
      [1, ''],
      [2, ''],
    ]);
    expect(await split([])).toEqual([]);
  });

  it('keeps a lone CR inside a line: only LF ends one', async () => {
    expect(await split([bytes('a\rb\n')])).toEqual([[1, 'a\rb']]);
  });

  it('drops a UTF-8 byte order mark before the first line only, even cut across chunks', async () => {
    const text = `${BOM}a\n${BOM}b\n`;
    const expected = [
      [1, 'a'],
      [2, `${BOM}b`],
    ];
    expect(await split([bytes(text)])).toEqual(expected);
    expect(await split([...text].map(bytes))).toEqual(expected);
  });

  it('takes a line of exactly the limit, its CRLF and a first-line BOM not counted, and one byte more is too long', async () => {
    expect(await split([bytes('abcd\nabcde\nabcd\r\nabcde\r\n')], 4)).toEqual([
      [1, 'abcd'],
      [2, null],
      [3, 'abcd'],
      [4, null],
    ]);
    expect(await split([bytes(`${BOM}abcd\n`)], 4)).toEqual([[1, 'abcd']]);
    expect(await split([bytes(`${BOM}abcde\n`)], 4)).toEqual([[1, null]]);
    expect(await split([bytes('abcde')], 4)).toEqual([[1, null]]);
  });

  it('numbers the lines after a too-long line on, however many chunks it spans', async () => {
    const chunks = ['ab', 'cdefgh', 'ij', 'k\nl', 'm\nnop', 'qrstu', 'vw'].map(bytes);
    expect(await split(chunks, 3)).toEqual([
      [1, null],
      [2, 'lm'],
      [3, null],
    ]);
  });

  it('reads string chunks (a stream that decodes itself) as their UTF-8', async () => {
    const lines: RawLine[] = [];
    for await (const line of splitLines(['計\n', '測'])) lines.push(line);
    expect(lines.map((l) => ('bytes' in l ? l.bytes.toString('utf8') : null))).toEqual(['計', '測']);
  });

  it('defaults to a limit of 1 MiB', async () => {
    expect(DEFAULT_MAX_LINE_BYTES).toBe(1_048_576);
    expect(
      await split([
        Buffer.alloc(DEFAULT_MAX_LINE_BYTES, 'x'),
        bytes('\n'),
        Buffer.alloc(DEFAULT_MAX_LINE_BYTES + 1, 'x'),
      ]),
    ).toEqual([
      [1, 'x'.repeat(DEFAULT_MAX_LINE_BYTES)],
      [2, null],
    ]);
  });

  it('drops the bytes of a too-long line as they arrive: its first chunks are garbage before the line ends', async () => {
    const seen: WeakRef<ArrayBufferLike>[] = [];
    let heldWhileLineOpen = -1;
    async function* chunks() {
      yield bytes('{}\n');
      for (let i = 0; i < 64; i++) {
        const chunk = Buffer.alloc(64 * 1024, 'x');
        seen.push(new WeakRef(chunk.buffer));
        yield chunk;
      }
      // A turn of the event loop, so the weak references are no longer kept alive by the job that made them.
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      heldWhileLineOpen = seen.slice(0, 60).filter((ref) => ref.deref() !== undefined).length;
      yield bytes('\n[]');
    }
    const lines: [number, string | null][] = [];
    for await (const line of splitLines(chunks(), 1024))
      lines.push([line.number, 'bytes' in line ? String(line.bytes) : null]);
    expect(lines).toEqual([
      [1, '{}'],
      [2, null],
      [3, '[]'],
    ]);
    expect(heldWhileLineOpen).toBe(0);
  });

  it('agrees with splitting the whole input at LF, for 500 random inputs cut into random chunks', async () => {
    const byte = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(0x0a, 0x0d, 0xef, 0xbb, 0xbf) },
      { weight: 5, arbitrary: fc.integer({ min: 0, max: 255 }) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(byte, { maxLength: 80 }),
        fc.array(fc.nat(80), { maxLength: 8 }),
        fc.integer({ min: 1, max: 12 }),
        async (input, cuts, max) => {
          const whole = Buffer.from(input);
          const points = [...new Set(cuts.map((c) => Math.min(c, whole.length)))].sort((a, b) => a - b);
          const chunks = [0, ...points].map((p, i) => whole.subarray(p, points[i] ?? whole.length));
          const segments = whole.toString('latin1').split('\n');
          if (segments[segments.length - 1] === '') segments.pop();
          const expected = segments.map((s, i): [number, string | null] => {
            let text = i === 0 && s.startsWith(BOM) ? s.slice(3) : s;
            if (text.endsWith('\r')) text = text.slice(0, -1);
            return [i + 1, text.length > max ? null : text];
          });
          expect(await split(chunks, max)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
