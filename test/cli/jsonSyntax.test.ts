import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSyntaxError } from '../../src/cli/jsonSyntax.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** How many characters (code points) a text has. */
const characters = (text: string): number => [...text].length;

// The characters JSON is made of, and a few it is not: random strings over them are often nearly JSON.
const ALPHABET = [
  ...'{}[]":,\\ \t\r\n0123456789-+.eEtrufalsn/bx',
  '\u0000',
  '\u001f',
  '\u00a0',
  '\uFEFF',
  '山',
  '😀',
  '\ud800',
];

describe('jsonSyntaxError', () => {
  it.each([
    ['{"id":"山田太郎 090-1234-5678",', 28, 'unexpected end of input'],
    ['{"id":山田太郎}', 7, 'unexpected character'],
    ['[1,]', 4, 'unexpected character'],
    ['{"a" 1}', 6, 'unexpected character'],
    ['01', 2, 'trailing characters after the value'],
    ['{"a":1} x', 9, 'trailing characters after the value'],
    ['"山田\\q"', 4, 'bad escape'],
    ['"\\u12g4"', 2, 'bad escape'],
    ['"\\u12', 1, 'unterminated string'],
    ['{"a":"山田', 6, 'unterminated string'],
    ['["a\u0001"]', 4, 'control character in string'],
    ['', 1, 'unexpected end of input'],
    ['-', 2, 'unexpected end of input'],
    ['1.e5', 3, 'unexpected character'],
    ['tru', 4, 'unexpected end of input'],
    ['nulL', 4, 'unexpected character'],
    ['😀', 1, 'unexpected character'],
    ['["😀" 😀]', 6, 'unexpected character'],
    ['\uFEFF{}', 1, 'unexpected character'],
  ])('finds %j not JSON at character %i: %s', (text, position, reason) => {
    expect(parses(text)).toBe(false);
    expect(jsonSyntaxError(text)).toEqual({ position, reason });
  });

  it.each([
    '{"id":"a"}',
    ' [1, -0.5e+3, true, false, null, {"a": [{}]}, "\\u00e9\\n\\"", "😀"] ',
    '"\ud800"',
    '1e309',
  ])('finds nothing wrong in JSON: %j', (text) => {
    expect(jsonSyntaxError(text)).toBeUndefined();
  });

  it('scans 100,000 levels of nesting without overflowing the stack', () => {
    const depth = 100_000;
    expect(jsonSyntaxError(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBeUndefined();
    expect(jsonSyntaxError(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)).toBeUndefined();
    expect(jsonSyntaxError('['.repeat(depth))).toEqual({
      position: depth + 1,
      reason: 'unexpected end of input',
    });
  });

  const property = (name: string, text: fc.Arbitrary<string>) =>
    it(`finds an error exactly when JSON.parse throws, at a character of the text or just after it, for 3,000 ${name}`, () => {
      fc.assert(
        fc.property(text, (t) => {
          const found = jsonSyntaxError(t);
          expect(found === undefined).toBe(parses(t));
          if (found) {
            expect(found.position).toBeGreaterThanOrEqual(1);
            expect(found.position).toBeLessThanOrEqual(characters(t) + 1);
          }
        }),
        { numRuns: 3_000 },
      );
    });

  property('random strings', fc.string({ unit: 'binary', maxLength: 20 }));
  property(
    'strings of JSON punctuation, digits and letters',
    fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 24 }),
  );
  property(
    'valid JSON values, compact or indented',
    fc
      .tuple(fc.jsonValue(), fc.constantFrom(undefined, 2, '\t'))
      .map(([v, indent]) => JSON.stringify(v, null, indent)),
  );
  property(
    'valid JSON with a character deleted, inserted or replaced',
    fc
      .tuple(
        fc.json({ maxDepth: 3 }),
        fc.nat(),
        fc.constantFrom(...ALPHABET),
        fc.constantFrom('delete', 'insert', 'replace'),
      )
      .map(([json, at, char, edit]) => {
        const i = at % (json.length + 1);
        if (edit === 'delete') return json.slice(0, i) + json.slice(i + 1);
        if (edit === 'insert') return json.slice(0, i) + char + json.slice(i);
        return json.slice(0, i) + char + json.slice(i + 1);
      }),
  );
});
