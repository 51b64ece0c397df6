/**
 * Where and why a line is not JSON, told without quoting any of it: the lines are records, and records can hold
 * personal data that must not reach a log through an error message.
 *
 * @module
 */

/** Why a text is not JSON. */
export type JsonSyntaxReason =
  | 'unexpected character'
  | 'unexpected end of input'
  | 'unterminated string'
  | 'bad escape'
  | 'control character in string'
  | 'trailing characters after the value';

/** Where a text stops being JSON: the 1-based character (code point) and the reason. */
export interface JsonSyntaxError {
  readonly position: number;
  readonly reason: JsonSyntaxReason;
}

/** The 1-based number of the character at a UTF-16 index: surrogate pairs count once. */
function characterNumber(text: string, index: number): number {
  let n = 1;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    const pairStart = code >= 0xd800 && code <= 0xdbff && i + 1 < index;
    const next = pairStart ? text.charCodeAt(i + 1) : 0;
    if (pairStart && next >= 0xdc00 && next <= 0xdfff) i++;
    n++;
  }
  return n;
}

/** Thrown inside the scan at the first fault: the UTF-16 index where it is, and why. */
class Found extends Error {
  constructor(
    readonly index: number,
    readonly reason: JsonSyntaxReason,
  ) {
    super(reason);
  }
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;
const isHex = (code: number): boolean =>
  isDigit(code) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'].map((c) => c.charCodeAt(0)));

/** A scan of one text by hand, which stops by throwing {@link Found} at the first character that is not JSON. */
class Scanner {
  #i = 0;

  constructor(readonly text: string) {}

  #at(): number {
    return this.#i < this.text.length ? this.text.charCodeAt(this.#i) : -1;
  }

  #fail(reason?: JsonSyntaxReason): never {
    if (this.#i >= this.text.length) throw new Found(this.#i, reason ?? 'unexpected end of input');
    throw new Found(this.#i, reason ?? 'unexpected character');
  }

  #whitespace(): void {
    for (let c = this.#at(); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = this.#at()) this.#i++;
  }

  #expect(code: number): void {
    this.#whitespace();
    if (this.#at() !== code) this.#fail();
    this.#i++;
  }

  #string(): void {
    const start = this.#i;
    this.#i++;
    for (;;) {
      const c = this.#at();
      if (c === -1) throw new Found(start, 'unterminated string');
      if (c === 0x22) break;
      if (c < 0x20) this.#fail('control character in string');
      if (c === 0x5c) {
        const backslash = this.#i;
        this.#i++;
        const e = this.#at();
        if (e === -1) throw new Found(start, 'unterminated string');
        if (e === 0x75) {
          for (let k = 1; k <= 4; k++) {
            const h = this.#i + k < this.text.length ? this.text.charCodeAt(this.#i + k) : -1;
            if (h === -1) throw new Found(start, 'unterminated string');
            if (!isHex(h)) throw new Found(backslash, 'bad escape');
          }
          this.#i += 4;
        } else if (!ESCAPES.has(e)) throw new Found(backslash, 'bad escape');
      }
      this.#i++;
    }
    this.#i++;
  }

  #digits(): void {
    if (!isDigit(this.#at())) this.#fail();
    while (isDigit(this.#at())) this.#i++;
  }

  #number(): void {
    if (this.#at() === 0x2d) this.#i++;
    if (this.#at() === 0x30) this.#i++;
    else this.#digits();
    if (this.#at() === 0x2e) {
      this.#i++;
      this.#digits();
    }
    const e = this.#at();
    if (e === 0x65 || e === 0x45) {
      this.#i++;
      const sign = this.#at();
      if (sign === 0x2b || sign === 0x2d) this.#i++;
      this.#digits();
    }
  }

  #literal(word: string): void {
    for (const char of word) {
      if (this.#at() !== char.charCodeAt(0)) this.#fail();
      this.#i++;
    }
  }

  /** A string, a number, `true`, `false` or `null`. */
  #scalar(): void {
    const c = this.#at();
    if (c === 0x22) this.#string();
    else if (c === 0x2d || isDigit(c)) this.#number();
    else if (c === 0x74) this.#literal('true');
    else if (c === 0x66) this.#literal('false');
    else if (c === 0x6e) this.#literal('null');
    else this.#fail();
  }

  /** The key and colon of an object member; its value is read next. */
  #member(): void {
    this.#whitespace();
    if (this.#at() !== 0x22) this.#fail();
    this.#string();
    this.#expect(0x3a);
  }

  /**
   * Scans the whole text: one value, then nothing but whitespace. The arrays and objects still open are a stack
   * of the characters that close them, so ten thousand levels of nesting cost no call stack.
   */
  scan(): void {
    const open: number[] = [];
    let needValue = true;
    for (;;) {
      this.#whitespace();
      if (needValue) {
        const c = this.#at();
        if (c === 0x7b || c === 0x5b) {
          const close = c === 0x7b ? 0x7d : 0x5d;
          this.#i++;
          this.#whitespace();
          if (this.#at() === close) {
            this.#i++;
            needValue = false;
          } else {
            open.push(close);
            if (close === 0x7d) this.#member();
          }
        } else {
          this.#scalar();
          needValue = false;
        }
        continue;
      }
      const close = open[open.length - 1];
      if (close === undefined) break;
      const c = this.#at();
      if (c === close) {
        open.pop();
        this.#i++;
      } else if (c === 0x2c) {
        this.#i++;
        if (close === 0x7d) this.#member();
        needValue = true;
      } else this.#fail();
    }
    if (this.#i < this.text.length) this.#fail('trailing characters after the value');
  }
}

/**
 * Finds where a text stops being JSON (RFC 8259, as `JSON.parse` reads it) and why, naming the character by its
 * number and never quoting the text. Meant for after `JSON.parse` has thrown, so that the line is reported without
 * the engine's message, which quotes the input. `undefined` when the text is JSON.
 *
 * @example
 * jsonSyntaxError('{"id":"山田太郎",') //=> { position: 14, reason: 'unexpected end of input' }
 * jsonSyntaxError('{"id":山田}') //=> { position: 7, reason: 'unexpected character' }
 * jsonSyntaxError('{"id":"a"}') //=> undefined
 */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).scan();
    return undefined;
  } catch (error) {
    if (!(error instanceof Found)) throw error;
    return { position: characterNumber(text, error.index), reason: error.reason };
  }
}
