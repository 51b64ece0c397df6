import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invalidUtf8Offset } from '../../src/cli/utf8.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

const decodes = (bytes: Uint8Array): boolean => {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

const INVALID: readonly (readonly number[])[] = [
  [0x80], // a continuation byte alone
  [0xbf],
  [0xc0, 0xaf], // an overlong '/'
  [0xc1, 0xbf],
  [0xe0, 0x80, 0xaf], // an overlong three-byte form
  [0xed, 0xa0, 0x80], // an encoded surrogate
  [0xf0, 0x80, 0x80, 0xaf], // an overlong four-byte form
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xf5, 0x80, 0x80, 0x80],
  [0xc3], // cut short
  [0xe3, 0x81],
  [0xf0, 0x9f, 0x98],
  [0xfe],
  [0xff],
];

describe('invalidUtf8Offset', () => {
  it('finds nothing in UTF-8, whatever its characters', () => {
    expect(invalidUtf8Offset(Buffer.from('{"id":"計測-é-😀-\u{10FFFF}-\uFEFF"}'))).toBe(-1);
    expect(invalidUtf8Offset(new Uint8Array())).toBe(-1);
  });

  it.each(INVALID.map((bad) => [Buffer.from(bad).toString('hex'), bad] as const))(
    'finds %s after two valid characters at offset 4',
    (_, bad) => {
      expect(invalidUtf8Offset(Buffer.concat([Buffer.from('a計'), Buffer.from(bad), Buffer.from('z')]))).toBe(
        4,
      );
    },
  );

  it('finds a fault exactly where the strict decoder finds one, and the first one, for 2,000 byte strings', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 6 }).map((s) => Buffer.from(s)),
      fc.constantFrom(...INVALID).map((b) => Buffer.from(b)),
      fc.uint8Array({ maxLength: 4 }).map((b) => Buffer.from(b)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const bytes = Buffer.concat(pieces);
        const at = invalidUtf8Offset(bytes);
        expect(at === -1).toBe(decodes(bytes));
        if (at >= 0) {
          // The prefix is UTF-8, and the lenient decoder's first replacement comes right after it.
          const prefix = strict.decode(bytes.subarray(0, at));
          expect(lenient.decode(bytes).startsWith(`${prefix}\uFFFD`)).toBe(true);
        }
      }),
      { numRuns: 2_000 },
    );
  });
});
