import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoInstant } from '../../src/records/timestamp.js';

// The reading by regular expression that the hand-written scanner replaced, kept as the oracle: the scanner
// must answer exactly as it did, instant or problem, for every string.
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}:?\d{2})?$/;
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
function oracle(text: string): number | string {
  const m = ISO.exec(text);
  if (!m) return 'invalid-timestamp';
  const [, ys, mos, ds, hs, mis, ss, frac, offset] = m;
  if (offset === undefined) return 'timestamp-without-offset';
  const [year, month, day, hour, minute] = [ys, mos, ds, hs, mis].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const second = ss === undefined ? 0 : Number(ss);
  const monthDays = [31, leap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (monthDays === undefined || day < 1 || day > monthDays || hour > 23 || minute > 59 || second > 59) {
    return 'impossible-date';
  }
  let offsetMinutes = 0;
  if (offset !== 'Z' && offset !== 'z') {
    const digits = offset.slice(1).replace(':', '');
    const [oh, om] = [Number(digits.slice(0, 2)), Number(digits.slice(2))];
    if (oh > 23 || om > 59) return 'impossible-date';
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const ms = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  const date = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
  date.setUTCFullYear(year);
  return date.getTime() - offsetMinutes * 60_000;
}

const digits = (n: number, max = 10 ** n - 1) =>
  fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, '0'));
const piece = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.string({ maxLength: 3 }) });

// Strings near the grammar: mostly well-formed parts, now and then a wrong one, so both answers are exercised.
const candidate = fc
  .tuple(
    piece(digits(4)),
    piece(fc.constant('-')),
    piece(digits(2, 13)),
    piece(fc.constant('-')),
    piece(digits(2, 32)),
    piece(fc.constantFrom('T', 't', ' ')),
    piece(digits(2, 25)),
    piece(fc.constant(':')),
    piece(digits(2, 60)),
    fc.option(fc.tuple(fc.constant(':'), piece(digits(2, 61)))),
    fc.option(fc.tuple(fc.constantFrom('.', ','), fc.stringMatching(/^\d{0,6}$/))),
    fc.option(
      fc.oneof(
        fc.constantFrom('Z', 'z'),
        fc
          .tuple(fc.constantFrom('+', '-'), digits(2, 25), fc.constantFrom(':', ''), digits(2, 60))
          .map((p) => p.join('')),
      ),
    ),
  )
  .map((parts) =>
    parts
      .flat(2)
      .filter((p) => p !== null)
      .join(''),
  );

describe('parseIsoInstant', () => {
  it('reads every string exactly as the regular-expression reading it replaced', () => {
    fc.assert(
      fc.property(candidate, (text) => {
        expect(parseIsoInstant(text)).toEqual(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the oracle on arbitrary strings too', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(parseIsoInstant(text)).toEqual(oracle(text));
      }),
      { numRuns: 2000 },
    );
  });
});
