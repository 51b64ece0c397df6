/**
 * Lines split from a stream's bytes, each at most a given number of bytes long, before any decoding.
 *
 * @module
 */
import { constants } from 'node:buffer';

/**
 * The longest line read by default, in bytes (1 MiB). A record is a few hundred bytes, so a longer line is not a
 * record; `--max-line-bytes` raises the limit for inputs that need it.
 */
export const DEFAULT_MAX_LINE_BYTES = 1_048_576;

/**
 * The highest limit a line may be given: the longest string V8 can hold. A line of UTF-8 never decodes to more
 * UTF-16 code units than it has bytes, so a line within this limit can always be decoded.
 */
export const MAX_LINE_BYTES_CEILING = constants.MAX_STRING_LENGTH;

/** A line's bytes, without its line ending; or, for a line longer than the limit, only its number. */
export type RawLine =
  | { readonly number: number; readonly bytes: Buffer }
  | { readonly number: number; readonly tooLong: true };

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

const bytesOf = (chunk: unknown): Buffer =>
  chunk instanceof Uint8Array
    ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
    : // A stream that decodes itself yields strings: already decoded, so its invalid bytes are gone already.
      Buffer.from(String(chunk), 'utf8');

/**
 * Splits a stream of byte chunks into lines at LF, dropping a CR before it (CRLF or LF) and a UTF-8 byte order
 * mark before the first line; a last line without a line ending is a line too. A line longer than `maxLineBytes`
 * (its ending and that first mark not counted) is yielded as `tooLong`, and its bytes are dropped as they arrive,
 * never gathered: memory stays within the limit and a chunk however long the line, and the next line is read on.
 *
 * @example
 * for await (const line of splitLines([Buffer.from('\uFEFF{"a":1}\r\nxxxxxxxxxx\n[]')], 8)) {
 *   console.log(line.number, 'bytes' in line ? String(line.bytes) : 'too long');
 * }
 * //=> 1 '{"a":1}'
 * //=> 2 'too long'
 * //=> 3 '[]'
 */
export async function* splitLines(
  chunks: AsyncIterable<unknown> | Iterable<unknown>,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;

  const end = (): RawLine => {
    number++;
    const whole = parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, size);
    const skipped = tooLong;
    parts = [];
    size = 0;
    tooLong = false;
    if (skipped) return { number, tooLong: true };
    const start = number === 1 && whole.subarray(0, 3).equals(BOM) ? 3 : 0;
    const stop = whole.length > start && whole[whole.length - 1] === CR ? whole.length - 1 : whole.length;
    return stop - start > maxLineBytes
      ? { number, tooLong: true }
      : { number, bytes: whole.subarray(start, stop) };
  };

  for await (const chunk of chunks) {
    const bytes = bytesOf(chunk);
    let from = 0;
    for (;;) {
      const lf = bytes.indexOf(LF, from);
      const to = lf === -1 ? bytes.length : lf;
      if (!tooLong && to > from) {
        // Room for what is not the line's content: the CR of a CRLF, and the byte order mark of the first line.
        const slack = number === 0 ? 4 : 1;
        if (size + (to - from) > maxLineBytes + slack) {
          tooLong = true;
          parts = [];
          size = 0;
        } else {
          parts.push(bytes.subarray(from, to));
          size += to - from;
        }
      }
      if (lf === -1) break;
      yield end();
      from = lf + 1;
    }
  }
  if (size > 0 || tooLong) yield end();
}
