/**
 * Where bytes stop being UTF-8, to say where in a line the strict decoder gave up.
 *
 * @module
 */

/** The range the byte after a lead byte may take (Unicode Table 3-7); later continuation bytes are 80..BF. */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf]; // no overlong three-byte forms
  if (lead === 0xed) return [0x80, 0x9f]; // no encoded surrogates
  if (lead === 0xf0) return [0x90, 0xbf]; // no overlong four-byte forms
  if (lead === 0xf4) return [0x80, 0x8f]; // nothing beyond U+10FFFF
  return [0x80, 0xbf];
}

/** How many bytes a sequence with this lead byte has, or 0 when no well-formed sequence starts with it. */
function sequenceLength(lead: number): number {
  if (lead <= 0x7f) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The offset of the first byte that does not begin a well-formed UTF-8 sequence (an unexpected continuation byte,
 * an overlong form, an encoded surrogate, a code point past U+10FFFF, a sequence cut short), or -1 when all of
 * `bytes` is UTF-8: exactly the bytes `new TextDecoder('utf-8', { fatal: true })` refuses.
 *
 * @example
 * invalidUtf8Offset(Buffer.from('{"id":"計"}')) //=> -1
 * invalidUtf8Offset(Buffer.from([0x7b, 0x22, 0xe8, 0xa8, 0x22])) //=> 2
 */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const length = sequenceLength(lead);
    if (length === 0) return i;
    if (length > 1) {
      const [low, high] = secondByteRange(lead);
      const second = bytes[i + 1];
      if (second === undefined || second < low || second > high) return i;
      for (let k = 2; k < length; k++) {
        const next = bytes[i + k];
        if (next === undefined || next < 0x80 || next > 0xbf) return i;
      }
    }
    i += length;
  }
  return -1;
}
